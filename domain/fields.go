package domain

import "time"

// Field names one field of one kind of row that an edit may change: data.Store.SetField takes
// one, and the wizard's and the register's inputs are made for one. Each is declared once,
// below, with all there is to know of it: the row member it is, its kind of value, the unit of
// a typed number, and whether it belongs to the autumn follow-up. There are no others, so a
// misspelt field is a compile error, not a refusal at run time.
//
// A new field is one line in its entity's block:
//
//	FieldActivityTitle = field("title", TextField, func(a *Activity) any { return &a.Title })
//
// with number(name, unit, …) for a number the user types, and followUp(…) around it when the
// autumn follow-up records it, or decision(…) when it records the board's decision on the
// plan. The store keeps it in the column of its name unless data/fields.go names another; a new
// entity also needs its case in entityOf and its table in data/fields.go.
type Field struct {
	entity, name string
	kind         FieldKind
	unit         Unit
	followUp     bool
	decision     bool
}

// FieldKind is the kind of value a field holds, and so the Go type SetField takes for it.
type FieldKind int

const (
	TextField    FieldKind = iota // string, or a string type of the domain (ActivityStatus, TrainingFormat …)
	IntField                      // int or int64 chosen, not typed: a priority, a level, a position
	NumberField                   // int or int64 typed in a Unit, or the RawInput typed there that is no value
	DateField                     // time.Time, a calendar date; the zero time for none
	BoolField                     // bool
	DatesField                    // []time.Time
	GoalsField                    // []int: the strategy goals an activity serves
	SystemsField                  // []int64: the register systems an activity concerns
	AreasField                    // []string: the requirement areas (RequirementArea.Code) a row works on
	RefField                      // int64: the id of another row of the same plan; 0 for none
)

// Entity is the kind of row the field belongs to: "plan", "activity", "training", "checkpoint",
// "system" or "annual_goal" (as in Problem.Entity).
func (f Field) Entity() string { return f.entity }

// Name is the field's name (as in Problem.Field and Unparsed.Field).
func (f Field) Name() string { return f.name }

// Kind is the kind of value the field holds.
func (f Field) Kind() FieldKind { return f.kind }

// Unit is the unit of a number the user types (ok false for any other field).
func (f Field) Unit() (Unit, bool) { return f.unit, f.kind == NumberField }

// FollowUp reports whether the field belongs to the autumn follow-up of a plan: recorded in the
// next year's wizard, whatever the plan's status.
func (f Field) FollowUp() bool { return f.followUp }

// Decision reports whether the field records the board's decision on the plan (its Dnr, date,
// body, paragraph). The decision is about the content and does not change it: it may be
// recorded on a plan marked ready and keeps a signed plan signed, as a follow-up edit does.
func (f Field) Decision() bool { return f.decision }

// Content reports whether an edit of the field changes the plan's content: the edits
// PlanAfterEdit refuses on a plan marked ready, and that make a signed plan a draft again and
// a decided plan one the board has to decide again.
func (f Field) Content() bool { return !f.followUp && !f.decision }

// TakesTyped reports whether the field also takes the text typed there that is no value
// (RawInput): the numbers typed into a plan's rows.
func (f Field) TakesTyped() bool { return f.kind == NumberField }

// IsZero reports whether f is no field (the zero Field).
func (f Field) IsZero() bool { return f.entity == "" }

func (f Field) String() string { return f.entity + "." + f.name }

// Value is f's value in row (a *Plan, *Activity, *Training, *Checkpoint, *System or
// *AnnualGoal of f's entity) in the Go type SetField takes and gives back: string for text,
// int64 for numbers and references, bool, time.Time, []time.Time, []int, []int64 or []string
// (slices copied). ok is false when row is no
// row of f's entity.
func (f Field) Value(row any) (v any, ok bool) {
	p := f.member(row)
	switch x := p.(type) {
	case *string:
		return *x, true
	case *ActivityStatus:
		return string(*x), true
	case *TrainingFormat:
		return string(*x), true
	case *CheckResult:
		return string(*x), true
	case *SecurityPlanLevel:
		return string(*x), true
	case *TrainingKind:
		return string(*x), true
	case *Outcome:
		return string(*x), true
	case *Light:
		return string(*x), true
	case *int:
		return int64(*x), true
	case *int64:
		return *x, true
	case *Priority:
		return int64(*x), true
	case *bool:
		return *x, true
	case *time.Time:
		return *x, true
	case *[]time.Time:
		return append([]time.Time(nil), *x...), true
	case *[]int:
		return append([]int(nil), *x...), true
	case *[]int64:
		return append([]int64(nil), *x...), true
	case *[]string:
		return append([]string(nil), *x...), true
	}
	return nil, false
}

