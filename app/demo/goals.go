package demo

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"handlingsplan/domain"
)

// The demo's annual goals, decisions, follow-ups during the year, requirement-area tags and
// management training. They draw from a random stream of their own, so the rest of the demo
// (activities, resources, registers) is what it was before they existed.

// goalTpl is an annual goal as kommuner write them: what is to be reached, how it is measured,
// and the strategic goals it serves. An activity sits under the first template that shares one
// of its strategic goals.
type goalTpl struct {
	text, indicator, target string
	month, day              int // target date in the plan's year; 0: none
	goals                   []int
	areas                   []string
}

var annualGoalTpls = []goalTpl{
	{"Alla verksamhetskritiska system är klassade och riskanalyserade", "Andel verksamhetskritiska system med aktuell klassning och riskanalys",
		"100 %", 6, 30, []int{7}, []string{"csl-a"}},
	{"Incidenter förebyggs, rapporteras och följs upp enligt rutin", "Andel incidenter som rapporterats inom ett dygn",
		"100 %", 0, 0, []int{8}, []string{"csl-b"}},
	{"Verksamheten klarar avbrott i viktiga system", "Övade kontinuitets- och återställningsplaner",
		"En övad plan per verksamhetskritiskt system", 10, 31, []int{4}, []string{"csl-c"}},
	{"Avtal och leverantörer följer kommunens säkerhetskrav", "Andel biträdes- och molntjänstavtal som följts upp",
		"100 %", 0, 0, []int{3}, []string{"csl-d"}},
	{"Informationsförsörjningen är säker och behörigheterna är rätt", "Andel system med behörighetsgenomgång två gånger per år",
		"100 %", 0, 0, []int{2, 6}, []string{"csl-i"}},
	{"Investeringar i system och utrustning har tillräckligt skydd", "Andel upphandlingar och investeringar med säkerhetskrav",
		"100 %", 0, 0, []int{5}, []string{"csl-e"}},
	{"Alla medarbetare kan kommunens informationssäkerhetsregler", "Andel medarbetare som gått grundutbildningen",
		"90 %", 12, 15, []int{1}, []string{"csl-g"}},
}

// areaWords tag an activity with the requirement areas its title speaks of. The demo kommun
// has tagged no activity with cryptography (csl-h), so the overview has an area no plan covers.
var areaWords = []struct {
	code  string
	words []string
}{
	{"csl-a", []string{"riskanalys", "klassa", "klassning"}},
	{"csl-b", []string{"incident", "logganalys", "övervakning"}},
	{"csl-c", []string{"kontinuitet", "återställning", "säkerhetskopi", "krisledning"}},
	{"csl-d", []string{"avtal", "leverantör", "biträde"}},
	{"csl-e", []string{"upphandling", "sårbarhet", "e-tjänst"}},
	{"csl-f", []string{"granskning", "revisor", "ledningssystem"}},
	{"csl-g", []string{"utbildning", "introduktion", "phishing"}},
	{"csl-i", []string{"behörighet", "konton", "passerkontroll"}},
	{"csl-j", []string{"tvåfaktor", "flerfaktor", "säker digital post"}},
}

// managementTrainings are the events that train the management (ledningens utbildning).
var managementTrainings = map[string]bool{
	"Föreläsning om dataskydd och sekretess för chefer":   true,
	"Krisövning: IT-avbrott i verksamhetskritiskt system": true,
}

// dnrPrefix is each board's series in the registry (diariet).
var dnrPrefix = map[string]string{
	"Kommunstyrelsen": "KS", "Barn- och utbildningsnämnden": "BUN", "Socialnämnden": "SN", "Tekniska nämnden": "TN",
	"Bygg- och miljönämnden": "BMN", "Kultur- och fritidsnämnden": "KFN", "Räddningsnämnden": "RN",
	"Överförmyndarnämnden": "ÖFN", "Fastighets- och servicenämnden": "FSN",
}

// undecided is the board whose plan for N the board has not decided yet: its decision is still
// planned, so the overview shows one board without a decision.
const undecided = "Överförmyndarnämnden"

