package submission

import (
	"strings"
	"testing"
	"time"

	"handlingsplan/domain"
	"handlingsplan/i18n"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(p *Payload)
		errHas string // "" = valid
	}{
		{"sample", func(*Payload) {}, ""},
		{"no previous year", func(p *Payload) { p.Plan.Previous = nil }, ""},
		{"kommun may be empty", func(p *Payload) { p.Kommun = "" }, ""},
		{"unset priority and status", func(p *Payload) { p.Plan.Activities[0].Priority, p.Plan.Activities[0].Status = 0, "" }, ""},
		{"last year's goal no longer in the profile", func(p *Payload) { p.Plan.Previous.Activities[0].Goals = []int{12} }, ""},
		{"sensitive without sensitive systems", func(p *Payload) { p.Plan.Systems = nil }, ""},
		{"schema 0", func(p *Payload) { p.Schema = 0 }, "schema 0"},
		{"schema newer", func(p *Payload) { p.Schema = SchemaVersion + 1 }, "schema"},
		{"no app version", func(p *Payload) { p.AppVersion = " " }, "app_version is empty"},
		{"no board", func(p *Payload) { p.Board = ""; p.Plan.Plan.Board = "" }, "board is empty"},
		{"year too early", func(p *Payload) { p.Year = 1999; p.Plan.Plan.Year = 1999 }, "year 1999"},
		{"year too late", func(p *Payload) { p.Year = 2101; p.Plan.Plan.Year = 2101 }, "year 2101"},
		{"version 0", func(p *Payload) { p.Version = 0 }, "version 0"},
		{"no created_at", func(p *Payload) { p.CreatedAt = time.Time{} }, "created_at"},
		{"hours per FTE 0", func(p *Payload) { p.HoursPerFTE = 0 }, "hours_per_fte"},
		{"no goals", func(p *Payload) { p.Goals = nil }, "goals: none"},
		{"duplicate goal", func(p *Payload) { p.Goals = append(p.Goals, domain.Goal{Number: 3, Text: "igen"}) }, "not unique"},
		{"goal without text", func(p *Payload) { p.Goals[0].Text = "" }, "goals[0].text is empty"},
		{"plan of another board", func(p *Payload) { p.Plan.Plan.Board = "Tekniska nämnden" }, "plan.board"},
		{"plan of another year", func(p *Payload) { p.Plan.Plan.Year = 2028 }, "plan.year"},
		{"activity refers to unknown goal", func(p *Payload) { p.Plan.Activities[1].Goals = []int{4, 9} }, "goal 9"},
		{"activity without title", func(p *Payload) { p.Plan.Activities[0].Title = "" }, "activities[0].title"},
		{"negative hours", func(p *Payload) { p.Plan.Activities[0].InternalHours = -1 }, "internal_hours"},
		{"too much money", func(p *Payload) { p.Plan.Activities[0].Investment = domain.MaxKronor + 1 }, "investment"},
		{"percent above 100", func(p *Payload) { p.Plan.Activities[0].PercentDone = 101 }, "percent_done"},
		{"end before start", func(p *Payload) { p.Plan.Activities[0].End = day(2027, 1, 1) }, "ends before"},
		{"unknown priority", func(p *Payload) { p.Plan.Activities[0].Priority = 7 }, "priority"},
		{"unknown activity status", func(p *Payload) { p.Plan.Activities[0].Status = "maybe" }, "status"},
		{"unknown plan status", func(p *Payload) { p.Plan.Plan.Status = "lost" }, "plan.status"},
		{"unknown check result", func(p *Payload) { p.Plan.Plan.Checks[1].Result = "kanske" }, "checks[1]"},
		{"unknown training format", func(p *Payload) { p.Plan.Trainings[0].Format = "tv" }, "format"},
		{"negative participants", func(p *Payload) { p.Plan.Trainings[0].ActualParticipants = -5 }, "participants"},
		{"duplicate system id", func(p *Payload) { p.Plan.Systems[0].ID, p.Plan.Systems[1].ID = 7, 7 }, "not unique"},
		{"system without name", func(p *Payload) { p.Plan.Systems[0].Name = "" }, "systems[0].name"},
		{"classification out of scale", func(p *Payload) { p.Plan.Systems[1].Integrity = 5 }, "classification 5"},
		{"unknown security plan", func(p *Payload) { p.Plan.Systems[0].SecurityPlan = "gold" }, "security_plan"},
		{"sensitive system not declared", func(p *Payload) { p.Sensitive = false }, "sensitive"},
		{"previous year of another board", func(p *Payload) { p.Plan.Previous.Plan.Board = "Annan" }, "previous.board"},
		{"previous year not the year before", func(p *Payload) { p.Plan.Previous.Plan.Year = 2025 }, "previous.year"},
		{"two years of history", func(p *Payload) { p.Plan.Previous.Previous = &domain.PlanData{} }, "previous.previous"},
		{"previous activity broken", func(p *Payload) { p.Plan.Previous.Activities[0].PercentDone = -1 }, "plan.previous.activities[0].percent_done"},
		{"plan identity and content hash", func(p *Payload) {
			p.PlanUUID, p.ContentHash = "0f8fad5b-d9cb-469f-a165-70867728950e", strings.Repeat("ab", 32)
		}, ""},
		{"plan identity not a UUID", func(p *Payload) { p.PlanUUID = "Socialnämndens plan" }, "plan_uuid"},
		{"plan identity in capitals", func(p *Payload) { p.PlanUUID = "0F8FAD5B-D9CB-469F-A165-70867728950E" }, "plan_uuid"},
		{"content hash too short", func(p *Payload) { p.ContentHash = "abc" }, "content_hash"},
		{"content hash not hex", func(p *Payload) { p.ContentHash = strings.Repeat("zz", 32) }, "content_hash"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := samplePayload()
			tc.edit(&p)
			err := p.Validate()
			switch {
			case tc.errHas == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tc.errHas != "" && (err == nil || !strings.Contains(err.Error(), tc.errHas)):
				t.Fatalf("error %v, want one containing %q", err, tc.errHas)
			}
		})
	}
}

