package export

import (
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"handlingsplan/app/identity"
	"handlingsplan/app/submission"
)

// FileResult is the verdict on one file. Err is set when the file could not be read at all;
// Result is then empty.
type FileResult struct {
	Path   string
	Result submission.Result
	Err    error
}

// Valid reports whether the file is intact, signed by a trusted signer and importable.
func (r FileResult) Valid() bool { return r.Err == nil && r.Result.Verdict == submission.Valid }

// ErrTooLarge means a file is larger than any submission can be.
var ErrTooLarge = errors.New("file too large for a submission")

// VerifyFiles verifies each file as the coordinator's import does, in the order given.
func VerifyFiles(paths []string, trust submission.Trust, now time.Time) []FileResult {
	out := make([]FileResult, 0, len(paths))
	for _, p := range paths {
		data, err := readBounded(p, submission.MaxFileSize)
		if err != nil {
			out = append(out, FileResult{Path: p, Err: err})
			continue
		}
		out = append(out, FileResult{Path: p, Result: submission.Verify(data, trust, now)})
	}
	return out
}

// readBounded reads a file of at most max bytes; a larger one is refused without reading it
// all into memory.
func readBounded(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("read %s: %w (more than %d bytes)", path, ErrTooLarge, max)
	}
	return data, nil
}

// LoadTrust reads certificate files (PEM or DER) into a trust list: CA certificates become
// roots, any other certificate an individually approved signer.
func LoadTrust(paths []string) (submission.Trust, error) {
	var t submission.Trust
	for _, p := range paths {
		data, err := readBounded(p, 1<<20)
		if err != nil {
			return t, fmt.Errorf("trust list: %w", err)
		}
		certs, err := identity.ParseCerts(data)
		if err != nil {
			return t, fmt.Errorf("trust list %s: %w", p, err)
		}
		for _, c := range certs {
			if isCA(c) {
				t.Roots = append(t.Roots, c)
			} else {
				t.Signers = append(t.Signers, c)
			}
		}
	}
	return t, nil
}

func isCA(c *x509.Certificate) bool {
	return c.BasicConstraintsValid && c.IsCA && (c.KeyUsage == 0 || c.KeyUsage&x509.KeyUsageCertSign != 0)
}
