package present

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"handlingsplan/app/demo"
	"handlingsplan/app/overview"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// The demo kommun as it stands in the autumn of 2026: plans for 2025 (closed), 2026 (signed)
// and 2027 (draft) for nine boards.
const demoYear = 2026

var (
	// presentedAt is when the golden decks are shown: the 2027 plan early in its year, so the
	// timeline's today line is on the slides.
	planNow     = time.Date(2027, 2, 15, 10, 0, 0, 0, time.UTC)
	overviewNow = time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
)

func profile(t testing.TB) domain.Profile {
	t.Helper()
	p, err := domain.DefaultProfile()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func demoPlan(t testing.TB, prof domain.Profile, board string, year int) domain.PlanData {
	t.Helper()
	for _, d := range demo.Plans(demo.Options{Year: demoYear}, prof) {
		if d.Plan.Board == board && d.Plan.Year == year {
			return d
		}
	}
	t.Fatalf("demo has no plan %s %d", board, year)
	return domain.PlanData{}
}

// demoOverview is the overview of year computed from the demo kommun's plans, as if every
// board had sent its plans of year and the year before; extra names boards that sent nothing.
func demoOverview(t testing.TB, prof domain.Profile, year int, lang i18n.Lang, extra ...string) *overview.Overview {
	t.Helper()
	in := overview.Input{Year: year, Profile: prof, Boards: extra, Loc: i18n.New(lang), Now: overviewNow}
	for i, d := range demo.Plans(demo.Options{Year: demoYear}, prof) {
		d.Plan.SubmissionID = int64(i + 1)
		sub := data.Submission{ID: int64(i + 1), Board: d.Plan.Board, Year: d.Plan.Year, Version: max(d.Plan.Version, 1), Current: true, Trusted: true, PlanID: d.Plan.ID}
		switch d.Plan.Year {
		case year:
			in.Plans = append(in.Plans, d)
			in.History = append(in.History, sub)
		case year - 1:
			in.LastYear = append(in.LastYear, d)
			in.LastHistory = append(in.LastHistory, sub)
		}
	}
	return overview.Build(in)
}

func kinds(d *Deck) []Kind {
	var out []Kind
	for _, s := range d.Slides {
		if len(out) == 0 || out[len(out)-1] != s.Kind {
			out = append(out, s.Kind)
		}
	}
	return out
}

func allText(d *Deck) string {
	var b strings.Builder
	for i := range d.Slides {
		for _, s := range d.Texts(i) {
			b.WriteString(s)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// A small plan whose figures are known.
func fixture() domain.PlanData {
	day := func(m time.Month, d int) time.Time { return time.Date(2027, m, d, 0, 0, 0, 0, time.UTC) }
	return domain.PlanData{
		Plan: domain.Plan{Board: "Socialnämnden", Year: 2027, Status: domain.PlanSigned, Version: 3, Responsible: "Anna Ödman",
			DecisionDate: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), Decision: domain.Decision{Dnr: "SN 2026/45", Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), Body: "Socialnämnden", Paragraph: "§ 45"}},
		Activities: []domain.Activity{
			{Position: 1, Title: "Riskanalys av journalsystemet", Goals: []int{7}, Priority: domain.PriorityHigh, Start: day(1, 1), End: day(3, 31), InternalHours: 1000, ExternalHours: 500, OperatingCost: 1_000_000, Investment: 234_567},
			{Position: 2, Title: "Utbildning för chefer", Goals: []int{1, 1}, Priority: domain.PriorityMedium, Start: day(4, 1), End: day(6, 30), InternalHours: 200},
			{Position: 3, Title: "Utan datum", Goals: []int{2}, Priority: domain.PriorityLow, InternalHours: 1},
		},
		Trainings: []domain.Training{
			{Position: 1, Title: "Säkerhetsveckan", TargetGroup: "Alla", Format: domain.FormatLecture, Dates: []time.Time{day(9, 1), day(3, 1)}},
			{Position: 2, Title: "Utan datum", Format: domain.FormatELearning},
		},
		Checkpoints: []domain.Checkpoint{{Position: 1, Date: day(6, 15), Method: "Delårsrapport", ReportTo: "Nämnden"}},
		Systems: []domain.System{
			{ID: 1, Name: "Journalsystemet", Owner: "Socialchefen", Confidentiality: 3, Integrity: 2, Availability: 2, Traceability: 3, RiskAnalysisAt: day(1, 5), BaselineMet: true, SecurityPlan: domain.SecurityPlanBase},
			{ID: 2, Name: "Ärendehantering", Owner: "Socialchefen", Confidentiality: 2, Integrity: 1, Availability: 1, Traceability: 1, SecurityPlan: domain.SecurityPlanNone},
			{ID: 3, Name: "Wiki", Confidentiality: -1, Integrity: -1, Availability: -1, Traceability: -1},
		},
		Previous: &domain.PlanData{
			Plan: domain.Plan{Board: "Socialnämnden", Year: 2026, Status: domain.PlanClosed, Version: 2,
				Checks: [3]domain.Check{{Result: domain.CheckYes, Text: "Allt klart"}, {}, {Result: domain.CheckNo, Text: "Saknas"}}},
			Activities: []domain.Activity{
				{Position: 1, Title: "Klar", Status: domain.ActivityDone, PercentDone: 100, InternalHours: 10, ActualHours: 12},
				{Position: 2, Title: "Halvvägs", Status: domain.ActivityInProgress, PercentDone: 50, InternalHours: 10, ActualHours: 5},
				{Position: 3, Title: "Inte börjad", Status: domain.ActivityNotStarted},
				{Position: 4, Title: "Struken åtgärd", Status: domain.ActivityDropped},
			},
		},
	}
}

func TestFromPlanSections(t *testing.T) {
	prof := profile(t)
	full := fixture()
	noPrev := fixture()
	noPrev.Previous = nil
	bare := domain.PlanData{Plan: domain.Plan{Board: "Ny nämnd", Year: 2027, Status: domain.PlanDraft}}
	tests := []struct {
		name string
		d    domain.PlanData
		want []Kind
	}{
		{"full", full, []Kind{KindTitle, KindSummary, KindGoals, KindTimeline, KindResources, KindTraining, KindFollowUp, KindRegister, KindDecisions}},
		{"no previous year", noPrev, []Kind{KindTitle, KindSummary, KindGoals, KindTimeline, KindResources, KindTraining, KindRegister, KindDecisions}},
		{"empty plan", bare, []Kind{KindTitle, KindSummary, KindGoals, KindTimeline, KindResources, KindTraining, KindDecisions}},
		{"demo", demoPlan(t, prof, "Socialnämnden", demoYear+1), []Kind{KindTitle, KindSummary, KindAnnual, KindGoals, KindTimeline, KindResources, KindTraining, KindFollowUp, KindRegister, KindDecisions}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := FromPlan(tc.d, prof, i18n.New(i18n.Swedish), planNow)
			if got := kinds(d); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("sections %v, want %v", got, tc.want)
			}
		})
	}
}