func TestValidateCapsProblems(t *testing.T) {
	p := samplePayload()
	for i := 0; i < 100; i++ {
		p.Plan.Activities = append(p.Plan.Activities, domain.Activity{Goals: []int{99}})
	}
	err := p.Validate()
	if err == nil || strings.Count(err.Error(), ";") != maxProblems-1 {
		t.Fatalf("%v", err)
	}
}

func TestReasonText(t *testing.T) {
	fx := newFixture(t)
	valid := Verify(fx.sealed, fx.trust, time.Now())
	unknown := Verify(fx.sealed, Trust{}, time.Now())
	for _, lang := range i18n.Langs {
		loc := i18n.New(lang)
		seen := map[string]Reason{}
		for _, r := range Reasons {
			s := ReasonText(loc, Result{Verdict: Rejected, Reason: r, Detail: "secret detail"})
			if s == "" || strings.Contains(s, "⟦") || strings.Contains(s, "secret") || strings.Contains(s, "{{") {
				t.Errorf("%s %s: %q", lang, r, s)
			}
			if other, dup := seen[s]; dup {
				t.Errorf("%s: %s and %s read the same: %q", lang, r, other, s)
			}
			seen[s] = r
		}
		if s := ReasonText(loc, valid); !strings.Contains(s, "Åsa Öberg") {
			t.Errorf("%s valid: %q", lang, s)
		}
		s := ReasonText(loc, unknown)
		if !strings.Contains(s, "Åsa Öberg") || !strings.Contains(s, FormatFingerprint(unknown.Fingerprint)) {
			t.Errorf("%s unknown signer: %q", lang, s)
		}
		if s := ReasonText(loc, Result{Verdict: Rejected, Reason: "from_the_future"}); s != ReasonText(loc, Result{Verdict: Rejected, Reason: ReasonUnreadable}) {
			t.Errorf("%s: unknown reason reads %q", lang, s)
		}
		for _, v := range []Verdict{Valid, UnknownSigner, Rejected} {
			if s := VerdictText(loc, v); s == "" || strings.Contains(s, "⟦") {
				t.Errorf("%s verdict %s: %q", lang, v, s)
			}
		}
	}
	if got := ReasonText(i18n.New(i18n.Swedish), Result{Verdict: Rejected, Reason: ReasonTampered}); got != "Filen har ändrats efter att den undertecknades. Be nämnden skicka originalfilen igen." {
		t.Errorf("Swedish tampered: %q", got)
	}
}

func TestFormatFingerprint(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"3a7f", "3A7F"},
		{"3a7f09c2b", "3A7F 09C2 B"},
		{strings.Repeat("ab", 32), strings.TrimSpace(strings.Repeat("ABAB ", 16))},
	}
	for _, tc := range tests {
		if got := FormatFingerprint(tc.in); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.in, got, tc.want)
		}
	}
}