// SetValue sets f in row to v, given in the type Value returns (a string type of the domain
// and an int do too); a value of another type sets the zero value. ok is false when row is no
// row of f's entity.
func (f Field) SetValue(row any, v any) (ok bool) {
	p := f.member(row)
	switch x := p.(type) {
	case *string:
		*x = text(v)
	case *ActivityStatus:
		*x = ActivityStatus(text(v))
	case *TrainingFormat:
		*x = TrainingFormat(text(v))
	case *CheckResult:
		*x = CheckResult(text(v))
	case *SecurityPlanLevel:
		*x = SecurityPlanLevel(text(v))
	case *TrainingKind:
		*x = TrainingKind(text(v))
	case *Outcome:
		*x = Outcome(text(v))
	case *Light:
		*x = Light(text(v))
	case *int:
		*x = int(integer(v))
	case *int64:
		*x = integer(v)
	case *Priority:
		*x = Priority(integer(v))
	case *bool:
		*x, _ = v.(bool)
	case *time.Time:
		*x, _ = v.(time.Time)
	case *[]time.Time:
		ts, _ := v.([]time.Time)
		*x = append([]time.Time(nil), ts...)
	case *[]int:
		ns, _ := v.([]int)
		*x = append([]int(nil), ns...)
	case *[]int64:
		ns, _ := v.([]int64)
		*x = append([]int64(nil), ns...)
	case *[]string:
		ss, _ := v.([]string)
		*x = append([]string(nil), ss...)
	default:
		return false
	}
	return true
}

func text(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case ActivityStatus:
		return string(x)
	case TrainingFormat:
		return string(x)
	case CheckResult:
		return string(x)
	case SecurityPlanLevel:
		return string(x)
	case TrainingKind:
		return string(x)
	case Outcome:
		return string(x)
	case Light:
		return string(x)
	}
	return ""
}

func integer(v any) int64 {
	switch x := v.(type) {
	case int64:
		return x
	case int:
		return int64(x)
	case Priority:
		return int64(x)
	}
	return 0
}

// member points at f's member of row; nil when row is no row of f's entity.
func (f Field) member(row any) any {
	if ptr, ok := members[f]; ok {
		return ptr(row)
	}
	return nil
}

// Row finds the row of d that entity/id names (a *Plan, *Activity, *Training, *Checkpoint,
// *System or *AnnualGoal, to pass to Field.Value and SetValue); nil when d has none.
func (d *PlanData) Row(entity string, id int64) any {
	switch entity {
	case "plan":
		if d.Plan.ID == id {
			return &d.Plan
		}
	case "activity":
		return find(d.Activities, id, func(a *Activity) int64 { return a.ID })
	case "training":
		return find(d.Trainings, id, func(t *Training) int64 { return t.ID })
	case "checkpoint":
		return find(d.Checkpoints, id, func(c *Checkpoint) int64 { return c.ID })
	case "system":
		return find(d.Systems, id, func(x *System) int64 { return x.ID })
	case "annual_goal":
		return find(d.AnnualGoals, id, func(g *AnnualGoal) int64 { return g.ID })
	}
	return nil
}

func find[R any](rows []R, id int64, idOf func(*R) int64) any {
	for i := range rows {
		if idOf(&rows[i]) == id {
			return &rows[i]
		}
	}
	return nil
}

// entityOf names the entity of a row type.
func entityOf(row any) string {
	switch row.(type) {
	case *Plan:
		return "plan"
	case *Activity:
		return "activity"
	case *Training:
		return "training"
	case *Checkpoint:
		return "checkpoint"
	case *System:
		return "system"
	case *AnnualGoal:
		return "annual_goal"
	}
	panic("domain: no entity for a field's row type")
}

