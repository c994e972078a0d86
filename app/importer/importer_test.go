package importer

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"handlingsplan/app/submission"
	"handlingsplan/i18n"
)

// replacePayload rewrites a signed file with pdfcpu, swapping submission.json for other data, as
// someone "correcting" the numbers with a PDF tool would.
func replacePayload(tb testing.TB, b, payload []byte) []byte {
	tb.Helper()
	disablePdfcpuConfig()
	conf := model.NewDefaultConfiguration()
	conf.WriteXRefStream = false
	conf.WriteObjectStream = false
	ctx, err := api.ReadValidateAndOptimize(bytes.NewReader(b), conf)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := ctx.RemoveAttachments([]string{submission.AttachmentName}); err != nil {
		tb.Fatal(err)
	}
	mt := time.Now()
	if err := ctx.AddAttachment(model.Attachment{Reader: bytes.NewReader(payload), ID: submission.AttachmentName,
		FileName: submission.AttachmentName, ModTime: &mt}, false); err != nil {
		tb.Fatal(err)
	}
	var out bytes.Buffer
	if err := api.WriteContext(ctx, &out); err != nil {
		tb.Fatal(err)
	}
	return out.Bytes()
}

func mustJSON(tb testing.TB, v any) []byte {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// Every verdict and reason, on files made by the app's own Seal and on hand-made damage.
func TestVerdicts(t *testing.T) {
	official := signerID(t, "Åsa Öberg", "Socialnämnden")
	stranger := signerID(t, "Okänd Person", "")
	good := sealed(t, "Socialnämnden", 2027, 1, official)
	flipped := bytes.Clone(good)
	flipped[len(flipped)/3] ^= 0x01

	newerSchema := payloadFor(t, smallPlan("Socialnämnden", 2027, "Framtida åtgärd"), 1)
	newerSchema.Schema = submission.SchemaVersion + 1
	otherBoard := payloadFor(t, smallPlan("Socialnämnden", 2027, "Åtgärd"), 1)
	otherBoard.Board = "Miljönämnden" // the plan inside is still Socialnämnden's
	otherYear := payloadFor(t, smallPlan("Socialnämnden", 2027, "Åtgärd"), 1)
	otherYear.Year = 2031
	invalid := payloadFor(t, smallPlan("Socialnämnden", 2027, "Åtgärd"), 1)
	invalid.Plan.Activities[0].InternalHours = -5

	cases := []struct {
		name    string
		file    func(t *testing.T) []byte
		trusted bool // official's certificate on the trust list
		at      time.Time
		want    Verdict
		reason  submission.Reason
	}{
		{"sealed by a trusted signer", func(*testing.T) []byte { return good }, true, time.Time{}, AcceptedNew, ""},
		{"sealed by an unknown signer", func(*testing.T) []byte { return sealed(t, "Socialnämnden", 2027, 1, stranger) }, true, time.Time{}, UnknownSigner, ""},
		{"one byte changed", func(*testing.T) []byte { return flipped }, true, time.Time{}, Rejected, submission.ReasonTampered},
		{"incremental update appended", func(t *testing.T) []byte { return appendUpdate(t, good) }, true, time.Time{}, Rejected, submission.ReasonAppended},
		{"signature stripped", func(t *testing.T) []byte { return stripSignature(t, good) }, true, time.Time{}, Rejected, submission.ReasonNoSignature},
		{"payload replaced", func(t *testing.T) []byte {
			return replacePayload(t, good, mustJSON(t, payloadFor(t, smallPlan("Socialnämnden", 2027, "Ändrad"), 7)))
		}, true, time.Time{}, Rejected, submission.ReasonTampered},
		{"second signature", func(t *testing.T) []byte { return signAgain(t, good, official) }, true, time.Time{}, Rejected, submission.ReasonSeveralSignatures},
		{"plain PDF", func(t *testing.T) []byte { return smallPDF(t, "Bara en PDF") }, true, time.Time{}, Rejected, submission.ReasonNoSignature},
		{"signed PDF without payload", func(t *testing.T) []byte { return signAgain(t, smallPDF(t, "Undertecknad PDF"), official) }, true, time.Time{}, Rejected, submission.ReasonNoPayload},
		{"payload not JSON", func(t *testing.T) []byte { return craft(t, smallPDF(t, "x"), []byte("inte json"), official) }, true, time.Time{}, Rejected, submission.ReasonPayloadInvalid},
		{"payload breaks schema", func(t *testing.T) []byte { return craft(t, smallPDF(t, "x"), mustJSON(t, invalid), official) }, true, time.Time{}, Rejected, submission.ReasonPayloadInvalid},
		{"schema newer", func(t *testing.T) []byte { return craft(t, smallPDF(t, "x"), mustJSON(t, newerSchema), official) }, true, time.Time{}, Rejected, submission.ReasonSchemaNewer},
		{"board inconsistent", func(t *testing.T) []byte { return craft(t, smallPDF(t, "x"), mustJSON(t, otherBoard), official) }, true, time.Time{}, Rejected, ReasonBoardYear},
		{"year inconsistent", func(t *testing.T) []byte { return craft(t, smallPDF(t, "x"), mustJSON(t, otherYear), official) }, true, time.Time{}, Rejected, ReasonBoardYear},
		{"truncated", func(*testing.T) []byte { return good[:len(good)*2/3] }, true, time.Time{}, Rejected, submission.ReasonTruncated},
		{"empty", func(*testing.T) []byte { return nil }, true, time.Time{}, Rejected, submission.ReasonEmpty},
		{"not a PDF", func(*testing.T) []byte { return []byte("Hej! Här kommer vår plan.\n") }, true, time.Time{}, Rejected, submission.ReasonNotPDF},
		{"certificate expired at import", func(*testing.T) []byte { return good }, true, time.Now().AddDate(6, 0, 0), Rejected, submission.ReasonCertInvalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			env := newEnv(t)
			if c.trusted {
				env.trustSigner(t, official)
			}
			if !c.at.IsZero() {
				env.im.SetClock(func() time.Time { return c.at })
			}
			file := filepath.Join(writeDir(t, map[string][]byte{"inlamning.pdf": c.file(t)}), "inlamning.pdf")
			rs, err := env.im.Import(t.Context(), []string{file}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(rs) != 1 {
				t.Fatalf("%d results", len(rs))
			}
			r := rs[0]
			if r.Verdict != c.want || r.Reason != c.reason {
				t.Fatalf("verdict %s (%s: %s), want %s (%s)", r.Verdict, r.Reason, r.Detail, c.want, c.reason)
			}
			for _, l := range i18n.Langs {
				if txt := r.Text(i18n.New(l)); txt == "" || strings.Contains(txt, "⟦") || strings.Contains(txt, "<no value>") {
					t.Errorf("%s text: %q", l, txt)
				}
			}
			db := env.rawDB(t)
			wantStored := 0
			if c.want == AcceptedNew {
				wantStored = 1
			}
			if n := count(t, db, "SELECT count(*) FROM submissions"); n != wantStored {
				t.Errorf("%d submissions stored", n)
			}
			if n := count(t, db, "SELECT count(*) FROM plans"); n != wantStored {
				t.Errorf("%d plans stored", n)
			}
			log, err := env.store.ImportLog(0)
			if err != nil || len(log) != 1 || log[0].Verdict != string(c.want) || log[0].Reason != string(c.reason) || log[0].FileName != "inlamning.pdf" {
				t.Fatalf("import log %+v %v", log, err)
			}
			if log[0].Pending != (c.want == UnknownSigner) {
				t.Errorf("pending %v", log[0].Pending)
			}
			if c.want == Rejected && log[0].Detail == "" {
				t.Error("no detail logged for a rejection")
			}
		})
	}
}

func TestMissingFileAndFolderFilter(t *testing.T) {
	env := newEnv(t)
	id := signerID(t, "Åsa Öberg", "Socialnämnden")
	env.trustSigner(t, id)
	dir := writeDir(t, map[string][]byte{
		"b.PDF":          sealed(t, "Socialnämnden", 2027, 1, id),
		"a.pdf":          sealed(t, "Socialnämnden", 2028, 1, id),
		"anteckning.txt": []byte("inte med"),
		".~lock.pdf":     []byte("inte med"),
	})
	if err := os.Mkdir(filepath.Join(dir, "gammalt.pdf"), 0o700); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "finns-inte.pdf")
	if n := Count([]string{dir, missing, dir}); n != 3 {
		t.Errorf("Count = %d", n)
	}
	rs, err := env.im.Import(t.Context(), []string{dir, missing}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rs {
		got = append(got, fmt.Sprintf("%s:%s:%s", r.Name(), r.Verdict, r.Reason))
	}
	want := []string{"a.pdf:accepted_new:", "b.PDF:accepted_new:", "finns-inte.pdf:rejected:no_file"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestVersionsOneThreeTwo(t *testing.T) {
	env := newEnv(t)
	id := signerID(t, "Åsa Öberg", "Socialnämnden")
	env.trustSigner(t, id)
	files := map[string][]byte{}
	for _, v := range []int{1, 2, 3} {
		files[fmt.Sprintf("v%d.pdf", v)] = sealed(t, "Socialnämnden", 2027, v, id)
	}
	// Same version, signed anew: a later signing time makes another file (sealing is deterministic).
	files["v3-igen.pdf"] = sealedAt(t, "Socialnämnden", 2027, 3, id, time.Now().Add(time.Minute))
	dir := writeDir(t, files)
	order := []string{"v1.pdf", "v3.pdf", "v2.pdf", "v2.pdf", "v3-igen.pdf"}
	var rs []Result
	for _, n := range order {
		r, err := env.im.Import(t.Context(), []string{filepath.Join(dir, n)}, nil)
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r...)
	}
	want := []struct {
		v        Verdict
		other    int
		sameFile bool
	}{{AcceptedNew, 0, false}, {AcceptedNewer, 1, false}, {Older, 3, false}, {Duplicate, 0, true}, {Duplicate, 0, false}}
	for i, w := range want {
		r := rs[i]
		if r.Verdict != w.v || r.Other != w.other || r.SameFile != w.sameFile {
			t.Errorf("%s: %s other %d same %v, want %+v", order[i], r.Verdict, r.Other, r.SameFile, w)
		}
	}
	hist, err := env.store.Submissions("Socialnämnden", 2027)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range hist {
		got = append(got, fmt.Sprintf("v%d current=%v plan=%v", s.Version, s.Current, s.PlanID != 0))
	}
	if strings.Join(got, "; ") != "v3 current=true plan=true; v2 current=false plan=true; v1 current=false plan=true" {
		t.Errorf("history: %v", got)
	}
	// The current version's plan is the one rebuilt from version 3.
	for _, s := range hist {
		d, err := env.store.PlanData(s.PlanID)
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("Behörighetsöversyn v%d", s.Version); d.Activities[0].Title != want || d.Plan.Version != s.Version {
			t.Errorf("plan of v%d: %q version %d", s.Version, d.Activities[0].Title, d.Plan.Version)
		}
	}
}

func TestImportFolderTwiceChangesNothing(t *testing.T) {
	env := newEnv(t)
	official := signerID(t, "Åsa Öberg", "Socialnämnden")
	stranger := signerID(t, "Okänd Person", "")
	env.trustSigner(t, official)
	s1 := sealed(t, "Socialnämnden", 2027, 2, official)
	bad := bytes.Clone(s1)
	bad[len(bad)/2] ^= 0x20
	dir := writeDir(t, map[string][]byte{
		"01-social.pdf":    s1,
		"02-social-v1.pdf": sealed(t, "Socialnämnden", 2028, 1, official),
		"03-social-v2.pdf": sealed(t, "Socialnämnden", 2028, 2, official),
		"04-kultur.pdf":    sealed(t, "Kulturnämnden", 2027, 1, stranger),
		"05-andrad.pdf":    bad,
		"06-tom.pdf":       {},
	})
	db := env.rawDB(t)
	first, err := env.im.Import(t.Context(), []string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	wantFirst := []Verdict{AcceptedNew, AcceptedNew, AcceptedNewer, UnknownSigner, Rejected, Rejected}
	wantSecond := []Verdict{Duplicate, Duplicate, Duplicate, UnknownSigner, Rejected, Rejected}
	before := snapshot(t, db)
	second, err := env.im.Import(t.Context(), []string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	after := snapshot(t, db)
	if before != after {
		t.Errorf("second import changed the data:\nbefore %s\nafter  %s", before, after)
	}
	for i := range wantFirst {
		if first[i].Verdict != wantFirst[i] || second[i].Verdict != wantSecond[i] {
			t.Errorf("%s: %s then %s, want %s then %s", first[i].Name(), first[i].Verdict, second[i].Verdict, wantFirst[i], wantSecond[i])
		}
	}
	if !strings.Contains(before, "pending=1") {
		t.Errorf("unknown signer's file not kept waiting once: %s", before)
	}
	s := Summarize(second)
	if s.Total() != 6 || s.Settled() || s[Duplicate] != 3 {
		t.Errorf("summary %v", s)
	}
}

// A file whose storing fails half-way (a database trigger refuses its second activity, after
// its submission, plan and register rows were written) leaves nothing behind, and the files
// before and after it are imported.
func TestFailureMidwayLeavesDatabaseConsistent(t *testing.T) {
	env := newEnv(t)
	id := signerID(t, "Åsa Öberg", "Socialnämnden")
	env.trustSigner(t, id)
	db := env.rawDB(t)
	if _, err := db.Exec(`CREATE TRIGGER inject_failure BEFORE INSERT ON activities
		WHEN NEW.title = 'Utbildning i informationssäkerhet' AND (SELECT year FROM plans WHERE id = NEW.plan_id) = 2031
		BEGIN SELECT RAISE(ABORT, 'injected failure'); END`); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	var paths []string
	for i := 1; i <= 20; i++ {
		// One board (the signer is approved for it), a year each; file 7 is the one that fails.
		year := 2040 + i
		if i == 7 {
			year = 2031
		}
		name := fmt.Sprintf("%02d.pdf", i)
		files[name] = sealed(t, "Socialnämnden", year, 1, id)
		paths = append(paths, name)
	}
	dir := writeDir(t, files)
	for i := range paths {
		paths[i] = filepath.Join(dir, paths[i])
	}
	var progress []int
	rs, err := env.im.Import(t.Context(), paths, func(p Progress) {
		progress = append(progress, p.Done)
		if p.Total != 20 {
			t.Errorf("total %d", p.Total)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 20 || len(progress) != 21 || progress[20] != 20 {
		t.Fatalf("%d results, progress %v", len(rs), progress)
	}
	for i, r := range rs {
		want := AcceptedNew
		if i == 6 {
			want = Failed
		}
		if r.Verdict != want {
			t.Errorf("file %d: %s (%s), want %s", i+1, r.Verdict, r.Detail, want)
		}
	}
	if rs[6].Reason != ReasonStoreFailed || rs[6].Err == nil || rs[6].LogID == 0 {
		t.Errorf("failed file: %+v", rs[6])
	}
	checks := []struct {
		q    string
		want int
	}{
		{"SELECT count(*) FROM submissions", 19},
		{"SELECT count(*) FROM plans", 19},
		{"SELECT count(*) FROM submissions WHERE year = 2031", 0},
		{"SELECT count(*) FROM plans WHERE year = 2031", 0},
		{"SELECT count(*) FROM systems WHERE plan_id NOT IN (SELECT id FROM plans)", 0},
		{"SELECT count(*) FROM activities WHERE plan_id NOT IN (SELECT id FROM plans)", 0},
		{"SELECT count(*) FROM plans WHERE submission_id NOT IN (SELECT id FROM submissions)", 0},
		{"SELECT count(*) FROM import_log", 20},
		{"SELECT count(*) FROM import_log WHERE verdict = 'failed' AND file_name = '07.pdf'", 1},
		{"SELECT count(*) FROM audit_log WHERE entity = 'submission' AND field = 'imported'", 19},
	}
	for _, c := range checks {
		if n := count(t, db, c.q); n != c.want {
			t.Errorf("%s = %d, want %d", c.q, n, c.want)
		}
	}
	if res, err := env.store.IntegrityCheck(); err != nil || res != "ok" {
		t.Errorf("integrity check: %q %v", res, err)
	}
	// The cause gone, importing the folder again imports the failed file, and only it.
	if _, err := db.Exec("DROP TRIGGER inject_failure"); err != nil {
		t.Fatal(err)
	}
	again, err := env.im.Import(t.Context(), paths, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s := Summarize(again); s[AcceptedNew] != 1 || s[Duplicate] != 19 || again[6].Verdict != AcceptedNew {
		t.Errorf("second run: %v", s)
	}
}

func TestCancel(t *testing.T) {
	env := newEnv(t)
	id := signerID(t, "Åsa Öberg", "Socialnämnden")
	env.trustSigner(t, id)
	files := map[string][]byte{}
	for i := 1; i <= 6; i++ {
		files[fmt.Sprintf("%02d.pdf", i)] = sealed(t, "Socialnämnden", 2026+i, 1, id)
	}
	dir := writeDir(t, files)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	rs, err := env.im.Import(ctx, []string{dir}, func(p Progress) {
		if p.Done == 3 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || len(rs) != 3 {
		t.Fatalf("%d results, %v", len(rs), err)
	}
	if n := count(t, env.rawDB(t), "SELECT count(*) FROM submissions"); n != 3 {
		t.Errorf("%d stored after cancel", n)
	}
}
