package report

import (
	"bytes"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"handlingsplan/i18n"
)

// A second, independent reader: pdfcpu's strict validation accepts the report, incremental
// update and all, and reads its document information and language.
func TestPdfcpuReadsInfoAndLanguage(t *testing.T) {
	api.DisableConfigDir()
	b := render(t, demoPlan(2027), i18n.Swedish, testSignature)
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	ctx, err := api.ReadValidateAndOptimize(bytes.NewReader(b), conf)
	if err != nil {
		t.Fatalf("strict validation: %v", err)
	}
	if want := "Handlingsplan för informationssäkerhet 2027 – Vård- och omsorgsnämnden"; ctx.Title != want {
		t.Errorf("title %q, want %q", ctx.Title, want)
	}
	if ctx.Keywords == "" || ctx.Author != "Vård- och omsorgsnämnden" || ctx.Creator != "Handlingsplan 1.4.2" {
		t.Errorf("keywords %q, author %q, creator %q", ctx.Keywords, ctx.Author, ctx.Creator)
	}
	if lang := ctx.RootDict["Lang"]; lang == nil || lang.String() != "(sv)" {
		t.Errorf("catalog /Lang: %v", lang)
	}
}
