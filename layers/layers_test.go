package layers

import (
	"os/exec"
	"strings"
	"testing"
)

// layer names the layer of a package of this module.
func layer(pkg string) string {
	p := strings.TrimPrefix(pkg, "handlingsplan")
	p = strings.TrimPrefix(p, "/")
	switch {
	case p == "":
		return "root"
	case p == "domain", p == "data", p == "cli", p == "i18n", p == "assets", p == "version", p == "layers":
		return p
	case strings.HasPrefix(p, "app/"):
		return "app"
	case p == "ui" || strings.HasPrefix(p, "ui/"):
		return "ui"
	case strings.HasPrefix(p, "packaging/"):
		return "tools"
	}
	return "unknown:" + p
}

// allowed lists, for each layer, the layers of this module it may import. Everyone may use
// i18n, assets and version; nothing imports ui or cli but the root.
var allowed = map[string][]string{
	"version": {},
	"assets":  {},
	"i18n":    {"assets"},
	"domain":  {"i18n", "assets"},
	"data":    {"domain", "assets", "version"}, // no i18n: the store names no message (DESIGN §4)
	"app":     {"app", "data", "domain", "i18n", "assets", "version"},
	"cli":     {"app", "data", "domain", "i18n", "assets", "version"},
	"ui":      {"ui", "app", "data", "domain", "i18n", "assets", "version"},
	"root":    {"cli", "ui", "app", "data", "domain", "i18n", "assets", "version"},
	"layers":  {},
	"tools":   {}, // release tools (packaging/licenses, packaging/peinfo): the standard library only
}

// fyneFree are the layers that must not link Fyne: a command starts fast and quiet, and the
// use cases are testable without a display.
var fyneFree = map[string]bool{"version": true, "assets": true, "i18n": true, "domain": true, "data": true, "app": true, "cli": true, "tools": true}

type pkgInfo struct {
	path    string
	imports []string // direct imports
	deps    []string // every package it links
}

func listPackages(t *testing.T) []pkgInfo {
	t.Helper()
	out, err := exec.Command("go", "list", "-tags", "migrated_fynedo", "-f", "{{.ImportPath}}|{{join .Imports \" \"}}|{{join .Deps \" \"}}", "handlingsplan/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pkgs []pkgInfo
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		parts := strings.SplitN(line, "|", 3)
		if len(parts) != 3 {
			t.Fatalf("go list line %q", line)
		}
		pkgs = append(pkgs, pkgInfo{parts[0], strings.Fields(parts[1]), strings.Fields(parts[2])})
	}
	return pkgs
}

func own(pkg string) bool { return pkg == "handlingsplan" || strings.HasPrefix(pkg, "handlingsplan/") }

func TestImportDirection(t *testing.T) {
	pkgs := listPackages(t)
	if len(pkgs) < 10 {
		t.Fatalf("go list found only %d packages", len(pkgs))
	}
	for _, p := range pkgs {
		from := layer(p.path)
		ok, known := allowed[from]
		if !known {
			t.Errorf("%s: package in no layer (%s); add it to layer()", p.path, from)
			continue
		}
		for _, imp := range p.imports {
			if !own(imp) {
				continue
			}
			to := layer(imp)
			if to == from && from != "app" && from != "ui" {
				continue
			}
			permitted := false
			for _, l := range ok {
				if l == to {
					permitted = true
				}
			}
			if !permitted {
				t.Errorf("%s (%s) imports %s (%s): against the direction of DESIGN.md §4", p.path, from, imp, to)
			}
		}
		if fyneFree[from] {
			for _, d := range p.deps {
				if strings.HasPrefix(d, "fyne.io/") {
					t.Errorf("%s (%s) links %s: only ui and the root may use Fyne", p.path, from, d)
					break
				}
			}
		}
	}
}

// TestLayerOf pins the classification the direction test relies on.
func TestLayerOf(t *testing.T) {
	for pkg, want := range map[string]string{
		"handlingsplan":               "root",
		"handlingsplan/domain":        "domain",
		"handlingsplan/app/overview":  "app",
		"handlingsplan/ui/wizard":     "ui",
		"handlingsplan/ui":            "ui",
		"handlingsplan/cli":           "cli",
		"handlingsplan/application/x": "unknown:application/x",
	} {
		if got := layer(pkg); got != want {
			t.Errorf("layer(%s) = %s, want %s", pkg, got, want)
		}
	}
}
