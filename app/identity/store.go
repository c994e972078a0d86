package identity

import (
	"crypto"
	"crypto/x509"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"

	"software.sslmate.com/src/go-pkcs12"
)

var (
	ErrEmptyPassphrase = errors.New("identity: empty passphrase")
	ErrWrongPassphrase = errors.New("identity: wrong passphrase")
	ErrNotIdentity     = errors.New("identity: not a PKCS#12 identity file or damaged")
)

// DefaultPath is where the official's identity lives in the app's configuration directory.
func DefaultPath(configDir string) string { return filepath.Join(configDir, "identity.p12") }

// DefaultCAPath is where the coordinator's signing CA lives in the app's configuration directory.
func DefaultCAPath(configDir string) string { return filepath.Join(configDir, "signing-ca.p12") }

// Encode writes id as PKCS#12 (AES-256, PBKDF2-HMAC-SHA256 with KDFIterations, HMAC-SHA256)
// with its chain, so that other tools and an organisation's PKI software can read it too.
func Encode(id *Identity, passphrase string) ([]byte, error) {
	if passphrase == "" {
		// Identity files are always encrypted.
		return nil, fmt.Errorf("encode identity: %w", ErrEmptyPassphrase)
	}
	if !samePublicKey(id.Key, id.Cert) {
		return nil, fmt.Errorf("encode identity %q: %w", id.Cert.Subject.CommonName, ErrKeyMismatch)
	}
	p12, err := encoder.Encode(id.Key, id.Cert, id.Chain, passphrase)
	if err != nil {
		return nil, fmt.Errorf("encode identity %q: %w", id.Cert.Subject.CommonName, err)
	}
	return p12, nil
}

// Decode reads a PKCS#12 file made by Encode or by other tools (also legacy 3DES/RC2 ones).
// The certificate matching the private key is the leaf, whatever its position in the file.
func Decode(p12 []byte, passphrase string) (*Identity, error) {
	if n, err := iterations(p12); err != nil {
		return nil, fmt.Errorf("decode identity: %w: %v", ErrNotIdentity, err)
	} else if n > MaxKDFIterations {
		return nil, fmt.Errorf("decode identity: %w: key derivation asks for %d iterations, at most %d are done", ErrNotIdentity, n, MaxKDFIterations)
	}
	key, leaf, chain, err := pkcs12.DecodeChain(p12, passphrase)
	if errors.Is(err, pkcs12.ErrIncorrectPassword) && !isASCII(passphrase) {
		// OpenSSL before 1.1 made each UTF-8 byte a character of its own; OpenSSL still
		// retries that way, so do we, or its files with åäö passphrases would not open.
		key, leaf, chain, err = pkcs12.DecodeChain(p12, bytewise(passphrase))
	}
	if err != nil {
		// Without a MAC a wrong passphrase shows only as bad padding after decryption.
		if errors.Is(err, pkcs12.ErrIncorrectPassword) || errors.Is(err, pkcs12.ErrDecryption) {
			return nil, fmt.Errorf("decode identity: %w", ErrWrongPassphrase)
		}
		return nil, fmt.Errorf("decode identity: %w: %v", ErrNotIdentity, err)
	}
	signer, ok := key.(crypto.Signer)
	if !ok {
		return nil, fmt.Errorf("decode identity: %w: key of type %T cannot sign", ErrNotIdentity, key)
	}
	certs := append([]*x509.Certificate{leaf}, chain...)
	i := slices.IndexFunc(certs, func(c *x509.Certificate) bool { return samePublicKey(signer, c) })
	if i < 0 {
		return nil, fmt.Errorf("decode identity: %w: no certificate for the key", ErrNotIdentity)
	}
	leaf = certs[i]
	chain = slices.Delete(certs, i, i+1)
	if len(chain) == 0 {
		chain = nil
	}
	return &Identity{Cert: leaf, Key: signer, Chain: chain}, nil
}

// bytewise is s with every byte read as a Latin-1 character.
func bytewise(s string) string {
	r := make([]rune, len(s))
	for i := 0; i < len(s); i++ {
		r[i] = rune(s[i])
	}
	return string(r)
}

// Save writes id encrypted with passphrase to path, atomically (a temporary file renamed over
// it, so a crash never leaves half an identity), readable by the owner only.
func Save(path string, id *Identity, passphrase string) error {
	p12, err := Encode(id, passphrase)
	if err != nil {
		return fmt.Errorf("save identity %s: %w", path, err)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("save identity %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(dir, ".identity-*.tmp") // created 0600
	if err != nil {
		return fmt.Errorf("save identity %s: %w", path, err)
	}
	if err := writeAndClose(tmp, p12); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("save identity %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("save identity %s: %w", path, err)
	}
	return nil
}

// writeAndClose writes data to f, syncs it to disk and closes it; f is closed on error too.
func writeAndClose(f *os.File, data []byte) error {
	err := f.Chmod(0o600) // whatever the umask made of it
	if err == nil {
		_, err = f.Write(data)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Load reads the identity saved at path. A missing file gives an error matching os.ErrNotExist.
func Load(path, passphrase string) (*Identity, error) {
	p12, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load identity: %w", err)
	}
	id, err := Decode(p12, passphrase)
	if err != nil {
		return nil, fmt.Errorf("load identity %s: %w", path, err)
	}
	return id, nil
}

// Exposed reports whether others than the owner may read the file at path (group or other
// read permission, on Unix), and its permission bits: an identity or a passphrase file should
// be private, as ssh insists for its keys. Windows permissions are ACLs and are not judged.
func Exposed(path string) (fs.FileMode, bool) {
	if runtime.GOOS == "windows" {
		return 0, false
	}
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return 0, false
	}
	return fi.Mode().Perm(), fi.Mode().Perm()&0o044 != 0
}
