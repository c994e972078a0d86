package exports_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"handlingsplan/app/coorddemo"
	"handlingsplan/app/overview"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

const demoYear = 2027

var shared struct {
	dir string
	err error
}

// TestMain makes a directory for the coordinator demo that the tests share (signing its
// eighteen submissions takes seconds) and removes it at the end.
func TestMain(m *testing.M) {
	shared.dir, shared.err = os.MkdirTemp("", "exports-test-")
	code := m.Run()
	if s, err := demoStore(); err == nil && s != nil {
		s.Close()
	}
	if shared.err == nil {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

var demoStore = sync.OnceValues(func() (*data.Store, error) {
	if shared.err != nil {
		return nil, shared.err
	}
	s, err := data.Open(filepath.Join(shared.dir, "coordinator.db"), "samordnare")
	if err != nil {
		return nil, err
	}
	prof, err := domain.DefaultProfile()
	if err != nil {
		return nil, err
	}
	if err := s.EnsureProfile(prof); err != nil {
		return nil, err
	}
	if err := coorddemo.CoordinatorDemo(s, demoYear, filepath.Join(shared.dir, "work")); err != nil {
		return nil, err
	}
	return s, nil
})

// demoOverview is the overview of the coordinator demo in lang.
func demoOverview(t *testing.T, lang i18n.Lang) *overview.Overview {
	t.Helper()
	s, err := demoStore()
	if err != nil {
		t.Fatal(err)
	}
	o, err := overview.Load(s, demoYear, overview.Options{Loc: i18n.New(lang)})
	if err != nil {
		t.Fatal(err)
	}
	return o
}
