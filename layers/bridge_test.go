package layers

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// bridgePkg is the one package that hands work from other goroutines to the UI (fyne.Do).
const bridgePkg = "handlingsplan/ui/bridge"

// TestOneBridge fails when a package other than ui/bridge calls fyne.Do or fyne.DoAndWait:
// views hand background results to the UI through the bridge, so there is one place to look
// when a widget is touched from the wrong goroutine. Tests may call them.
func TestOneBridge(t *testing.T) {
	out, err := exec.Command("go", "list", "-tags", "migrated_fynedo", "-f", "{{.ImportPath}}|{{.Dir}}|{{join .GoFiles \" \"}}", "handlingsplan/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	files := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		parts := strings.SplitN(line, "|", 3)
		if len(parts) != 3 {
			t.Fatalf("go list line %q", line)
		}
		if parts[0] == bridgePkg {
			continue
		}
		for _, name := range strings.Fields(parts[2]) {
			files++
			path := filepath.Join(parts[1], name)
			for _, at := range fyneDoCalls(t, path) {
				t.Errorf("%s calls %s: hand work to the UI through %s", at, "fyne.Do", bridgePkg)
			}
		}
	}
	if files < 50 {
		t.Fatalf("only %d source files listed", files)
	}
}

// fyneDoCalls are the places in the file at path that call fyne.Do or fyne.DoAndWait of
// fyne.io/fyne/v2, under whatever name the file imports it.
func fyneDoCalls(t *testing.T, path string) []string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	name := ""
	for _, imp := range f.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == "fyne.io/fyne/v2" {
			name = "fyne"
			if imp.Name != nil {
				name = imp.Name.Name
			}
		}
	}
	if name == "" {
		return nil
	}
	var at []string
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok || (sel.Sel.Name != "Do" && sel.Sel.Name != "DoAndWait") {
			return true
		}
		if id, ok := sel.X.(*ast.Ident); ok && id.Name == name {
			at = append(at, fset.Position(sel.Pos()).String())
		}
		return true
	})
	return at
}
