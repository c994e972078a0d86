package exports

import (
	"fmt"
	"strconv"
	"strings"

	"handlingsplan/app/overview"
	"handlingsplan/app/pdfdoc"
	"handlingsplan/domain"
)

// The KS report's sections on training, last year's follow-up and the registers.

func (k *ksReport) trainings() {
	o, loc := k.o, k.loc
	c := o.Calendar
	k.Section(loc.T("exports.ks.section.trainings"), true, true, 0)
	k.Paragraph(loc.Tf("exports.ks.trainings.intro", "Events", len(c.Events), "Trainings", c.Trainings, "Expected", loc.Number(int64(c.Expected))), 9.5, false, pdfdoc.ColText)
	shared := shareWith(o)
	for _, m := range c.Months {
		k.headTable(loc.Month(m.Start.Month())+" "+strconv.Itoa(m.Start.Year()), "", 0, 0)
		var rows []row
		for _, e := range m.Events {
			t := e.Training
			title := t.Title
			if len(t.Dates) > 1 {
				title += " (" + loc.Tf("overview.session", "N", e.Session, "Count", len(t.Dates)) + ")"
			}
			share := cell{text: strings.Join(shared[eventKey(e)], ", "), color: colAccent}
			rows = append(rows, row{cells: []cell{txt(loc.Date(e.Date)), {text: e.Board, bold: true}, txt(title), txt(t.TargetGroup),
				txt(loc.Number(int64(t.ExpectedParticipants))), share}})
		}
		k.table([]column{
			{loc.T("overview.col.date"), 1.3, pdfdoc.AlignLeft},
			{loc.T("overview.col.board"), 2.1, pdfdoc.AlignLeft},
			{loc.T("overview.col.training"), 3, pdfdoc.AlignLeft},
			{loc.T("overview.col.target_group"), 2.3, pdfdoc.AlignLeft},
			{loc.T("overview.col.expected_short"), 1.2, pdfdoc.AlignRight},
			{loc.T("overview.col.share_with"), 2.2, pdfdoc.AlignLeft},
		}, rows)
	}
	if len(c.Undated) > 0 {
		var names []string
		for _, e := range c.Undated {
			names = append(names, e.Board+": "+e.Training.Title)
		}
		k.Notice(loc.T("exports.ks.trainings.undated"), strings.Join(names, "\n"), pdfdoc.ColWarn, pdfdoc.ColWarnFill)
	}
	if len(c.Overlaps) > 0 {
		k.SubHeading(loc.T("exports.ks.trainings.overlaps"), 40)
		for _, ov := range c.Overlaps {
			titles := []string{}
			for _, e := range ov.Events {
				if !contains(titles, e.Training.Title) {
					titles = append(titles, e.Training.Title)
				}
			}
			k.Paragraph(loc.Tf("exports.ks.trainings.overlap_"+string(ov.Reason), "Month", loc.Month(ov.Month.Month())+" "+strconv.Itoa(ov.Month.Year()),
				"Boards", strings.Join(ov.Boards, ", "), "Titles", strings.Join(titles, "; ")), 9, false, pdfdoc.ColText)
		}
	}
}

func (k *ksReport) followUp() {
	o, loc := k.o, k.loc
	k.Section(loc.Tf("exports.ks.section.followup", "Year", o.Year-1), true, true, 0)
	k.Paragraph(loc.Tf("exports.ks.followup.intro", "Year", o.Year-1), 9.5, false, pdfdoc.ColText)
	cols := []column{{loc.T("overview.col.board"), 3, pdfdoc.AlignLeft}, {loc.T("overview.col.activities_short"), 1, pdfdoc.AlignRight}}
	for _, st := range domain.ShownStatuses {
		cols = append(cols, column{loc.T("activity.status." + string(st)), 1.2, pdfdoc.AlignRight})
	}
	cols = append(cols, column{loc.T("overview.col.share_done"), 1.3, pdfdoc.AlignRight})
	var rows []row
	var without []string
	add := func(name string, r overview.FollowUpRow, total bool) {
		if !r.Has {
			cells := []cell{{text: name, bold: true}}
			for range len(cols) - 1 {
				cells = append(cells, cell{text: "–", color: pdfdoc.ColMuted})
			}
			rows = append(rows, row{cells: cells})
			if !total {
				without = append(without, loc.Tf("exports.ks.followup.without_board", "Board", name, "Reason", r.GapText(loc)))
			}
			return
		}
		cells := []cell{{text: name, bold: true}, txt(loc.Number(int64(r.Total)))}
		for _, st := range domain.ShownStatuses {
			cells = append(cells, txt(loc.Number(int64(r.Counts[st]))))
		}
		cells = append(cells, cell{text: loc.Tf("report.percent", "N", r.Percent(domain.ActivityDone)), bold: true})
		rows = append(rows, row{cells: cells, total: total})
	}
	for _, r := range o.FollowUp.Rows {
		add(r.Board, r, false)
	}
	add(loc.T("overview.total"), o.FollowUp.Total, true)
	k.table(cols, rows)
	if len(without) > 0 {
		k.Paragraph(loc.Tf("exports.ks.followup.without", "Boards", strings.Join(without, "; "), "Count", len(without)), 9, false, pdfdoc.ColMuted)
	}

	k.headTable(loc.T("exports.ks.followup.checks"), loc.T("exports.ks.followup.checks_intro"), 9, pdfdoc.ColMuted)
	ccols := []column{{loc.T("overview.col.board"), 2.6, pdfdoc.AlignLeft}}
	for i := range 3 {
		ccols = append(ccols, column{loc.T("check." + strconv.Itoa(i)), 2, pdfdoc.AlignLeft})
	}
	var crows []row
	for _, r := range o.FollowUp.Rows {
		if !r.Has {
			continue
		}
		cells := []cell{{text: r.Board, bold: true}}
		for i := range 3 {
			s := loc.Tf("exports.ks.followup.board_answer", "Result", loc.T("check.result."+string(r.Checks[i].Result)))
			if a := r.Note.Checks[i]; a != domain.CheckUnanswered {
				s += "\n" + loc.Tf("exports.ks.followup.assessment", "Result", loc.T("check.result."+string(a)))
			}
			c := txt(s)
			if r.Checks[i].Result == domain.CheckNo || r.Note.Checks[i] == domain.CheckNo {
				c.color = pdfdoc.ColWarn
			}
			cells = append(cells, c)
		}
		crows = append(crows, row{cells: cells})
	}
	k.table(ccols, crows)
	var notes [][2]string
	for _, r := range o.FollowUp.Rows {
		if r.Note.Text != "" {
			notes = append(notes, [2]string{r.Board, r.Note.Text})
		}
	}
	if len(notes) > 0 {
		k.SubHeading(loc.T("exports.ks.followup.notes"), 40)
		k.KeyValues(notes, 150, 9)
	}
}

