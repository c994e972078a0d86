package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handlingsplan/app/identity"
)

// 'trust add' of an official's .pem that carries their CA adds only the official; --all adds
// both (the CA then vouches for everyone it issued).
func TestTrustAddFirstCertificateOrAll(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	ca, err := identity.NewCA("Extern PKI CA", "Exempelkommun", now, 365*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	official, err := identity.New(identity.Subject{Name: "Anna Ek", Board: "Socialnämnden", Email: "anna@example.se", Kommun: "Exempelkommun"}, now, 365*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	reqPEM, err := identity.Request(official)
	if err != nil {
		t.Fatal(err)
	}
	req, err := identity.ParseRequest(reqPEM)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := identity.Issue(ca, req, "Socialnämnden", now, 300*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	chain := filepath.Join(dir, "anna.pem")
	if err := os.WriteFile(chain, identity.CertPEM(leaf, ca.Cert), 0o644); err != nil {
		t.Fatal(err)
	}

	db := filepath.Join(dir, "a.db")
	r := callCLI(trustCmd, "add", chain, "--db", db)
	if r.code != 0 || !strings.Contains(r.stdout, "Anna Ek") || strings.Contains(r.stdout, "Extern PKI CA") {
		t.Fatalf("plain add: %+v", r)
	}
	list := callCLI(trustCmd, "list", "--db", db)
	if strings.Contains(list.stdout, "Extern PKI CA") || !strings.Contains(list.stdout, "Socialnämnden") {
		t.Fatalf("list after a plain add: %+v", list)
	}

	db2 := filepath.Join(dir, "b.db")
	if r := callCLI(trustCmd, "add", "--all", chain, "--db", db2); r.code != 0 {
		t.Fatalf("add --all: %+v", r)
	}
	list = callCLI(trustCmd, "list", "--db", db2)
	if !strings.Contains(list.stdout, "Extern PKI CA") || !strings.Contains(list.stdout, "Anna Ek") {
		t.Fatalf("list after add --all: %+v", list)
	}
}
