package importer

import (
	"errors"
	"strings"

	"handlingsplan/app/identity"
	"handlingsplan/app/storemsg"
	"handlingsplan/app/submission"
	"handlingsplan/data"
	"handlingsplan/i18n"
)

// VerdictText is the short label of a verdict, for a table column.
func VerdictText(loc *i18n.Localizer, v Verdict) string {
	key := "importer.verdict." + string(v)
	if !loc.Has(key) {
		key = "importer.verdict.rejected"
	}
	return loc.T(key)
}

// Text is the verdict on r as plain sentences for the coordinator: what happened and, when
// something is to be done, what. Technical details stay in the log.
func (r Result) Text(loc *i18n.Localizer) string {
	date := ""
	if !r.ExistingAt.IsZero() {
		date = loc.Date(r.ExistingAt.Local())
	}
	args := []any{"Board", r.Board, "Year", r.Year, "Version", r.Version, "Other", r.Other, "Signer", r.SignerName, "Date", date,
		"Approved", strings.Join(r.Approved, ", "), "OtherSigner", r.OtherSigner}
	switch r.Verdict {
	case AcceptedNew:
		return loc.Tf("importer.text.accepted_new", args...)
	case AcceptedNewer:
		return loc.Tf("importer.text.accepted_newer", args...)
	case Older:
		return loc.Tf("importer.text.older", args...)
	case Conflict:
		switch r.ConflictKind {
		case data.ConflictOtherPlan:
			return loc.Tf("importer.text.conflict_other_plan", args...)
		case data.ConflictStillOpen:
			return loc.Tf("importer.text.conflict_still_open", args...)
		}
		return loc.Tf("importer.text.conflict_same_version", args...)
	case Duplicate:
		if r.SameFile {
			return loc.Tf("importer.text.duplicate_file", args...)
		}
		return loc.Tf("importer.text.duplicate_version", args...)
	case UnknownSigner:
		switch {
		case r.Reason == ReasonSignerOtherBoard && len(r.Approved) > 0:
			return loc.Tf("importer.reason.signer_other_board", args...)
		case r.Reason == ReasonSignerOtherBoard:
			return loc.Tf("importer.reason.signer_no_board", args...)
		case r.Reason == ReasonNewBoard:
			return loc.Tf("importer.reason.new_board", args...)
		case r.Removed != nil && r.Removed.Fingerprint == r.Fingerprint:
			return loc.Tf("importer.text.signer_removed", "Signer", r.SignerName, "Date", loc.Date(r.Removed.At.Local()),
				"Fingerprint", submission.FormatFingerprint(r.Fingerprint))
		case r.Removed != nil:
			return loc.Tf("importer.text.ca_removed", "Signer", r.SignerName, "Date", loc.Date(r.Removed.At.Local()),
				"Fingerprint", submission.FormatFingerprint(r.Fingerprint))
		case r.NewBoard:
			return submission.ReasonText(loc, r.check) + " " + loc.Tf("importer.text.new_board_note", args...)
		}
		return submission.ReasonText(loc, r.check)
	case Failed:
		if r.Reason == ReasonDiskFull {
			return loc.T("importer.reason.disk_full")
		}
		if t, ok := storemsg.Text(loc, r.Err); ok {
			return t // the database is read-only, damaged or held by another program
		}
		return loc.T("importer.reason.store_failed")
	}
	switch r.Reason {
	case ReasonBoardYear:
		return loc.T("importer.reason.board_year")
	case ReasonBoardMismatch:
		return loc.Tf("importer.reason.board_mismatch", "CertBoard", r.CertBoard, "Board", r.Board)
	case ReasonCertNoBoard:
		return loc.T("importer.reason.cert_no_board")
	case ReasonOtherKommun:
		return loc.Tf("importer.reason.other_kommun", "Kommun", r.Kommun, "Own", r.OwnKommun)
	case ReasonContentHash:
		return loc.T("importer.reason.content_hash")
	case ReasonNoFile:
		return loc.T("importer.reason.no_file")
	}
	return submission.ReasonText(loc, r.check)
}

// Summary counts the verdicts of a batch.
type Summary map[Verdict]int

// Summarize counts results by verdict.
func Summarize(rs []Result) Summary {
	s := Summary{}
	for _, r := range rs {
		s[r.Verdict]++
	}
	return s
}

// Total is the number of files.
func (s Summary) Total() int {
	n := 0
	for _, c := range s {
		n += c
	}
	return n
}

// Settled reports whether every file is imported, a duplicate or an older version: nothing
// waits, was refused, failed or is in conflict.
func (s Summary) Settled() bool {
	return s[UnknownSigner] == 0 && s[Rejected] == 0 && s[Failed] == 0 && s[Conflict] == 0
}

// Text is the summary as one sentence, naming only the verdicts that occurred:
// "4 filer: 2 inlästa, 1 väntar på godkännande, 1 avvisad."
func (s Summary) Text(loc *i18n.Localizer) string {
	parts := []struct {
		key string
		n   int
	}{
		{"importer.summary.accepted", s[AcceptedNew] + s[AcceptedNewer]},
		{"importer.summary.duplicate", s[Duplicate]},
		{"importer.summary.older", s[Older]},
		{"importer.summary.conflict", s[Conflict]},
		{"importer.summary.waiting", s[UnknownSigner]},
		{"importer.summary.rejected", s[Rejected]},
		{"importer.summary.failed", s[Failed]},
	}
	var named []string
	for _, p := range parts {
		if p.n > 0 {
			named = append(named, loc.Tf(p.key, "Count", p.n))
		}
	}
	text := loc.Tf("importer.summary.total", "Count", s.Total())
	if len(named) > 0 {
		text += ": " + strings.Join(named, ", ")
	}
	return text + "."
}

// ErrorText is one plain sentence for an error of a trust-list or signing-CA operation.
func ErrorText(loc *i18n.Localizer, err error) string {
	switch {
	case errors.Is(err, ErrBadFingerprint):
		return loc.T("importer.err.bad_fingerprint")
	case errors.Is(err, ErrNoPending):
		return loc.T("importer.err.no_pending")
	case errors.Is(err, ErrAmbiguous):
		return loc.T("importer.err.ambiguous")
	case errors.Is(err, ErrNotInTrustList):
		return loc.T("importer.err.not_in_trust_list")
	case errors.Is(err, ErrCAExists):
		return loc.T("importer.err.ca_exists")
	case data.IsDiskFull(err):
		return loc.T("importer.reason.disk_full")
	case storemsg.Known(err):
		t, _ := storemsg.Text(loc, err)
		return t
	}
	if key := identity.MessageKey(err); key != "identity.err.other" {
		return loc.T(key)
	}
	return loc.T("importer.err.other")
}
