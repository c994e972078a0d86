package report

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"handlingsplan/assets"
	"handlingsplan/domain"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func testProfile(t testing.TB) domain.Profile {
	t.Helper()
	var p domain.Profile
	if err := json.Unmarshal(assets.DefaultProfile, &p); err != nil {
		t.Fatalf("default profile: %v", err)
	}
	return p
}

// longDescription is a "how" text long enough to wrap over many lines of the activity
// table, full of long Swedish compounds that must never be split.
const longDescription = "Förvaltningen genomför en fullständig informationsklassning enligt KLASSA av " +
	"verksamhetssystemen inom äldreomsorgen och individ- och familjeomsorgen. Arbetet leds av " +
	"informationssäkerhetssamordnaren tillsammans med systemförvaltarna och verksamhetsutvecklarna. " +
	"Varje system gås igenom på en workshop där informationsägaren, systemägaren och en representant " +
	"från IT-enheten deltar. Resultatet dokumenteras i förteckningen, och för system med allvarlig eller " +
	"synnerligen allvarlig konsekvens tas en fördjupad systemsäkerhetsplan fram. Riskanalyserna " +
	"uppdateras, kontinuitetsplanerna övas och återställningsplanerna provas i en gemensam övning " +
	"med kommunens krisledningsorganisation under hösten. Därefter följs åtgärderna upp i " +
	"nämndens internkontrollplan och avrapporteras till kommunstyrelsen."

func demoActivities(year int) []domain.Activity {
	type a = domain.Activity
	acts := []a{
		{Title: "Informationsklassning av verksamhetssystem i äldreomsorgen", Description: longDescription,
			Goals: []int{2, 5, 7}, Priority: domain.PriorityHigh, Responsible: "Åsa Öberg, förvaltningschef",
			Start: day(year, 2, 1), End: day(year, 11, 30), InternalHours: 320, ExternalHours: 80, OperatingCost: 120000, Investment: 0},
		{Title: "E-utbildning i informationssäkerhet för all personal", Description: "Alla medarbetare genomför kommunens e-utbildning; cheferna följer upp på arbetsplatsträffar.",
			Goals: []int{1}, Priority: domain.PriorityHigh, Responsible: "René Lindström, HR-strateg",
			Start: day(year, 3, 1), End: day(year, 5, 31), InternalHours: 400, ExternalHours: 0, OperatingCost: 45000},
		{Title: "Översyn av behörigheter i Treserva", Description: "Behörigheterna jämförs mot befattningar; inaktuella konton tas bort.",
			Goals: []int{2, 8}, Priority: domain.PriorityMedium, Responsible: "Systemförvaltare Jörgen Åkesson",
			Start: day(year, 1, 10), End: day(year, 2, 28), InternalHours: 60},
		{Title: "Genomgång av personuppgiftsbiträdesavtal", Description: "Alla avtal med leverantörer som behandlar personuppgifter gås igenom med juridik.",
			Goals: []int{3}, Priority: domain.PriorityMedium, Responsible: "Kommunjurist Émilie Håkansson",
			Start: day(year, 3, 15), End: day(year, 6, 15), InternalHours: 80, ExternalHours: 20, OperatingCost: 15000},
		{Title: "Krisövning: bortfall av verksamhetssystem", Description: "Skrivbordsövning med ledningsgruppen kring ett långvarigt avbrott i journalsystemet.",
			Goals: []int{4, 8}, Priority: domain.PriorityHigh, Responsible: "Säkerhetssamordnare Göran Ek",
			Start: day(year, 9, 20), End: day(year, 9, 24), InternalHours: 90, ExternalHours: 24, OperatingCost: 38000},
		{Title: "Skydd av mobila enheter", Description: "Alla surfplattor i hemtjänsten förs in i den centrala enhetshanteringen.",
			Goals: []int{5, 6}, Priority: domain.PriorityMedium, Responsible: "IT-enheten",
			Start: day(year, 4, 1), End: day(year, 10, 31), InternalHours: 120, ExternalHours: 40, OperatingCost: 30000, Investment: 250000},
		{Title: "Segmentering av verksamhetsnätet", Description: "Medicintekniska produkter flyttas till ett eget nätsegment.",
			Goals: []int{6}, Priority: domain.PriorityLow, Responsible: "IT-enheten",
			Start: day(year, 8, 15), End: day(year+1, 2, 28), InternalHours: 60, ExternalHours: 120, OperatingCost: 0, Investment: 180000},
		{Title: "Hotbildsanalys för journalsystemet", Description: "Hotbilden analyseras tillsammans med leverantören och dokumenteras.",
			Goals: []int{7}, Priority: domain.PriorityMedium, Responsible: "Åsa Öberg",
			Start: day(year, 5, 2), End: day(year, 5, 20), InternalHours: 40, ExternalHours: 16, OperatingCost: 22000},
		{Title: "Rutin för incidentrapportering", Description: "Rutinen för att rapportera informationssäkerhetsincidenter uppdateras och sprids.",
			Goals: []int{8, 1}, Priority: domain.PriorityLow, Responsible: "Kvalitetsutvecklare",
			Start: day(year, 10, 1), End: day(year, 12, 15), InternalHours: 30},
		{Title: "Kontinuitetsplan för hemtjänstens planering", Description: "Planen tas fram och övas med enhetscheferna.",
			Goals: []int{4}, Priority: domain.PriorityMedium, Responsible: "Enhetschef Björn Nyström",
			Start: day(year, 6, 1), End: day(year, 6, 1), InternalHours: 24},
		{Title: "Dokumenthanteringsplan revideras", Description: "Arkivarien och verksamheten ser över gallringsfrister.",
			Goals: []int{2}, Priority: domain.PriorityLow, Responsible: "Arkivarie",
			InternalHours: 50},
		{Title: "Informationssäkerhet vid upphandling", Description: "Krav på informationssäkerhet förs in i mallen för upphandlingsunderlag.",
			Goals: []int{3, 5}, Priority: domain.PriorityMedium, Responsible: "Upphandlare",
			Start: day(year, 11, 1), End: day(year, 12, 31), InternalHours: 30, OperatingCost: 5000},
	}
	for i := range acts {
		acts[i].Position = i + 1
	}
	return acts
}

