//go:build !linux

package data

// lockHolder: only Linux names the program here; elsewhere the message says "another program".
func (s *Store) lockHolder() Program { return Program{} }

func (s *Store) closeShm() {}
