package importer

import (
	"encoding/json"

	"handlingsplan/domain"
)

// payloadHead is the part of submission.json that names board, year and version, read from a
// payload Verify refused so that the log and the coordinator still see whose file it was.
type payloadHead struct {
	Board   string `json:"board"`
	Year    int    `json:"year"`
	Version int    `json:"version"`
	Plan    struct {
		Plan struct {
			Board string `json:"board"`
			Year  int    `json:"year"`
		} `json:"plan"`
	} `json:"plan"`
}

func readHead(raw []byte) (payloadHead, bool) {
	var h payloadHead
	if len(raw) == 0 || json.Unmarshal(raw, &h) != nil {
		return h, false
	}
	return h, true
}

// peekPayload returns board, year and version of a payload, as far as they can be read.
func peekPayload(raw []byte) (string, int, int) {
	h, _ := readHead(raw)
	return normName(h.Board), h.Year, h.Version
}

// boardYearInconsistent reports whether the payload's board or year disagree with the plan
// inside it: the cause of the schema failure the coordinator should hear about by name.
func boardYearInconsistent(raw []byte) bool {
	h, ok := readHead(raw)
	if !ok {
		return false
	}
	board := normName(h.Board)
	return board == "" || board != normName(h.Plan.Plan.Board) || h.Year != h.Plan.Plan.Year || h.Year < domain.MinYear || h.Year > domain.MaxYear
}