// declared holds every field, in the order declared, and members how to reach each in a row.
// Both are filled while the package initialises and only read after.
var (
	declared []Field
	members  = map[Field]func(row any) any{}
)

func field[R any](name string, kind FieldKind, member func(*R) any) Field {
	return declare(name, kind, 0, member)
}

func number[R any](name string, u Unit, member func(*R) any) Field {
	return declare(name, NumberField, u, member)
}

func declare[R any](name string, kind FieldKind, u Unit, member func(*R) any) Field {
	f := Field{entity: entityOf((*R)(nil)), name: name, kind: kind, unit: u}
	for _, d := range declared {
		if d.entity == f.entity && d.name == f.name {
			panic("domain: field " + f.String() + " declared twice")
		}
	}
	declared = append(declared, f)
	members[f] = func(row any) any {
		if r, ok := row.(*R); ok && r != nil {
			return member(r)
		}
		return nil
	}
	return f
}

// followUp marks a declared field as one of the autumn follow-up.
func followUp(f Field) Field {
	g := f
	g.followUp = true
	return redeclare(f, g)
}

// decision marks a declared field as one of the board's decision on the plan.
func decision(f Field) Field {
	g := f
	g.decision = true
	return redeclare(f, g)
}

// redeclare replaces the declared field f by g, the same field marked.
func redeclare(f, g Field) Field {
	for i, d := range declared {
		if d == f {
			declared[i] = g
		}
	}
	members[g] = members[f]
	delete(members, f)
	return g
}

// Fields are all the declared fields, in the order declared.
func Fields() []Field { return append([]Field(nil), declared...) }

// FieldNamed finds a declared field by its entity and name, as a Problem or an Unparsed row
// names it (ok false when there is none).
func FieldNamed(entity, name string) (Field, bool) {
	for _, f := range declared {
		if f.entity == entity && f.name == name {
			return f, true
		}
	}
	return Field{}, false
}

// The fields of a plan.
var (
	FieldPlanResponsible  = field("responsible", TextField, func(p *Plan) any { return &p.Responsible })
	FieldPlanContact      = field("contact", TextField, func(p *Plan) any { return &p.Contact })
	FieldPlanDecisionDate = field("decision_date", DateField, func(p *Plan) any { return &p.DecisionDate })
	// The board's decision on the plan (Plan.Decision; data.Store.SetDecision records it whole)
	// and on its autumn follow-up (Plan.FollowUpDecision, part of that follow-up).
	FieldPlanDecisionDnr               = decision(field("decision_dnr", TextField, func(p *Plan) any { return &p.Decision.Dnr }))
	FieldPlanDecidedOn                 = decision(field("decided_on", DateField, func(p *Plan) any { return &p.Decision.Date }))
	FieldPlanDecisionBody              = decision(field("decision_body", TextField, func(p *Plan) any { return &p.Decision.Body }))
	FieldPlanDecisionParagraph         = decision(field("decision_paragraph", TextField, func(p *Plan) any { return &p.Decision.Paragraph }))
	FieldPlanFollowUpDecisionDnr       = followUp(field("followup_decision_dnr", TextField, func(p *Plan) any { return &p.FollowUpDecision.Dnr }))
	FieldPlanFollowUpDecisionDate      = followUp(field("followup_decision_date", DateField, func(p *Plan) any { return &p.FollowUpDecision.Date }))
	FieldPlanFollowUpDecisionBody      = followUp(field("followup_decision_body", TextField, func(p *Plan) any { return &p.FollowUpDecision.Body }))
	FieldPlanFollowUpDecisionParagraph = followUp(field("followup_decision_paragraph", TextField, func(p *Plan) any { return &p.FollowUpDecision.Paragraph }))
	// FieldPlanCheckResult and FieldPlanCheckText are the answer and the note of the policy's
	// three biennial checks (Plan.Checks; CheckActionsDone …).
	FieldPlanCheckResult = [3]Field{
		followUp(field("check0_result", TextField, func(p *Plan) any { return &p.Checks[0].Result })),
		followUp(field("check1_result", TextField, func(p *Plan) any { return &p.Checks[1].Result })),
		followUp(field("check2_result", TextField, func(p *Plan) any { return &p.Checks[2].Result })),
	}
	FieldPlanCheckText = [3]Field{
		followUp(field("check0_text", TextField, func(p *Plan) any { return &p.Checks[0].Text })),
		followUp(field("check1_text", TextField, func(p *Plan) any { return &p.Checks[1].Text })),
		followUp(field("check2_text", TextField, func(p *Plan) any { return &p.Checks[2].Text })),
	}
)

