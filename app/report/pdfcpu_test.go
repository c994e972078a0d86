package report

import (
	"bytes"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"handlingsplan/i18n"
)

// The submission step reads the report with pdfcpu and writes it again with the payload
// attached: the report must pass pdfcpu's strict validation, and its document info and
// language must survive the rewrite.
func TestPdfcpuKeepsInfoAndLanguage(t *testing.T) {
	api.DisableConfigDir()
	b := render(t, demoPlan(2027), i18n.Swedish, testSignature)
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	if err := api.Validate(bytes.NewReader(b), conf); err != nil {
		t.Fatalf("strict validation: %v", err)
	}
	ctx, err := api.ReadValidateAndOptimize(bytes.NewReader(b), conf)
	if err != nil {
		t.Fatal(err)
	}
	conf.WriteXRefStream, conf.WriteObjectStream = false, false
	var out bytes.Buffer
	if err := api.WriteContext(ctx, &out); err != nil {
		t.Fatal(err)
	}
	again, err := api.ReadContext(bytes.NewReader(out.Bytes()), conf)
	if err != nil {
		t.Fatal(err)
	}
	if err := api.ValidateContext(again); err != nil {
		t.Fatal(err)
	}
	if want := "Handlingsplan för informationssäkerhet 2027 – Vård- och omsorgsnämnden"; again.Title != want {
		t.Errorf("title after pdfcpu: %q, want %q", again.Title, want)
	}
	if again.Keywords == "" || again.Author != "Vård- och omsorgsnämnden" {
		t.Errorf("keywords %q, author %q after pdfcpu", again.Keywords, again.Author)
	}
	if lang := again.RootDict["Lang"]; lang == nil || lang.String() != "(sv)" {
		t.Errorf("catalog /Lang after pdfcpu: %v", lang)
	}
}
