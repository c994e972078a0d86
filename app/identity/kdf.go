package identity

import (
	"encoding/asn1"
	"fmt"
	"math/big"

	"software.sslmate.com/src/go-pkcs12"
)

// KDFIterations is the PBKDF2-HMAC-SHA256 iteration count of identity files this version
// writes (new ones, and every one it saves again): OWASP's 2023 figure for PBKDF2 with
// SHA-256. The key, the certificates and the MAC each derive their key with it, about a
// quarter of a second in all on a 2020s computer, once per signing. Files made with fewer
// (the 2048 of earlier versions, or other tools') still open.
const KDFIterations = 600_000

// MaxKDFIterations bounds the iteration count a file may ask for: a file with billions
// would keep the program busy for hours before the passphrase could even be checked.
const MaxKDFIterations = 10_000_000

// encoder writes PKCS#12 the way OpenSSL 3 does by default (PBES2 with PBKDF2-HMAC-SHA256 and
// AES-256-CBC, HMAC-SHA256 MAC), with KDFIterations.
var encoder = pkcs12.Modern2023.WithIterations(KDFIterations)

// Object identifiers of the key derivations in a PKCS#12 file.
var (
	oidPBKDF2   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 12}
	oidPKCS12PB = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1} // pbeWithSHAAnd…: 1.2.840.113549.1.12.1.n
)

// iterations returns the largest key-derivation iteration count a PKCS#12 file names where it
// can be read without the passphrase: the MAC, the PBKDF2 and legacy PBE parameters of every
// encrypted part. It walks the DER (into octet strings that hold DER) at most maxDepth deep.
func iterations(p12 []byte) (int64, error) {
	var pfx struct {
		Version  int
		AuthSafe asn1.RawValue
		MacData  struct {
			Mac        asn1.RawValue
			MacSalt    []byte
			Iterations *big.Int `asn1:"optional"`
		} `asn1:"optional"`
	}
	if _, err := asn1.Unmarshal(p12, &pfx); err != nil {
		return 0, err
	}
	most := int64(1)
	if it := pfx.MacData.Iterations; it != nil {
		if !it.IsInt64() {
			return 0, fmt.Errorf("MAC iteration count %v", it)
		}
		most = max(most, it.Int64())
	}
	budget := 1 << 16 // DER elements looked at
	var walk func(der []byte, depth int) error
	walk = func(der []byte, depth int) error {
		if depth > 24 {
			return nil
		}
		for rest := der; len(rest) > 0; {
			if budget--; budget < 0 {
				return fmt.Errorf("too many DER elements")
			}
			var v asn1.RawValue
			var err error
			if rest, err = asn1.Unmarshal(rest, &v); err != nil {
				return nil // not DER (encrypted bytes): nothing to read there
			}
			if v.Class == asn1.ClassUniversal && v.Tag == asn1.TagSequence {
				if n, ok := kdfIterations(v.Bytes); ok {
					if !n.IsInt64() {
						return fmt.Errorf("iteration count %v", n)
					}
					most = max(most, n.Int64())
				}
			}
			if v.IsCompound || v.Tag == asn1.TagOctetString {
				if err := walk(v.Bytes, depth+1); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := walk(p12, 0); err != nil { // the whole file: PBMAC1 has its PBKDF2 in the MAC
		return 0, err
	}
	return most, nil
}

// kdfIterations reads the iteration count of an AlgorithmIdentifier for PBKDF2 or a PKCS#12
// password-based encryption, whose contents are seq.
func kdfIterations(seq []byte) (*big.Int, bool) {
	var alg asn1.ObjectIdentifier
	params, err := asn1.Unmarshal(seq, &alg)
	if err != nil {
		return nil, false
	}
	isPB := len(alg) == len(oidPKCS12PB)+1 && alg[:len(oidPKCS12PB)].Equal(oidPKCS12PB)
	if !alg.Equal(oidPBKDF2) && !isPB {
		return nil, false
	}
	var p struct {
		Salt       asn1.RawValue
		Iterations *big.Int
	}
	if _, err := asn1.Unmarshal(params, &p); err != nil || p.Iterations == nil {
		return nil, false
	}
	return p.Iterations, true
}