// The fields of an activity.
var (
	FieldActivityTitle           = field("title", TextField, func(a *Activity) any { return &a.Title })
	FieldActivityDescription     = field("description", TextField, func(a *Activity) any { return &a.Description })
	FieldActivityGoals           = field("goals", GoalsField, func(a *Activity) any { return &a.Goals })
	FieldActivityPriority        = field("priority", IntField, func(a *Activity) any { return &a.Priority })
	FieldActivityResponsible     = field("responsible", TextField, func(a *Activity) any { return &a.Responsible })
	FieldActivityStart           = field("start", DateField, func(a *Activity) any { return &a.Start })
	FieldActivityEnd             = field("end", DateField, func(a *Activity) any { return &a.End })
	FieldActivityInternalHours   = number("internal_hours", Hours, func(a *Activity) any { return &a.InternalHours })
	FieldActivityExternalHours   = number("external_hours", Hours, func(a *Activity) any { return &a.ExternalHours })
	FieldActivityOperatingCost   = number("operating_cost", Kronor, func(a *Activity) any { return &a.OperatingCost })
	FieldActivityInvestment      = number("investment", Kronor, func(a *Activity) any { return &a.Investment })
	FieldActivitySystems         = field("systems", SystemsField, func(a *Activity) any { return &a.SystemIDs })
	FieldActivityPosition        = field("position", IntField, func(a *Activity) any { return &a.Position })
	FieldActivityAnnualGoal      = field("annual_goal", RefField, func(a *Activity) any { return &a.AnnualGoalID })
	FieldActivityAreas           = field("areas", AreasField, func(a *Activity) any { return &a.Areas })
	FieldActivityStatus          = followUp(field("status", TextField, func(a *Activity) any { return &a.Status }))
	FieldActivityPercentDone     = followUp(number("percent_done", Percent, func(a *Activity) any { return &a.PercentDone }))
	FieldActivityActualHours     = followUp(number("actual_hours", Hours, func(a *Activity) any { return &a.ActualHours }))
	FieldActivityActualKronor    = followUp(number("actual_kronor", Kronor, func(a *Activity) any { return &a.ActualKronor }))
	FieldActivityFollowUpComment = followUp(field("follow_up_comment", TextField, func(a *Activity) any { return &a.FollowUpComment }))
)

// The fields of an information or training event.
var (
	FieldTrainingTitle                = field("title", TextField, func(t *Training) any { return &t.Title })
	FieldTrainingTargetGroup          = field("target_group", TextField, func(t *Training) any { return &t.TargetGroup })
	FieldTrainingFormat               = field("format", TextField, func(t *Training) any { return &t.Format })
	FieldTrainingKind                 = field("kind", TextField, func(t *Training) any { return &t.Kind })
	FieldTrainingDates                = field("dates", DatesField, func(t *Training) any { return &t.Dates })
	FieldTrainingResponsible          = field("responsible", TextField, func(t *Training) any { return &t.Responsible })
	FieldTrainingExpectedParticipants = number("expected_participants", Count, func(t *Training) any { return &t.ExpectedParticipants })
	FieldTrainingEvaluation           = field("evaluation", TextField, func(t *Training) any { return &t.Evaluation })
	FieldTrainingPosition             = field("position", IntField, func(t *Training) any { return &t.Position })
	FieldTrainingActualParticipants   = followUp(number("actual_participants", Count, func(t *Training) any { return &t.ActualParticipants }))
)

