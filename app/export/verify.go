package export

import (
	"crypto/x509"
	"fmt"
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
var ErrTooLarge = submission.ErrTooLarge

// VerifyFiles verifies each file as the coordinator's import does, in the order given.
func VerifyFiles(paths []string, trust submission.Trust, now time.Time) []FileResult {
	out := make([]FileResult, 0, len(paths))
	for _, p := range paths {
		data, err := submission.ReadFile(p)
		if err != nil {
			out = append(out, FileResult{Path: p, Err: err})
			continue
		}
		out = append(out, FileResult{Path: p, Result: submission.Verify(data, trust, now)})
	}
	return out
}

// LoadTrust reads certificate files (PEM or DER) into a trust list. A file of CA certificates
// only (a CA bundle) gives roots; from any other file only the first certificate is taken, a
// CA certificate as a root and any other as an individually approved signer: an official's
// certificate file may carry the CA that issued it, and trusting the official must not trust
// everyone that CA issued a certificate to.
func LoadTrust(paths []string) (submission.Trust, error) {
	var t submission.Trust
	for _, p := range paths {
		data, err := submission.ReadFile(p)
		if err != nil {
			return t, fmt.Errorf("trust list: %w", err)
		}
		certs, err := identity.ParseCerts(data)
		if err != nil {
			return t, fmt.Errorf("trust list %s: %w", p, err)
		}
		if !allCA(certs) {
			certs = certs[:1]
		}
		for _, c := range certs {
			if identity.IsCA(c) {
				t.Roots = append(t.Roots, c)
			} else {
				t.Signers = append(t.Signers, c)
			}
		}
	}
	return t, nil
}

func allCA(certs []*x509.Certificate) bool {
	for _, c := range certs {
		if !identity.IsCA(c) {
			return false
		}
	}
	return true
}
