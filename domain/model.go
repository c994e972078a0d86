// Package domain holds the domain types and the policy rules: validation, resources, carry-over.
// It knows nothing of Fyne; ui/ and the CLI in main both call into it.
package domain

import "time"

// Goal is one of the policy's strategy goals ("Mål"). Activities refer to goals by Number,
// which is stable across municipalities and travels in submissions.
type Goal struct {
	Number int    `json:"number"`
	Text   string `json:"text"`
}

// ClassLevel is one step of the classification scale (KLASSA: 0 Försumbar … 4 Synnerligen allvarlig).
type ClassLevel struct {
	Level int    `json:"level"`
	Name  string `json:"name"`
}

// Profile is the policy profile the plans are written against. It is data, editable by the
// coordinator; the default is embedded in the binary (see DefaultProfile).
type Profile struct {
	Kommun      string       `json:"kommun"`
	PolicyName  string       `json:"policy_name"`
	Goals       []Goal       `json:"goals"`
	Scale       []ClassLevel `json:"scale"`
	HoursPerFTE int          `json:"hours_per_fte"`
	// Areas are the requirement areas of the law the plans answer to (see areas.go).
	Areas []RequirementArea `json:"areas,omitempty"`
	// Version is the kommun's number of this profile: 0 for the program's built-in default (and
	// a board's own edit of it), 1, 2, … for the versions the coordinator saves, signs and sends.
	Version int `json:"version"`
	// Checklist is the policy's general requirements every board assesses each year (checklist.go).
	Checklist []Requirement `json:"checklist"`
	// RuleGoals is, per register rule, the strategy goal an activity made from its warning serves.
	RuleGoals map[RegisterRule]int `json:"rule_goals"`
	// Deadline is the boards' yearly submission day as "MM-DD", in the autumn before the plan's
	// year ("" when the kommun sets none).
	Deadline string `json:"deadline"`
}

// GoalText returns the text of goal n, or "" when the profile has no such goal.
func (p Profile) GoalText(n int) string {
	for _, g := range p.Goals {
		if g.Number == n {
			return g.Text
		}
	}
	return ""
}

// Board is a nämnd.
type Board struct {
	ID   int64  `json:"-"`
	Name string `json:"name"`
}

// PlanStatus is where a plan is in its yearly life.
type PlanStatus string

const (
	PlanDraft  PlanStatus = "draft"  // being written
	PlanReady  PlanStatus = "ready"  // checked, read-only until reopened
	PlanSigned PlanStatus = "signed" // exported and signed; a later change makes a new version
	PlanClosed PlanStatus = "closed" // its year is over and followed up
)

// PlanStatuses lists every status, in life order.
var PlanStatuses = []PlanStatus{PlanDraft, PlanReady, PlanSigned, PlanClosed}

// CheckResult is the answer to one of the three biennial checks.
type CheckResult string

const (
	CheckUnanswered CheckResult = ""
	CheckYes        CheckResult = "yes"
	CheckPartly     CheckResult = "partly"
	CheckNo         CheckResult = "no"
)

// Check is one of the policy's three biennial follow-up checks with the board's own words.
type Check struct {
	Result CheckResult `json:"result"`
	Text   string      `json:"text"`
}

// The three checks of the policy's "Revidering och uppföljning", in its order.
const (
	CheckActionsDone   = 0 // beslutade åtgärder är genomförda
	CheckGoalsFollowed = 1 // årliga mål är uppföljda
	CheckRulesFollowed = 2 // regler följs
)