func TestFromPlanContent(t *testing.T) {
	prof := profile(t)
	tests := []struct {
		lang i18n.Lang
		want []string
	}{
		{i18n.Swedish, []string{
			"Handlingsplan för", "Socialnämnden", "Version 3 · Signerad", "Beslutad i nämnden 2026-11-20, Dnr SN 2026/45, § 45",
			"1\u00a0701", "1,0", "1\u00a0234\u00a0567\u00a0kr", // hours, FTE at 1 700, kronor
			"Ingen",                                   // a goal without activity is said in words
			"I dag 2027-02-15",                        // the timeline's today
			"2027-03-01", "2027-09-01", "inget datum", // training dates sorted, undated last
			"1 (25\u00a0%)", // follow-up: one of four per status
			"Ej klassat", "utan aktuell riskanalys", "3 Allvarlig",
			"att fastställa handlingsplanen för informationssäkerhet 2027",
			"att planen följs upp och rapporteras 2027-06-15",
		}},
		{i18n.English, []string{
			"Information security action", "Version 3 · Signed", "Decided by the board 2026-11-20, Dnr SN 2026/45, § 45",
			"1,701", "1.0", "SEK\u00a01,234,567", "None", "Today 2027-02-15", "1 (25%)",
			"to adopt the information security action plan for 2027",
		}},
	}
	for _, tc := range tests {
		t.Run(string(tc.lang), func(t *testing.T) {
			text := allText(FromPlan(fixture(), prof, i18n.New(tc.lang), planNow))
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("no %q in the deck", w)
				}
			}
			if strings.Contains(text, "⟦") {
				t.Errorf("a message key is missing: %s", text[strings.Index(text, "⟦"):][:40])
			}
		})
	}
}

