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

// sourceFiles lists the non-test Go files of every package of the module, by package.
func sourceFiles(t *testing.T) map[string][]string {
	t.Helper()
	out, err := exec.Command("go", "list", "-tags", "migrated_fynedo", "-f", "{{.ImportPath}}|{{.Dir}}|{{join .GoFiles \" \"}}", "handlingsplan/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	files := map[string][]string{}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		parts := strings.SplitN(line, "|", 3)
		if len(parts) != 3 {
			t.Fatalf("go list line %q", line)
		}
		for _, name := range strings.Fields(parts[2]) {
			files[parts[0]] = append(files[parts[0]], filepath.Join(parts[1], name))
			n++
		}
	}
	if n < 50 {
		t.Fatalf("only %d source files listed", n)
	}
	return files
}

// calls are the places in the file at path that use one of names of the package imported
// from importPath, under whatever name the file imports it.
func calls(t *testing.T, path, importPath string, names ...string) []string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	local := ""
	for _, imp := range f.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == importPath {
			local = importPath[strings.LastIndex(importPath, "/")+1:]
			if imp.Name != nil {
				local = imp.Name.Name
			}
		}
	}
	if local == "" {
		return nil
	}
	var at []string
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if id, ok := sel.X.(*ast.Ident); ok && id.Name == local {
			for _, name := range names {
				if sel.Sel.Name == name {
					at = append(at, fset.Position(sel.Pos()).String()+" "+local+"."+name)
				}
			}
		}
		return true
	})
	return at
}

// TestOneBridge fails when a package other than ui/bridge calls fyne.Do or fyne.DoAndWait:
// views hand background results to the UI through the bridge, so there is one place to look
// when a widget is touched from the wrong goroutine. Tests may call them.
func TestOneBridge(t *testing.T) {
	for pkg, files := range sourceFiles(t) {
		if pkg == "handlingsplan/ui/bridge" {
			continue
		}
		for _, path := range files {
			for _, at := range calls(t, path, "fyne.io/fyne/v2", "Do", "DoAndWait") {
				t.Errorf("%s: hand work to the UI through handlingsplan/ui/bridge", at)
			}
		}
	}
}

// TestOneTable fails when a view makes a table of its own out of Fyne's widget.Table instead
// of using the app's one table, widgets.Table. The overview's timeline is a chart drawn in a
// grid (a label column that stays put beside a scrolling time axis), not a table of data.
func TestOneTable(t *testing.T) {
	chart := map[string]bool{"gantt.go": true}
	for pkg, files := range sourceFiles(t) {
		// ui/fit names Fyne's table only to look inside tables when it checks a view.
		if pkg == "handlingsplan/ui/widgets" || pkg == "handlingsplan/ui/fit" {
			continue
		}
		for _, path := range files {
			if pkg == "handlingsplan/ui/overview" && chart[filepath.Base(path)] {
				continue
			}
			for _, at := range calls(t, path, "fyne.io/fyne/v2/widget", "NewTable", "NewTableWithHeaders", "Table") {
				t.Errorf("%s: use widgets.Table, the app's one table", at)
			}
		}
	}
}
