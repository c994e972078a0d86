package overview

import (
	"fmt"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"

	ov "handlingsplan/app/overview"
	"handlingsplan/app/present"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// One truth (issue 10, item 3): every figure the views of the coordinator demo share is the
// overview's. The views are the overview on screen, the report for kommunstyrelsen (its text
// as pdftotext reads it), the workbook (read back with excelize), the CSV files, the
// overview's slide deck as F5 shows it and the handout printed from it (its text as
// pdftotext reads it). Each view reads its figures the way a person reads that view; each
// figure lists the views that show it. A new view is one entry in views, a new figure one
// row in figures.

// figureKeys lists the keys of one kind of figure; values are canonical: whole numbers without
// grouping ("535000"), decimals with a point, shares as whole percentages.
type figureKeys func(o *ov.Overview) []string

type viewFigures map[string]string

// truthEnv is everything the views are made of.
type truthEnv struct {
	t    *testing.T
	v    *View
	o    *ov.Overview
	deck *present.Deck
}

func TestEveryViewShowsTheOverviewsFigures(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	v, _ := newView(t, i18n.Swedish)
	s, _ := demoStore()
	deck, _, err := present.OverviewDeck(s, v.year, v.loc, v.env.Now())
	if err != nil {
		t.Fatal(err)
	}
	env := &truthEnv{t: t, v: v, o: v.o, deck: deck}
	ref := reference(v.o)

	views := []struct {
		name string
		read func(*truthEnv) viewFigures
	}{
		{"overview on screen", guiFigures},
		{"report (PDF)", reportFigures},
		{"workbook (xlsx)", workbookFigures},
		{"CSV", csvFigures},
		{"slides (F5)", func(e *truthEnv) viewFigures { return slideFigures(e, deckDoc(e.deck)) }},
		{"handout (PDF)", func(e *truthEnv) viewFigures {
			pdf, err := present.Handout(e.deck, present.HandoutOptions{AppName: "Handlingsplan", AppVersion: "test"})
			if err != nil {
				e.t.Fatal(err)
			}
			return slideFigures(e, pdfDoc(e.t, pdf))
		}},
	}
	const (
		gui, report, xlsx, csvs, slides, handout = "overview on screen", "report (PDF)", "workbook (xlsx)", "CSV", "slides (F5)", "handout (PDF)"
	)
	tables := []string{gui, report, xlsx, csvs}
	all := []string{gui, report, xlsx, csvs, slides, handout}
	figures := []struct {
		name  string
		keys  figureKeys
		views []string
	}{
		{"plans received", fixed("received"), all},
		{"board has not sent its plan", perBoard("missing", allBoards), all},
		{"activities per board and in total", perBoard("activities", receivedAndTotal), all},
		{"hours per board and in total", perBoard("hours", receivedAndTotal), all},
		{"kronor per board and in total", perBoard("kronor", receivedAndTotal), all},
		{"hours and kronor per quarter and board", quarters(receivedOnly), tables},
		{"hours and kronor per quarter, kommun", quarters(totalOnly), all},
		{"last year's kronor per board and in total", perBoard("last.kronor", withLastAndTotal), tables},
		{"last year's hours per board and in total", perBoard("last.hours", withLastAndTotal), []string{gui, xlsx, csvs}},
		{"change of kronor from last year, kommun", fixed("change.kronor"), tables},
		{"goals covered", fixed("goals.covered"), []string{report, slides, handout}},
		{"activities per goal", perGoal("goal.activities"), all},
		{"boards per goal", perGoal("goal.boards"), []string{slides, handout}},
		{"activities per board and goal", boardGoals, tables},
		{"follow-up: activities per status, board and total", followUp(""), all},
		{"follow-up: activities per board and total", followUp("fu.total"), tables},
		{"follow-up: share done per board and total, whole percent", followUp("fu.share"), []string{gui, report}},
		{"follow-up: share done per board and total, one decimal", followUp("fu.share1"), []string{xlsx, csvs}},
		{"follow-up: share done, kommun", fixed("fu.share/"), []string{gui, report, slides, handout}},
		{"register: systems per board and total", perBoard("reg.systems", registerAndTotal), all},
		{"register: systems per level, board and total", levels, tables},
		{"register: systems per level, kommun", levelTotals, all},
		{"register: level 3–4 without risk analysis", perBoard("reg.norisk", registerAndTotal), all},
		{"register: level 3–4 without deepened plan", perBoard("reg.nodeep", registerAndTotal), all},
		{"register: below the base level", perBoard("reg.below", registerAndTotal), all},
		{"register: level 3–4 with gaps", perBoard("reg.gaps", registerAndTotal), []string{gui, xlsx, csvs}},
		{"register: level 3–4 and with gaps, kommun", fixed("reg.critical/", "reg.gaps/"), []string{gui, report, xlsx, csvs}},
		{"register: level 3–4, kommun (slides)", fixed("reg.critical/"), []string{slides, handout}},
		{"training and information events", fixed("events"), []string{report, xlsx, csvs, slides, handout}},
		{"expected participants", fixed("expected"), []string{report, slides, handout}},
		{"trainings", fixed("trainings"), []string{report}},
		// Decisions, the cybersäkerhetslag's requirement areas, management training and
		// the latest follow-up (truth_law_test.go reads them from each view).
		{"plan decided per board", perBoard("decided", receivedOnly), all},
		{"boards per requirement area", perArea("area.boards"), all},
		{"requirement areas covered, kommun", fixed("areas.covered"), all},
		{"requirement areas covered per board", perBoard("area.count", receivedOnly), all},
		{"management training per board", perBoard("mgmt", receivedOnly), all},
		{"latest follow-up: activities per status and board", latestKeys, []string{gui, report, slides, handout}},
		// Issue 14: the policy's general requirements and the register as a source of work.
		{"requirements met per board and in total", perBoard("req.met", requirementsAndTotal), all},
		{"applicable requirements per board and in total", perBoard("req.applicable", requirementsAndTotal), all},
		{"requirements not met per board and in total", perBoard("req.notmet", requirementsAndTotal), all},
		{"register: systems with warnings per board and total", perBoard("reg.flagged", registerAndTotal), all},
	}

	got := map[string]viewFigures{}
	for _, vw := range views {
		got[vw.name] = vw.read(env)
	}
	agreed := map[string][]string{}
	for _, f := range figures {
		keys := f.keys(env.o)
		if len(keys) == 0 {
			t.Errorf("%s: the demo has no such figure", f.name)
		}
		for _, vname := range f.views {
			t.Run(f.name+"/"+vname, func(t *testing.T) {
				for _, k := range keys {
					want, ok := ref[k]
					if !ok {
						t.Fatalf("the overview has no figure %q", k)
					}
					g, ok := got[vname][k]
					switch {
					case !ok:
						t.Errorf("%s does not show %s (the overview: %s)", vname, k, want)
					case g != want:
						t.Errorf("%s: %s says %s, the overview %s", k, vname, g, want)
					default:
						if !slices.Contains(agreed[k], vname) {
							agreed[k] = append(agreed[k], vname)
						}
					}
				}
			})
		}
	}
	// The figures compared and where they agree, for the record (go test -v).
	for _, f := range figures {
		var lines []string
		for _, k := range f.keys(env.o) {
			lines = append(lines, fmt.Sprintf("%s=%s [%d agree]", k, ref[k], len(agreed[k])))
		}
		t.Logf("%s (%s): %s", f.name, strings.Join(f.views, ", "), strings.Join(lines, "; "))
	}
}

// ---- the figures the overview computed ----

func reference(o *ov.Overview) viewFigures {
	r := viewFigures{}
	n := func(k string, v int64) { r[k] = strconv.FormatInt(v, 10) }
	n("received", int64(len(o.Plans)))
	for _, s := range o.Submissions {
		r["missing/"+s.Board] = map[bool]string{true: "0", false: "1"}[s.Received]
	}
	res := append(slices.Clone(o.Resources.Rows), o.Resources.Total)
	for _, row := range res {
		b := row.Board
		if row.Received {
			n("activities/"+b, int64(row.Activities))
			n("hours/"+b, row.Year.Hours())
			n("kronor/"+b, row.Year.Kronor())
			for q, x := range row.Quarters {
				n(fmt.Sprintf("q%d.hours/%s", q+1, b), x.Hours())
				n(fmt.Sprintf("q%d.kronor/%s", q+1, b), x.Kronor())
			}
		}
		if row.LastSource != ov.LastNone {
			n("last.kronor/"+b, row.Last.Kronor())
			n("last.hours/"+b, row.Last.Hours())
		}
	}
	if d, ok := o.Resources.TotalChange(ov.MetricKronor); ok {
		n("change.kronor", d)
	}
	m := o.Goals
	n("goals.covered", int64(m.Covered()))
	for gi, g := range m.Goals {
		n(fmt.Sprintf("goal.activities/%d", g.Number), int64(m.Totals[gi]))
		n(fmt.Sprintf("goal.boards/%d", g.Number), int64(m.BoardsWith[gi]))
		for bi, b := range m.Boards {
			n(fmt.Sprintf("goal/%s/%d", b, g.Number), int64(m.Counts[bi][gi]))
		}
	}
	for _, f := range append(slices.Clone(o.FollowUp.Rows), o.FollowUp.Total) {
		if !f.Has {
			continue
		}
		for _, st := range domain.ShownStatuses {
			n(fmt.Sprintf("fu.%s/%s", st, f.Board), int64(f.Counts[st]))
		}
		n("fu.total/"+f.Board, int64(f.Total))
		n("fu.share/"+f.Board, int64(f.Percent(domain.ActivityDone)))
		r["fu.share1/"+f.Board] = strconv.FormatFloat(f.Share(domain.ActivityDone)*100, 'f', 1, 64)
	}
	for _, g := range append(slices.Clone(o.Register.Rows), o.Register.Total) {
		b := g.Board
		n("reg.systems/"+b, int64(g.Systems))
		for _, l := range ov.Levels {
			n(fmt.Sprintf("reg.level%d/%s", l, b), int64(g.ByLevel[l]))
		}
		n("reg.norisk/"+b, int64(g.NoRiskAnalysis))
		n("reg.nodeep/"+b, int64(g.NoDeepenedPlan))
		n("reg.below/"+b, int64(g.BelowBaseline))
		n("reg.gaps/"+b, int64(g.Gaps))
		n("reg.critical/"+b, int64(g.Critical))
	}
	lawReference(o, n)
	for _, r := range o.Requirements.Rows {
		n("req.met/"+r.Board, int64(r.Met))
		n("req.applicable/"+r.Board, int64(r.Applicable()))
		n("req.notmet/"+r.Board, int64(r.NotMet))
	}
	tot := o.Requirements.Total
	n("req.met/", int64(tot.Met))
	n("req.applicable/", int64(tot.Applicable()))
	n("req.notmet/", int64(tot.NotMet))
	for _, g := range append(slices.Clone(o.Register.Rows), o.Register.Total) {
		n("reg.flagged/"+g.Board, int64(g.Flagged))
	}
	n("events", int64(len(o.Calendar.Events)))
	n("expected", int64(o.Calendar.Expected))
	n("trainings", int64(o.Calendar.Trainings))
	return r
}

func fixed(keys ...string) figureKeys { return func(*ov.Overview) []string { return keys } }

// Which boards a per-board figure has: the total is Board "" ("kind/").
func allBoards(o *ov.Overview) []string { return o.Boards }

func receivedOnly(o *ov.Overview) []string {
	var out []string
	for _, r := range o.Resources.Rows {
		if r.Received {
			out = append(out, r.Board)
		}
	}
	return out
}

func totalOnly(*ov.Overview) []string { return []string{""} }

func receivedAndTotal(o *ov.Overview) []string { return append(receivedOnly(o), "") }

func withLastAndTotal(o *ov.Overview) []string {
	var out []string
	for _, r := range o.Resources.Rows {
		if r.LastSource != ov.LastNone {
			out = append(out, r.Board)
		}
	}
	return append(out, "")
}

func requirementsAndTotal(o *ov.Overview) []string {
	var out []string
	for _, r := range o.Requirements.Rows {
		out = append(out, r.Board)
	}
	return append(out, "")
}

func registerAndTotal(o *ov.Overview) []string {
	var out []string
	for _, r := range o.Register.Rows {
		out = append(out, r.Board)
	}
	return append(out, "")
}

func perBoard(kind string, boards func(*ov.Overview) []string) figureKeys {
	return func(o *ov.Overview) []string {
		var out []string
		for _, b := range boards(o) {
			out = append(out, kind+"/"+b)
		}
		return out
	}
}

func quarters(boards func(*ov.Overview) []string) figureKeys {
	return func(o *ov.Overview) []string {
		var out []string
		for _, b := range boards(o) {
			for q := 1; q <= 4; q++ {
				out = append(out, fmt.Sprintf("q%d.hours/%s", q, b), fmt.Sprintf("q%d.kronor/%s", q, b))
			}
		}
		return out
	}
}

func perGoal(kind string) figureKeys {
	return func(o *ov.Overview) []string {
		var out []string
		for _, g := range o.Goals.Goals {
			out = append(out, fmt.Sprintf("%s/%d", kind, g.Number))
		}
		return out
	}
}

func boardGoals(o *ov.Overview) []string {
	var out []string
	for _, b := range o.Goals.Boards {
		for _, g := range o.Goals.Goals {
			out = append(out, fmt.Sprintf("goal/%s/%d", b, g.Number))
		}
	}
	return out
}

// followUp is the keys of a follow-up figure of every board with a follow-up and the total;
// kind "" is the four statuses.
func followUp(kind string) figureKeys {
	return func(o *ov.Overview) []string {
		var out []string
		for _, f := range append(slices.Clone(o.FollowUp.Rows), o.FollowUp.Total) {
			if !f.Has {
				continue
			}
			if kind != "" {
				out = append(out, kind+"/"+f.Board)
				continue
			}
			for _, st := range domain.ShownStatuses {
				out = append(out, fmt.Sprintf("fu.%s/%s", st, f.Board))
			}
		}
		return out
	}
}

func levels(o *ov.Overview) []string {
	var out []string
	for _, b := range registerAndTotal(o) {
		for _, l := range ov.Levels {
			out = append(out, fmt.Sprintf("reg.level%d/%s", l, b))
		}
	}
	return out
}

func levelTotals(*ov.Overview) []string {
	var out []string
	for _, l := range ov.Levels {
		out = append(out, fmt.Sprintf("reg.level%d/", l))
	}
	return out
}