func TestDeckNavigationHelpers(t *testing.T) {
	prof := profile(t)
	d := FromPlan(demo.Large("Socialnämnden", 2027, 60, prof), prof, i18n.New(i18n.Swedish), planNow)
	tl := d.First(KindTimeline)
	if d.Slides[tl].Kind != KindTimeline || d.Slides[tl-1].Kind == KindTimeline {
		t.Fatalf("First(timeline) = %d", tl)
	}
	if got := d.SectionStart(tl + 2); got != tl {
		t.Errorf("SectionStart(%d) = %d, want %d", tl+2, got, tl)
	}
	if got := d.First("nosuch"); got != 0 {
		t.Errorf("First(unknown) = %d", got)
	}
	f := d.Footer(tl)
	if got := f[len(f)-1].Text; got != fmt.Sprintf("%d / %d", tl+1, len(d.Slides)) {
		t.Errorf("counter %q", got)
	}
	if got := f[1].Text; !strings.Contains(got, "Socialnämnden") || !strings.Contains(got, "2027") {
		t.Errorf("footer source %q", got)
	}
}

// Every deck keeps to the slide: nothing outside it, no text below the footer rule but the
// footer, no line of text wider than its box, and no text smaller than 28 pt but the footer.
func TestLayoutKeepsToTheSlide(t *testing.T) {
	prof := profile(t)
	decks := map[string]*Deck{}
	for _, lang := range i18n.Langs {
		loc := i18n.New(lang)
		decks["fixture-"+string(lang)] = FromPlan(fixture(), prof, loc, planNow)
		decks["demo-"+string(lang)] = FromPlan(demoPlan(t, prof, "Barn- och utbildningsnämnden", demoYear+1), prof, loc, planNow)
		decks["overview-"+string(lang)] = FromOverview(demoOverview(t, prof, demoYear, lang), overviewNow)
		decks["empty-overview-"+string(lang)] = FromOverview(overview.Build(overview.Input{Year: 2027, Profile: prof, Boards: []string{"Socialnämnden"}, Loc: loc}), overviewNow)
	}
	decks["large"] = FromPlan(demo.Large("Socialnämnden", 2027, 200, prof), prof, i18n.New(i18n.Swedish), planNow)
	for name, d := range decks {
		for i, s := range d.Slides {
			if strings.HasSuffix(s.Title, "…") {
				t.Errorf("%s slide %d: the heading %q is cut short", name, i+1, s.Title)
			}
			items := append(slices.Clone(s.Items), d.Footer(i)...)
			for _, it := range items {
				where := fmt.Sprintf("%s slide %d (%s) %q", name, i+1, s.Kind, it.Text)
				if it.X < -0.01 || it.Y < -0.01 || it.X+it.W > SlideW+0.01 || it.Y+it.H > SlideH+0.01 {
					t.Errorf("%s: outside the slide: %+v", where, it)
				}
				if it.Kind != ItemText {
					continue
				}
				if it.Role != RoleFooter {
					if it.Size < SizeBody {
						t.Errorf("%s: %.0f pt is too small to read", where, it.Size)
					}
					if it.Y+it.H > footerRuleY {
						t.Errorf("%s: runs into the footer (bottom %.0f)", where, it.Y+it.H)
					}
				}
				if w := measure(it.Text, it.Size, it.Bold); w > it.W+0.5 {
					t.Errorf("%s: %.0f pt wide in a %.0f pt box", where, w, it.W)
				}
			}
		}
	}
}