// Plan is one board's action plan for one year (the year it covers).
type Plan struct {
	ID           int64      `json:"-"`
	BoardID      int64      `json:"-"`
	Board        string     `json:"board"`
	Year         int        `json:"year"`
	Status       PlanStatus `json:"status"`
	Version      int        `json:"version"`
	Responsible  string     `json:"responsible"` // informationsägare, usually förvaltningschef
	Contact      string     `json:"contact"`
	DecisionDate time.Time  `json:"decision_date"` // planned board decision; zero when unknown
	// Decision is the board's decision on the plan, once made (see decision.go).
	Decision Decision `json:"decision"`
	// FollowUpDecision is the board's decision on the plan's autumn follow-up.
	FollowUpDecision Decision `json:"follow_up_decision"`
	// Checks are the three biennial checks, answered in the autumn follow-up of this plan.
	Checks [3]Check `json:"checks"`
	// WizardStep is where the user left the wizard, so a restart resumes there.
	WizardStep int `json:"-"`
	// SubmissionID is set on plans rebuilt from an imported submission (coordinator side).
	SubmissionID int64     `json:"-"`
	UpdatedAt    time.Time `json:"updated_at"`
	// UUID is the plan's identity: made with the plan, kept when the database is copied, and
	// carried in its submissions as plan_uuid (so not here in the plan's own JSON). "" on a plan
	// rebuilt from a submission made before plans had one.
	UUID string `json:"-"`
	// ProfileID is the stored policy profile version the plan was made under (0: none recorded).
	ProfileID int64 `json:"-"`
}

// Priority of an activity.
type Priority int

const (
	PriorityHigh   Priority = 1
	PriorityMedium Priority = 2
	PriorityLow    Priority = 3
)

// ActivityStatus is the follow-up status of an activity.
type ActivityStatus string

const (
	ActivityNotStarted ActivityStatus = "not_started" // ej påbörjad
	ActivityInProgress ActivityStatus = "in_progress" // pågår
	ActivityDone       ActivityStatus = "done"        // genomförd
	ActivityDropped    ActivityStatus = "dropped"     // struken
	ActivityPaused     ActivityStatus = "paused"      // pausad
	// ActivityDelayed (försenad) is never recorded: StatusOn computes it from the end date.
	ActivityDelayed ActivityStatus = "delayed"
)

// ActivityStatuses lists every status that is recorded, in the order the UI offers them.
var ActivityStatuses = []ActivityStatus{ActivityDone, ActivityInProgress, ActivityNotStarted, ActivityPaused, ActivityDropped}

// Activity is one åtgärd of a plan: what is done, how, when, with which resources.
type Activity struct {
	// ID travels in a submission (schema 2) so that follow-ups can name the activity; the
	// import maps it to its own ids.
	ID          int64     `json:"id,omitempty"`
	PlanID      int64     `json:"-"`
	Position    int       `json:"position"`
	Title       string    `json:"title"`       // what
	Description string    `json:"description"` // how
	Goals       []int     `json:"goals"`       // goal numbers of the profile
	Priority    Priority  `json:"priority"`
	Responsible string    `json:"responsible"`
	Start       time.Time `json:"start"`
	End         time.Time `json:"end"`
	// Resources: hours are whole hours, money whole kronor.
	InternalHours int64 `json:"internal_hours"`
	ExternalHours int64 `json:"external_hours"`
	OperatingCost int64 `json:"operating_cost"`
	Investment    int64 `json:"investment"`
	// SystemIDs links the activity to systems in the board's register (System.ID; in a
	// submission these are the sender's ids, remapped on import).
	SystemIDs []int64 `json:"systems,omitempty"`
	// AnnualGoalID is the annual goal the activity serves (AnnualGoal.ID; 0 when none).
	AnnualGoalID int64 `json:"annual_goal,omitempty"`
	// Areas are the requirement areas (RequirementArea.Code) the activity works on.
	Areas []string `json:"areas,omitempty"`
	// Addresses says which register warning or checklist requirement the activity was made for
	// ("rule:no_risk_analysis", "req:records_plan"), "" for any other activity.
	Addresses string `json:"addresses,omitempty"`
	// Follow-up, filled in the autumn of the plan's year.
	Status          ActivityStatus `json:"status"`
	PercentDone     int            `json:"percent_done"`
	ActualHours     int64          `json:"actual_hours"`
	ActualKronor    int64          `json:"actual_kronor"`
	FollowUpComment string         `json:"follow_up_comment"`
	// CarriedFrom is the id of last year's activity this one continues (0 when new).
	CarriedFrom int64 `json:"-"`
}

