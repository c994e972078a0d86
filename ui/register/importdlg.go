package register

import (
	"handlingsplan/ui/fynelang"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	ri "handlingsplan/app/registerimport"
	"handlingsplan/domain"
	"handlingsplan/ui/widgets"
)

// importDialog is the register import's mapping step: each column of the file with the field
// it fills (guessed from its header) and its first values, then the dry run of the whole file
// (what is new, changed, unchanged, and each row that cannot be imported and why), updated as
// the mapping changes; "Importera" writes the good rows in one go.
type importDialog struct {
	v       *View
	name    string
	t       ri.Table
	m       ri.Mapping
	plan    ri.Plan
	dlg     *dialog.CustomDialog
	selects []*widget.Select
	summary *widget.Label
	errors  *fyne.Container
	run     *widget.Button
	cancel  *widget.Button
}

// onImport asks for a spreadsheet and opens the mapping step.
func (v *View) onImport() {
	if v.flush() != nil {
		return
	}
	open := v.env.OpenFile
	if open == nil {
		open = v.fyneOpen
	}
	open(v.importFile)
}

// importFile reads a chosen file and shows the mapping step, or why it cannot be read.
func (v *View) importFile(name string, b []byte) {
	t, err := ri.Read(name, b)
	if err != nil {
		text := ri.ReadErrorText(v.loc, name, err)
		v.setStatus(text, widget.DangerImportance)
		if v.env.Window != nil {
			fynelang.ShowInformation(v.loc.T("register.import.title"), text, v.env.Window)
		}
		return
	}
	v.importDlg = newImportDialog(v, name, t)
}