func demoPlan(year int) domain.PlanData {
	d := domain.PlanData{
		Plan: domain.Plan{
			Board: "Vård- och omsorgsnämnden", Year: year, Status: domain.PlanReady, Version: 3,
			Responsible: "Åsa Öberg, förvaltningschef", Contact: "René Lindström",
			DecisionDate: day(year-1, 11, 19), Decision: domain.Decision{Paragraph: "§ 142"},
		},
		Activities: demoActivities(year),
		Trainings: []domain.Training{
			{Position: 1, Title: "Grundutbildning i informationssäkerhet", TargetGroup: "Alla medarbetare", Format: domain.FormatELearning,
				Dates: []time.Time{day(year, 3, 1), day(year, 9, 1)}, Responsible: "HR-strateg", ExpectedParticipants: 850,
				Evaluation: "Andel som klarat kunskapstestet; enkät efter kursen."},
			{Position: 2, Title: "Informationssäkerhet på arbetsplatsträff", TargetGroup: "Enhetschefer och deras medarbetare", Format: domain.FormatAPT,
				Dates: []time.Time{day(year, 4, 12)}, Responsible: "Enhetscheferna", ExpectedParticipants: 600, Evaluation: "Protokoll från arbetsplatsträffarna."},
			{Position: 3, Title: "Krisövning för ledningsgruppen", TargetGroup: "Förvaltningens ledningsgrupp", Format: domain.FormatExercise,
				Dates: []time.Time{day(year, 9, 22)}, Responsible: "Göran Ek", ExpectedParticipants: 14, Evaluation: "Utvärderingsseminarium direkt efter övningen."},
			{Position: 4, Title: "Nyhetsbrev om nätfiske", TargetGroup: "Alla medarbetare", Format: domain.FormatIntranet,
				Dates: []time.Time{day(year, 2, 15), day(year, 6, 15), day(year, 11, 15)}, Responsible: "Kommunikatör", ExpectedParticipants: 1200, Evaluation: "Antal läsningar på intranätet."},
		},
		Checkpoints: []domain.Checkpoint{
			{Position: 1, Date: day(year, 4, 30), Method: "Delårsuppföljning av åtgärdernas status i ledningsgruppen.", ReportTo: "Förvaltningens ledningsgrupp"},
			{Position: 2, Date: day(year, 8, 31), Method: "Delårsrapport med status och resursutfall.", ReportTo: "Vård- och omsorgsnämnden"},
			{Position: 3, Date: day(year, 10, 31), Method: "Höstens uppföljning och utvärdering av hela planen; underlag till nästa års plan.", ReportTo: "Nämnden och kommunstyrelsen"},
		},
		Systems: []domain.System{
			{Name: "Treserva", Description: "Verksamhetssystem för social dokumentation", Owner: "Förvaltningschef Åsa Öberg",
				Confidentiality: 4, Integrity: 3, Availability: 3, Traceability: 3, BaselineMet: true,
				SecurityPlan: domain.SecurityPlanDeepened, SecurityPlanAt: day(year-1, 5, 12), RiskAnalysisAt: day(year-1, 3, 2),
				ContinuityAt: day(year-1, 9, 1), RecoveryAt: day(year-2, 11, 20), Sensitive: true},
			{Name: "Planeringsverktyg för hemtjänsten", Description: "Schemaläggning och besöksplanering", Owner: "Enhetschef Björn Nyström",
				Confidentiality: 2, Integrity: 2, Availability: 3, Traceability: 1, BaselineMet: false,
				SecurityPlan: domain.SecurityPlanBase, SecurityPlanAt: day(year-1, 2, 1), RiskAnalysisAt: day(year-1, 1, 15)},
			{Name: "Intranätet", Owner: "Kommunikationschef", Confidentiality: 0, Integrity: 1, Availability: 1, Traceability: -1,
				SecurityPlan: domain.SecurityPlanNone},
		},
	}
	prev := domain.PlanData{Plan: domain.Plan{Board: d.Plan.Board, Year: year - 1, Status: domain.PlanClosed, Version: 2,
		Checks: [3]domain.Check{
			{Result: domain.CheckYes, Text: "Alla beslutade åtgärder utom två är genomförda; de återstående förs över till nästa år."},
			{Result: domain.CheckPartly, Text: "Målen följdes upp i delårsrapporten men inte i årsredovisningen."},
			{Result: domain.CheckUnanswered},
		}}}
	for i, a := range demoActivities(year - 1)[:6] {
		switch i % 3 {
		case 0:
			a.Status, a.PercentDone = domain.ActivityDone, 100
		case 1:
			a.Status, a.PercentDone = domain.ActivityInProgress, 60
		default:
			a.Status, a.PercentDone = domain.ActivityDropped, 0
		}
		a.ActualHours = a.TotalHours() * int64(a.PercentDone) / 100
		a.ActualKronor = a.TotalKronor() * int64(a.PercentDone) / 100
		a.FollowUpComment = fmt.Sprintf("Kommentar %d: arbetet gick enligt plan, men ärendehanteringen försenades i början av året.", i+1)
		prev.Activities = append(prev.Activities, a)
	}
	prev.Trainings = d.Trainings[:2]
	prev.Trainings[0].ActualParticipants = 790
	d.Previous = &prev
	return d
}

