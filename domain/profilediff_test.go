package domain

import (
	"encoding/json"
	"strings"
	"testing"

	"handlingsplan/i18n"
)

func TestDiffProfiles(t *testing.T) {
	old := testProfile(t)
	if ch := DiffProfiles(old, old); len(ch) != 0 || !SameProfile(old, old) {
		t.Fatalf("same profile: %v", ch)
	}
	nw := testProfile(t)
	nw.Version = 3
	nw.Kommun = "Gislaved"
	nw.HoursPerFTE = 1650
	nw.Goals = nw.Goals[:7]
	nw.Goals[0].Text = "all personal känner till reglerna"
	nw.Scale[4].Name = "Mycket allvarlig"
	nw.Checklist = append(nw.Checklist[1:], Requirement{ID: "cyber_law", Section: "Lagkrav", Title: "Cybersäkerhetslagen", Text: "Nämnden vet vilka krav lagen ställer.", Goal: 2})
	nw.Checklist[0].Text += " Ses över årligen."
	nw.RuleGoals = map[RegisterRule]int{RuleNoDeepenedPlan: 7}
	got := DiffProfiles(old, nw)
	sv := i18n.New(i18n.Swedish)
	var lines []string
	for _, c := range got {
		lines = append(lines, c.Text(sv))
	}
	text := strings.Join(lines, "\n")
	for _, want := range []string{
		"Kommunens namn: ”Exempelkommun” blir ”Gislaved”",
		"Timmar per årsarbetare: 1700 blir 1650",
		"Mål 1 får ny text: all personal känner till reglerna",
		"Mål 8 tas bort",
		"Nivå 4 i skalan heter nu ”Mycket allvarlig” (förut ”Synnerligen allvarlig”)",
		"Nytt krav ”Cybersäkerhetslagen”",
		"Kravet ”Förteckning över informationskanaler” tas bort",
		"Kravet ”Basnivå för informationssystemen” ändras",
		"Åtgärder för ”Nivå 3–4 utan fördjupad systemsäkerhetsplan” hör nu till mål 7 (förut 5)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
	if strings.Contains(text, "⟦") {
		t.Errorf("untranslated: %s", text)
	}
	// The version number alone is no change of content worth listing.
	v := old
	v.Version = 9
	if ch := DiffProfiles(old, v); len(ch) != 0 {
		t.Errorf("version only: %v", ch)
	}
}

// The canonical JSON is stable, compact, unescaped, and reads back to the same profile.
func TestMarshalProfile(t *testing.T) {
	p := testProfile(t)
	p.Kommun = "Å & <Ö>"
	a, err := MarshalProfile(p)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := MarshalProfile(p)
	if string(a) != string(b) || strings.Contains(string(a), "\n") || !strings.Contains(string(a), `"kommun":"Å & <Ö>"`) {
		t.Fatalf("canonical form: %.200s", a)
	}
	var back Profile
	if err := json.Unmarshal(a, &back); err != nil {
		t.Fatal(err)
	}
	c, _ := MarshalProfile(back)
	if string(c) != string(a) {
		t.Fatal("does not read back to the same bytes")
	}
}

func TestValidateProfileChecklist(t *testing.T) {
	tests := []struct {
		name string
		edit func(p *Profile)
		key  string
	}{
		{"bad key", func(p *Profile) { p.Checklist[0].ID = "Records plan" }, "err.profile.requirement_id"},
		{"key twice", func(p *Profile) { p.Checklist[1].ID = p.Checklist[0].ID }, "err.profile.requirement_twice"},
		{"no text", func(p *Profile) { p.Checklist[2].Text = "" }, "err.profile.requirement_text"},
		{"unknown goal", func(p *Profile) { p.Checklist[3].Goal = 42 }, "err.profile.requirement_goal"},
		{"rule goal unknown", func(p *Profile) { p.RuleGoals[RuleNoOwner] = 42 }, "err.profile.rule_goal"},
		{"unknown rule", func(p *Profile) { p.RuleGoals["made_up"] = 1 }, "err.profile.unknown_rule"},
		{"deadline not a day", func(p *Profile) { p.Deadline = "02-30" }, "err.profile.deadline"},
		{"deadline not a date", func(p *Profile) { p.Deadline = "31 okt" }, "err.profile.deadline"},
		{"scale name empty", func(p *Profile) { p.Scale[2].Name = " " }, "err.profile.scale_name"},
		{"scale level twice", func(p *Profile) { p.Scale[2].Level = 1 }, "err.level_range"},
		{"negative version", func(p *Profile) { p.Version = -1 }, "err.profile.version"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := testProfile(t)
			tc.edit(&p)
			ps := ValidateProfile(p)
			if len(ps) != 1 || ps[0].Key != tc.key {
				t.Fatalf("want %s, got %v", tc.key, ps)
			}
			for _, l := range i18n.Langs {
				if txt := ps[0].Text(i18n.New(l)); strings.Contains(txt, "⟦") || strings.Contains(txt, "<no value>") {
					t.Errorf("%s: %q", l, txt)
				}
			}
		})
	}
	p := testProfile(t)
	p.Deadline = ""
	if ps := ValidateProfile(p); len(ps) != 0 {
		t.Errorf("no deadline is allowed: %v", ps)
	}
}
