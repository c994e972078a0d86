package overview_test

import (
	"os"
	"testing"
)

var sharedDir struct {
	dir string
	err error
}

func TestMain(m *testing.M) {
	sharedDir.dir, sharedDir.err = os.MkdirTemp("", "overview-test-")
	code := m.Run()
	if s, err := demoStore(); err == nil && s != nil {
		s.Close()
	}
	if sharedDir.err == nil {
		os.RemoveAll(sharedDir.dir)
	}
	os.Exit(code)
}