// stressPlan has n activities spread over the year, many spanning quarters.
func stressPlan(year, n int) domain.PlanData {
	d := demoPlan(year)
	base := demoActivities(year)
	d.Activities = nil
	for i := range n {
		a := base[i%len(base)]
		a.Position = i + 1
		a.Title = fmt.Sprintf("%s (del %d)", a.Title, i+1)
		if !a.Start.IsZero() {
			a.Start = day(year, time.Month(1+i%12), 1+i%27)
			a.End = a.Start.AddDate(0, 1+i%5, i%20)
		}
		d.Activities = append(d.Activities, a)
	}
	return d
}

// hoursOnlyPlan costs no money, so one of the resource charts is empty.
func hoursOnlyPlan(year int) domain.PlanData {
	d := demoPlan(year)
	for i := range d.Activities {
		d.Activities[i].OperatingCost, d.Activities[i].Investment = 0, 0
	}
	d.Previous = nil
	return d
}

func emptyPlan(year int) domain.PlanData {
	return domain.PlanData{Plan: domain.Plan{Board: "Överförmyndarnämnden", Year: year, Status: domain.PlanDraft, Version: 1}}
}

var testSignature = &Signature{
	Name: "Åsa Öberg", Title: "Förvaltningschef", Email: "asa.oberg@exempelkommun.se",
	Fingerprint: "3F2A 9C11 07BE 44D0 A1E3 5B6C 9D20 7E81 C4F5 0A3B 6E19 D2C8 75F0 1B4A 8E3D 92C6",
	Issuer:      "Exempelkommuns signeringscertifikat (utfärdat i Handlingsplan)",
	SignedAt:    time.Date(2026, 11, 20, 14, 5, 0, 0, time.UTC),
}
