//go:build ignore

// Gen makes the data bench.sh measures with, through the app's own packages:
//
//	go run -tags migrated_fynedo bench/gen.go plan200 DB BOARD YEAR
//	    a database with BOARD's plan for YEAR of 200 activities (valid, ready to export)
//	go run -tags migrated_fynedo bench/gen.go submissions DIR N
//	    N signed submissions in DIR: N/2 boards' plans of 40 activities for two years, each
//	    board's exported and signed the way the app does by an official whose certificate a
//	    signing CA issued for the board; and DIR/coordinator.db, a coordinator's database that
//	    knows the boards and trusts the CA, to import them into
//	go run -tags migrated_fynedo bench/gen.go large DB BOARDS YEARS ACTIVITIES
//	    a coordinator's database of BOARDS × YEARS received plans of ACTIVITIES activities
//	go run -tags migrated_fynedo bench/gen.go edits DB N
//	    N edits of one field, each saved and the plan read back as the wizard does; prints the
//	    median round trip
package main

import (
	"context"
	"crypto/x509"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"handlingsplan/app/coorddemo"
	"handlingsplan/app/demo"
	"handlingsplan/app/export"
	"handlingsplan/app/identity"
	"handlingsplan/app/importer"
	"handlingsplan/app/settings"
	"handlingsplan/data"
	"handlingsplan/domain"
)

func main() {
	if len(os.Args) < 2 {
		fail(fmt.Errorf("usage: gen plan200|submissions|large|edits …"))
	}
	var err error
	switch a := os.Args[2:]; os.Args[1] {
	case "plan200":
		err = plan200(a[0], a[1], atoi(a[2]))
	case "submissions":
		err = submissions(a[0], atoi(a[1]))
	case "large":
		err = large(a[0], atoi(a[1]), atoi(a[2]), atoi(a[3]))
	case "edits":
		err = edits(a[0], atoi(a[1]))
	default:
		err = fmt.Errorf("unknown %q", os.Args[1])
	}
	if err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gen:", err)
	os.Exit(1)
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		fail(err)
	}
	return n
}

func open(path string) (*data.Store, domain.Profile, error) {
	s, err := data.Open(path, "bench")
	if err != nil {
		return nil, domain.Profile{}, err
	}
	prof, err := domain.DefaultProfile()
	if err == nil {
		err = s.EnsureProfile(prof)
	}
	return s, prof, err
}

func plan200(db, board string, year int) error {
	s, prof, err := open(db)
	if err != nil {
		return err
	}
	defer s.Close()
	d := demo.Large(board, year, 200, prof)
	d.Plan.Status = domain.PlanReady
	if _, err := s.AddBoard(board); err != nil {
		return err
	}
	_, err = s.AddPlanData(d)
	return err
}

func submissions(dir string, n int) error {
	now := time.Now()
	ca, err := identity.NewCA("Bench signerings-CA", "Exempelby kommun", now, importer.CAValidity)
	if err != nil {
		return err
	}
	s, prof, err := open(filepath.Join(dir, ".boards.db"))
	if err != nil {
		return err
	}
	defer s.Close()
	coord, _, err := open(filepath.Join(dir, "coordinator.db"))
	if err != nil {
		return err
	}
	defer coord.Close()
	if _, err := importer.New(coord).AddCertificates(context.Background(), identity.CertPEM(ca.Cert)); err != nil {
		return err
	}
	year := now.Year() + 1
	for i := range (n + 1) / 2 {
		board := fmt.Sprintf("Nämnd %03d", i+1)
		if _, err := coord.AddBoard(board); err != nil {
			return err
		}
		if _, err := s.AddBoard(board); err != nil {
			return err
		}
		official, err := identity.New(identity.Subject{Name: fmt.Sprintf("Tjänsteperson %03d", i+1), Board: board, Email: "bench@exempelby.se"}, now, 365*24*time.Hour)
		if err != nil {
			return err
		}
		req, err := identity.Request(official)
		if err != nil {
			return err
		}
		r, err := identity.ParseRequest(req)
		if err != nil {
			return err
		}
		cert, err := identity.Issue(ca, r, board, now, 365*24*time.Hour)
		if err != nil {
			return err
		}
		id := &identity.Identity{Cert: cert, Key: official.Key, Chain: []*x509.Certificate{ca.Cert}}
		for y := year - 1; y <= year && 2*i+(y-year+1) < n; y++ {
			d := demo.Large(board, y, 40, prof)
			d.Plan.Status = domain.PlanReady
			pid, err := s.AddPlanData(d)
			if err != nil {
				return err
			}
			out := filepath.Join(dir, fmt.Sprintf("%03d-%d.pdf", i+1, y))
			if _, err := export.Export(s, pid, id, export.Options{AppVersion: "bench", Out: out}); err != nil {
				return fmt.Errorf("export %s %d: %w", board, y, err)
			}
		}
	}
	return nil
}

func large(db string, boards, years, acts int) error {
	s, _, err := open(db)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := coorddemo.Large(s, boards, years, acts, time.Now().Year()+1-years+1); err != nil {
		return err
	}
	// The window opens a coordinator's database on the overview.
	return s.SetSetting(settings.Role, settings.RoleCoordinator)
}

// edits times the round trip of one typed edit as the wizard makes it: the field saved (with
// its audit line) and the plan read back for the views.
func edits(db string, n int) error {
	s, _, err := open(db)
	if err != nil {
		return err
	}
	defer s.Close()
	bs, err := s.Boards()
	if err != nil || len(bs) == 0 {
		return fmt.Errorf("no boards: %v", err)
	}
	p, err := s.PlanFor(bs[0].ID, time.Now().Year()+1)
	if err != nil {
		return err
	}
	acts, err := s.Activities(p.ID)
	if err != nil || len(acts) == 0 {
		return fmt.Errorf("no activities: %v", err)
	}
	var took []time.Duration
	for i := range n {
		start := time.Now()
		if _, err := s.SetField(domain.FieldActivityInternalHours, acts[0].ID, int64(i+1)); err != nil {
			return err
		}
		if _, err := s.PlanData(p.ID); err != nil {
			return err
		}
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	fmt.Printf("%.2f %.2f %.2f\n", ms(took[len(took)/2]), ms(took[0]), ms(took[len(took)-1]))
	return nil
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
