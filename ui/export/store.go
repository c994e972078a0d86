package export

import (
	"bytes"
	"crypto/x509"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	appexport "handlingsplan/app/export"
	"handlingsplan/app/identity"
)

// The official's identity lives in the config directory as identity.DefaultPath, encrypted.
// Next to it is its certificate (public, unencrypted), so that the settings page and the export
// dialog can say whose identity it is without asking for the passphrase first.

func certPath(configDir string) string { return filepath.Join(configDir, "identity-cert.pem") }

func hasIdentity(configDir string) bool {
	_, err := os.Stat(identity.DefaultPath(configDir))
	return err == nil
}

// saveIdentity stores id encrypted with pass, and its certificate beside it.
func saveIdentity(configDir string, id *identity.Identity, pass string) error {
	if err := identity.Save(identity.DefaultPath(configDir), id, pass); err != nil {
		return err
	}
	return writeCert(configDir, id)
}

func writeCert(configDir string, id *identity.Identity) error {
	pem := identity.CertPEM(append([]*x509.Certificate{id.Cert}, id.Chain...)...)
	if old, err := os.ReadFile(certPath(configDir)); err == nil && bytes.Equal(old, pem) {
		return nil
	}
	if err := appexport.WriteFile(certPath(configDir), pem); err != nil {
		return fmt.Errorf("save identity certificate: %w", err)
	}
	return nil
}

// errNoCert means the identity exists but its certificate file does not (it was made elsewhere
// or copied in): it shows after the identity is unlocked once.
var errNoCert = errors.New("identity certificate file missing")

// storedCert reads the certificate beside the identity: leaf first, then its CA chain.
func storedCert(configDir string) ([]*x509.Certificate, error) {
	if !hasIdentity(configDir) {
		return nil, fmt.Errorf("identity: %w", fs.ErrNotExist)
	}
	data, err := os.ReadFile(certPath(configDir))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errNoCert
	}
	if err != nil {
		return nil, fmt.Errorf("read identity certificate: %w", err)
	}
	return identity.ParseCerts(data)
}

// unlock decrypts the identity; the certificate file is brought up to date with it.
func unlock(configDir, pass string) (*identity.Identity, error) {
	id, err := identity.Load(identity.DefaultPath(configDir), pass)
	if err != nil {
		return nil, err
	}
	// The certificate file is a convenience: failing to refresh it must not stop a signing.
	_ = writeCert(configDir, id)
	return id, nil
}

// removeIdentity deletes the identity and its certificate file.
func removeIdentity(configDir string) error {
	err := os.Remove(identity.DefaultPath(configDir))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("delete identity: %w", err)
	}
	if err := os.Remove(certPath(configDir)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("delete identity certificate: %w", err)
	}
	return nil
}
