package data

import (
	"errors"
	"slices"
	"testing"

	"handlingsplan/domain"
)

func TestMarkSigned(t *testing.T) {
	type want struct {
		status  domain.PlanStatus
		version int
		hash    string
		audit   []string // new audit entries as "field old→new"
	}
	tests := []struct {
		name    string
		prepare func(f *fixture) error
		version int
		hash    string
		want    want
	}{
		{"draft becomes signed", nil, 1, "aaa", want{domain.PlanSigned, 1, "aaa", []string{"status draft→signed", "version 0→1"}}},
		{"signed again, new version", func(f *fixture) error { return f.s.MarkSigned(f.plan, 1, "aaa") }, 2, "bbb",
			want{domain.PlanSigned, 2, "bbb", []string{"version 1→2"}}},
		{"same version, new hash only", func(f *fixture) error { return f.s.MarkSigned(f.plan, 1, "aaa") }, 1, "ccc",
			want{domain.PlanSigned, 1, "ccc", nil}},
		{"closed stays closed", func(f *fixture) error { return f.s.SetPlanStatus(f.plan, domain.PlanClosed, 1) }, 2, "ddd",
			want{domain.PlanClosed, 2, "ddd", []string{"version 1→2"}}},
		{"ready becomes signed", func(f *fixture) error { return f.s.SetPlanStatus(f.plan, domain.PlanReady, 0) }, 1, "eee",
			want{domain.PlanSigned, 1, "eee", []string{"status ready→signed", "version 0→1"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			if tc.prepare != nil {
				if err := tc.prepare(f); err != nil {
					t.Fatal(err)
				}
			}
			_, n := f.lastAudit(t, "plan", f.plan)
			if err := f.s.MarkSigned(f.plan, tc.version, tc.hash); err != nil {
				t.Fatal(err)
			}
			p, err := f.s.Plan(f.plan)
			if err != nil {
				t.Fatal(err)
			}
			if p.Status != tc.want.status || p.Version != tc.want.version {
				t.Errorf("plan %s v%d, want %s v%d", p.Status, p.Version, tc.want.status, tc.want.version)
			}
			if got := f.s.SignedContent(f.plan); got != tc.want.hash {
				t.Errorf("hash %q, want %q", got, tc.want.hash)
			}
			es, err := f.s.Audit("plan", f.plan)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range es[n:] {
				got = append(got, e.Field+" "+e.Old+"→"+e.New)
				if e.Who != testWho {
					t.Errorf("audit entry by %q", e.Who)
				}
			}
			if !slices.Equal(got, tc.want.audit) {
				t.Errorf("audit %q, want %q", got, tc.want.audit)
			}
		})
	}

	t.Run("unknown plan", func(t *testing.T) {
		f := newFixture(t)
		if err := f.s.MarkSigned(f.plan+100, 1, "x"); !errors.Is(err, ErrNotFound) {
			t.Fatalf("err = %v, want ErrNotFound", err)
		}
	})

	// The hash write failing takes the status and version change with it.
	t.Run("all or nothing", func(t *testing.T) {
		f := newFixture(t)
		if _, err := f.s.db.Exec(`CREATE TRIGGER hash_fails BEFORE INSERT ON settings
			BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END`); err != nil {
			t.Fatal(err)
		}
		before := f.state(t)
		if err := f.s.MarkSigned(f.plan, 1, "aaa"); err == nil {
			t.Fatal("MarkSigned succeeded although the hash could not be saved")
		}
		if after := f.state(t); after != before {
			t.Errorf("a failed MarkSigned changed the database:\n%s\n%s", before, after)
		}
		if got := f.s.SignedContent(f.plan); got != "" {
			t.Errorf("hash %q saved", got)
		}
	})
}
