package overview

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"handlingsplan/app/exports"
	ov "handlingsplan/app/overview"
	"handlingsplan/domain"
)

// ---- documents as lines of fields (PDF text, slides) ----

// ---- the report for kommunstyrelsen ----

func reportFigures(e *truthEnv) viewFigures {
	o, loc := e.o, e.v.loc
	pdf, err := exports.Report(o, exports.ReportOptions{AppVersion: "test", Now: e.v.env.Now()})
	if err != nil {
		e.t.Fatal(err)
	}
	lines := pdfDoc(e.t, pdf).lines()
	f := viewFigures{}
	boards := append(slices.Clone(o.Boards), loc.T("overview.total"))
	key := func(b string) string { return boardOf(loc, b) }

	if r, _ := rowOf(lines, loc.T("exports.ks.received")); len(r) > 0 {
		f.put("received", r[0])
	}
	if s, ok := valueAbove(lines, loc.T("exports.ks.tile.goals")); ok {
		f.put("goals.covered", s)
	}
	if s, ok := valueAbove(lines, strings.Fields(loc.T("exports.ks.tile.events"))[0]); ok {
		f.put("events", s)
	}
	summary := joined(section(lines, "1 "+loc.T("exports.ks.section.summary"), "2 "))
	if m := regexp.MustCompile(`(\d+) av (\d+) system på nivå 3–4 saknar`).FindStringSubmatch(summary); m != nil {
		f["reg.gaps/"], f["reg.critical/"] = m[1], m[2]
	}

	subs := section(lines, "2 "+loc.T("exports.ks.section.submissions"), "3 ")
	for _, b := range o.Boards {
		if r, _ := rowOf(subs, b); len(r) > 0 {
			f["missing/"+b] = map[bool]string{true: "1", false: "0"}[r[0] == loc.T("overview.sub.not_received")]
		}
	}

	res := section(lines, "3 "+loc.T("exports.ks.section.resources"), loc.T("exports.ks.resources.quarters"))
	for _, b := range boards {
		r, _ := rowOf(res, b)
		if len(r) < 8 {
			continue
		}
		f.put("activities/"+key(b), r[0])
		f.put("hours/"+key(b), r[1])
		f.put("kronor/"+key(b), r[5])
		f.put("last.kronor/"+key(b), r[6])
		if key(b) == "" {
			f.put("change.kronor", r[7])
		}
	}
	qs := section(lines, loc.T("exports.ks.resources.quarters"), "4 ")
	for _, b := range boards {
		r, i := rowOf(qs, b)
		if len(r) < 4 {
			continue
		}
		// Hours on the row's first line, kronor on the next.
		next := qs[i+1].texts()
		if len(next) == 5 { // the board's name went on over two lines
			next = next[1:]
		}
		for q := range 4 {
			f.put(fmt.Sprintf("q%d.hours/%s", q+1, key(b)), r[q])
			if q < len(next) {
				f.put(fmt.Sprintf("q%d.kronor/%s", q+1, key(b)), next[q])
			}
		}
	}

	goals := section(lines, "4 "+loc.T("exports.ks.section.goals"), loc.T("exports.ks.goals.legend"))
	for _, b := range boards {
		r, _ := rowOf(goals, b)
		for gi, g := range o.Goals.Goals {
			if gi >= len(r) {
				break
			}
			k := fmt.Sprintf("goal/%s/%d", key(b), g.Number)
			if key(b) == "" {
				k = fmt.Sprintf("goal.activities/%d", g.Number)
			}
			if n, ok := count(r[gi]); ok {
				f[k] = n
			}
		}
	}

	trains := joined(section(lines, "6 "+loc.T("exports.ks.section.trainings"), "januari"))
	if m := regexp.MustCompile(`(\d+) tillfällen i (\d+) insatser med sammanlagt ([\d ]+) förväntade`).FindStringSubmatch(trains); m != nil {
		f["trainings"] = m[2]
		f.put("expected", m[3])
	}

	fu := section(lines, "7 "+loc.Tf("exports.ks.section.followup", "Year", o.Year-1), loc.T("exports.ks.followup.checks"))
	for _, b := range boards {
		r, _ := rowOf(fu, b)
		n := len(domain.ShownStatuses)
		if len(r) < n+2 || r[0] == "–" {
			continue
		}
		f.put("fu.total/"+key(b), r[0])
		for i, st := range domain.ShownStatuses {
			f.put(fmt.Sprintf("fu.%s/%s", st, key(b)), r[1+i])
		}
		f.put("fu.share/"+key(b), r[1+n])
	}

	lawReportFigures(e, lines, f)

	reg := section(lines, "8 "+loc.T("exports.ks.section.register"), "Nivåer:")
	for _, b := range boards {
		r, _ := rowOf(reg, b)
		if len(r) < 10 {
			continue
		}
		f.put("reg.systems/"+key(b), r[0])
		for i, l := range ov.Levels {
			f.put(fmt.Sprintf("reg.level%d/%s", l, key(b)), r[1+i])
		}
		f.put("reg.norisk/"+key(b), r[7])
		f.put("reg.nodeep/"+key(b), r[8])
		f.put("reg.below/"+key(b), r[9])
		if len(r) > 10 {
			f.put("reg.flagged/"+key(b), r[10])
		}
	}

	// 9: per board the version, "8 av 13" met, partly, not met, not assessed, systems with
	// warnings (read from the right: the total row has no version).
	req := section(lines, "9 "+loc.T("exports.ks.section.requirements"), loc.T("exports.ks.requirements.gaps"))
	for _, b := range boards {
		r, _ := rowOf(req, b)
		if len(r) < 5 {
			continue
		}
		n := len(r)
		putMetOf(f, key(b), r[n-5])
		f.put("req.notmet/"+key(b), r[n-3])
		f.put("reg.flagged/"+key(b), r[n-1])
	}
	return f
}