// The fields of a checkpoint of the follow-up plan.
var (
	FieldCheckpointDate     = field("date", DateField, func(c *Checkpoint) any { return &c.Date })
	FieldCheckpointMethod   = field("method", TextField, func(c *Checkpoint) any { return &c.Method })
	FieldCheckpointReportTo = field("report_to", TextField, func(c *Checkpoint) any { return &c.ReportTo })
	FieldCheckpointPosition = field("position", IntField, func(c *Checkpoint) any { return &c.Position })
	FieldCheckpointDone     = followUp(field("done", BoolField, func(c *Checkpoint) any { return &c.Done }))
)

// The fields of a system of the board's register.
var (
	FieldSystemName            = field("name", TextField, func(x *System) any { return &x.Name })
	FieldSystemDescription     = field("description", TextField, func(x *System) any { return &x.Description })
	FieldSystemOwner           = field("owner", TextField, func(x *System) any { return &x.Owner })
	FieldSystemConfidentiality = field("confidentiality", IntField, func(x *System) any { return &x.Confidentiality })
	FieldSystemIntegrity       = field("integrity", IntField, func(x *System) any { return &x.Integrity })
	FieldSystemAvailability    = field("availability", IntField, func(x *System) any { return &x.Availability })
	FieldSystemTraceability    = field("traceability", IntField, func(x *System) any { return &x.Traceability })
	FieldSystemBaselineMet     = field("baseline_met", BoolField, func(x *System) any { return &x.BaselineMet })
	FieldSystemSecurityPlan    = field("security_plan", TextField, func(x *System) any { return &x.SecurityPlan })
	FieldSystemSecurityPlanAt  = field("security_plan_at", DateField, func(x *System) any { return &x.SecurityPlanAt })
	FieldSystemRiskAnalysisAt  = field("risk_analysis_at", DateField, func(x *System) any { return &x.RiskAnalysisAt })
	FieldSystemContinuityAt    = field("continuity_at", DateField, func(x *System) any { return &x.ContinuityAt })
	FieldSystemRecoveryAt      = field("recovery_at", DateField, func(x *System) any { return &x.RecoveryAt })
	FieldSystemSensitive       = field("sensitive", BoolField, func(x *System) any { return &x.Sensitive })
	// FieldSystemClassifiedAt is when the classification was last made or reviewed (issue 14).
	FieldSystemClassifiedAt = field("classified_at", DateField, func(x *System) any { return &x.ClassifiedAt })
)

// The fields of an annual goal.
var (
	FieldAnnualGoalText            = field("text", TextField, func(g *AnnualGoal) any { return &g.Text })
	FieldAnnualGoalIndicator       = field("indicator", TextField, func(g *AnnualGoal) any { return &g.Indicator })
	FieldAnnualGoalTarget          = field("target", TextField, func(g *AnnualGoal) any { return &g.Target })
	FieldAnnualGoalTargetDate      = field("target_date", DateField, func(g *AnnualGoal) any { return &g.TargetDate })
	FieldAnnualGoalGoals           = field("goals", GoalsField, func(g *AnnualGoal) any { return &g.Goals })
	FieldAnnualGoalAreas           = field("areas", AreasField, func(g *AnnualGoal) any { return &g.Areas })
	FieldAnnualGoalPosition        = field("position", IntField, func(g *AnnualGoal) any { return &g.Position })
	FieldAnnualGoalOutcome         = followUp(field("outcome", TextField, func(g *AnnualGoal) any { return &g.Outcome }))
	FieldAnnualGoalMeasured        = followUp(field("measured", TextField, func(g *AnnualGoal) any { return &g.Measured }))
	FieldAnnualGoalLight           = followUp(field("light", TextField, func(g *AnnualGoal) any { return &g.Light }))
	FieldAnnualGoalFollowUpComment = followUp(field("follow_up_comment", TextField, func(g *AnnualGoal) any { return &g.FollowUpComment }))
)

// IsFollowUpField reports whether field of entity belongs to the autumn follow-up of a plan
// (Field.FollowUp of the declared field; false for any other name).
func IsFollowUpField(entity, name string) bool {
	f, ok := FieldNamed(entity, name)
	return ok && f.followUp
}

// CheckField is the field name of check i's answer (CheckActionsDone …).
func CheckField(i int) string { return FieldPlanCheckResult[i].name }
