//go:build unix

package export

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"handlingsplan/app/submission"
)

// verify on a named pipe answers at once instead of waiting for a writer.
func TestVerifyFilesNamedPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "rör.pdf")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	type outcome struct {
		rs       []FileResult
		trustErr error
	}
	done := make(chan outcome, 1)
	go func() {
		rs := VerifyFiles([]string{fifo}, submission.Trust{}, time.Now())
		_, err := LoadTrust([]string{fifo})
		done <- outcome{rs, err}
	}()
	select {
	case o := <-done:
		if len(o.rs) != 1 || !errors.Is(o.rs[0].Err, submission.ErrNotRegular) {
			t.Errorf("VerifyFiles: %+v", o.rs)
		}
		if !errors.Is(o.trustErr, submission.ErrNotRegular) {
			t.Errorf("LoadTrust: %v", o.trustErr)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("blocked on a named pipe")
	}
}
