package data

import (
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// SQLite's lock bytes: in the -shm file (WAL mode) the write and checkpoint locks, in the
// database file the pending, reserved and shared bytes at 1 GiB.
const (
	shmWriteLock = 120
	pendingByte  = 0x40000000
)

// lockHolder names the process holding SQLite's write lock, asking the system which process
// holds a POSIX lock on the -shm's write or checkpoint byte or on the database's lock bytes.
// The -shm file stays open until Close: closing a descriptor of it would drop SQLite's own
// locks on it (they belong to the process).
func (s *Store) lockHolder() Program {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.shm == nil {
		if f, err := os.Open(s.path + "-shm"); err == nil {
			s.shm = f
		}
	}
	probe := func(f *os.File, start, n int64) int {
		lk := unix.Flock_t{Type: unix.F_WRLCK, Whence: io.SeekStart, Start: start, Len: n}
		if f == nil || unix.FcntlFlock(f.Fd(), unix.F_GETLK, &lk) != nil || lk.Type == unix.F_UNLCK {
			return 0
		}
		return int(lk.Pid)
	}
	pid := probe(s.shm, shmWriteLock, 2)
	if pid <= 0 && s.lock != nil {
		pid = probe(s.lock.db, pendingByte, 512)
	}
	if pid <= 0 {
		return Program{}
	}
	p := Program{PID: pid}
	if b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/comm"); err == nil {
		p.Name = strings.TrimSpace(string(b))
	}
	return p
}

// closeShm closes the -shm file opened by lockHolder; call it after the database is closed.
func (s *Store) closeShm() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.shm != nil {
		s.shm.Close()
		s.shm = nil
	}
}
