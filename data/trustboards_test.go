package data

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestTrustBoards(t *testing.T) {
	s := openImportStore(t)
	signer := TrustEntry{Kind: TrustSigner, Subject: "Åsa Öberg", Fingerprint: "ab12bbbb33334444", Cert: []byte{3},
		Boards: []string{"Socialnämnden", " ", "Socialnämnden"}}
	got, added, err := s.AddTrust(signer, "approved")
	if err != nil || !added || !slices.Equal(got.Boards, []string{"Socialnämnden"}) {
		t.Fatalf("add signer: %+v %v %v", got, added, err)
	}
	ca := TrustEntry{Kind: TrustCA, Subject: "CA", Fingerprint: "ca01aaaa11112222", Cert: []byte{1}, Boards: []string{"Kulturnämnden"}}
	if got, _, err := s.AddTrust(ca, "added"); err != nil || len(got.Boards) != 0 {
		t.Fatalf("a CA got boards: %+v %v", got, err)
	}
	// Adding the same certificate again changes neither kind nor boards.
	if got, added, err := s.AddTrust(TrustEntry{Kind: TrustCA, Subject: "x", Fingerprint: signer.Fingerprint, Boards: []string{"Kommunstyrelsen"}}, "added"); err != nil ||
		added || got.Kind != TrustSigner || !slices.Equal(got.Boards, []string{"Socialnämnden"}) {
		t.Fatalf("add again: %+v %v %v", got, added, err)
	}
	got, err = s.AddTrustBoards(signer.Fingerprint, []string{"Miljönämnden", "Socialnämnden"})
	if err != nil || !slices.Equal(got.Boards, []string{"Miljönämnden", "Socialnämnden"}) {
		t.Fatalf("add boards: %+v %v", got, err)
	}
	if _, err := s.AddTrustBoards(ca.Fingerprint, []string{"Kulturnämnden"}); !errors.Is(err, ErrNotSigner) {
		t.Errorf("boards for a CA: %v", err)
	}
	if _, err := s.AddTrustBoards("ffff0000", []string{"Kulturnämnden"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("boards for nobody: %v", err)
	}
	audit, err := s.Audit("trust", got.ID)
	if err != nil {
		t.Fatal(err)
	}
	var fields []string
	for _, a := range audit {
		fields = append(fields, a.Field+"="+a.New)
	}
	if j := strings.Join(fields, " "); !strings.Contains(j, "board=Socialnämnden") || !strings.Contains(j, "board=Miljönämnden") || strings.Count(j, "board=") != 2 {
		t.Errorf("audit %s", j)
	}
	list, err := s.TrustList()
	if err != nil || len(list) != 2 || len(list[0].Boards) != 0 || len(list[1].Boards) != 2 {
		t.Fatalf("list %+v %v", list, err)
	}
	// Removing the signer removes its boards: added back, it has only what it is given.
	if _, _, err := s.RemoveTrust(signer.Fingerprint, nil); err != nil {
		t.Fatal(err)
	}
	if got, _, err := s.AddTrust(TrustEntry{Kind: TrustSigner, Subject: "Åsa Öberg", Fingerprint: signer.Fingerprint, Cert: []byte{3}}, "added"); err != nil || len(got.Boards) != 0 {
		t.Fatalf("re-added: %+v %v", got, err)
	}
	if n := countRows(t, s, "trust_boards"); n != 0 {
		t.Errorf("%d boards left", n)
	}
}

func TestSettingErr(t *testing.T) {
	s := openImportStore(t)
	if v, err := s.SettingErr("coordinator.x", "def"); v != "def" || err != nil {
		t.Errorf("unset: %q %v", v, err)
	}
	if err := s.SetSetting("coordinator.x", "abc"); err != nil {
		t.Fatal(err)
	}
	if v, err := s.SettingErr("coordinator.x", "def"); v != "abc" || err != nil {
		t.Errorf("set: %q %v", v, err)
	}
	if _, err := s.db.Exec("ALTER TABLE settings RENAME TO settings_gone"); err != nil {
		t.Fatal(err)
	}
	if v, err := s.SettingErr("coordinator.x", "def"); err == nil || v != "" {
		t.Errorf("unreadable: %q %v, want an error", v, err)
	}
	// Setting hides the failure, which is why security decisions use SettingErr.
	if v := s.Setting("coordinator.x", "def"); v != "def" {
		t.Errorf("Setting: %q", v)
	}
}

// migrationsUpTo is the binary's migrations up to and including version n.
func migrationsUpTo(t *testing.T, n int) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	names, err := migrations(migrationFS)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names[:n] {
		src, err := fs.ReadFile(migrationFS, name)
		if err != nil {
			t.Fatal(err)
		}
		m[name] = &fstest.MapFile{Data: src}
	}
	return m
}

