package data

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"handlingsplan/domain"
)

// The policy profile. Every version is kept (profile_versions, the JSON of domain.Profile), so
// a plan made under an older profile is judged and reported under its own. The profile in use
// for new plans is profile.current_version; the profile, goals and class_levels tables hold it
// too, as they did before versions.

// ProfileSource says where a stored profile version came from.
type ProfileSource string

const (
	ProfileLocal      ProfileSource = "local"      // saved in this database (the default, the coordinator's editor)
	ProfileImport     ProfileSource = "import"     // a signed profile file the user imported
	ProfilePreset     ProfileSource = "preset"     // a signed profile file IT preset
	ProfileSubmission ProfileSource = "submission" // the profile a received submission was made under
	ProfileUpgrade    ProfileSource = "upgrade"    // the profile a database had before versions
)

// ProfileVersion is one stored version of the policy profile, without its body.
type ProfileVersion struct {
	ID                int64
	Version           int // the kommun's number inside the profile
	Kommun            string
	Source            ProfileSource
	SignerName        string
	SignerFingerprint string
	SavedAt           time.Time
	SavedBy           string
	Current           bool
}

// HasProfile reports whether a policy profile has been saved.
func (s *Store) HasProfile() (bool, error) {
	var n int
	err := s.q.QueryRow("SELECT count(*) FROM profile").Scan(&n)
	return n > 0, err
}

// Profile loads the policy profile in use for new plans.
func (s *Store) Profile() (domain.Profile, error) {
	var cur sql.NullInt64
	err := s.q.QueryRow("SELECT current_version FROM profile WHERE id = 1").Scan(&cur)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Profile{}, fmt.Errorf("load profile: %w", ErrNotFound)
	}
	if err != nil {
		return domain.Profile{}, fmt.Errorf("load profile: %w", err)
	}
	if !cur.Valid {
		return s.legacyProfile()
	}
	return s.ProfileByID(cur.Int64)
}

// ProfileByID loads a stored profile version.
func (s *Store) ProfileByID(id int64) (domain.Profile, error) {
	var body string
	err := s.q.QueryRow("SELECT body FROM profile_versions WHERE id = ?", id).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Profile{}, fmt.Errorf("load profile version %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return domain.Profile{}, fmt.Errorf("load profile version %d: %w", id, err)
	}
	var p domain.Profile
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		return domain.Profile{}, fmt.Errorf("load profile version %d: %w", id, err)
	}
	return p, nil
}

// CurrentProfileID is the id of the profile version in use for new plans (0 before the first).
func (s *Store) CurrentProfileID() (int64, error) {
	var cur sql.NullInt64
	err := s.q.QueryRow("SELECT current_version FROM profile WHERE id = 1").Scan(&cur)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return cur.Int64, err
}