func (k *ksReport) register() {
	o, loc := k.o, k.loc
	k.Section(loc.T("exports.ks.section.register"), true, true, 0)
	k.Paragraph(loc.T("exports.ks.register.intro"), 9.5, false, pdfdoc.ColText)
	cols := []column{{loc.T("overview.col.board"), 3, pdfdoc.AlignLeft}, {loc.T("overview.col.systems"), 1, pdfdoc.AlignRight}}
	for _, l := range overview.Levels {
		title := loc.T("overview.level.none_short")
		if l >= 0 {
			title = strconv.Itoa(l)
		}
		cols = append(cols, column{title, 0.8, pdfdoc.AlignRight})
	}
	cols = append(cols, column{loc.T("overview.col.no_risk"), 1.4, pdfdoc.AlignRight}, column{loc.T("overview.col.no_deepened"), 1.5, pdfdoc.AlignRight},
		column{loc.T("overview.col.below_base"), 1.3, pdfdoc.AlignRight})
	var rows []row
	add := func(name string, r overview.RegisterRow, total bool) {
		cells := []cell{{text: name, bold: true}, txt(loc.Number(int64(r.Systems)))}
		for _, l := range overview.Levels {
			cells = append(cells, txt(loc.Number(int64(r.ByLevel[l]))))
		}
		for _, n := range []int{r.NoRiskAnalysis, r.NoDeepenedPlan, r.BelowBaseline} {
			c := txt(loc.Number(int64(n)))
			if n > 0 {
				c.color, c.bold = pdfdoc.ColWarn, true
			}
			cells = append(cells, c)
		}
		rows = append(rows, row{cells: cells, total: total})
	}
	for _, r := range o.Register.Rows {
		add(r.Board, r, false)
	}
	add(loc.T("overview.total"), o.Register.Total, true)
	k.table(cols, rows)
	k.Paragraph(loc.Tf("exports.ks.register.legend", "Scale", scaleText(o.Profile)), 8.5, false, pdfdoc.ColMuted)

	gaps := o.SystemRows("", overview.Gap).Systems
	if len(gaps) == 0 {
		return
	}
	k.headTable(loc.T("exports.ks.register.gaps"), "", 0, 0)
	var grows []row
	for _, s := range gaps {
		x := s.System
		risk := loc.Date(x.RiskAnalysisAt)
		rc := txt(risk)
		if risk == "" {
			rc = cell{text: loc.T("report.register.missing"), color: pdfdoc.ColWarn, bold: true}
		}
		plan := loc.T("secplan." + string(x.SecurityPlan))
		pc := txt(plan)
		if x.SecurityPlan != domain.SecurityPlanDeepened {
			pc.color, pc.bold = pdfdoc.ColWarn, true
		}
		grows = append(grows, row{cells: []cell{{text: s.Board, bold: true}, txt(x.Name), txt(strconv.Itoa(x.MaxLevel())), rc, pc}})
	}
	k.table([]column{
		{loc.T("overview.col.board"), 2.6, pdfdoc.AlignLeft},
		{loc.T("overview.col.system"), 3.4, pdfdoc.AlignLeft},
		{loc.T("overview.col.level"), 1, pdfdoc.AlignRight},
		{loc.T("report.register.risk"), 1.4, pdfdoc.AlignLeft},
		{loc.T("overview.col.security_plan"), 1.8, pdfdoc.AlignLeft},
	}, grows)
}

// scaleText is the profile's classification scale: "0 Försumbar, 1 Måttlig, …".
func scaleText(p domain.Profile) string {
	var parts []string
	for _, c := range p.Scale {
		parts = append(parts, fmt.Sprintf("%d %s", c.Level, c.Name))
	}
	return strings.Join(parts, ", ")
}
