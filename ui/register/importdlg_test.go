package register

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"handlingsplan/i18n"
)

// The register import from the GUI: the mapping step guesses the columns, the dry run names
// each bad row and changes nothing, remapping a column changes the verdict, "Importera" writes
// the good rows and Ctrl+Z takes the whole import back.
func TestImportFromSpreadsheet(t *testing.T) {
	test.NewTempApp(t)
	s, _ := demoStore(t)
	board := boardID(t, s)
	v, _ := open(t, s, board, i18n.Swedish)
	before := len(v.rows)
	b, err := os.ReadFile(filepath.Join("..", "..", "app", "registerimport", "testdata", "register-excel-sv.csv"))
	if err != nil {
		t.Fatal(err)
	}
	v.env.OpenFile = func(done func(string, []byte)) { done("register.csv", b) }
	test.Tap(v.importBtn)
	d := v.importDlg
	if d == nil {
		t.Fatalf("no mapping step; status %q", v.status.Text)
	}
	if d.selects[1].Selected != "Informationsägare" || d.selects[3].Selected != "Konfidentialitet (K)" {
		t.Errorf("guessed %q %q", d.selects[1].Selected, d.selects[3].Selected)
	}
	if !strings.Contains(d.summary.Text, "4 nya") || !strings.Contains(d.summary.Text, "5 rader kan inte läsas in") || len(d.errors.Objects) != 5 {
		t.Fatalf("dry run: %q, %d errors", d.summary.Text, len(d.errors.Objects))
	}
	if xs, _ := s.Systems(board, 0); len(xs) != before {
		t.Fatal("the dry run wrote")
	}
	// Basnivå not imported: the row with "kanske" is good then.
	d.selects[8].SetSelectedIndex(0)
	if !strings.Contains(d.summary.Text, "5 nya") || !strings.Contains(d.summary.Text, "4 rader") {
		t.Fatalf("after unmapping Basnivå: %q", d.summary.Text)
	}
	// Two columns cannot fill one field: choosing Namn for the description lets Namn go.
	d.selects[2].SetSelectedIndex(1)
	if d.selects[0].SelectedIndex() != 0 || d.m.Column("name") != 2 {
		t.Fatalf("name moved: column 0 shows %d, name from column %d", d.selects[0].SelectedIndex(), d.m.Column("name"))
	}
	d.selects[2].SetSelectedIndex(0)
	if !d.run.Disabled() || !strings.Contains(d.summary.Text, "namn") {
		t.Fatalf("no name column: %q, run disabled %v", d.summary.Text, d.run.Disabled())
	}
	d.selects[0].SetSelectedIndex(1)
	d.selects[2].SetSelectedIndex(3)
	if d.run.Text != "Importera 5 rader" {
		t.Fatalf("run button %q (%s)", d.run.Text, d.summary.Text)
	}
	test.Tap(d.run)
	if xs, _ := s.Systems(board, 0); len(xs) != before+5 {
		t.Fatalf("%d systems after import, want %d", len(xs), before+5)
	}
	if len(v.rows) != before+5 || !strings.Contains(v.status.Text, "Importerat: 5 nya") {
		t.Fatalf("view: %d rows, status %q", len(v.rows), v.status.Text)
	}
	v.Undo()
	if xs, _ := s.Systems(board, 0); len(xs) != before {
		t.Fatalf("%d systems after undo, want %d", len(xs), before)
	}
	v.Redo()
	if xs, _ := s.Systems(board, 0); len(xs) != before+5 {
		t.Fatalf("%d systems after redo", len(xs))
	}
}
