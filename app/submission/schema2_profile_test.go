package submission

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"handlingsplan/domain"
)

// profilePayload is samplePayload with what schema 2 adds: the profile, a checklist, an
// activity made for a requirement and one for a register rule, a classification date.
func profilePayload(t *testing.T) Payload {
	t.Helper()
	p := samplePayload()
	prof, err := domain.DefaultProfile()
	if err != nil {
		t.Fatal(err)
	}
	prof.Version, prof.Kommun, prof.Goals = 4, p.Kommun, slices.Clone(p.Goals)
	p.Profile, p.Areas = &prof, prof.Areas
	p.Plan.Checklist = []domain.ChecklistEntry{
		{Requirement: "records_plan", Status: domain.ChecklistNotMet, Date: day(2026, 10, 1), Responsible: "Arkivarie", Comment: "Saknas"},
		{Requirement: "training", Status: domain.ChecklistMet},
	}
	p.Plan.Activities[0].Addresses = "rule:no_risk_analysis"
	p.Plan.Activities[1].Addresses = "req:records_plan"
	p.Plan.Systems[0].ClassifiedAt = day(2026, 3, 1)
	return p
}

func TestProfilePayload(t *testing.T) {
	good := profilePayload(t)
	if err := good.Validate(); err != nil {
		t.Fatalf("valid schema-2 payload: %v", err)
	}
	b, err := MarshalPayload(good)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"schema": 2`, `"profile": {`, `"checklist": [`, `"requirement": "records_plan"`, `"addresses": "req:records_plan"`, `"classified_at": "2026-03-01T00:00:00Z"`, `"version": 4`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("payload lacks %s", want)
		}
	}
	back, reason, err := decodePayload(b)
	if err != nil || reason != "" || back.Profile == nil || back.Profile.Version != 4 || len(back.Plan.Checklist) != 2 {
		t.Fatalf("decode: %v %s", err, reason)
	}
	tests := []struct {
		name string
		edit func(p *Payload)
		want string
	}{
		{"unknown requirement", func(p *Payload) { p.Plan.Checklist[0].Requirement = "made_up" }, "not in the profile's checklist"},
		{"requirement twice", func(p *Payload) { p.Plan.Checklist[1].Requirement = "records_plan" }, "twice"},
		{"unknown status", func(p *Payload) { p.Plan.Checklist[0].Status = "done" }, `status "done" unknown`},
		{"bad addresses", func(p *Payload) { p.Plan.Activities[0].Addresses = "todo" }, "neither rule"},
		{"unknown rule", func(p *Payload) { p.Plan.Activities[0].Addresses = "rule:made_up" }, "unknown rule"},
		{"goals differ", func(p *Payload) { p.Goals = p.Goals[:7] }, "profile.goals differ"},
		{"hours differ", func(p *Payload) { p.HoursPerFTE = 1600 }, "profile.hours_per_fte"},
		{"invalid profile", func(p *Payload) { p.Profile.Checklist[0].ID = "Bad Key" }, "profile:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := profilePayload(t)
			tc.edit(&p)
			if err := p.Validate(); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("want %q, got %v", tc.want, err)
			}
		})
	}
	// Without a profile (a schema-1 payload's shape), a checklist is only checked for form.
	p := profilePayload(t)
	p.Profile = nil
	p.Plan.Checklist[0].Requirement = "anything_the_board_had"
	if err := p.Validate(); err != nil {
		t.Fatalf("checklist without a profile: %v", err)
	}
}

// A schema-1 payload (no profile, no checklist) still decodes and validates.
func TestSchema1PayloadStillReads(t *testing.T) {
	p := samplePayload()
	p.Schema = 1
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), `"profile"`) || strings.Contains(string(b), `"checklist"`) {
		t.Fatalf("a schema-1 payload with schema-2 fields: %s", b)
	}
	back, reason, err := decodePayload(b)
	if err != nil || reason != "" || back.Schema != 1 || back.Profile != nil {
		t.Fatalf("schema 1: %v %s", err, reason)
	}
}