// extra is the random stream of this file's content, independent of the generator's.
func extra(b *boardInfo, year int) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte("annual goals " + b.name))
	return rand.New(rand.NewPCG(uint64(year), h.Sum64()))
}

// areasOf are the requirement areas an activity's title speaks of.
func areasOf(a domain.Activity) []string {
	text := strings.ToLower(a.Title)
	var out []string
	for _, aw := range areaWords {
		for _, w := range aw.words {
			if strings.Contains(text, w) {
				out = append(out, aw.code)
				break
			}
		}
	}
	return out
}

// annualGoals puts each activity of a plan under an annual goal and tags it with its areas;
// the plan's annual goals are the templates its activities use, in template order. Codes and
// goals the profile does not have are left out.
func (g *gen) annualGoals(year int, acts []domain.Activity) []domain.AnnualGoal {
	used := map[int]bool{}
	tplOf := make([]int, len(acts))
	for i, a := range acts {
		tplOf[i] = -1
		for k, t := range annualGoalTpls {
			if slices.ContainsFunc(t.goals, func(n int) bool { return slices.Contains(a.Goals, n) }) {
				tplOf[i] = k
				break
			}
		}
		if tplOf[i] >= 0 {
			used[tplOf[i]] = true
		}
	}
	ids := map[int]int64{}
	var out []domain.AnnualGoal
	for k, t := range annualGoalTpls {
		if !used[k] {
			continue
		}
		ag := domain.AnnualGoal{
			ID: nextID(&g.ids.goal), Position: len(out) + 1, Text: t.text, Indicator: t.indicator, Target: t.target,
			Goals: g.goals(t.goals), Areas: g.areas(t.areas),
		}
		if t.month > 0 {
			ag.TargetDate = date(year, t.month, t.day)
		}
		ids[k] = ag.ID
		out = append(out, ag)
	}
	for i := range acts {
		if tplOf[i] >= 0 {
			acts[i].AnnualGoalID = ids[tplOf[i]]
		}
		acts[i].Areas = g.areas(areasOf(acts[i]))
	}
	return out
}

// areas keeps the codes the profile has.
func (g *gen) areas(codes []string) []string {
	var out []string
	for _, c := range codes {
		if _, ok := g.prof.Area(c); ok {
			out = append(out, c)
		}
	}
	return out
}

// decide records the board's decision on a plan at its December meeting the year before.
func (g *gen) decide(d *domain.PlanData) {
	p := &d.Plan
	p.Decision = domain.Decision{
		Dnr:  fmt.Sprintf("%s %d/%d", dnrPrefix[g.b.name], p.Year-1, 100+g.x.IntN(400)),
		Date: p.DecisionDate, Body: g.b.name, Paragraph: fmt.Sprintf("§ %d", 80+g.x.IntN(140)),
	}
}

// decideFollowUp records the board's decision on a plan's autumn follow-up, in November.
func (g *gen) decideFollowUp(d *domain.PlanData) {
	d.Plan.FollowUpDecision = domain.Decision{
		Dnr:  fmt.Sprintf("%s %d/%d", dnrPrefix[g.b.name], d.Plan.Year, 500+g.x.IntN(400)),
		Date: date(d.Plan.Year, 11, 10+g.x.IntN(15)), Body: g.b.name, Paragraph: fmt.Sprintf("§ %d", 100+g.x.IntN(90)),
	}
}

