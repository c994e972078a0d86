package wizard

import (
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"

	"handlingsplan/domain"
	"handlingsplan/ui/widgets"
)

// trainingsView is step 5: when and how the staff are informed and trained.
type trainingsView struct {
	w *Wizard
	rowStep[domain.Training]

	title, target, responsible, evaluation *widgets.TextEntry
	participants                           *widgets.NumberEntry
	format, kind                           *widgets.Choice
	dates                                  *datesEditor
}

func kindValues() []any {
	out := make([]any, len(domain.TrainingKinds))
	for i, k := range domain.TrainingKinds {
		out[i] = string(k)
	}
	return out
}

func formatValues() []any {
	out := make([]any, len(domain.TrainingFormats))
	for i, f := range domain.TrainingFormats {
		out[i] = string(f)
	}
	return out
}

func (v *trainingsView) rows() []domain.Training { return v.w.d.Trainings }

func (v *trainingsView) build() fyne.CanvasObject {
	w, loc := v.w, v.w.loc
	v.rowStep = rowStep[domain.Training]{w: w, step: StepTrainings, ref: rowRef{entity: "training"},
		items: v.rows, idOf: func(t domain.Training) int64 { return t.ID }, fill: v.fill,
		ops: w.trainingOps, firstField: "title", label: func(t domain.Training) string { return t.Title }}
	rows := v.rows
	cols := []widgets.Column{
		{Title: loc.T("wizard.col.what"), Weight: 5, Min: 8, Text: func(i int) string { return rows()[i].Title },
			Less: func(a, b int) bool { return loc.Compare(rows()[a].Title, rows()[b].Title) < 0 }},
		{Title: loc.T("wizard.col.target_group"), Weight: 2, Min: 6, Optional: true, Text: func(i int) string { return rows()[i].TargetGroup },
			Less: func(a, b int) bool { return loc.Compare(rows()[a].TargetGroup, rows()[b].TargetGroup) < 0 }},
		// The format, then the target group, give way on a narrow screen: the form shows both.
		{Title: loc.T("wizard.col.format"), Weight: 1, Min: 6, Optional: true, Text: func(i int) string { return formatText(loc, rows()[i].Format) },
			Less: func(a, b int) bool {
				return loc.Compare(formatText(loc, rows()[a].Format), formatText(loc, rows()[b].Format)) < 0
			}},
		{Title: loc.T("wizard.col.dates"), Min: 7.5, Weight: 0.5, Text: func(i int) string { return datesText(loc, rows()[i].Dates) },
			Less: func(a, b int) bool { return dateLess(firstDate(rows()[a].Dates), firstDate(rows()[b].Dates)) }},
		{Title: loc.T("wizard.col.participants"), Min: 4, Weight: 0.3, Align: fyne.TextAlignTrailing,
			Text: func(i int) string {
				return w.numberText(&w.d, "training", rows()[i].ID, "expected_participants", int64(rows()[i].ExpectedParticipants))
			},
			Less: func(a, b int) bool { return rows()[a].ExpectedParticipants < rows()[b].ExpectedParticipants }},
	}
	v.newTable(cols)
	v.newButtons(loc.T("wizard.training.add"), v.newRow, v.onDuplicate)

	v.f = newForm()
	v.title = w.paragraphField(&v.ref, domain.FieldTrainingTitle)
	v.title.SetPlaceHolder(loc.T("wizard.training.title_hint"))
	v.f.add(loc.T("wizard.training.title"), "title", v.title)
	v.target = w.paragraphField(&v.ref, domain.FieldTrainingTargetGroup)
	v.target.SetPlaceHolder(loc.T("wizard.training.target_hint"))
	v.f.add(loc.T("wizard.training.target_group"), "target_group", v.target)
	labels := make([]string, len(domain.TrainingFormats))
	for i, f := range domain.TrainingFormats {
		labels[i] = formatText(loc, f)
	}
	v.format = w.choiceField(&v.ref, domain.FieldTrainingFormat, labels, formatValues())
	v.f.add(loc.T("wizard.training.format"), "format", v.format)
	kinds := make([]string, len(domain.TrainingKinds))
	for i, k := range domain.TrainingKinds {
		kinds[i] = loc.T("training.kind." + string(k))
	}
	v.kind = w.choiceField(&v.ref, domain.FieldTrainingKind, kinds, kindValues())
	v.f.add(loc.T("wizard.training.kind"), "kind", v.kind)
	v.dates = newDatesEditor(w, &v.ref)
	v.f.add(loc.T("wizard.training.dates"), "dates", v.dates.box, v.dates)
	v.responsible = w.paragraphField(&v.ref, domain.FieldTrainingResponsible)
	v.responsible.SetPlaceHolder(loc.T("wizard.training.responsible_hint"))
	v.f.add(loc.T("wizard.training.responsible"), "responsible", v.responsible)
	v.participants = w.numberField(&v.ref, domain.FieldTrainingExpectedParticipants)
	v.f.add(loc.T("wizard.training.participants"), "expected_participants", v.participants)
	v.evaluation = w.textField(&v.ref, domain.FieldTrainingEvaluation, true)
	v.evaluation.SetPlaceHolder(loc.T("wizard.training.evaluation_hint"))
	v.f.add(loc.T("wizard.training.evaluation"), "evaluation", v.evaluation)
	v.setForm(v.f.scrolling(), loc.T("wizard.training.none_selected"))
	v.open()
	v.validated()
	return v.layout(nil, nil, 0.55)
}

