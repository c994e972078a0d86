package export

import (
	"crypto/x509"
	"path/filepath"
	"strings"

	"handlingsplan/app/identity"
)

// CertFileBytes is a signer certificate as the content of a file named path, for the
// coordinator: DER for .cer, .crt and .der (what Windows opens with a double click), PEM with
// the issuing CA certificates after it for anything else.
func CertFileBytes(path string, leaf *x509.Certificate, chain []*x509.Certificate) []byte {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".cer", ".crt", ".der":
		return identity.CertDER(leaf)
	}
	return identity.CertPEM(append([]*x509.Certificate{leaf}, chain...)...)
}
