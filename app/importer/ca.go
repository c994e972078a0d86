package importer

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"time"

	"handlingsplan/app/identity"
	"handlingsplan/data"
)

// The kommun signing CA (issue 5, "Trust"): the coordinator makes it once; officials send a
// certificate request made from their identity; the coordinator issues a signing certificate
// naming their board; submissions signed with it verify as trusted without approval.

// Default validities.
const (
	CAValidity     = 10 * 365 * 24 * time.Hour
	IssuedValidity = 2 * 365 * 24 * time.Hour
)

// The validities a coordinator may choose, in the unit the command line takes.
const (
	MinCAYears, MaxCAYears       = 1, 30
	MinIssuedDays, MaxIssuedDays = 1, 3650 // an official's certificate: at most ten years
)

// ErrCAExists: a signing CA file exists already; making another would leave the certificates
// issued so far without their CA.
var ErrCAExists = errors.New("a signing CA already exists")

// NewSigningCA makes the kommun signing CA, saves it encrypted with passphrase at path (which
// must not exist yet), puts its certificate on the trust list and remembers it as the app's
// own CA.
func (im *Importer) NewSigningCA(ctx context.Context, path, name, kommun, passphrase string, validity time.Duration) (*identity.Identity, error) {
	if _, err := os.Stat(path); err == nil {
		return nil, fmt.Errorf("new signing CA %s: %w", path, ErrCAExists)
	}
	if passphrase == "" {
		return nil, fmt.Errorf("new signing CA: %w", identity.ErrEmptyPassphrase)
	}
	ca, err := identity.NewCA(name, kommun, im.now(), validity)
	if err != nil {
		return nil, err
	}
	if err := identity.Save(path, ca, passphrase); err != nil {
		return nil, err
	}
	if _, err := im.addTrust(ctx, entries([]*x509.Certificate{ca.Cert}), "added"); err != nil {
		return ca, err
	}
	if err := im.store.SetSetting(SettingSigningCA, identity.Fingerprint(ca.Cert)); err != nil {
		return ca, err
	}
	return ca, nil
}

// SigningCA returns the trust-list entry of the kommun signing CA made in this app.
func (im *Importer) SigningCA() (data.TrustEntry, bool) {
	fp, err := im.store.SettingErr(SettingSigningCA, "")
	if err != nil || fp == "" {
		return data.TrustEntry{}, false
	}
	e, err := im.store.FindTrust(fp)
	return e, err == nil
}

// Issue answers an official's certificate request with a signing certificate from ca for board
// (the board the coordinator vouches for; "" keeps the requested one, and with neither it is
// refused: identity.ErrNoBoard), valid for validity. The answer is PEM with the new certificate
// and the CA's, which the official's app accepts.
func (im *Importer) Issue(ca *identity.Identity, request []byte, board string, validity time.Duration) ([]byte, *x509.Certificate, error) {
	req, err := identity.ParseRequest(request)
	if err != nil {
		return nil, nil, err
	}
	cert, err := identity.Issue(ca, req, normName(board), im.now(), validity)
	if err != nil {
		return nil, nil, err
	}
	if err := im.store.LogIssued(fmt.Sprintf("%s (%s)", signerName(cert), certBoard(cert)), identity.Fingerprint(cert), cert.NotAfter); err != nil {
		return nil, nil, err
	}
	return identity.CertPEM(cert, ca.Cert), cert, nil
}

// RequestSubject reads who a certificate request is for, to show before issuing.
func RequestSubject(request []byte) (identity.Subject, error) {
	req, err := identity.ParseRequest(request)
	if err != nil {
		return identity.Subject{}, err
	}
	return identity.SubjectOf(&x509.Certificate{Subject: req.Subject, EmailAddresses: req.EmailAddresses}), nil
}