// ProfileVersions lists the stored versions, newest first.
func (s *Store) ProfileVersions() ([]ProfileVersion, error) {
	rows, err := s.q.Query(`SELECT v.id, v.version, coalesce(json_extract(v.body, '$.kommun'), ''), v.source, v.signer_name,
		v.signer_fingerprint, v.saved_at, v.saved_by, coalesce(v.id = (SELECT current_version FROM profile WHERE id = 1), 0)
		FROM profile_versions v ORDER BY v.id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list profile versions: %w", err)
	}
	defer rows.Close()
	var out []ProfileVersion
	for rows.Next() {
		var v ProfileVersion
		var src, at string
		if err := rows.Scan(&v.ID, &v.Version, &v.Kommun, &src, &v.SignerName, &v.SignerFingerprint, &at, &v.SavedBy, &v.Current); err != nil {
			return nil, err
		}
		v.Source, v.SavedAt = ProfileSource(src), parseStamp(at)
		out = append(out, v)
	}
	return out, rows.Err()
}

// ProfileMeta says where a profile version comes from and who signed it.
type ProfileMeta struct {
	Source            ProfileSource
	SignerName        string
	SignerFingerprint string
}

// SaveProfile stores p as a version made in this database and takes it into use for new plans,
// and logs the change. p must be valid (domain.ValidateProfile); what the database refuses
// comes back as a *domain.Problem.
func (s *Store) SaveProfile(p domain.Profile) error {
	_, err := s.UseProfile(p, ProfileMeta{Source: ProfileLocal})
	return err
}

// UseProfile stores p as a version (once: the same body is the same version) and takes it into
// use for new plans. It returns the version's id.
func (s *Store) UseProfile(p domain.Profile, meta ProfileMeta) (int64, error) {
	var id int64
	err := s.tx(func(tx *sql.Tx) error {
		var err error
		if id, err = s.storeProfile(tx, p, meta); err != nil {
			return err
		}
		return s.makeCurrent(tx, p, id)
	})
	if err != nil {
		return 0, fmt.Errorf("save profile: %w", err)
	}
	return id, nil
}

// StoreProfile stores p as a version without taking it into use (the profile of a received
// submission) and returns its id.
func (s *Store) StoreProfile(p domain.Profile, meta ProfileMeta) (int64, error) {
	var id int64
	err := s.tx(func(tx *sql.Tx) error {
		var err error
		id, err = s.storeProfile(tx, p, meta)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store profile: %w", err)
	}
	return id, nil
}

func (s *Store) storeProfile(tx *sql.Tx, p domain.Profile, meta ProfileMeta) (int64, error) {
	body, err := domain.MarshalProfile(p)
	if err != nil {
		return 0, err
	}
	sum := sha256.Sum256(body)
	hash := hex.EncodeToString(sum[:])
	var id int64
	err = tx.QueryRow("SELECT id FROM profile_versions WHERE sha256 = ?", hash).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	if meta.Source == "" {
		meta.Source = ProfileLocal
	}
	res, err := tx.Exec(`INSERT INTO profile_versions(version, body, sha256, source, signer_name, signer_fingerprint, saved_at, saved_by)
		VALUES(?,?,?,?,?,?,?,?)`, p.Version, string(body), hash, string(meta.Source), meta.SignerName, meta.SignerFingerprint, s.stamp(), s.Who())
	if err != nil {
		return 0, constraintProblem(err, "profile", 0, "version")
	}
	id, _ = res.LastInsertId()
	return id, s.audit(tx, "profile_version", id, "created", "", fmt.Sprintf("version %d (%s)", p.Version, meta.Source))
}

// makeCurrent takes version id (profile p) into use: the profile row and its goals and scale.
func (s *Store) makeCurrent(tx *sql.Tx, p domain.Profile, id int64) error {
	var old sql.NullInt64
	if err := tx.QueryRow("SELECT current_version FROM profile WHERE id = 1").Scan(&old); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if _, err := tx.Exec(`INSERT INTO profile(id, kommun, policy_name, hours_per_fte, current_version) VALUES(1, ?, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET kommun = excluded.kommun, policy_name = excluded.policy_name, hours_per_fte = excluded.hours_per_fte,
		current_version = excluded.current_version`,
		p.Kommun, p.PolicyName, p.HoursPerFTE, id); err != nil {
		return constraintProblem(err, "profile", 0, "hours_per_fte")
	}
	if _, err := tx.Exec("DELETE FROM goals"); err != nil {
		return err
	}
	for _, g := range p.Goals {
		if _, err := tx.Exec("INSERT INTO goals(number, text) VALUES(?, ?)", g.Number, g.Text); err != nil {
			return goalProblem(err, g)
		}
	}
	if _, err := tx.Exec("DELETE FROM class_levels"); err != nil {
		return err
	}
	for _, c := range p.Scale {
		if _, err := tx.Exec("INSERT INTO class_levels(level, name) VALUES(?, ?)", c.Level, c.Name); err != nil {
			return err
		}
	}
	if _, err := tx.Exec("DELETE FROM requirement_areas"); err != nil {
		return err
	}
	for i, a := range p.Areas {
		if _, err := tx.Exec("INSERT INTO requirement_areas(code, position, name, reference) VALUES(?, ?, ?, ?)", a.Code, i+1, a.Name, a.Reference); err != nil {
			return constraintProblem(err, "profile", int64(i+1), "areas")
		}
	}
	if old.Valid && old.Int64 == id {
		return nil
	}
	return s.audit(tx, "profile", 1, "profile", fmt.Sprint(old.Int64),
		fmt.Sprintf("%d: %s; version %d; %d goals; %d requirements; %d areas; %d h/FTE", id, p.Kommun, p.Version, len(p.Goals), len(p.Checklist), len(p.Areas), p.HoursPerFTE))
}

// legacyProfile reads the profile a database had before versions (profile, goals, class_levels).
func (s *Store) legacyProfile() (domain.Profile, error) {
	var p domain.Profile
	err := s.q.QueryRow("SELECT kommun, policy_name, hours_per_fte FROM profile WHERE id = 1").Scan(&p.Kommun, &p.PolicyName, &p.HoursPerFTE)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return p, fmt.Errorf("load profile: %w", ErrNotFound)
		}
		return p, fmt.Errorf("load profile: %w", err)
	}
	rows, err := s.q.Query("SELECT number, text FROM goals ORDER BY number")
	if err != nil {
		return p, fmt.Errorf("load goals: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var g domain.Goal
		if err := rows.Scan(&g.Number, &g.Text); err != nil {
			return p, err
		}
		p.Goals = append(p.Goals, g)
	}
	if err := rows.Err(); err != nil {
		return p, fmt.Errorf("load goals: %w", err)
	}
	lv, err := s.q.Query("SELECT level, name FROM class_levels ORDER BY level")
	if err != nil {
		return p, fmt.Errorf("load scale: %w", err)
	}
	defer lv.Close()
	for lv.Next() {
		var c domain.ClassLevel
		if err := lv.Scan(&c.Level, &c.Name); err != nil {
			return p, err
		}
		p.Scale = append(p.Scale, c)
	}
	if err := lv.Err(); err != nil {
		return p, fmt.Errorf("load scale: %w", err)
	}
	p.Areas, err = s.areas()
	return p, err
}

// areas loads the requirement areas of the profile in use (kept beside goals and class_levels).
func (s *Store) areas() ([]domain.RequirementArea, error) {
	rows, err := s.q.Query("SELECT code, name, reference FROM requirement_areas ORDER BY position, code")
	if err != nil {
		return nil, fmt.Errorf("load requirement areas: %w", err)
	}
	defer rows.Close()
	var out []domain.RequirementArea
	for rows.Next() {
		var a domain.RequirementArea
		if err := rows.Scan(&a.Code, &a.Name, &a.Reference); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// goalProblem says what is wrong with a goal the database refused, in ValidateProfile's words.
func goalProblem(err error, g domain.Goal) error {
	var se sqlite3.Error
	if !errors.As(err, &se) || se.Code != sqlite3.ErrConstraint {
		return err
	}
	if strings.Contains(se.Error(), "length(trim(text))") {
		return &domain.Problem{Severity: domain.Blocking, Entity: "profile", EntityID: int64(g.Number), Field: "goals", Key: "err.required", Args: []any{"Field", "field.goals"}}
	}
	// A number out of range or used twice.
	return &domain.Problem{Severity: domain.Blocking, Entity: "profile", EntityID: int64(g.Number), Field: "goals", Key: "err.unknown_goal", Args: []any{"Goal", g.Number}}
}

// EnsureProfile prepares the policy profile on start. A new database gets def. A database made
// before profiles had versions gets the profile it had as its first version, with what def adds
// (the checklist of general requirements, the goals of the register rules, the deadline) where
// it had nothing, and every plan of the board's own is recorded as made under it.
func (s *Store) EnsureProfile(def domain.Profile) error {
	ok, err := s.HasProfile()
	if err != nil {
		return fmt.Errorf("seed default profile: %w", err)
	}
	if !ok {
		if err := s.SaveProfile(def); err != nil {
			return fmt.Errorf("seed default profile: %w", err)
		}
		return nil
	}
	cur, err := s.CurrentProfileID()
	if err != nil || cur != 0 {
		return err
	}
	p, err := s.legacyProfile()
	if err != nil {
		return fmt.Errorf("upgrade profile: %w", err)
	}
	p.Checklist, p.RuleGoals, p.Deadline = def.Checklist, def.RuleGoals, def.Deadline
	if len(p.Areas) == 0 {
		p.Areas = def.Areas
	}
	err = s.tx(func(tx *sql.Tx) error {
		id, err := s.storeProfile(tx, p, ProfileMeta{Source: ProfileUpgrade})
		if err != nil {
			return err
		}
		if err := s.makeCurrent(tx, p, id); err != nil {
			return err
		}
		_, err = tx.Exec("UPDATE plans SET profile_id = ? WHERE profile_id IS NULL AND submission_id IS NULL", id)
		return err
	})
	if err != nil {
		return fmt.Errorf("upgrade profile: %w", err)
	}
	return nil
}

// planProfile is the profile version a new plan records: the one it names, else, for a board's
// own plan, the one in use for new plans (nil for a received plan that names none).
func planProfile(tx *sql.Tx, p domain.Plan) (any, error) {
	if p.ProfileID != 0 {
		return p.ProfileID, nil
	}
	if p.SubmissionID != 0 {
		return nil, nil
	}
	var cur sql.NullInt64
	if err := tx.QueryRow("SELECT current_version FROM profile WHERE id = 1").Scan(&cur); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	if !cur.Valid {
		return nil, nil
	}
	return cur.Int64, nil
}

// planAsOf is the day plan p is judged at: today for a board's own plan, the day its submission
// was made for a received one.
func (s *Store) planAsOf(p domain.Plan) (time.Time, error) {
	if p.SubmissionID == 0 {
		return s.asOf(), nil
	}
	var created sql.NullString
	err := s.q.QueryRow(`SELECT CASE WHEN json_valid(CAST(payload AS TEXT)) THEN json_extract(CAST(payload AS TEXT), '$.created_at') END
		FROM submissions WHERE id = ?`, p.SubmissionID).Scan(&created)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, err
	}
	return createdDay(created.String), nil
}

// createdDay is the calendar day of a payload's created_at (zero when it cannot be read).
func createdDay(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
