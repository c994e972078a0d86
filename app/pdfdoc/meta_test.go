package pdfdoc

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/signintech/gopdf"

	"handlingsplan/app/pdfread"
	"handlingsplan/app/pdftest"
	"handlingsplan/i18n"
)

var testMeta = Meta{Title: "Handlingsplan 2027 – Socialnämnden", Author: "Socialnämnden (Exempelkommun)", Subject: "Informationssäkerhet",
	Keywords: "plan, (åtgärder)", Creator: "Handlingsplan 1.4.2", Lang: "sv", Created: time.Date(2026, 11, 15, 9, 30, 0, 0, time.UTC)}

// onePage is a gopdf document of one page with Swedish text; info, when set, is gopdf's own
// (inline) document information.
func onePage(t *testing.T, info *gopdf.PdfInfo) []byte {
	t.Helper()
	d, err := New(i18n.New(i18n.Swedish))
	if err != nil {
		t.Fatal(err)
	}
	if info != nil {
		d.PDF.SetInfo(*info)
	}
	d.Section("Åtgärder och tidsplan", true, true, 0)
	d.Paragraph("Förvaltningschefen ansvarar för uppföljningen under hösten.", 10, false, ColText)
	raw, err := d.PDF.GetBytesPdfReturnErr()
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func open(t *testing.T, b []byte) *pdfread.File {
	t.Helper()
	f, err := pdfread.Open(b)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// WithMeta appends a revision: the bytes gopdf wrote stay as they were, and qpdf, pdfinfo and
// pdftotext read the result with its information and language.
func TestWithMeta(t *testing.T) {
	raw := onePage(t, nil)
	out, err := WithMeta(raw, testMeta)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out, raw) {
		t.Fatal("the document gopdf wrote was changed, not appended to")
	}
	pdftest.Check(t, out, pdftest.Want{Title: testMeta.Title, Author: testMeta.Author, Creator: testMeta.Creator, Lang: "sv",
		Text: []string{"Åtgärder och tidsplan", "Förvaltningschefen ansvarar"}})
	f := open(t, out)
	cat, err := f.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	if cat["Lang"].(pdfread.String).Text() != "sv" || cat["Pages"] == nil || cat["Outlines"] == nil {
		t.Errorf("catalog %v", cat)
	}
	info, err := f.DictOf(f.Trailer()["Info"])
	if err != nil || info == nil {
		t.Fatalf("no Info (%v)", err)
	}
	for k, want := range map[pdfread.Name]string{"Keywords": testMeta.Keywords, "Subject": testMeta.Subject, "Producer": "gopdf",
		"CreationDate": "D:20261115093000+00'00'"} {
		if got := info[k].(pdfread.String).Text(); got != want {
			t.Errorf("/%s = %q, want %q", k, got, want)
		}
	}
	if again, err := WithMeta(raw, testMeta); err != nil || !bytes.Equal(again, out) {
		t.Error("the same input does not give the same file")
	}
}

func TestWithMetaRefuses(t *testing.T) {
	raw := onePage(t, nil)
	for name, edit := range map[string]func(*Meta){
		"no title":     func(m *Meta) { m.Title = "" },
		"no creator":   func(m *Meta) { m.Creator = "" },
		"no language":  func(m *Meta) { m.Lang = "" },
		"bad language": func(m *Meta) { m.Lang = "sv) /Evil (x" },
		"no date":      func(m *Meta) { m.Created = time.Time{} },
	} {
		m := testMeta
		edit(&m)
		if _, err := WithMeta(raw, m); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, err := WithMeta([]byte("%PDF-1.7\nnot really"), testMeta); err == nil {
		t.Error("a broken file was accepted")
	}
}

// Attach embeds the file where pdfread finds it again byte for byte, and keeps the document
// information, even gopdf's inline one.
func TestAttach(t *testing.T) {
	payload := []byte(`{"schema":1,"board":"Socialnämnden","text":"(åäö) \\ ` + strings.Repeat("x", 5000) + `"}`)
	file := EmbeddedFile{Name: "submission.json", MIME: "application/json", Desc: "Planens data", Data: payload, ModTime: testMeta.Created}
	for name, base := range map[string][]byte{
		"after WithMeta": must(WithMeta(onePage(t, nil), testMeta)),
		"gopdf's inline Info": onePage(t, &gopdf.PdfInfo{Title: testMeta.Title, Author: testMeta.Author, Creator: testMeta.Creator,
			CreationDate: testMeta.Created}),
	} {
		t.Run(name, func(t *testing.T) {
			out, err := Attach(base, file)
			if err != nil {
				t.Fatal(err)
			}
			got, err := open(t, out).Attachment("submission.json", 1<<20)
			if err != nil || !bytes.Equal(got, payload) {
				t.Fatalf("attachment %q, %v", got, err)
			}
			want := pdftest.Want{Title: testMeta.Title, Author: testMeta.Author, Creator: testMeta.Creator, Text: []string{"Åtgärder och tidsplan"}}
			if name == "after WithMeta" {
				want.Lang = "sv"
			}
			pdftest.Check(t, out, want)
			if _, err := Attach(out, file); !errors.Is(err, ErrHasAttachments) {
				t.Errorf("a second attachment: %v", err)
			}
		})
	}
	if _, err := Attach(onePage(t, nil), EmbeddedFile{}); err == nil {
		t.Error("a file without a name was attached")
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

func TestAppendValue(t *testing.T) {
	tests := []struct {
		in   any
		want string
	}{
		{pdfread.Dict{"B": int64(-2), "A": pdfread.Array{true, nil, 1.5, pdfread.Ref{Num: 7}}}, "<</A [true null 1.5 7 0 R]/B -2>>"},
		{pdfread.Name("a b#/(x)"), "/a#20b#23#2F#28x#29"},
		{pdfread.String{Bytes: []byte("a(b)\\c")}, `(a\(b\)\\c)`},
		{pdfread.String{Bytes: []byte("a\nb")}, "<610A62>"},
		{pdfread.String{Bytes: []byte("sv"), Hex: true}, "<7376>"},
		{textString("Å"), "<FEFF00C5>"},
		{textString("𝄞"), "<FEFFD834DD1E>"},
		{textString("plain"), "<706C61696E>"},
	}
	for _, tc := range tests {
		if got := string(appendValue(nil, tc.in)); got != tc.want {
			t.Errorf("appendValue(%#v) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

// Adding the document information and attaching the payload are part of every export
// (DESIGN.md §5 measured attaching with pdfcpu at about 2 ms for a 20-page report).
func BenchmarkWithMetaAndAttach(b *testing.B) {
	d, err := New(i18n.New(i18n.Swedish))
	if err != nil {
		b.Fatal(err)
	}
	for range 20 {
		d.Section("Avsnitt", true, true, 0)
		for range 30 {
			d.Paragraph(strings.Repeat("Förvaltningschefen ansvarar för uppföljningen under hösten. ", 3), 10, false, ColText)
		}
	}
	raw, err := d.PDF.GetBytesPdfReturnErr()
	if err != nil {
		b.Fatal(err)
	}
	payload := bytes.Repeat([]byte(`{"activity":"Behörighetsöversyn","hours":40},`), 2000)
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		out, err := WithMeta(raw, testMeta)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Attach(out, EmbeddedFile{Name: "submission.json", Data: payload, ModTime: testMeta.Created}); err != nil {
			b.Fatal(err)
		}
	}
}