// ---- the slides and the handout ----

func slideFigures(e *truthEnv, d doc) viewFigures {
	o, loc := e.o, e.v.loc
	f := viewFigures{}
	boards := append(slices.Clone(o.Boards), loc.T("present.total"))
	key := func(b string) string { return boardOf(loc, b) }

	if len(d) > 0 {
		if m := regexp.MustCompile(`Planer från (\d+) av \d+ nämnder`).FindStringSubmatch(joined(d[0])); m != nil {
			f["received"] = m[1]
		}
	}
	var boardRows []line
	for _, p := range d.pages(loc.Tf("present.boards.title", "Year", o.Year)) {
		boardRows = append(boardRows, p...)
	}
	for _, b := range boards {
		r, _ := rowOf(boardRows, b)
		if len(r) == 0 {
			continue
		}
		if key(b) != "" {
			f["missing/"+b] = map[bool]string{true: "1", false: "0"}[r[0] == loc.Tf("present.boards.missing", "Year", o.Year)]
		}
		if len(r) == 4 || len(r) == 3 && key(b) == "" {
			r = r[len(r)-3:]
			f.put("activities/"+key(b), r[0])
			f.put("hours/"+key(b), r[1])
			f.put("kronor/"+key(b), r[2])
		}
	}
	for _, p := range d.pages(loc.Tf("present.resources.title", "Year", o.Year)) {
		for q := 1; q <= 4; q++ {
			if r, _ := rowOf(p, loc.Quarter(q)); len(r) >= 2 {
				f.put(fmt.Sprintf("q%d.hours/", q), r[0])
				f.put(fmt.Sprintf("q%d.kronor/", q), r[1])
			}
		}
	}
	var goalRows []line
	for _, p := range d.pages(loc.T("present.goals.title")) {
		goalRows = append(goalRows, p...)
		if m := regexp.MustCompile(`(\d+) av (\d+) mål har minst en åtgärd`).FindStringSubmatch(joined(p)); m != nil {
			f["goals.covered"] = m[1]
		}
	}
	for _, l := range goalRows {
		if t := l.texts(); len(t) == 4 {
			if _, err := strconv.Atoi(t[0]); err == nil {
				f.put("goal.activities/"+t[0], t[2])
				f.put("goal.boards/"+t[0], t[3])
			}
		}
	}
	for _, p := range d.pages(loc.Tf("present.training.title", "Year", o.Year)) {
		if m := regexp.MustCompile(`(?:^|[^\d])(\d{1,3}(?: \d{3})*) tillfällen, (\d{1,3}(?: \d{3})*) förväntade deltagare`).FindStringSubmatch(joined(p)); m != nil {
			f.put("events", m[1])
			f.put("expected", m[2])
		}
	}
	for _, p := range d.pages(loc.Tf("present.followup.title", "Year", o.Year-1)) {
		for _, st := range domain.ShownStatuses {
			if r, _ := rowOf(p, loc.T("activity.status."+string(st))); len(r) > 0 {
				f.put(fmt.Sprintf("fu.%s/", st), r[0])
				if st == domain.ActivityDone {
					if m := regexp.MustCompile(`\((\d+) %\)`).FindStringSubmatch(r[0]); m != nil {
						f["fu.share/"] = m[1]
					}
				}
			}
		}
	}
	var fuRows []line
	for _, p := range d.pages(loc.Tf("present.followup.by_board", "Year", o.Year-1)) {
		fuRows = append(fuRows, p...)
	}
	// One line per board names its statuses ("7 genomförda, 2 försenade"); a status it does not
	// name has none.
	for _, b := range o.Boards {
		r, i := rowOf(fuRows, b)
		text := strings.Join(r, " ")
		// The line goes on below, in the status column, while it ends with a comma.
		for j := i + 1; i >= 0 && j < len(fuRows) && strings.HasSuffix(text, ","); j++ {
			t := fuRows[j].texts()
			if len(t) == 0 {
				break
			}
			text += " " + t[len(t)-1]
		}
		text = strings.ReplaceAll(text, "\u00a0", " ")
		if len(r) == 0 || !regexp.MustCompile(`^\d`).MatchString(text) {
			continue // no follow-up known: the row says why
		}
		for _, st := range domain.ShownStatuses {
			n := "0"
			for _, one := range []int{1, 2} {
				form := regexp.QuoteMeta(strings.ReplaceAll(loc.Tf("present.status_count."+string(st), "Count", one), "\u00a0", " "))
				form = strings.Replace(form, strconv.Itoa(one), `(\d+)`, 1)
				if m := regexp.MustCompile(`(?:^|, |\s)` + form + `(?:,|$)`).FindStringSubmatch(text); len(m) > 1 {
					n = m[1]
				}
			}
			f.put(fmt.Sprintf("fu.%s/%s", st, b), n)
		}
	}
	lawSlideFigures(e, d, f)
	for _, p := range d.pages(loc.T("present.register.title")) {
		for _, l := range ov.Levels {
			name := loc.T("present.register.unclassified")
			if l >= 0 {
				for _, c := range o.Profile.Scale {
					if c.Level == l {
						name = fmt.Sprintf("%d %s", l, c.Name)
					}
				}
			}
			if r, _ := rowOf(p, name); len(r) > 0 {
				f.put(fmt.Sprintf("reg.level%d/", l), r[0])
			}
		}
		text := joined(p)
		if m := regexp.MustCompile(`System på nivå 3–4: (\d+)`).FindStringSubmatch(text); m != nil {
			f["reg.critical/"] = m[1]
		}
		if m := regexp.MustCompile(`Alla system: (\d+)`).FindStringSubmatch(text); m != nil {
			f["reg.systems/"] = m[1]
		}
		for k, label := range map[string]string{"reg.norisk/": "present.register.no_risk", "reg.nodeep/": "present.register.no_deepened", "reg.below/": "present.register.below_base"} {
			// The figure is printed above its label, where the label starts.
			if v, ok := valueAbove(p, loc.T(label)); ok {
				f.put(k, v)
			}
		}
	}
	var regRows []line
	for _, p := range d.pages(loc.T("present.register.by_board")) {
		regRows = append(regRows, p...)
	}
	for _, b := range o.Boards {
		if r, _ := rowOf(regRows, b); len(r) == 4 {
			f.put("reg.systems/"+b, r[0])
			f.put("reg.norisk/"+b, r[1])
			f.put("reg.nodeep/"+b, r[2])
			f.put("reg.below/"+b, r[3])
		}
	}
	// The general requirements by board: "8 av 13", partly, not met, not assessed, flagged.
	var reqRows []line
	for _, p := range d.pages(loc.T("present.requirements.title")) {
		reqRows = append(reqRows, p...)
	}
	for _, b := range boards {
		if r, _ := rowOf(reqRows, b); len(r) == 5 {
			putMetOf(f, key(b), r[0])
			f.put("req.notmet/"+key(b), r[2])
			f.put("reg.flagged/"+key(b), r[4])
		}
	}
	return f
}