// TotalHours is internal plus external hours.
func (a Activity) TotalHours() int64 { return a.InternalHours + a.ExternalHours }

// TotalKronor is operating cost plus investment.
func (a Activity) TotalKronor() int64 { return a.OperatingCost + a.Investment }

// TrainingFormat is how an information or training event is given.
type TrainingFormat string

const (
	FormatELearning TrainingFormat = "elearning"
	FormatWorkshop  TrainingFormat = "workshop"
	FormatAPT       TrainingFormat = "workplace_meeting" // arbetsplatsträff
	FormatLecture   TrainingFormat = "lecture"
	FormatIntranet  TrainingFormat = "intranet" // information on the intranet / newsletter
	FormatExercise  TrainingFormat = "exercise" // e.g. a crisis exercise
)

// TrainingFormats lists every format in the order the UI offers them.
var TrainingFormats = []TrainingFormat{FormatELearning, FormatWorkshop, FormatAPT, FormatLecture, FormatIntranet, FormatExercise}

// TrainingKind says whom an event trains: the staff at large, or the management, whom the
// cybersäkerhetslag (2025:1506) obliges to be trained (ledningens utbildning).
type TrainingKind string

const (
	TrainingGeneral    TrainingKind = "general"
	TrainingManagement TrainingKind = "management"
)

// TrainingKinds lists every kind in the order the UI offers them.
var TrainingKinds = []TrainingKind{TrainingGeneral, TrainingManagement}

// IsManagement reports whether the event is management training ("" is a general event, as
// submissions before schema 2 have it).
func (t Training) IsManagement() bool { return t.Kind == TrainingManagement }

// Training is an information or training event of a plan.
type Training struct {
	ID                   int64          `json:"-"`
	PlanID               int64          `json:"-"`
	Position             int            `json:"position"`
	Title                string         `json:"title"`
	TargetGroup          string         `json:"target_group"`
	Format               TrainingFormat `json:"format"`
	Kind                 TrainingKind   `json:"kind,omitempty"`
	Dates                []time.Time    `json:"dates"`
	Responsible          string         `json:"responsible"`
	ExpectedParticipants int            `json:"expected_participants"`
	Evaluation           string         `json:"evaluation"` // how it is evaluated
	ActualParticipants   int            `json:"actual_participants"`
}

// Checkpoint is one point of the plan's follow-up and reporting plan.
type Checkpoint struct {
	ID       int64     `json:"-"`
	PlanID   int64     `json:"-"`
	Position int       `json:"position"`
	Date     time.Time `json:"date"`
	Method   string    `json:"method"`    // how it is followed up / evaluated
	ReportTo string    `json:"report_to"` // to whom it is reported, e.g. nämnd, KS
	Done     bool      `json:"done"`
}

// SecurityPlanLevel is the kind of system security plan a system has.
type SecurityPlanLevel string

const (
	SecurityPlanNone     SecurityPlanLevel = "none"
	SecurityPlanBase     SecurityPlanLevel = "base"     // systemsäkerhetsplan bas
	SecurityPlanDeepened SecurityPlanLevel = "deepened" // fördjupad systemsäkerhetsplan
)

// System is an information system or channel in a board's register (förteckning).
// Classification levels are 0–4 on the profile's scale, or -1 when not yet classified.
type System struct {
	ID              int64             `json:"id"`
	BoardID         int64             `json:"-"`
	Name            string            `json:"name"`
	Description     string            `json:"description"`
	Owner           string            `json:"owner"` // informationsägare
	Confidentiality int               `json:"confidentiality"`
	Integrity       int               `json:"integrity"`
	Availability    int               `json:"availability"`
	Traceability    int               `json:"traceability"`
	BaselineMet     bool              `json:"baseline_met"` // meets the national basnivå
	SecurityPlan    SecurityPlanLevel `json:"security_plan"`
	SecurityPlanAt  time.Time         `json:"security_plan_at"`
	RiskAnalysisAt  time.Time         `json:"risk_analysis_at"`
	ContinuityAt    time.Time         `json:"continuity_at"`
	RecoveryAt      time.Time         `json:"recovery_at"`
	// Sensitive marks register details that are sekretesskyddade: such a plan must not be e-mailed.
	Sensitive bool `json:"sensitive"`
	// ClassifiedAt is when the classification was last made or reviewed (zero: not recorded).
	ClassifiedAt time.Time `json:"classified_at"`
}

