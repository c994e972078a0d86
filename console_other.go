//go:build !windows

package main

// attachParentConsole is needed on Windows only, where the program has no console of its own.
func attachParentConsole() {}
