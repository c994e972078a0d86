package overview

import (
	"slices"
	"testing"
	"time"

	"handlingsplan/domain"
)

func TestSimilar(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Alla medarbetare", "Alla medarbetare via sina chefer", true},
		{"Alla medarbetare", "alla MEDARBETARE", true},
		{"Medarbetarna", "Alla medarbetare", true}, // same stem
		{"Grundutbildning i informationssäkerhet (e-learning)", "Grundutbildning informationssäkerhet", true},
		{"Chefer och arbetsledare", "Chefer", true},
		{"Chef", "Chefer och arbetsledare", false}, // too short for a stem, not the same word
		{"Lärare och förskollärare", "Förvaltningens krisledningsgrupp", false},
		{"Workshop: informationsklassning med KLASSA", "Krisövning: IT-avbrott", false},
		{"", "Alla medarbetare", false},
		{"och för med", "och för med", false}, // nothing but stop words
	}
	for _, tc := range tests {
		if got := similar(words(tc.a), words(tc.b)); got != tc.want {
			t.Errorf("similar(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if similar(words(tc.a), words(tc.b)) != similar(words(tc.b), words(tc.a)) {
			t.Errorf("similar(%q, %q) is not symmetric", tc.a, tc.b)
		}
	}
}

func TestOverlaps(t *testing.T) {
	day := func(m, d int) time.Time { return time.Date(2027, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	plan := func(id int64, board string, ts ...domain.Training) domain.PlanData {
		for i := range ts {
			ts[i].ID, ts[i].Position = id*10+int64(i), i+1
		}
		return domain.PlanData{Plan: domain.Plan{ID: id, Board: board, Year: 2027}, Trainings: ts}
	}
	plans := []domain.PlanData{
		plan(1, "A", domain.Training{Title: "Grundutbildning i informationssäkerhet", TargetGroup: "Alla medarbetare", Dates: []time.Time{day(3, 2), day(3, 20)}},
			domain.Training{Title: "Grundutbildning för nyanställda", TargetGroup: "Nyanställda", Dates: []time.Time{day(3, 5)}}),
		plan(2, "B", domain.Training{Title: "Informationssäkerhet: grundutbildning", TargetGroup: "Chefer", Dates: []time.Time{day(3, 9)}},
			domain.Training{Title: "Krisövning", TargetGroup: "Ledningsgruppen", Dates: []time.Time{day(3, 9)}}),
		plan(3, "C", domain.Training{Title: "Grundutbildning i informationssäkerhet", TargetGroup: "Alla medarbetare", Dates: []time.Time{day(4, 1)}},
			domain.Training{Title: "Dataskydd", TargetGroup: "Alla medarbetarna i skolan", Dates: []time.Time{day(3, 30)}}),
	}
	o := Build(Input{Year: 2027, Plans: plans})
	if len(o.Calendar.Events) != 7 {
		t.Fatalf("%d events, want one per date (7)", len(o.Calendar.Events))
	}
	if len(o.Calendar.Overlaps) != 1 {
		t.Fatalf("overlaps %+v", o.Calendar.Overlaps)
	}
	ov := o.Calendar.Overlaps[0]
	// March: A's and B's basic training by title, C's data protection by target group; A's two
	// trainings are one board and B's crisis exercise is like nothing; C's April date is another month.
	if ov.Month != day(3, 1) || ov.Reason != OverlapTitle || !slices.Equal(ov.Boards, []string{"A", "B", "C"}) {
		t.Errorf("overlap %v %s %v", ov.Month, ov.Reason, ov.Boards)
	}
	var titles []string
	for _, e := range ov.Events {
		titles = append(titles, e.Board+":"+e.Training.Title)
	}
	want := []string{"A:Grundutbildning i informationssäkerhet", "B:Informationssäkerhet: grundutbildning", "A:Grundutbildning i informationssäkerhet", "C:Dataskydd"}
	if !slices.Equal(titles, want) {
		t.Errorf("events %v, want %v", titles, want)
	}
}
