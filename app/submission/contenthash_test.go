package submission

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"handlingsplan/domain"
)

// The content hash says "the same plan content" whatever signing changed, and "other content"
// for any change a reader could see.
func TestContentHash(t *testing.T) {
	base := samplePayload()
	want, err := HashPayload(base)
	if err != nil {
		t.Fatal(err)
	}
	if !validHash(want) {
		t.Fatalf("hash %q", want)
	}
	tests := []struct {
		name string
		edit func(p *Payload)
		same bool
	}{
		{"signed at another time", func(p *Payload) { p.CreatedAt = p.CreatedAt.Add(72 * time.Hour) }, true},
		{"another version number", func(p *Payload) { p.Version, p.Plan.Plan.Version = 9, 9 }, true},
		{"another status", func(p *Payload) { p.Plan.Plan.Status = domain.PlanClosed }, true},
		{"another app version", func(p *Payload) { p.AppVersion = "9.9.9" }, true},
		{"last change at another time", func(p *Payload) {
			p.Plan.Plan.UpdatedAt = time.Now()
			p.Plan.Previous.Plan.UpdatedAt = time.Now()
		}, true},
		{"identity and hash carried", func(p *Payload) { p.PlanUUID, p.ContentHash = "0f8fad5b-d9cb-469f-a165-70867728950e", "x" }, true},
		{"an empty list as [] instead of null", func(p *Payload) {
			p.Plan.Previous.Trainings, p.Plan.Previous.Checkpoints = []domain.Training{}, []domain.Checkpoint{}
		}, true},
		{"an activity's cost", func(p *Payload) { p.Plan.Activities[0].OperatingCost++ }, false},
		{"an activity's title", func(p *Payload) { p.Plan.Activities[0].Title += " " }, false},
		{"activities in another order", func(p *Payload) {
			p.Plan.Activities[0], p.Plan.Activities[1] = p.Plan.Activities[1], p.Plan.Activities[0]
		}, false},
		{"a follow-up field", func(p *Payload) { p.Plan.Activities[0].PercentDone = 50 }, false},
		{"the register", func(p *Payload) { p.Plan.Systems[0].Owner = "Ny ägare" }, false},
		{"last year's follow-up", func(p *Payload) { p.Plan.Previous.Activities[0].FollowUpComment = "Ändrad" }, false},
		{"last year's status", func(p *Payload) { p.Plan.Previous.Plan.Status = domain.PlanSigned }, false},
		{"the policy's goals", func(p *Payload) { p.Goals[0].Text += "." }, false},
		{"hours per FTE", func(p *Payload) { p.HoursPerFTE++ }, false},
		{"kommun", func(p *Payload) { p.Kommun = "Annan kommun" }, false},
		{"board", func(p *Payload) { p.Board, p.Plan.Plan.Board = "Annan nämnd", "Annan nämnd" }, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := samplePayload()
			tc.edit(&p)
			got, err := HashPayload(p)
			if err != nil {
				t.Fatal(err)
			}
			if (got == want) != tc.same {
				t.Errorf("same hash %v, want %v", got == want, tc.same)
			}
		})
	}
}

// The hash is taken from the JSON as carried: key order, spacing, empty lists written as null
// or left out do not count; a field this build does not know counts inside the plan and not at
// the top level (where fields are about the file).
func TestContentHashOfJSON(t *testing.T) {
	raw, err := MarshalPayload(samplePayload())
	if err != nil {
		t.Fatal(err)
	}
	want, err := ContentHash(raw)
	if err != nil {
		t.Fatal(err)
	}
	reencode := func(edit func(m map[string]any)) []byte {
		var c map[string]any
		json.Unmarshal(raw, &c)
		edit(c)
		b, err := json.Marshal(c) // compact, keys sorted: another layout than MarshalPayload's
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	plan := func(m map[string]any) map[string]any { return m["plan"].(map[string]any) }
	tests := []struct {
		name string
		b    []byte
		same bool
	}{
		{"compact, keys sorted", reencode(func(map[string]any) {}), true},
		{"null list left out", reencode(func(m map[string]any) { delete(plan(m)["previous"].(map[string]any), "trainings") }), true},
		{"a list left out", reencode(func(m map[string]any) { delete(plan(m), "checkpoints") }), false},
		{"unknown field at the top", reencode(func(m map[string]any) { m["exported_on"] = "laptop-42" }), true},
		{"unknown field in the plan", reencode(func(m map[string]any) { plan(m)["risk_appetite"] = "låg" }), false},
		{"unknown field with an empty list", reencode(func(m map[string]any) { plan(m)["appendices"] = []any{} }), true},
		{"trailing space", append(append([]byte{}, raw...), " \n"...), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ContentHash(tc.b)
			if err != nil {
				t.Fatal(err)
			}
			if (got == want) != tc.same {
				t.Errorf("same hash %v, want %v", got == want, tc.same)
			}
		})
	}
	for _, bad := range []string{"", "[]", "null", `{"plan": 1} {}`, "{"} {
		if _, err := ContentHash([]byte(bad)); err == nil {
			t.Errorf("%q hashed", bad)
		}
	}
	// A payload without identity and hash is written as before: older readers see no change.
	if strings.Contains(string(raw), `"content_hash"`) || strings.Contains(string(raw), `"plan_uuid"`) {
		t.Error("empty plan_uuid or content_hash written")
	}
}

func TestValidUUID(t *testing.T) {
	for s, want := range map[string]bool{
		"0f8fad5b-d9cb-469f-a165-70867728950e":  true,
		"0F8FAD5B-D9CB-469F-A165-70867728950E":  false,
		"0f8fad5bd9cb469fa16570867728950e":      false,
		"0f8fad5b-d9cb-469f-a165-70867728950":   false,
		"0f8fad5b-d9cb-469f-a165-70867728950e0": false,
		"0f8fad5b_d9cb-469f-a165-70867728950e":  false,
		"":                                      false,
	} {
		if ValidUUID(s) != want {
			t.Errorf("ValidUUID(%q) = %v", s, !want)
		}
	}
}

// The example in docs/submission-format.md carries the content hash of its content.
func TestDocExampleContentHash(t *testing.T) {
	doc, err := os.ReadFile("../../docs/submission-format.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "```json\n")
	example, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("no JSON example in the format document")
	}
	var p Payload
	if err := json.Unmarshal([]byte(example), &p); err != nil {
		t.Fatal(err)
	}
	h, err := ContentHash([]byte(example))
	if err != nil || p.ContentHash != h || !ValidUUID(p.PlanUUID) {
		t.Errorf("example carries %q %q, its content hashes to %q (%v)", p.PlanUUID, p.ContentHash, h, err)
	}
}