// MaxLevel is the highest classification of the four aspects.
func (s System) MaxLevel() int {
	m := s.Confidentiality
	for _, v := range []int{s.Integrity, s.Availability, s.Traceability} {
		if v > m {
			m = v
		}
	}
	return m
}

// PlanData is a plan with everything that belongs to it: what a wizard edits, a report prints and a
// submission carries.
type PlanData struct {
	Plan        Plan         `json:"plan"`
	Activities  []Activity   `json:"activities"`
	Trainings   []Training   `json:"trainings"`
	Checkpoints []Checkpoint `json:"checkpoints"`
	Systems     []System     `json:"systems"`
	// AnnualGoals are what the board wants to have reached this year; activities sit under them.
	AnnualGoals []AnnualGoal `json:"annual_goals,omitempty"`
	// FollowUps are the follow-ups recorded during the plan's year, interim and closing.
	FollowUps []FollowUp `json:"follow_ups,omitempty"`
	// Checklist is the board's assessment of the profile's general requirements for the year.
	Checklist []ChecklistEntry `json:"checklist,omitempty"`
	// Previous is last year's plan of the same board with its follow-up, when there is one.
	Previous *PlanData `json:"previous,omitempty"`
	// Profile is the policy profile the plan was made under, when it records one: the plan is
	// judged and reported under it (ValidatePlan), not under a later one.
	Profile *Profile `json:"-"`
	// AsOf is the day the plan is judged at: today for a board's own plan, the day it was made
	// for a received submission. The register's age rules count from it; zero means today.
	AsOf time.Time `json:"-"`
	// Unparsed is what was typed into number fields of the plan's rows and is no value (see
	// ParseNumber). It never travels in a submission: a plan that has any cannot be exported.
	Unparsed []Unparsed `json:"-"`
}

// Unparsed is text typed into a number field that is no value of the field. It is kept as
// typed (a restart shows it again) and blocks the plan until it is fixed or undone; the
// field's own value stays the last valid one, which nothing shows while the text is there.
type Unparsed struct {
	Entity   string // "activity" or "training"
	EntityID int64
	Field    string // e.g. "operating_cost"
	Text     string
}

// RawInput is the value of an edit that stores typed text as Unparsed (the store's SetField
// takes it for a number field); a number for the same field replaces it.
type RawInput string

// UnparsedText is the text typed into field of row entity/id that is no value, if any.
func (d PlanData) UnparsedText(entity string, id int64, field string) (string, bool) {
	for _, u := range d.Unparsed {
		if u.Entity == entity && u.EntityID == id && u.Field == field {
			return u.Text, true
		}
	}
	return "", false
}

// SetUnparsed records text for field of row entity/id (ok false: forget what was there).
func (d *PlanData) SetUnparsed(entity string, id int64, field, text string, ok bool) {
	for i, u := range d.Unparsed {
		if u.Entity == entity && u.EntityID == id && u.Field == field {
			if ok {
				d.Unparsed[i].Text = text
			} else {
				d.Unparsed = append(d.Unparsed[:i:i], d.Unparsed[i+1:]...)
			}
			return
		}
	}
	if ok {
		d.Unparsed = append(d.Unparsed, Unparsed{Entity: entity, EntityID: id, Field: field, Text: text})
	}
}

// AuditEntry is one recorded change.
type AuditEntry struct {
	ID       int64
	At       time.Time // UTC
	Who      string
	Entity   string // e.g. "plan", "activity"
	EntityID int64
	Field    string
	Old      string
	New      string
}