// outcomes follows up the annual goals of a plan whose activities are followed up: met when
// every activity under it is done, partly when half of them are, otherwise not met; the light
// mostly follows, but a small gap may be judged yellow.
func (g *gen) outcomes(d *domain.PlanData) {
	for i := range d.AnnualGoals {
		ag := &d.AnnualGoals[i]
		under := domain.ActivitiesUnder(d.Activities, ag.ID)
		done := 0
		for _, a := range under {
			if a.Status == domain.ActivityDone {
				done++
			}
		}
		share := 100 * done / max(1, len(under))
		ag.Measured = fmt.Sprintf("%d %%", share)
		ag.Light = domain.LightNone
		switch {
		case done == len(under):
			ag.Outcome = domain.OutcomeMet
			ag.FollowUpComment = "Målet är nått."
		case 2*done >= len(under):
			ag.Outcome = domain.OutcomePartly
			ag.FollowUpComment = "Målet är delvis nått; det som återstår förs över till nästa års plan."
		default:
			ag.Outcome = domain.OutcomeNotMet
			ag.FollowUpComment = "Målet är inte nått."
			if g.x.IntN(3) == 0 {
				ag.Light = domain.LightYellow // a gap, but not a serious one
				ag.FollowUpComment = "Målet är inte nått, men arbetet är påbörjat och risken bedöms som begränsad."
			}
		}
	}
}

// outcomesEnded follows up the annual goals of this year's plan whose activities have all
// ended by the demo's today (the autumn follow-up is half done).
func (g *gen) outcomesEnded(d *domain.PlanData) {
	var ended []domain.AnnualGoal
	for _, ag := range d.AnnualGoals {
		all := true
		for _, a := range domain.ActivitiesUnder(d.Activities, ag.ID) {
			all = all && a.End.Before(g.now) && a.Status != domain.ActivityNotStarted
		}
		if all {
			ended = append(ended, ag)
		}
	}
	part := *d
	part.AnnualGoals = ended
	g.outcomes(&part)
	for _, e := range part.AnnualGoals {
		for i := range d.AnnualGoals {
			if d.AnnualGoals[i].ID == e.ID {
				d.AnnualGoals[i] = e
			}
		}
	}
}

// followUpOn is a follow-up on date of a plan whose activities will end with the statuses they
// have now: what had ended by then has its status, what had started is under way, the rest
// not started. Annual goals have an outcome once every activity under them has ended.
func followUpOn(d domain.PlanData, on time.Time, closing bool, comment string) domain.FollowUp {
	f := domain.FollowUp{Date: on, Closing: closing, Comment: comment}
	ended := map[int64]bool{}
	for _, a := range d.Activities {
		m := domain.ActivityMark{Activity: a.ID, Status: a.Status, PercentDone: a.PercentDone}
		switch {
		case closing || !a.End.After(on):
			ended[a.ID] = true
		case a.Status == domain.ActivityPaused || a.Status == domain.ActivityDropped:
		case a.Start.After(on):
			m.Status, m.PercentDone = domain.ActivityNotStarted, 0
		default:
			m.Status, m.PercentDone = domain.ActivityInProgress, min(a.PercentDone, 50)
		}
		f.Activities = append(f.Activities, m)
	}
	for _, ag := range d.AnnualGoals {
		m := domain.GoalMark{Goal: ag.ID}
		all := true
		for _, a := range domain.ActivitiesUnder(d.Activities, ag.ID) {
			all = all && ended[a.ID]
		}
		if all {
			m.Outcome, m.Measured, m.Light = ag.Outcome, ag.Measured, ag.Light
		}
		f.Goals = append(f.Goals, m)
	}
	return f
}

// pause pauses one activity under way in this year's half-done follow-up, in about a third of
// the boards: paused work past its end date shows as försenad.
func (g *gen) pause(d *domain.PlanData) {
	going := 0
	for _, a := range d.Activities {
		if a.Status == domain.ActivityInProgress {
			going++
		}
	}
	// One stays in progress, so next year's plan has something to carry over.
	if g.x.IntN(3) != 0 || going < 2 {
		return
	}
	for i := range d.Activities {
		a := &d.Activities[i]
		if a.Status == domain.ActivityInProgress {
			a.Status = domain.ActivityPaused
			a.FollowUpComment = fmt.Sprintf("Pausad i väntan på kommungemensam upphandling; återupptas %d.", d.Plan.Year+1)
			return
		}
	}
}

// kinds marks the management training among a plan's events.
func kinds(ts []domain.Training) {
	for i := range ts {
		ts[i].Kind = domain.TrainingGeneral
		if managementTrainings[ts[i].Title] {
			ts[i].Kind = domain.TrainingManagement
		}
	}
}
