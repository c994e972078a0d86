package data

import (
	"errors"
	"testing"
)

// Atomically: everything fn wrote is stored, or nothing; reads inside see fn's own writes; a
// failed step inside undoes only itself; a panic undoes everything.
func TestAtomically(t *testing.T) {
	s := newStore(t)
	boom := errors.New("boom")
	err := s.Atomically(func(in *Store) error {
		if _, err := in.AddBoard("Socialnämnden"); err != nil {
			return err
		}
		if _, err := in.BoardByName("Socialnämnden"); err != nil {
			t.Errorf("inside, the board just added is not seen: %v", err)
		}
		if _, err := in.AddBoard("Socialnämnden"); err == nil {
			t.Error("a duplicate board was added")
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if bs, _ := s.Boards(); len(bs) != 0 {
		t.Fatalf("after a failed Atomically: %d boards", len(bs))
	}

	err = s.Atomically(func(in *Store) error {
		in.AddBoard("Socialnämnden")
		if _, err := in.AddBoard("Socialnämnden"); err == nil {
			t.Error("a duplicate board was added")
		}
		_, err := in.AddBoard("Miljönämnden") // the failed step above undid only itself
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if bs, _ := s.Boards(); len(bs) != 2 {
		t.Fatalf("after Atomically: %d boards, want 2", len(bs))
	}

	func() {
		defer func() { recover() }()
		s.Atomically(func(in *Store) error {
			in.AddBoard("Valnämnden")
			panic("mid-way")
		})
	}()
	if _, err := s.BoardByName("Valnämnden"); err == nil {
		t.Error("a write before a panic was stored")
	}
	if _, err := s.AddBoard("Kommunstyrelsen"); err != nil {
		t.Errorf("after a panic, the store does not write: %v", err)
	}
}
