package submission

import (
	"testing"
	"time"
)

// The report of a large board is about 20 pages; DESIGN.md §5 measured attach ≈ 2 ms,
// sign ≈ 1–3 ms and verify ≈ 2–4 ms for it.

func BenchmarkSeal(b *testing.B) {
	pdf := makePDF(b, 20)
	id := newSigner(b, "Åsa Öberg", nil, nil)
	p := samplePayload()
	b.SetBytes(int64(len(pdf)))
	for b.Loop() {
		if _, err := Seal(pdf, p, id.key, id.chain, testSignInfo); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerify(b *testing.B) {
	pdf := makePDF(b, 20)
	id := newSigner(b, "Åsa Öberg", nil, nil)
	sealed, err := Seal(pdf, samplePayload(), id.key, id.chain, testSignInfo)
	if err != nil {
		b.Fatal(err)
	}
	trust := Trust{Signers: id.chain[:1]}
	now := time.Now()
	b.SetBytes(int64(len(sealed)))
	for b.Loop() {
		if r := Verify(sealed, trust, now); r.Verdict != Valid {
			b.Fatalf("%s %s", r.Reason, r.Detail)
		}
	}
}