func newImportDialog(v *View, name string, t ri.Table) *importDialog {
	loc := v.loc
	d := &importDialog{v: v, name: name, t: t, m: ri.Guess(t.Header)}
	var options []string
	fields := append([]ri.Field{ri.Ignore}, ri.Fields...)
	for _, f := range fields {
		options = append(options, ri.FieldName(loc, f))
	}
	grid := container.New(layout.NewFormLayout())
	for i, h := range t.Header {
		i := i
		s := widget.NewSelect(options, nil)
		for n, f := range fields {
			if f == d.m[i] {
				s.SetSelectedIndex(n)
			}
		}
		s.OnChanged = func(string) {
			if n := s.SelectedIndex(); n >= 0 {
				d.setField(i, fields[n])
			}
		}
		d.selects = append(d.selects, s)
		var samples []string
		for r := 0; r < len(t.Rows) && len(samples) < 3; r++ {
			if c := t.Cell(r, i); c != "" {
				samples = append(samples, c)
			}
		}
		sample := widget.NewLabel(strings.Join(samples, " · "))
		// Up to three whole samples, wrapped: a cut sample hides what the column holds.
		sample.Wrapping = fyne.TextWrapWord
		sample.SizeName = theme.SizeNameCaptionText
		head := widget.NewLabelWithStyle(h, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		grid.Add(head)
		grid.Add(container.NewGridWithColumns(2, s, sample))
	}
	d.summary = widgets.Wrapped("")
	d.errors = container.NewVBox()
	mapping := container.NewVScroll(grid)
	mapping.SetMinSize(fyne.NewSize(900, 200))
	errs := container.NewVScroll(d.errors)
	errs.SetMinSize(fyne.NewSize(900, 120))
	intro := widgets.Wrapped(loc.Tf("register.import.intro", "File", name, "Rows", len(t.Rows), "Board", v.board.Name))
	// The mapping and the dry run share the dialog's height; the divider moves.
	split := container.NewVSplit(mapping, container.NewBorder(container.NewVBox(widget.NewSeparator(), d.summary), nil, nil, nil, errs))
	split.Offset = 0.55
	body := container.NewBorder(intro, nil, nil, nil, split)
	d.run = widget.NewButtonWithIcon("", theme.DownloadIcon(), d.onRun)
	d.run.Importance = widget.HighImportance
	d.cancel = widget.NewButton(loc.T("register.cancel"), func() { d.close() })
	d.dlg = dialog.NewCustomWithoutButtons(loc.T("register.import.title"), body, v.env.Window)
	d.dlg.SetButtons([]fyne.CanvasObject{d.cancel, d.run})
	d.prepare()
	d.dlg.Resize(fyne.NewSize(1000, 660))
	d.dlg.Show()
	fynelang.DialogKeys(v.env.Window, fynelang.Press(d.run), fynelang.Press(d.cancel))
	return d
}

// setField maps column i to f; a field comes from one column, so another column that had it
// lets it go.
func (d *importDialog) setField(i int, f ri.Field) {
	for j := range d.m {
		if j != i && f != ri.Ignore && d.m[j] == f {
			d.m[j] = ri.Ignore
			widgets.SetSelected(d.selects[j], 0)
		}
	}
	d.m[i] = f
	d.prepare()
}

// prepare is the dry run of the file under the mapping: nothing is stored.
func (d *importDialog) prepare() {
	loc := d.v.loc
	d.errors.Objects = nil
	if err := d.m.Check(); err != nil {
		d.plan = ri.Plan{}
		widgets.SetLabel(d.summary, loc.T("register.import.need_name"))
		d.summary.Importance = widget.DangerImportance
		d.run.SetText(loc.Tf("register.import.run", "Count", 0))
		d.run.Disable()
		d.errors.Refresh()
		return
	}
	p, err := ri.PrepareFor(d.v.store, d.v.board.ID, d.t, d.m)
	if err != nil {
		d.v.report(err)
		return
	}
	d.plan = p
	d.summary.Importance = widget.MediumImportance
	widgets.SetLabel(d.summary, loc.Tf("register.import.summary", "New", p.New, "Changed", p.Changed, "Unchanged", p.Unchanged, "Refused", p.Refused))
	for _, r := range p.Rows {
		for _, e := range r.Errors {
			l := widgets.Wrapped(ri.ErrorText(loc, r, e, d.t.Header[d.m.Column(e.Field)]))
			l.Importance = widget.DangerImportance
			d.errors.Add(l)
		}
	}
	d.errors.Refresh()
	n := p.New + p.Changed
	d.run.SetText(loc.Tf("register.import.run", "Count", n))
	if n == 0 {
		d.run.Disable()
	} else {
		d.run.Enable()
	}
}

// onRun writes the good rows, as one undoable operation.
func (d *importDialog) onRun() {
	v := d.v
	before, err := v.store.Systems(v.board.ID, 0)
	if err != nil {
		v.report(err)
		return
	}
	sum, err := ri.Apply(v.store, v.board.ID, d.plan)
	if err != nil {
		v.report(err)
		return
	}
	d.close()
	after, _ := v.store.Systems(v.board.ID, 0)
	plan := d.plan
	v.undo.Push(where{},
		func() error { return undoImport(v, before, after) },
		func() error { _, err := ri.Apply(v.store, v.board.ID, plan); return err })
	v.reload(v.selID)
	msg := v.loc.Tf("register.import.done", "New", sum.Added, "Changed", sum.Changed, "Unchanged", sum.Unchanged, "Refused", sum.Refused)
	v.setStatus(msg, widget.SuccessImportance)
}

// undoImport takes an import back: the systems it added go, the fields it changed get their
// old values.
func undoImport(v *View, before, after []domain.System) error {
	old := map[int64]domain.System{}
	for _, x := range before {
		old[x.ID] = x
	}
	for _, x := range after {
		was, ok := old[x.ID]
		if !ok {
			if _, err := v.store.DeleteSystem(x.ID); err != nil {
				return err
			}
			continue
		}
		for _, f := range ri.Fields {
			if f == "name" && was.Name == x.Name {
				continue
			}
			field, ok := domain.FieldNamed("system", string(f))
			if !ok {
				continue
			}
			a, _ := field.Value(&was)
			b, _ := field.Value(&x)
			if !same(a, b) {
				if _, err := v.store.SetField(field, x.ID, a); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func (d *importDialog) close() {
	d.dlg.Hide()
	d.v.importDlg = nil
}

// fyneOpen is the platform's file dialog for a CSV or XLSX file.
func (v *View) fyneOpen(done func(name string, b []byte)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		defer r.Close()
		b, err := io.ReadAll(io.LimitReader(r, ri.MaxFileSize+1))
		if err != nil {
			fyne.LogError("read "+r.URI().Path(), err)
			v.setStatus(ri.ReadErrorText(v.loc, r.URI().Name(), ri.ErrFormat), widget.DangerImportance)
			return
		}
		done(r.URI().Name(), b)
	}, v.env.Window)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".xlsx", ".txt"}))
	fynelang.ShowFileDialog(d, v.env.Window)
}
