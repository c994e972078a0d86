package export

import (
	"crypto/x509"
	"path/filepath"
	"strings"

	"handlingsplan/app/identity"
)

// CertFileOption changes what CertFileBytes writes.
type CertFileOption func(*certFile)

type certFile struct{ chain bool }

// WithChain adds the issuing CA certificates after the official's own, as PEM whatever the
// file's name: for tools that want the whole chain. Not for the coordinator's trust list.
func WithChain() CertFileOption { return func(c *certFile) { c.chain = true } }

// CertFileBytes is an official's certificate as the content of a file named path, for the
// coordinator's trust list: DER for .cer, .crt and .der (what Windows opens with a double
// click), PEM for anything else. Only the official's own certificate is written, even when a
// CA issued it: a coordinator who adds the file trusts this official, not everyone the CA
// issued a certificate to. WithChain writes chain after it.
func CertFileBytes(path string, leaf *x509.Certificate, chain []*x509.Certificate, opts ...CertFileOption) []byte {
	var o certFile
	for _, opt := range opts {
		opt(&o)
	}
	if o.chain {
		return identity.CertPEM(append([]*x509.Certificate{leaf}, chain...)...)
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".cer", ".crt", ".der":
		return identity.CertDER(leaf)
	}
	return identity.CertPEM(leaf)
}
