package coorddemo

import (
	"errors"
	"path/filepath"
	"testing"

	"handlingsplan/app/importer"
	"handlingsplan/data"
	"handlingsplan/domain"
)

func openStore(t *testing.T) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "coordinator.db"), "samordnare")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	prof, _ := domain.DefaultProfile()
	if err := s.EnsureProfile(prof); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestGenerate(t *testing.T) {
	s := openStore(t)
	res, err := Generate(s, Options{Year: 2027, WorkDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	// Nine boards' plans for last year, eight for this year, one of them twice.
	if len(res.Files) != 18 || len(res.Results) != 18 {
		t.Fatalf("%d files, %d results", len(res.Files), len(res.Results))
	}
	verdicts := map[importer.Verdict]int{}
	for _, r := range res.Results {
		verdicts[r.Verdict]++
		if r.SignerName == "" || r.Signer == nil || r.Signer.Issuer.CommonName != res.CA.Cert.Subject.CommonName {
			t.Errorf("%s signed by %v", r.Name(), r.Signer)
		}
	}
	if verdicts[importer.AcceptedNew] != 17 || verdicts[importer.AcceptedNewer] != 1 {
		t.Errorf("verdicts %v", verdicts)
	}
	trust, err := s.TrustList()
	if err != nil || len(trust) != 1 || trust[0].Kind != data.TrustCA {
		t.Errorf("trust list %+v, %v", trust, err)
	}
	for _, tc := range []struct {
		board    string
		year     int
		versions int
	}{
		{MissingBoard, 2027, 0}, {MissingBoard, 2026, 1}, {TwoVersionBoard, 2027, 2}, {"Socialnämnden", 2027, 1},
	} {
		subs, err := s.Submissions(tc.board, tc.year)
		if err != nil || len(subs) != tc.versions {
			t.Errorf("%s %d: %d versions, want %d (%v)", tc.board, tc.year, len(subs), tc.versions, err)
		}
	}
	// Done once; a second run would mix two demos.
	if _, err := Generate(s, Options{Year: 2027, WorkDir: t.TempDir()}); !errors.Is(err, ErrNotEmpty) {
		t.Errorf("second run: %v", err)
	}
}

func TestGenerateRefusesYears(t *testing.T) {
	for _, y := range []int{domain.MinYear + 1, domain.MaxYear} {
		if _, err := Generate(openStore(t), Options{Year: y, WorkDir: t.TempDir()}); err == nil {
			t.Errorf("year %d accepted", y)
		}
	}
}
