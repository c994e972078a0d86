//go:build !unix

package cli

// setUmask is a no-op where files have no Unix modes; the tests that need it skip there.
func setUmask(int) int { return 0 }