func TestLongTableContinues(t *testing.T) {
	prof := profile(t)
	large := demo.Large("Socialnämnden", 2027, 200, prof)
	d := FromPlan(large, prof, i18n.New(i18n.Swedish), planNow)
	var timeline []Slide
	bars := 0
	for _, s := range d.Slides {
		if s.Kind != KindTimeline {
			continue
		}
		timeline = append(timeline, s)
		for _, it := range s.Items {
			if it.Kind == ItemRect && it.Color == ColAccent {
				bars++
			}
		}
	}
	if len(timeline) < 20 {
		t.Fatalf("200 activities on %d timeline slides", len(timeline))
	}
	for i, s := range timeline {
		if s.Part != i+1 || s.Parts != len(timeline) {
			t.Errorf("slide %d is part %d of %d", i+1, s.Part, s.Parts)
		}
		if want := fmt.Sprintf("(%d av %d)", i+1, len(timeline)); !strings.Contains(s.Title, want) {
			t.Errorf("title %q lacks %q", s.Title, want)
		}
	}
	dated := 0
	for _, a := range large.Activities {
		if !a.Start.IsZero() && !a.End.IsZero() {
			dated++
		}
	}
	if bars != dated {
		t.Errorf("%d bars for %d dated activities", bars, dated)
	}
	// Every activity's title is on the timeline, in plan order.
	var text strings.Builder
	for _, s := range timeline {
		for _, it := range s.Items {
			if it.Kind == ItemText && it.X < marginX+labelColW {
				text.WriteString(strings.TrimSuffix(it.Text, "-"))
				text.WriteByte(' ')
			}
		}
	}
	flat := strings.Join(strings.Fields(text.String()), "")
	at := 0
	for _, a := range inOrder(large.Activities, func(a domain.Activity) int { return a.Position }) {
		i := strings.Index(flat[at:], strings.Join(strings.Fields(a.Title), ""))
		if i < 0 {
			t.Fatalf("activity %q is not on the timeline after position %d", a.Title, at)
		}
		at += i
	}
}

func TestSnapshotIsFrozen(t *testing.T) {
	prof := profile(t)
	loc := i18n.New(i18n.Swedish)
	d := fixture()
	deck := FromPlan(d, prof, loc, planNow)
	before := allText(deck)
	d.Plan.SubmissionID = 1
	in := overview.Input{Year: 2027, Profile: prof, Loc: loc, Now: planNow, Plans: []domain.PlanData{d},
		History: []data.Submission{{ID: 1, Board: d.Plan.Board, Year: 2027, Version: 3, Current: true, Trusted: true}}}
	o := overview.Build(in)
	odeck := FromOverview(o, planNow)
	obefore := allText(odeck)

	// Edit everything the way an editor or an import would: in place and by appending.
	d.Plan.Board = "Ändrad"
	d.Activities[0].Title = "Ändrad titel"
	d.Activities[0].InternalHours = 99999
	d.Activities[1].Goals[0] = 8
	d.Activities = append(d.Activities, domain.Activity{Title: "Ny åtgärd", InternalHours: 5})
	d.Trainings[0].Dates[0] = time.Date(2027, 12, 24, 0, 0, 0, 0, time.UTC)
	d.Systems[0].Name = "Ändrat system"
	d.Previous.Activities[0].Status = domain.ActivityDropped
	in.Plans[0].Activities[0].Title = "Ändrad i överblicken"
	o.Goals.Counts[0][2] = 7
	o.Resources.Rows[0].Board = "Ändrad"
	o.Register.Total.ByLevel[3] = 99

	if after := allText(deck); after != before {
		t.Error("the plan's deck changed after the plan was edited")
	}
	if after := allText(odeck); after != obefore {
		t.Error("the overview's deck changed after the overview was edited")
	}
}

