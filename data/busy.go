package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/mattn/go-sqlite3"
)

// Another program (the sqlite3 shell, a backup tool) may hold SQLite's write lock on the
// database: our instance lock keeps out only other Handlingsplan programs. A write then waits
// for it: SQLite waits busyNoteAfter on its own, then tx tells whoever listens (OnBusy) and
// waits on, up to busyWait in all, and fails with a *BusyError that names the program.
const (
	busyNoteAfter   = time.Second
	defaultBusyWait = 30 * time.Second
)

// ErrBusy means another program held the database's write lock for longer than a write waits.
var ErrBusy = errors.New("database write-locked by another program")

// Program is a process that holds a lock on the database; zero values where the system does
// not tell.
type Program struct {
	PID  int
	Name string
}

func (p Program) String() string {
	switch {
	case p.PID == 0:
		return "an unknown program"
	case p.Name == "":
		return fmt.Sprintf("process %d", p.PID)
	}
	return fmt.Sprintf("%s (process %d)", p.Name, p.PID)
}

// BusyError is ErrBusy with the program that held the lock, and how long the write waited.
type BusyError struct {
	Holder Program
	Waited time.Duration
}

func (e *BusyError) Error() string {
	return fmt.Sprintf("%v: %v, waited %v", ErrBusy, e.Holder, e.Waited.Round(time.Second))
}
func (e *BusyError) Unwrap() error { return ErrBusy }

// OnBusy sets what is told when a write has waited about a second for another program's write
// lock (a command prints a note, a window shows one); fn gets the program when the system
// names it. It may be called from any goroutine that writes.
func (s *Store) OnBusy(fn func(Program)) {
	s.mu.Lock()
	s.onBusy = fn
	s.mu.Unlock()
}

// SetBusyWait sets how long a write waits for another program's write lock in all (30 s
// unless set). A window that writes on its UI goroutine waits less: it cannot show a note.
func (s *Store) SetBusyWait(d time.Duration) {
	s.mu.Lock()
	s.busyWait = d
	s.mu.Unlock()
}

func isBusy(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked)
}

// begin starts a write transaction, waiting for another program's write lock as described
// above. BEGIN IMMEDIATE takes the write lock at once (_txlock), so nothing has run yet when
// it is refused.
func (s *Store) begin() (*sql.Tx, error) {
	start := time.Now()
	noted := false
	for {
		tx, err := s.db.BeginTx(context.Background(), nil)
		if err == nil || !isBusy(err) {
			return tx, err
		}
		s.mu.Lock()
		wait, fn := s.busyWait, s.onBusy
		s.mu.Unlock()
		waited := time.Since(start)
		if waited >= wait {
			return nil, &BusyError{Holder: s.lockHolder(), Waited: waited}
		}
		if !noted && fn != nil {
			fn(s.lockHolder())
		}
		noted = true
		// SQLite's own wait (busyNoteAfter) has passed; wait a little before asking again,
		// and not past the end.
		time.Sleep(min(100*time.Millisecond, wait-waited))
	}
}
