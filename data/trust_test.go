package data

import (
	"errors"
	"testing"
)

func TestTrustList(t *testing.T) {
	s := openImportStore(t)
	ca := TrustEntry{Kind: TrustCA, Subject: "Exempelby kommun signerings-CA", Fingerprint: "ca01aaaa11112222", Cert: []byte{1, 2}}
	signer := TrustEntry{Kind: TrustSigner, Subject: "Åsa Öberg", Fingerprint: "ab12bbbb33334444", Cert: []byte{3}}
	twin := TrustEntry{Kind: TrustSigner, Subject: "Bo Ek", Fingerprint: "ab12bbbb99990000", Cert: []byte{4}}
	for _, e := range []TrustEntry{ca, signer, twin} {
		got, added, err := s.AddTrust(e, "added")
		if err != nil || !added || got.ID == 0 || got.AddedBy != "samordnare" || got.AddedAt.IsZero() {
			t.Fatalf("add %s: %+v %v %v", e.Subject, got, added, err)
		}
	}
	again, added, err := s.AddTrust(signer, "approved")
	if err != nil || added || again.Subject != "Åsa Öberg" || string(again.Cert) != "\x03" {
		t.Fatalf("add twice: %+v %v %v", again, added, err)
	}
	list, err := s.TrustList()
	if err != nil || len(list) != 3 || list[0].Kind != TrustCA {
		t.Fatalf("list %+v %v", list, err)
	}
	cases := []struct {
		fp   string
		want string
		err  error
	}{
		{"ca01aaaa11112222", "Exempelby kommun signerings-CA", nil},
		{"CA01AAAA", "Exempelby kommun signerings-CA", nil},
		{"ab12bbbb3", "Åsa Öberg", nil},
		{"ab12bbbb", "", ErrAmbiguous},
		{"ab12", "", ErrNotFound},
		{"ffffffff", "", ErrNotFound},
	}
	for _, c := range cases {
		e, err := s.FindTrust(c.fp)
		if !errors.Is(err, c.err) || (c.err == nil && e.Subject != c.want) {
			t.Errorf("FindTrust(%q) = %q, %v; want %q, %v", c.fp, e.Subject, err, c.want, c.err)
		}
	}
}

func TestRemoveTrustMarksSubmissions(t *testing.T) {
	s := openImportStore(t)
	ca := TrustEntry{Kind: TrustCA, Subject: "CA", Fingerprint: "ca01", Cert: []byte{1}}
	if _, _, err := s.AddTrust(ca, "added"); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for i, board := range []string{"Socialnämnden", "Miljönämnden", "Byggnadsnämnden"} {
		r := received(board, 2027, 1)
		r.TrustedVia = "ca01"
		if i == 2 {
			r.TrustedVia = "other"
		}
		out, err := s.ImportSubmission(r, logFor(r))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, out.SubmissionID)
	}
	// Miljönämnden's signer is also approved on their own: they stay trusted via that entry.
	removed, marked, err := s.RemoveTrust("ca01", map[int64]string{ids[1]: "ab12"})
	if err != nil {
		t.Fatal(err)
	}
	if removed.Subject != "CA" || len(marked) != 1 || marked[0] != ids[0] {
		t.Fatalf("removed %+v, marked %v", removed, marked)
	}
	want := []struct {
		trusted bool
		via     string
	}{{false, ""}, {true, "ab12"}, {true, "other"}}
	for i, id := range ids {
		sub, err := s.Submission(id)
		if err != nil {
			t.Fatal(err)
		}
		if sub.Trusted != want[i].trusted || sub.TrustedVia != want[i].via {
			t.Errorf("submission %d: trusted %v via %q, want %+v", i, sub.Trusted, sub.TrustedVia, want[i])
		}
	}
	if n := countRows(t, s, "submissions"); n != 3 {
		t.Errorf("removing trust deleted data: %d submissions", n)
	}
	if n := countRows(t, s, "plans"); n != 3 {
		t.Errorf("removing trust deleted plans: %d", n)
	}
	if list, _ := s.TrustList(); len(list) != 0 {
		t.Errorf("still listed: %+v", list)
	}
	if _, _, err := s.RemoveTrust("ca01", nil); !errors.Is(err, ErrNotFound) {
		t.Errorf("remove twice: %v", err)
	}
	untrusted, err := s.UntrustedSubmissions()
	if err != nil || len(untrusted) != 1 || untrusted[0].ID != ids[0] {
		t.Fatalf("untrusted %+v %v", untrusted, err)
	}
	// Trust restored (a CA added back): the submission is trusted again, and the audit log says so.
	if err := s.SetSubmissionTrust(ids[0], "ca02"); err != nil {
		t.Fatal(err)
	}
	if via, _ := s.SubmissionsTrustedVia("ca02"); len(via) != 1 || !via[0].Trusted {
		t.Errorf("trusted via ca02: %+v", via)
	}
	audit, _ := s.Audit("submission", ids[0])
	var changes int
	for _, a := range audit {
		if a.Field == "trusted" {
			changes++
		}
	}
	if changes != 2 {
		t.Errorf("trusted changes in audit log: %d (%+v)", changes, audit)
	}
	if err := s.LogIssued("Åsa Öberg", "ab12", removed.AddedAt); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Audit("signing_ca", 0); len(a) != 1 || a[0].Field != "issued" {
		t.Errorf("issued: %+v", a)
	}
}