func TestClonePlanDataSharesNothing(t *testing.T) {
	d := fixture()
	c := ClonePlanData(d)
	if !reflect.DeepEqual(c, d) {
		t.Fatal("the clone differs")
	}
	c.Activities[1].Goals[0] = 5
	c.Trainings[0].Dates[0] = time.Time{}
	c.Previous.Activities[0].Title = "x"
	c.Systems[0].Name = "x"
	if d.Activities[1].Goals[0] != 1 || d.Trainings[0].Dates[0].IsZero() || d.Previous.Activities[0].Title != "Klar" || d.Systems[0].Name != "Journalsystemet" {
		t.Error("editing the clone changed the original")
	}
}

func TestOverviewDeck(t *testing.T) {
	prof := profile(t)
	o := demoOverview(t, prof, demoYear, i18n.Swedish, "Valnämnden")
	d := FromOverview(o, overviewNow)
	want := []Kind{KindTitle, KindSummary, KindBoards, KindGoals, KindTimeline, KindResources, KindTraining, KindFollowUp, KindLatest, KindAreas, KindRegister, KindDecisions}
	if got := kinds(d); !reflect.DeepEqual(got, want) {
		t.Fatalf("sections %v, want %v", got, want)
	}
	text := allText(d)
	acts, hours := o.Resources.Total.Activities, o.Resources.Total.Year.Hours()
	loc := i18n.New(i18n.Swedish)
	for _, w := range []string{"Valnämnden", "Planen för 2026 är inte inlämnad", "att uppmana Valnämnden att lämna in sin handlingsplan", loc.Number(int64(acts)), loc.Number(hours), "I dag 2026-11-20", "Barn- och utbildningsnämnden"} {
		if !strings.Contains(text, w) {
			t.Errorf("no %q in the overview", w)
		}
	}
}

func TestWrap(t *testing.T) {
	w := measure("journalsystemet", SizeBody, false) + 1
	money := "Summa 1\u00a0234\u00a0567\u00a0kr"
	tests := []struct {
		in   string
		w    float64
		want []string
	}{
		{"", w, nil},
		{"Riskanalys av journalsystemet", w, []string{"Riskanalys av", "journalsystemet"}},
		{"Rad ett\nRad två", 1000, []string{"Rad ett", "Rad två"}},
		// A no-break space keeps a number and its unit together.
		{money, measure("Summa 1 234", SizeBody, false), []string{"Summa", "1\u00a0234\u00a0567\u00a0kr"}},
	}
	for _, tc := range tests {
		if got := wrap(tc.in, SizeBody, false, tc.w); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("wrap(%q, %.0f) = %q, want %q", tc.in, tc.w, got, tc.want)
		}
	}
	// A word wider than the line: after its own hyphen or slash, else between letters without
	// an invented hyphen and never leaving a letter or two alone.
	breaks := []struct {
		word string
		w    float64
	}{
		{"Informationssäkerhetsgranskningen", 150},
		{"dokumenthanteringsplan", measure("dokumenthanteringsp", SizeBody, false)},
		{"Barn-och-utbildningsnämnden", measure("Barn-och-utbildningsnämnden", SizeBody, false) - 1},
		{"Säkerhetssamordnare/arkivarie", measure("Säkerhetssamordnare/", SizeBody, false)},
	}
	for _, tc := range breaks {
		lines := wrap(tc.word, SizeBody, false, tc.w)
		if len(lines) < 2 {
			t.Fatalf("%q was not broken: %q", tc.word, lines)
		}
		if strings.Join(lines, "") != tc.word {
			t.Errorf("%q broken as %q: a hyphen was added or a letter lost", tc.word, lines)
		}
		for i, l := range lines {
			if measure(l, SizeBody, false) > tc.w {
				t.Errorf("line %q is wider than %.0f", l, tc.w)
			}
			if i > 0 && len([]rune(l)) < 3 {
				t.Errorf("%q leaves %q alone on a line", tc.word, l)
			}
			if i < len(lines)-1 && strings.ContainsAny(tc.word, "-/") && !strings.HasSuffix(l, "-") && !strings.HasSuffix(l, "/") {
				t.Errorf("%q broken inside a word at %q although it has a hyphen or slash", tc.word, l)
			}
		}
	}
}