// fill puts training t into the form.
func (v *trainingsView) fill(t domain.Training) {
	clear(v.f.local)
	widgets.SetText(&v.title.Entry, t.Title)
	widgets.SetText(&v.target.Entry, t.TargetGroup)
	widgets.SetSelected(&v.format.Select, indexOf(formatValues(), string(t.Format)))
	kind := t.Kind
	if kind == "" {
		kind = domain.TrainingGeneral
	}
	widgets.SetSelected(&v.kind.Select, indexOf(kindValues(), string(kind)))
	v.dates.show(t.Dates, v.w.canEdit(StepTrainings))
	widgets.SetText(&v.responsible.Entry, t.Responsible)
	showNumber(v.participants, &v.w.d, "training", t.ID, "expected_participants", int64(t.ExpectedParticipants))
	widgets.SetText(&v.evaluation.Entry, t.Evaluation)
}

func (v *trainingsView) validated() {
	v.refresh()
	people := 0
	for _, t := range v.rows() {
		people += t.ExpectedParticipants
	}
	v.showCount(v.w.loc.Tf("wizard.training.count", "Count", len(v.rows()), "People", v.w.loc.Number(int64(people))))
}

func (v *trainingsView) focus(entity string, id int64, field string) bool {
	if entity == "plan" {
		v.w.focusWidget(v.addBtn)
		return true
	}
	if !v.selectFor(entity, id) {
		return false
	}
	var target fyne.Focusable
	switch field {
	case "target_group":
		target = v.target
	case "format":
		target = v.format
	case "dates":
		target = v.dates.first()
	case "responsible":
		target = v.responsible
	case "expected_participants", "actual_participants":
		target = v.participants
	case "evaluation":
		target = v.evaluation
	case "kind":
		target = v.kind
	default:
		target = v.title
	}
	v.w.focusWidget(target)
	return true
}

func (v *trainingsView) newRow() { v.add(domain.Training{Format: domain.FormatWorkshop}) }

func (v *trainingsView) onDuplicate() {
	t, ok := v.current()
	if !ok {
		return
	}
	c := t
	c.ID, c.Position, c.ActualParticipants = 0, 0, 0
	c.Title = v.w.loc.Tf("wizard.copy_of", "Title", t.Title)
	c.Dates = slices.Clone(t.Dates)
	v.add(c)
}

func formatText(loc interface{ T(string) string }, f domain.TrainingFormat) string {
	if f == "" {
		return ""
	}
	return loc.T("format." + string(f))
}

func firstDate(ds []time.Time) time.Time {
	if len(ds) == 0 {
		return time.Time{}
	}
	return slices.MinFunc(ds, func(a, b time.Time) int { return a.Compare(b) })
}

// datesText is "2027-03-10" or "2027-03-10 +2".
func datesText(loc interface{ Date(time.Time) string }, ds []time.Time) string {
	if len(ds) == 0 {
		return ""
	}
	s := loc.Date(firstDate(ds))
	if len(ds) > 1 {
		s += " +" + strconv.Itoa(len(ds)-1)
	}
	return s
}
