package export

import (
	"errors"
	"path/filepath"
	"strings"

	"handlingsplan/app/identity"
	"handlingsplan/app/storemsg"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// ErrorText is one plain sentence about an export failure in the user's language. The GUI
// and the command line show it instead of the error chain.
func ErrorText(loc *i18n.Localizer, err error) string {
	var we *WriteError
	var p *domain.Problem
	switch {
	case err == nil:
		return ""
	case errors.Is(err, ErrBlocking):
		return loc.T("export.err.blocking")
	case errors.Is(err, ErrCertExpired):
		return loc.T("export.err.cert_expired")
	case errors.As(err, &we) && we.DiskFull():
		return loc.Tf("export.err.disk_full", "Path", we.Path)
	case errors.As(err, &we) && we.Denied():
		return loc.Tf("export.err.write_denied", "Folder", filepath.Dir(we.Path))
	case errors.As(err, &we):
		return loc.Tf("export.err.write", "Path", we.Path)
	case errors.Is(err, ErrTooLarge):
		return loc.T("export.err.too_large")
	case errors.Is(err, data.ErrNotFound):
		return loc.T("export.err.plan_not_found")
	case storemsg.Known(err):
		t, _ := storemsg.Text(loc, err) // the database is read-only, damaged, busy or full
		return t
	case errors.As(err, &p):
		return p.Text(loc)
	}
	if k := identity.MessageKey(err); k != "identity.err.other" {
		return loc.T(k)
	}
	return loc.T("export.err.failed")
}

// ProblemLine is one problem with where it is: "Åtgärd 3 ”Riskanalys”: Koppla åtgärden till
// minst ett mål." Rows are numbered in plan order, as the wizard and the report show them.
func ProblemLine(loc *i18n.Localizer, d domain.PlanData, p domain.Problem) string {
	return loc.Tf("export.problem_line", "Where", where(loc, d, p), "Text", p.Text(loc))
}

func where(loc *i18n.Localizer, d domain.PlanData, p domain.Problem) string {
	titled := func(kind string, n int, title string) string {
		if title = strings.TrimSpace(title); title != "" {
			return loc.Tf("export.where."+kind+"_titled", "N", n, "Title", title)
		}
		return loc.Tf("export.where."+kind, "N", n)
	}
	switch p.Entity {
	case "activity":
		for i, a := range d.Activities {
			if a.ID == p.EntityID {
				return titled("activity", i+1, a.Title)
			}
		}
	case "training":
		for i, t := range d.Trainings {
			if t.ID == p.EntityID {
				return titled("training", i+1, t.Title)
			}
		}
	case "annual_goal":
		gs := d.AnnualGoals
		if p.Previous && d.Previous != nil {
			gs = d.Previous.AnnualGoals
		}
		for i, g := range gs {
			if g.ID == p.EntityID {
				return titled("annual_goal", i+1, g.Text)
			}
		}
	case "checkpoint":
		for i, c := range d.Checkpoints {
			if c.ID == p.EntityID {
				return loc.Tf("export.where.checkpoint", "N", i+1)
			}
		}
	case "system":
		for i, s := range d.Systems {
			if s.ID == p.EntityID {
				if name := strings.TrimSpace(s.Name); name != "" {
					return loc.Tf("export.where.system", "Name", name)
				}
				return loc.Tf("export.where.system_untitled", "N", i+1)
			}
		}
	}
	return loc.T("export.where.plan")
}

// FileName is the suggested name of a submission file, e.g. "Handlingsplan 2027
// Socialnämnden v2.pdf", with characters that file systems refuse replaced.
func FileName(loc *i18n.Localizer, board string, year, version int) string {
	name := loc.Tf("export.file_name", "Year", year, "Board", board, "Version", version)
	return strings.Map(func(r rune) rune {
		switch r {
		case '/', '\\', ':', '*', '?', '"', '<', '>', '|':
			return '-'
		}
		if r < 0x20 {
			return -1
		}
		return r
	}, name) + ".pdf"
}