func TestTodayLegend(t *testing.T) {
	prof := profile(t)
	loc := i18n.New(i18n.Swedish)
	tests := []struct {
		now      time.Time
		text     string
		lineDraw bool
	}{
		{time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC), "I dag 2026-11-20, före året", false},
		{time.Date(2027, 6, 1, 9, 0, 0, 0, time.UTC), "I dag 2027-06-01", true},
		{time.Date(2028, 1, 10, 9, 0, 0, 0, time.UTC), "I dag 2028-01-10, efter året", false},
	}
	for _, tc := range tests {
		d := FromPlan(fixture(), prof, loc, tc.now)
		i := d.First(KindTimeline)
		if !slices.Contains(d.Texts(i), tc.text) {
			t.Errorf("%s: no %q on %q", tc.now.Format(time.DateOnly), tc.text, d.Texts(i))
		}
		line := false
		for _, it := range d.Slides[i].Items {
			if it.Kind == ItemLine && it.Color == ColToday {
				line = true
			}
		}
		if line != tc.lineDraw {
			t.Errorf("%s: today line drawn %v, want %v", tc.now.Format(time.DateOnly), line, tc.lineDraw)
		}
	}
}

// BenchmarkSlide measures laying out each kind of slide from the demo kommun's largest board
// plan (the view's share of a slide change is in ui/present's BenchmarkSlide).
func BenchmarkSlide(b *testing.B) {
	prof := profile(b)
	loc := i18n.New(i18n.Swedish)
	d := ClonePlanData(demoPlan(b, prof, "Socialnämnden", demoYear+1))
	for _, step := range planSteps {
		b.Run(string(step.kind), func(b *testing.B) {
			for b.Loop() {
				pb := &planBuilder{builder: builder{loc: loc}, d: d, prof: prof, now: planNow}
				pb.acts = inOrder(d.Activities, func(a domain.Activity) int { return a.Position })
				step.build(pb)
			}
		})
	}
	o := demoOverview(b, prof, demoYear, i18n.Swedish)
	b.Run("boards", func(b *testing.B) {
		for b.Loop() {
			ob := &overviewBuilder{builder: builder{loc: loc}, o: o, prof: prof, now: overviewNow}
			ob.boards()
		}
	})
}

// BenchmarkDeck measures whole decks: the demo plan, a 200-activity plan and the overview.
func BenchmarkDeck(b *testing.B) {
	prof := profile(b)
	loc := i18n.New(i18n.Swedish)
	plan := demoPlan(b, prof, "Socialnämnden", demoYear+1)
	large := demo.Large("Socialnämnden", 2027, 200, prof)
	o := demoOverview(b, prof, demoYear, i18n.Swedish)
	b.Run("plan", func(b *testing.B) {
		for b.Loop() {
			FromPlan(plan, prof, loc, planNow)
		}
	})
	b.Run("plan200", func(b *testing.B) {
		for b.Loop() {
			FromPlan(large, prof, loc, planNow)
		}
	})
	b.Run("overview", func(b *testing.B) {
		for b.Loop() {
			FromOverview(o, overviewNow)
		}
	})
}

