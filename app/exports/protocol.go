package exports

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"handlingsplan/app/identity"
	"handlingsplan/app/overview"
	"handlingsplan/app/pdfdoc"
	"handlingsplan/domain"
)

// ErrNoBoard means the overview has no such board.
var ErrNoBoard = errors.New("no such board")

// Protocol is the coordinator's protocol of a board's biennial follow-up (the policy's
// "uppföljning vartannat år"): the three checks as the board answered them and as the
// coordinator assessed them, what was decided and done in last year's plan, the coordinator's
// notes and lines to sign.
func Protocol(o *overview.Overview, board string, opt ReportOptions) ([]byte, error) {
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	f, ok := o.FollowUpOf(board)
	if !ok {
		return nil, fmt.Errorf("protocol for %q: %w", board, ErrNoBoard)
	}
	loc := o.Loc()
	d, err := newDoc(loc)
	if err != nil {
		return nil, fmt.Errorf("protocol for %q: %w", board, err)
	}
	d.HeaderLeft = strings.TrimSpace(o.Profile.Kommun + " · " + board)
	d.HeaderRight = loc.Tf("exports.protocol.header", "Year", f.Year)
	d.FooterLeft = loc.Tf("exports.ks.footer", "Date", loc.Date(opt.Now))

	// Head
	d.NewPage()
	d.SetFont(true, 13)
	d.Text(pdfdoc.MarginL, 58, d.Fit(o.Profile.Kommun, pdfdoc.ContentW), pdfdoc.ColHeading)
	d.Line(pdfdoc.MarginL, 80, pdfdoc.ContentRight, 80, pdfdoc.ColHeading, 1.2)
	d.Y = 104
	d.SetFont(true, 20)
	for _, l := range d.Wrap(loc.Tf("exports.protocol.title", "Year", f.Year), pdfdoc.ContentW) {
		d.Text(pdfdoc.MarginL, d.Y, l, pdfdoc.ColHeading)
		d.Y += 26
	}
	d.SetFont(false, 14)
	d.Text(pdfdoc.MarginL, d.Y, board, pdfdoc.ColText)
	d.Y += 30

	// The basis is the submission the follow-up came in: the board's own plan for the year
	// followed up, or this year's plan that carried it; without one, why there is none.
	basis := f.GapText(loc)
	if f.Has {
		s := f.Submission
		basis = loc.Tf("exports.protocol.received_value", "Year", s.Year, "Version", s.Version, "Name", s.SignerName, "Date", loc.Date(s.SignedAt))
	}
	by := f.Note.UpdatedBy
	if s := opt.Signer; s != nil {
		by = identity.SubjectOf(s.Cert).Name
	}
	if by == "" {
		by = "–"
	}
	d.KeyValues([][2]string{
		{loc.T("report.cover.board"), board},
		{loc.T("exports.protocol.year"), strconv.Itoa(f.Year)},
		{loc.T("exports.protocol.basis"), basis},
		{loc.T("exports.protocol.by"), by},
		{loc.T("exports.protocol.date"), loc.Date(opt.Now)},
	}, 170, 10)
	d.Y += 6
	d.Paragraph(loc.T("exports.protocol.intro"), 9.5, false, pdfdoc.ColText)

	// The three checks.
	d.Section(loc.T("exports.protocol.section.checks"), true, false, 80)
	if !f.Has {
		d.Notice(loc.T("overview.followup.none"), loc.Tf("exports.protocol.no_followup", "Reason", f.GapText(loc)), pdfdoc.ColWarn, pdfdoc.ColWarnFill)
	}
	for i := range 3 {
		d.SubHeading(strconv.Itoa(i+1)+". "+loc.T("check."+strconv.Itoa(i)), 50)
		answer := loc.T("check.result.")
		text := ""
		if f.Has {
			answer = loc.T("check.result." + string(f.Checks[i].Result))
			text = f.Checks[i].Text
		}
		pairs := [][2]string{{loc.T("exports.protocol.board_answer"), answer}}
		if text != "" {
			pairs = append(pairs, [2]string{loc.T("exports.protocol.board_text"), text})
		}
		pairs = append(pairs, [2]string{loc.T("exports.protocol.assessment"), loc.T("check.result." + string(f.Note.Checks[i]))})
		d.KeyValues(pairs, 170, 9.5)
	}

	// What was decided and done.
	if f.Has {
		d.Section(loc.Tf("exports.protocol.section.activities", "Year", f.Year), true, true, 0)
		d.Paragraph(loc.Tf("exports.protocol.activities_intro", "Done", f.Counts[domain.ActivityDone], "Count", f.Total,
			"Percent", loc.Tf("report.percent", "N", f.Percent(domain.ActivityDone)), "Year", f.Year), 9.5, false, pdfdoc.ColText)
		var rows []row
		for _, r := range o.FollowUpRows(board, "").Activities {
			a := r.Activity
			st := cell{text: loc.T("activity.status." + string(o.StatusOf(a)))}
			switch o.StatusOf(a) {
			case domain.ActivityDone:
				st.color = colGood
			case domain.ActivityNotStarted, domain.ActivityDropped, domain.ActivityDelayed:
				st.color = pdfdoc.ColWarn
			default:
				st.color = colAmber
			}
			rows = append(rows, row{cells: []cell{txt(strconv.Itoa(a.Position)), {text: a.Title, bold: true}, st,
				txt(loc.Tf("report.percent", "N", a.PercentDone)), txt(a.FollowUpComment)}})
		}
		d.table([]column{
			{loc.T("report.col.no"), 0.5, pdfdoc.AlignRight},
			{loc.T("overview.col.activity"), 3.4, pdfdoc.AlignLeft},
			{loc.T("overview.col.status"), 1.3, pdfdoc.AlignLeft},
			{loc.T("report.col.percent"), 0.8, pdfdoc.AlignRight},
			{loc.T("report.col.comment"), 4, pdfdoc.AlignLeft},
		}, rows)
	}

	// The policy's general requirements ("regler följs") and the register.
	requirementsOf(d, o, board)

	// Notes and signatures.
	d.Section(loc.T("exports.protocol.section.notes"), true, false, 60)
	note := f.Note.Text
	if note == "" {
		note = loc.T("exports.protocol.no_notes")
	}
	d.Paragraph(note, 10, false, pdfdoc.ColText)
	d.Y += 30
	d.Ensure(90)
	for _, role := range []string{loc.T("exports.protocol.sign_coordinator"), loc.T("exports.protocol.sign_board")} {
		d.Line(pdfdoc.MarginL, d.Y+24, pdfdoc.MarginL+250, d.Y+24, pdfdoc.ColText, 0.5)
		d.Line(pdfdoc.MarginL+280, d.Y+24, pdfdoc.ContentRight, d.Y+24, pdfdoc.ColText, 0.5)
		d.SetFont(false, 8)
		d.Text(pdfdoc.MarginL, d.Y+28, role, pdfdoc.ColMuted)
		d.Text(pdfdoc.MarginL+280, d.Y+28, loc.T("exports.protocol.sign_date"), pdfdoc.ColMuted)
		d.Y += 48
	}

	pdf, err := d.bytes(loc.Tf("exports.protocol.doc_title", "Year", f.Year, "Board", board), o.Profile.Kommun,
		loc.Tf("exports.protocol.doc_title", "Year", f.Year, "Board", board), opt.AppVersion, opt.Now)
	if err != nil {
		return nil, fmt.Errorf("protocol for %q: %w", board, err)
	}
	if opt.Signer == nil {
		return pdf, nil
	}
	signedPDF, err := Sign(pdf, opt.Signer, SignInfo{Reason: loc.Tf("exports.protocol.sign_reason", "Year", f.Year, "Board", board),
		Location: o.Profile.Kommun, Time: opt.Now})
	if err != nil {
		return nil, fmt.Errorf("protocol for %q: %w", board, err)
	}
	return signedPDF, nil
}
