package overview

import (
	"handlingsplan/ui/fynelang"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	ov "handlingsplan/app/overview"
	"handlingsplan/domain"
)

// drillTable makes the table listing the rows behind a figure: activities, training dates,
// systems, boards or received versions, whichever the rows are.
func (v *View) drillTable(rows ov.Rows) *sortTable {
	loc := v.loc
	var t *sortTable
	switch {
	case len(rows.Activities) > 0:
		t = newSortTable(loc, []column{
			{loc.T("overview.col.board"), 190, false},
			{loc.T("overview.col.year"), 60, true},
			{loc.T("overview.col.number"), 44, true},
			{loc.T("overview.col.activity"), 280, false},
			{loc.T("overview.col.start"), 100, false},
			{loc.T("overview.col.end"), 100, false},
			{loc.T("overview.col.goals"), 70, false},
			{loc.T("overview.metric.hours"), 80, true},
			{loc.T("overview.metric.kronor"), 120, true},
			{loc.T("overview.col.status"), 110, false},
		}, nil)
		var out [][]tcell
		var hours, kronor int64
		for _, r := range rows.Activities {
			a := r.Activity
			out = append(out, []tcell{text(r.Board), num(loc, int64(r.Year), strconv.Itoa(r.Year)), num(loc, int64(a.Position), ""),
				text(a.Title), text(loc.Date(a.Start)), text(loc.Date(a.End)), text(goalList(a.Goals)),
				num(loc, r.Share.Hours(), ""), num(loc, r.Share.Kronor(), loc.Kronor(r.Share.Kronor())),
				text(keyOr(loc, "activity.status."+string(a.Status), string(a.Status)))})
			hours += r.Share.Hours()
			kronor += r.Share.Kronor()
		}
		t.setRows(out, []tcell{text(loc.T("overview.sum")), {}, {}, text(loc.Tf("overview.rows", "Count", len(out))), {}, {}, {},
			num(loc, hours, ""), num(loc, kronor, loc.Kronor(kronor)), {}})
	case len(rows.Events) > 0:
		t = newSortTable(loc, []column{
			{loc.T("overview.col.date"), 100, false},
			{loc.T("overview.col.board"), 190, false},
			{loc.T("overview.col.training"), 300, false},
			{loc.T("overview.col.target_group"), 220, false},
			{loc.T("overview.col.format"), 140, false},
			{loc.T("overview.col.expected_short"), 90, true},
		}, nil)
		var out [][]tcell
		for _, e := range rows.Events {
			tr := e.Training
			out = append(out, []tcell{text(loc.Date(e.Date)), text(e.Board), text(tr.Title), text(tr.TargetGroup),
				text(keyOr(loc, "format."+string(tr.Format), string(tr.Format))), num(loc, int64(tr.ExpectedParticipants), "")})
		}
		t.setRows(out, nil)
	case len(rows.Systems) > 0:
		t = newSortTable(loc, []column{
			{loc.T("overview.col.board"), 190, false},
			{loc.T("overview.col.system"), 260, false},
			{loc.T("overview.col.classification"), 110, false},
			{loc.T("overview.col.level"), 60, true},
			{loc.T("report.register.risk"), 110, false},
			{loc.T("overview.col.security_plan"), 150, false},
			{loc.T("overview.col.owner"), 200, false},
		}, nil)
		var out [][]tcell
		for _, r := range rows.Systems {
			s := r.System
			risk := text(loc.Date(s.RiskAnalysisAt))
			if s.RiskAnalysisAt.IsZero() {
				risk = tcell{text: loc.T("report.register.missing"), warn: ov.Critical(r)}
			}
			plan := tcell{text: keyOr(loc, "secplan."+string(s.SecurityPlan), string(s.SecurityPlan)), warn: ov.NoDeepenedPlan(r)}
			out = append(out, []tcell{text(r.Board), text(s.Name), text(classification(s)), num(loc, int64(s.MaxLevel()), levelText(loc, s.MaxLevel())),
				risk, plan, text(s.Owner)})
		}
		t.setRows(out, nil)
	case len(rows.Boards) > 0:
		t = newSortTable(loc, []column{
			{loc.T("overview.col.board"), 220, false},
			{loc.T("overview.col.status"), 200, false},
			{loc.T("overview.col.signed_by"), 200, false},
			{loc.T("overview.col.signed"), 110, false},
		}, nil)
		var out [][]tcell
		for _, b := range rows.Boards {
			out = append(out, []tcell{text(b.Board), statusCell(loc, b), text(b.Current.SignerName), text(loc.Date(b.Current.SignedAt))})
		}
		t.setRows(out, nil)
	default:
		t = newSortTable(loc, []column{
			{loc.T("overview.col.version"), 80, true},
			{loc.T("overview.col.current"), 90, false},
			{loc.T("overview.col.signed_by"), 200, false},
			{loc.T("overview.col.signed"), 110, false},
			{loc.T("overview.col.imported"), 150, false},
			{loc.T("overview.col.file"), 260, false},
			{loc.T("overview.col.trusted"), 80, false},
		}, nil)
		var out [][]tcell
		for _, x := range rows.Versions {
			cur := ""
			if x.Current {
				cur = loc.T("overview.yes")
			}
			trusted := tcell{text: loc.T("overview.yes")}
			if !x.Trusted {
				trusted = tcell{text: loc.T("overview.no"), warn: true}
			}
			out = append(out, []tcell{num(loc, int64(x.Version), ""), text(cur), text(x.SignerName), text(loc.Date(x.SignedAt)),
				text(loc.DateTime(x.ImportedAt)), text(x.FileName), trusted})
		}
		t.setRows(out, nil)
	}
	t.onText = v.showCell
	return t
}

// showRows opens the list of the rows behind a figure.
func (v *View) showRows(title string, rows ov.Rows) {
	loc := v.loc
	var body fyne.CanvasObject
	var t *sortTable
	if rows.Len() == 0 {
		body = widget.NewLabel(loc.T("overview.drill.empty"))
	} else {
		t = v.drillTable(rows)
		body = t.object()
	}
	d := dialog.NewCustom(title, loc.T("overview.close"), container.NewStack(body), v.env.Window)
	// Most of the window: the rows' texts want the width.
	win := v.env.Window.Canvas().Size()
	d.Resize(fyne.NewSize(min(1500, win.Width-40), min(640, win.Height-40)))
	v.lastDrill = &drillShown{title: title, rows: rows, table: t}
	d.Show()
	fynelang.DialogKeys(v.env.Window, d.Hide, d.Hide)
}

// drillShown remembers the last rows shown (tests).
type drillShown struct {
	title string
	rows  ov.Rows
	table *sortTable // nil when there are no rows
}

// showCell opens the full text of a table cell that may be cut short.
func (v *View) showCell(title, text string) { v.showText(title, []string{text}) }

// showText opens a list of sentences (a submission's problems).
func (v *View) showText(title string, lines []string) {
	l := widget.NewLabel(strings.Join(lines, "\n\n"))
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, v.loc.T("overview.close"), container.NewVScroll(l), v.env.Window)
	d.Resize(fyne.NewSize(640, 360))
	d.Show()
	fynelang.DialogKeys(v.env.Window, d.Hide, d.Hide)
}

func classification(s domain.System) string {
	part := func(l int) string {
		if l < 0 {
			return "–"
		}
		return strconv.Itoa(l)
	}
	return part(s.Confidentiality) + "/" + part(s.Integrity) + "/" + part(s.Availability) + "/" + part(s.Traceability)
}
