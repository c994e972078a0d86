package export

import (
	"crypto/x509"
	"path/filepath"
	"testing"
	"time"

	"handlingsplan/app/demo"
	"handlingsplan/app/submission"
	"handlingsplan/data"
	"handlingsplan/domain"
)

func BenchmarkExport(b *testing.B) {
	prof, err := domain.DefaultProfile()
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		plan func(s *data.Store) int64
	}{
		{"demo", func(s *data.Store) int64 { return planID(b, s, "Socialnämnden", 2027) }},
		{"200activities", func(s *data.Store) int64 {
			id, err := s.AddPlanData(demo.Large("Stora nämnden", 2027, 200, prof))
			if err != nil {
				b.Fatal(err)
			}
			return id
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			s := demoStore(b)
			pid := bc.plan(s)
			id := signer(b)
			out := filepath.Join(b.TempDir(), "plan.pdf")
			var size int
			for b.Loop() {
				res, err := Export(s, pid, id, Options{AppVersion: "bench", Now: testNow, Out: out})
				if err != nil {
					b.Fatal(err)
				}
				size = len(res.PDF)
			}
			b.ReportMetric(float64(size)/1024, "KiB/file")
		})
	}
}

func BenchmarkVerify(b *testing.B) {
	prof, err := domain.DefaultProfile()
	if err != nil {
		b.Fatal(err)
	}
	s := demoStore(b)
	large, err := s.AddPlanData(demo.Large("Stora nämnden", 2027, 200, prof))
	if err != nil {
		b.Fatal(err)
	}
	id := signer(b)
	trust := submission.Trust{Signers: []*x509.Certificate{id.Cert}}
	for _, bc := range []struct {
		name string
		plan int64
	}{{"demo", planID(b, s, "Socialnämnden", 2027)}, {"200activities", large}} {
		res, err := Export(s, bc.plan, id, Options{AppVersion: "bench", Now: testNow, Out: filepath.Join(b.TempDir(), "p.pdf")})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if r := submission.Verify(res.PDF, trust, time.Now()); r.Verdict != submission.Valid {
					b.Fatal(r.Reason, r.Detail)
				}
			}
		})
	}
}
