package coorddemo

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	"handlingsplan/app/demo"
	"handlingsplan/app/submission"
	"handlingsplan/data"
	"handlingsplan/domain"
)

// Large fills a coordinator's store with boards × years received plans of acts activities
// each, starting at firstYear, for benchmarks and load tests of the overview. Every plan
// carries last year's plan with its follow-up, as real submissions do. The files are not
// signed and verified (that is the importer's benchmark): the plans are stored as the importer
// stores a verified file.
func Large(store *data.Store, boards, years, acts, firstYear int) error {
	prof, err := store.Profile()
	if err != nil {
		return fmt.Errorf("large coordinator store: %w", err)
	}
	statuses := domain.ActivityStatuses
	for y := firstYear; y < firstYear+years; y++ {
		for b := range boards {
			name := fmt.Sprintf("Nämnd %02d", b+1)
			d := demo.Large(name, y, acts, prof)
			d.Plan.Status, d.Plan.Version = domain.PlanSigned, 1
			prev := demo.Large(name, y-1, acts, prof)
			prev.Plan.Status = domain.PlanClosed
			for i := range prev.Activities {
				prev.Activities[i].Status = statuses[i%len(statuses)]
			}
			prev.Plan.Checks = [3]domain.Check{{Result: domain.CheckYes}, {Result: domain.CheckPartly}, {Result: domain.CheckYes}}
			d.Previous = &prev
			p := submission.Payload{Schema: submission.SchemaVersion, AppVersion: "large", Kommun: prof.Kommun, Board: name, Year: y,
				Version: 1, CreatedAt: time.Date(y-1, 11, 1, 0, 0, 0, 0, time.UTC), Goals: prof.Goals, HoursPerFTE: prof.HoursPerFTE, Plan: d}
			raw, err := submission.MarshalPayload(p)
			if err != nil {
				return fmt.Errorf("large coordinator store: %w", err)
			}
			sum := sha256.Sum256(raw)
			r := data.Received{Plan: d, Board: name, Year: y, Version: 1, SignerName: "Test", SignerFingerprint: "large", TrustedVia: "large",
				SignedAt: p.CreatedAt, FileName: name + ".pdf", SHA256: hex.EncodeToString(sum[:]), Payload: raw, PDF: []byte("%PDF-1.7 large")}
			if _, err := store.ImportSubmission(r, data.ImportLogEntry{FileName: r.FileName, SHA256: r.SHA256, Board: name, Year: y, Version: 1}); err != nil {
				return fmt.Errorf("large coordinator store: %w", err)
			}
		}
	}
	return nil
}
