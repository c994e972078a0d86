//go:build unix

package importer

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A named pipe in the folder is not a file to import, and one given by name is refused
// without waiting for a writer.
func TestImportSkipsNamedPipes(t *testing.T) {
	env := newEnv(t)
	id := signerID(t, "Åsa Öberg", "Socialnämnden")
	env.trustSigner(t, id)
	dir := writeDir(t, map[string][]byte{"b.pdf": sealed(t, "Socialnämnden", 2027, 1, id)})
	fifo := filepath.Join(dir, "a.pdf")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	if n := Count([]string{dir}); n != 1 {
		t.Errorf("Count = %d, want 1", n)
	}
	done := make(chan []Result, 1)
	go func() {
		rs, err := env.im.Import(t.Context(), []string{dir, fifo}, nil)
		if err != nil {
			t.Error(err)
		}
		done <- rs
	}()
	select {
	case rs := <-done:
		if len(rs) != 2 || rs[0].Verdict != AcceptedNew || verdictOf(rs[1]) != "rejected no_file" {
			t.Errorf("verdicts %v", rs)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("import blocked on a named pipe")
	}
}
