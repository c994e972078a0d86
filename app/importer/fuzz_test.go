package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handlingsplan/app/pdftest"
	"handlingsplan/i18n"
)

// The seed corpus in testdata/fuzz/FuzzImport holds submissions signed by the certificate in
// testdata/fuzz-signer.pem (valid until 2126): valid ones, so that mutations reach the store,
// and damaged ones. FuzzImport puts that certificate on the trust list.

// fuzzMaxAlloc bounds the Go heap allocated while importing one file, whatever its bytes: the
// work done, which does not depend on how busy the machine is (the time is BenchmarkImport's).
const fuzzMaxAlloc = 256 << 20

func FuzzImport(f *testing.F) {
	env := newEnv(f)
	pem, err := os.ReadFile(filepath.Join("testdata", "fuzz-signer.pem"))
	if err != nil {
		f.Fatal(err)
	}
	if _, err := env.im.AddCertificates(f.Context(), pem); err != nil {
		f.Fatal(err)
	}
	// The worker runs this setup again whenever it restarts, so it makes no keys: valid seeds
	// come from the committed corpus, whose signer is trusted above.
	locs := []*i18n.Localizer{i18n.New(i18n.Swedish), i18n.New(i18n.English)}
	known := map[Verdict]bool{}
	for _, v := range Verdicts {
		known[v] = true
	}

	f.Fuzz(func(t *testing.T, b []byte) {
		var r Result
		var err error
		alloc := pdftest.Allocated(func() { r, err = env.im.ImportData("fuzz.pdf", b) })
		if err != nil {
			t.Fatalf("import: %v", err)
		}
		if alloc > fuzzMaxAlloc {
			t.Fatalf("one file of %d bytes allocated %d MB", len(b), alloc>>20)
		}
		if !known[r.Verdict] {
			t.Fatalf("unknown verdict %q", r.Verdict)
		}
		// A file that verifies must be storable: a Failed here is a payload the schema check let
		// through and the database refused.
		if r.Verdict == Failed {
			t.Fatalf("verified file not stored: %v", r.Err)
		}
		if r.Verdict.Settled() && r.SubmissionID == 0 {
			t.Fatalf("%s without a stored submission", r.Verdict)
		}
		if r.Verdict == Rejected && r.Reason == "" {
			t.Fatal("rejected without a reason")
		}
		if r.LogID == 0 {
			t.Fatalf("no import-log line: %v", r.Err)
		}
		for _, loc := range locs {
			if txt := r.Text(loc); txt == "" || strings.Contains(txt, "⟦") {
				t.Fatalf("text %q for %s/%s", txt, r.Verdict, r.Reason)
			}
		}
	})
}
