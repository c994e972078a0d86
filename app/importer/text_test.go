package importer

import (
	"errors"
	"strings"
	"testing"
	"time"

	"handlingsplan/app/identity"
	"handlingsplan/app/submission"
	"handlingsplan/i18n"
)

// Every verdict, reason and error has a sentence in both languages.
func TestTextsInBothLanguages(t *testing.T) {
	reasons := append([]submission.Reason{ReasonBoardYear, ReasonBoardMismatch, ReasonNoFile, ReasonStoreFailed, ReasonDiskFull}, submission.Reasons...)
	for _, l := range i18n.Langs {
		loc := i18n.New(l)
		for _, v := range Verdicts {
			if txt := VerdictText(loc, v); strings.HasPrefix(txt, "⟦") || !loc.Has("importer.verdict."+string(v)) {
				t.Errorf("%s verdict %s: %q", l, v, txt)
			}
			r := Result{Verdict: v, Board: "Socialnämnden", Year: 2027, Version: 2, Other: 1, SignerName: "Åsa", ExistingAt: time.Now()}
			if txt := r.Text(loc); strings.Contains(txt, "⟦") || txt == "" {
				t.Errorf("%s text %s: %q", l, v, txt)
			}
		}
		for _, reason := range reasons {
			r := Result{Verdict: Rejected, Reason: reason, CertBoard: "Miljönämnden", Board: "Socialnämnden"}
			if reason == ReasonStoreFailed || reason == ReasonDiskFull {
				r.Verdict = Failed
			}
			r.check = submission.Result{Verdict: submission.Rejected, Reason: reason}
			if txt := r.Text(loc); strings.Contains(txt, "⟦") || txt == "" {
				t.Errorf("%s reason %s: %q", l, reason, txt)
			}
		}
		for _, err := range []error{ErrBadFingerprint, ErrNoPending, ErrAmbiguous, ErrNotInTrustList, ErrCAExists, identity.ErrWrongPassphrase, errors.New("x")} {
			if txt := ErrorText(loc, err); strings.Contains(txt, "⟦") || txt == "" {
				t.Errorf("%s error %v: %q", l, err, txt)
			}
		}
		if txt := (Summary{AcceptedNew: 2, Rejected: 1}).Text(loc); !strings.Contains(txt, "3") || strings.Contains(txt, "⟦") {
			t.Errorf("%s summary %q", l, txt)
		}
	}
}

func TestSummaryText(t *testing.T) {
	for _, c := range []struct {
		s      Summary
		sv, en string
	}{
		{Summary{AcceptedNew: 2, AcceptedNewer: 1, Rejected: 1}, "4 filer: 3 inlästa, 1 avvisad.", "4 files: 3 imported, 1 rejected."},
		{Summary{Duplicate: 1}, "1 fil: 1 redan inläst.", "1 file: 1 already imported."},
		{Summary{Older: 2, UnknownSigner: 1, Failed: 1}, "4 filer: 2 äldre versioner, 1 väntar på godkännande, 1 kunde inte sparas.",
			"4 files: 2 older versions, 1 awaiting approval, 1 could not be saved."},
		{Summary{}, "0 filer.", "0 files."},
	} {
		if got := c.s.Text(i18n.New(i18n.Swedish)); got != c.sv {
			t.Errorf("sv %q, want %q", got, c.sv)
		}
		if got := c.s.Text(i18n.New(i18n.English)); got != c.en {
			t.Errorf("en %q, want %q", got, c.en)
		}
	}
}