// A timeline slide is filled: the next slide's first row would not have fitted in the room
// left, and today's line starts below the quarter header, never through its names.
func TestTimelineFillsSlides(t *testing.T) {
	prof := profile(t)
	// maxSlides: at the tight row spacing and wide title column, 200 long titles need at most
	// 50 slides (at the old spacing they needed over 60, three rows a slide).
	decks := []struct {
		name      string
		deck      *Deck
		maxSlides int
	}{
		{"large plan", FromPlan(demo.Large("Socialnämnden", 2027, 200, prof), prof, i18n.New(i18n.Swedish), planNow), 50},
		{"demo plan", FromPlan(demoPlan(t, prof, "Socialnämnden", demoYear+1), prof, i18n.New(i18n.Swedish), planNow), 2},
	}
	for _, d := range decks {
		t.Run(d.name, func(t *testing.T) {
			type shape struct{ headerBottom, firstRow, lastRow float64 }
			var shapes []shape
			for _, s := range d.deck.Slides {
				if s.Kind != KindTimeline {
					continue
				}
				var sh shape
				for _, it := range s.Items {
					switch {
					case it.Kind == ItemRect && it.Color == ColHeaderFill:
						sh.headerBottom = it.Y + it.H
					case it.Kind == ItemLine && it.Color == ColRuleLight:
						if sh.firstRow == 0 {
							sh.firstRow = it.Y
						}
						sh.lastRow = max(sh.lastRow, it.Y)
					}
				}
				for _, it := range s.Items {
					if it.Kind == ItemLine && it.Color == ColToday && it.Y < sh.headerBottom {
						t.Errorf("%q: today's line starts at %.1f, inside the header ending at %.1f", s.Title, it.Y, sh.headerBottom)
					}
					if it.Kind == ItemText && it.Size < SizeBody {
						t.Errorf("%q: text %q at %.0f pt", s.Title, it.Text, it.Size)
					}
				}
				shapes = append(shapes, sh)
			}
			if len(shapes) == 0 {
				t.Fatal("no timeline slide")
			}
			if len(shapes) > d.maxSlides {
				t.Errorf("%d timeline slides, want at most %d", len(shapes), d.maxSlides)
			}
			for i := 0; i+1 < len(shapes); i++ {
				left := contentBottom - shapes[i].lastRow
				next := shapes[i+1].firstRow - shapes[i+1].headerBottom
				if left >= next {
					t.Errorf("timeline slide %d leaves %.1f pt empty, room for the next row (%.1f pt)", i+1, left, next)
				}
			}
		})
	}
}

// A last-year plan nobody has followed up yet is said to be so, not shown as every activity
// "not started" (0 % done).
func TestFollowUpNotYetRecorded(t *testing.T) {
	prof := profile(t)
	d := fixture()
	d.Previous.Plan.Status = domain.PlanSigned
	d.Previous.Plan.Checks = [3]domain.Check{}
	for i := range d.Previous.Activities {
		a := &d.Previous.Activities[i]
		a.Status, a.PercentDone, a.ActualHours = "", 0, 0
	}
	for _, lang := range []i18n.Lang{i18n.Swedish, i18n.English} {
		deck := FromPlan(d, prof, i18n.New(lang), planNow)
		i := deck.First(KindFollowUp)
		if i < 0 {
			t.Fatalf("%s: no follow-up slide", lang)
		}
		text := strings.Join(deck.Texts(i), " ")
		want := map[i18n.Lang]string{i18n.Swedish: "inte uppföljd ännu", i18n.English: "not been followed up yet"}[lang]
		if !strings.Contains(text, want) || strings.Contains(text, "%") {
			t.Errorf("%s: follow-up slide says %q", lang, text)
		}
	}
}

// Slides never cut a board's name inside a word (they cannot shrink text either): a line of a
// slide is never the start of a name that ends inside a word, nor the rest of one.
func TestBoardNamesAreNeverCut(t *testing.T) {
	prof := profile(t)
	for _, lang := range i18n.Langs {
		o := demoOverview(t, prof, demoYear, lang)
		d := FromOverview(o, overviewNow)
		letter := func(r rune) bool { return unicode.IsLetter(r) }
		whole := map[string]bool{} // words that are whole in some name ("nämnden" of "Tekniska nämnden")
		for _, b := range o.Boards {
			for _, w := range strings.Fields(b) {
				whole[w] = true
			}
		}
		for i, s := range d.Slides {
			for _, it := range s.Items {
				if it.Kind != ItemText {
					continue
				}
				for _, b := range o.Boards {
					rs := []rune(b)
					for k := 1; k < len(rs); k++ {
						if !letter(rs[k-1]) || !letter(rs[k]) {
							continue
						}
						if it.Text == string(rs[:k]) || (it.Text == string(rs[k:]) && !whole[it.Text]) {
							t.Errorf("%s slide %d (%s): %q is cut as %q", lang, i+1, s.Kind, b, it.Text)
						}
					}
				}
			}
		}
	}
}
