package data

import (
	"fmt"
	"sync"
	"testing"
)

// Writes read the audit name and clock under the store's lock while the UI changes them
// (run with -race).
func TestWhoChangesDuringWrites(t *testing.T) {
	s := openImportStore(t)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
				s.SetWho(fmt.Sprintf("samordnare %d", i))
			}
		}
	}()
	for i := range 5 {
		r := received(fmt.Sprintf("Nämnd %d", i), 2027, 1)
		if _, err := s.ImportSubmission(r, logFor(r)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.LogImport(ImportLogEntry{FileName: "x.pdf", Verdict: "rejected"}, nil); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.AddTrust(TrustEntry{Kind: TrustSigner, Subject: "S", Fingerprint: fmt.Sprintf("ab%014d", i), Cert: []byte{1}}, "added"); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	wg.Wait()
}
