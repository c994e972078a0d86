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
		{"reserved, then finished", func(f *fixture) error { return f.s.ReserveVersion(f.plan, 1, "ccc") }, 1, "ccc",
			want{domain.PlanSigned, 1, "ccc", []string{"status draft→signed", "version 0→1"}}},
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
			if got, err := f.s.LastIssued(f.plan); err != nil || got != (IssuedVersion{tc.want.version, tc.want.hash, true}) {
				t.Errorf("last issued %+v (%v), want v%d %q signed", got, err, tc.want.version, tc.want.hash)
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

	// A number recorded for other content is never marked signed with this one.
	t.Run("version taken", func(t *testing.T) {
		f := newFixture(t)
		if err := f.s.ReserveVersion(f.plan, 1, "aaa"); err != nil {
			t.Fatal(err)
		}
		if err := f.s.MarkSigned(f.plan, 1, "bbb"); !errors.Is(err, ErrVersionTaken) {
			t.Fatalf("err = %v, want ErrVersionTaken", err)
		}
		if p, _ := f.s.Plan(f.plan); p.Version != 0 || p.Status != domain.PlanDraft {
			t.Errorf("plan %s v%d", p.Status, p.Version)
		}
	})

	// The audit write failing (the last write) takes the version record, the status and the
	// version change with it.
	t.Run("all or nothing", func(t *testing.T) {
		f := newFixture(t)
		if _, err := f.s.db.Exec(`CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log
			BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END`); err != nil {
			t.Fatal(err)
		}
		before := f.state(t)
		if err := f.s.MarkSigned(f.plan, 1, "aaa"); err == nil {
			t.Fatal("MarkSigned succeeded although the audit log could not be written")
		}
		if after := f.state(t); after != before {
			t.Errorf("a failed MarkSigned changed the database:\n%s\n%s", before, after)
		}
		if got, err := f.s.LastIssued(f.plan); err != nil || got.Version != 0 {
			t.Errorf("version recorded: %+v %v", got, err)
		}
	})
}

// ReserveVersion hands a number out once: for the same content again, or above every number
// before; never the same number for other content, never a lower one.
func TestReserveVersion(t *testing.T) {
	type step struct {
		version int
		hash    string
		signed  bool // MarkSigned instead of ReserveVersion
		ok      bool
	}
	tests := []struct {
		name  string
		steps []step
		want  IssuedVersion
	}{
		{"first", []step{{1, "a", false, true}}, IssuedVersion{1, "a", false}},
		{"same content again", []step{{1, "a", false, true}, {1, "a", false, true}}, IssuedVersion{1, "a", false}},
		{"same number, other content", []step{{1, "a", false, true}, {1, "b", false, false}}, IssuedVersion{1, "a", false}},
		{"next number", []step{{1, "a", true, true}, {2, "b", false, true}}, IssuedVersion{2, "b", false}},
		{"a gap is fine", []step{{1, "a", false, true}, {3, "b", false, true}}, IssuedVersion{3, "b", false}},
		{"lower number", []step{{2, "a", true, true}, {1, "b", false, false}}, IssuedVersion{2, "a", true}},
		{"older number's content again", []step{{1, "a", true, true}, {2, "b", true, true}, {1, "a", false, false}}, IssuedVersion{2, "b", true}},
		{"zero", []step{{0, "a", false, false}}, IssuedVersion{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			for i, st := range tc.steps {
				var err error
				if st.signed {
					err = f.s.MarkSigned(f.plan, st.version, st.hash)
				} else {
					err = f.s.ReserveVersion(f.plan, st.version, st.hash)
				}
				if (err == nil) != st.ok {
					t.Fatalf("step %d: err = %v, want ok %v", i, err, st.ok)
				}
				if err != nil && !errors.Is(err, ErrVersionTaken) {
					t.Errorf("step %d: err = %v, want ErrVersionTaken", i, err)
				}
			}
			if got, err := f.s.LastIssued(f.plan); err != nil || got != tc.want {
				t.Errorf("last issued %+v (%v), want %+v", got, err, tc.want)
			}
		})
	}
	t.Run("unknown plan", func(t *testing.T) {
		f := newFixture(t)
		if err := f.s.ReserveVersion(f.plan+100, 1, "x"); !errors.Is(err, ErrNotFound) {
			t.Fatalf("err = %v, want ErrNotFound", err)
		}
	})
}