// The trust-board migration keeps approved signers' boards, and turns a certificate that was
// approved as a signer but stored as a CA back into a signer: what it vouched for as a CA is
// no longer trusted.
func TestMigrationTrustBoards(t *testing.T) {
	names, err := migrations(migrationFS)
	if err != nil {
		t.Fatal(err)
	}
	n := slices.IndexFunc(names, func(s string) bool { return strings.HasSuffix(s, "_trust_board.sql") })
	if n < 0 {
		t.Fatal("no trust-board migration")
	}
	path := filepath.Join(t.TempDir(), "coord.db")
	old, err := open(path, "samordnare", HolderCommand, migrationsUpTo(t, n))
	if err != nil {
		t.Fatal(err)
	}
	add := func(e TrustEntry, field string) {
		// The old AddTrust: no boards.
		if _, err := old.db.Exec("INSERT INTO trust(kind, subject, fingerprint, cert, added_by, added_at) VALUES(?,?,?,?,?,?)",
			string(e.Kind), e.Subject, e.Fingerprint, []byte{1}, "samordnare", "2026-11-02T09:00:00Z"); err != nil {
			t.Fatal(err)
		}
		if _, err := old.db.Exec("INSERT INTO audit_log(at, who, entity, entity_id, field) VALUES('2026-11-02T09:00:00Z', 'samordnare', 'trust', (SELECT id FROM trust WHERE fingerprint = ?), ?)",
			e.Fingerprint, field); err != nil {
			t.Fatal(err)
		}
	}
	add(TrustEntry{Kind: TrustSigner, Subject: "Åsa", Fingerprint: "asa1"}, "approved")
	add(TrustEntry{Kind: TrustCA, Subject: "Eva Evil", Fingerprint: "eva1"}, "approved")
	add(TrustEntry{Kind: TrustCA, Subject: "Kommunens CA", Fingerprint: "ca01"}, "added")
	subs := []struct {
		board, signer, via string
	}{
		{"Socialnämnden", "asa1", "asa1"},
		{"Miljönämnden", "asa1", "asa1"},
		{"Räddningsnämnden", "eva1", "eva1"},
		{"Kommunstyrelsen", "karin", "eva1"}, // Karin's certificate was issued by Eva's
		{"Kulturnämnden", "bo", "ca01"},
	}
	for _, x := range subs {
		r := received(x.board, 2027, 1)
		r.SignerFingerprint, r.TrustedVia = x.signer, x.via
		// As the import of that schema stored it (today's ImportSubmission writes columns
		// later migrations add).
		if _, err := old.db.Exec(`INSERT INTO submissions(board_name, year, version, signer_name, signer_fingerprint, imported_at,
			sha256, current, trusted, trusted_via, payload, pdf) VALUES(?,?,?,?,?,?,?,1,1,?,?,?)`,
			r.Board, r.Year, r.Version, r.SignerName, r.SignerFingerprint, "2026-11-02T09:00:00Z", r.SHA256, r.TrustedVia, r.Payload, r.PDF); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()

	s, err := Open(path, "samordnare")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list, err := s.TrustList()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range list {
		got[e.Fingerprint] = fmt.Sprintf("%s %v", e.Kind, e.Boards)
	}
	want := map[string]string{
		"asa1": "signer [Miljönämnden Socialnämnden]",
		"eva1": "signer [Räddningsnämnden]",
		"ca01": "ca []",
	}
	for fp, w := range want {
		if got[fp] != w {
			t.Errorf("%s: %q, want %q", fp, got[fp], w)
		}
	}
	all, err := s.Submissions("", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range all {
		wantTrusted := x.Board != "Kommunstyrelsen"
		if x.Trusted != wantTrusted {
			t.Errorf("%s trusted %v (via %q), want %v", x.Board, x.Trusted, x.TrustedVia, wantTrusted)
		}
		if !x.Trusted {
			audit, _ := s.Audit("submission", x.ID)
			if len(audit) == 0 || audit[len(audit)-1].Field != "trusted" {
				t.Errorf("%s: no audit entry for the lost trust: %+v", x.Board, audit)
			}
		}
	}
}
