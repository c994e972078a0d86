package demo

import "handlingsplan/domain"

// The demo kommun's content. It is Swedish on purpose: it is example data a Swedish official
// should recognise, not user-interface text, so it does not go through i18n.

// size sets the order of magnitude of an activity's resources and duration.
type size int

const (
	small size = iota
	medium
	large
)

// anySystem in an activity template's system list means "one or two systems of the board's
// register, chosen by the generator" (for shared activities such as classification).
const anySystem = "*"

// actTpl is an activity as the generator knows it before dates, resources and ids are drawn.
type actTpl struct {
	title   string
	how     string
	resp    string // role title; "" means the board's head (förvaltningschef or similar)
	size    size
	goals   []int
	systems []string // names in the board's register, or anySystem
	invest  bool     // the activity buys something (licences, hardware)
	minYear int      // first plan year the activity makes sense (a law in force), 0 always
}

// sysTpl is a register entry before its dates are drawn. Levels are K, R, T, S on the 0–4
// scale, -1 when the system is not yet classified.
type sysTpl struct {
	name, desc, owner string
	k, r, t, s        int
	sensitive         bool
}

// trainTpl is an information or training event.
type trainTpl struct {
	title, target string
	format        domain.TrainingFormat
	resp          string
	share         int // expected participants as per cent of the board's staff (0: use fixed)
	fixed         int // expected participants, capped by the staff
	eval          string
	months        []int // months the event may be held in
	sessions      int   // number of dates
}

// boardInfo is everything board-specific.
type boardInfo struct {
	name     string
	office   string // förvaltning
	head     string // role of the information owner
	meeting  string // to whom the board-level follow-up is reported
	contact  string // the plan's contact person's role ("" means Nämndsekreterare)
	staff    int
	flawed   bool // its N+1 draft carries deliberate problems for the wizard's review step
	systems  []sysTpl
	acts     []actTpl
	training []trainTpl
}

// sharedActs are activities every board may have in its plan.
var sharedActs = []actTpl{
	{"Informationsklassa verksamhetssystemen med KLASSA",
		"Informationsägaren och systemförvaltarna klassar informationen i verksamhetssystemen med KLASSA, med stöd av informationssäkerhetssamordnaren. Resultatet förs in i förteckningen och styr vilka skyddsåtgärder som krävs.",
		"", medium, []int{2, 7}, []string{anySystem}, false, 0},
	{"Införa tvåfaktorsinloggning för distansarbete",
		"All inloggning till e-post och verksamhetssystem utanför kommunens nät ska kräva tvåfaktorsautentisering. IT-enheten inför lösningen i etapper och förvaltningen informerar berörda medarbetare före varje etapp.",
		"IT-samordnare", medium, []int{6, 8}, nil, true, 0},
	{"Revidera dokumenthanteringsplanen",
		"Arkivarien går igenom dokumenthanteringsplanen tillsammans med verksamheten så att nya system, e-tjänster och handlingstyper kommer med. Gallringsfrister och sekretessmarkeringar ses över.",
		"Arkivarie", small, []int{2, 3}, nil, false, 0},
	{"Granska personuppgiftsbiträdesavtal",
		"Förvaltningens personuppgiftsbiträdesavtal inventeras och jämförs med kommunens mall. Avtal som saknas eller brister kompletteras i samråd med dataskyddsombudet och upphandlingsenheten.",
		"Dataskyddsombud", small, []int{3}, []string{anySystem}, false, 0},
	{"Riskanalys för verksamhetskritiska system",
		"Riskanalys enligt kommunens metod genomförs för de system som har höga krav på tillgänglighet eller konfidentialitet. Åtgärder som inte ryms i år förs in i nästa års handlingsplan.",
		"Systemförvaltare", medium, []int{7, 8}, []string{anySystem}, false, 0},
	{"Kontinuitetsplan vid IT-avbrott",
		"Verksamheten beskriver hur arbetet bedrivs när viktiga system inte fungerar: reservrutiner, blanketter på papper och kontaktlistor. Planen övas minst en gång under året.",
		"", medium, []int{4}, []string{anySystem}, false, 0},
	{"Behörighetsgenomgång i verksamhetssystemen",
		"Systemförvaltarna går två gånger per år igenom alla behörigheter och tar bort konton för personal som slutat eller bytt tjänst. Avvikelser rapporteras till informationsägaren.",
		"Systemförvaltare", small, []int{2, 8}, []string{anySystem}, false, 0},
	{"Informationssäkerhet i introduktionen för nyanställda",
		"Introduktionen för nyanställda kompletteras med kommunens grundutbildning i informationssäkerhet och en genomgång av förvaltningens egna rutiner. Närmaste chef bekräftar att utbildningen är genomförd.",
		"HR-konsult", small, []int{1}, nil, false, 0},
	{"Rutin för rapportering av informationssäkerhetsincidenter",
		"En enkel rutin för hur medarbetare rapporterar incidenter och personuppgiftsincidenter tas fram och publiceras på intranätet. Incidenterna sammanställs och följs upp i ledningsgruppen varje kvartal.",
		"Informationssäkerhetssamordnare", small, []int{1, 8}, nil, false, 0},
	{"Uppdatera förteckningen över informationstillgångar",
		"Förteckningen över system och informationskanaler med informationsägare gås igenom och uppdateras. Nya e-tjänster och molntjänster läggs till och avvecklade system tas bort.",
		"Systemförvaltare", small, []int{2, 7}, nil, false, 0},
	{"Test av säkerhetskopiering och återställning",
		"Återställning från säkerhetskopia provas för förvaltningens viktigaste system och tiden mäts. Resultatet jämförs med verksamhetens krav på tillgänglighet i klassningen.",
		"IT-samordnare", small, []int{4, 5}, []string{anySystem}, false, 0},
	{"Anpassa arbetet till cybersäkerhetslagen",
		"Förvaltningen jämför sitt arbetssätt med cybersäkerhetslagens krav på riskhantering, incidentrapportering och ledningens ansvar. Luckorna beskrivs i en åtgärdslista som ledningsgruppen prioriterar.",
		"", medium, []int{2, 7, 8}, nil, false, 2026},
	{"Säker digital post för sekretessbelagd information",
		"Förvaltningen kartlägger när sekretessbelagd information skickas till enskilda och andra myndigheter och inför säker digital post, eftersom sådan information inte får skickas med vanlig e-post.",
		"IT-samordnare", medium, []int{2, 6}, nil, true, 0},
	{"Kryptering av bärbara datorer och mobilhantering",
		"Alla bärbara datorer krypteras och tjänstetelefoner ansluts till kommunens system för mobilhantering. Enheter som inte klarar kraven byts ut.",
		"IT-samordnare", medium, []int{5, 8}, nil, true, 0},
	{"Se över fysiskt skydd av arkiv och tekniska utrymmen",
		"Lås, larm och passerkontroll till arkiv och tekniska utrymmen ses över tillsammans med fastighetsförvaltningen. Brister åtgärdas direkt eller förs in i underhållsplanen.",
		"Säkerhetssamordnare", small, []int{5}, nil, false, 0},
	{"Följa upp säkerhetskrav i avtal om molntjänster",
		"Förvaltningens molntjänster följs upp mot avtalens krav på säkerhet, överföring till tredje land och incidentrapportering. Avvikelser tas upp på leverantörsmötena.",
		"Upphandlare", small, []int{3, 6}, []string{anySystem}, false, 0},
}

// sharedTrainings are the information and training events every board may hold.
var sharedTrainings = []trainTpl{
	{"Grundutbildning i informationssäkerhet (e-learning)", "Alla medarbetare", domain.FormatELearning,
		"Informationssäkerhetssamordnare", 90, 0,
		"Andel medarbetare som slutfört kursen enligt lärplattformens statistik, redovisad per enhet.", []int{2, 3, 9}, 2},
	{"Workshop: informationsklassning med KLASSA", "Informationsägare, systemförvaltare och verksamhetsutvecklare", domain.FormatWorkshop,
		"Informationssäkerhetssamordnare", 0, 12,
		"Kort enkät efter workshopen och antal system som klassats i förteckningen efteråt.", []int{2, 3, 4, 9, 10}, 2},
	{"Informationssäkerhet på arbetsplatsträffar", "Alla medarbetare via sina chefer", domain.FormatAPT,
		"Enhetschefer", 75, 0,
		"Cheferna rapporterar genomförd arbetsplatsträff i ledningsgruppen; frågor från medarbetarna samlas in och besvaras på intranätet.", []int{3, 4, 10, 11}, 1},
	{"Krisövning: IT-avbrott i verksamhetskritiskt system", "Förvaltningens krisledningsgrupp", domain.FormatExercise,
		"Säkerhetssamordnare", 0, 10,
		"Utvärderingsmöte direkt efter övningen och en skriftlig övningsrapport med förbättringsåtgärder.", []int{4, 5, 9, 10}, 1},
	{"Phishing-övning med simulerade e-postmeddelanden", "Alla medarbetare med e-post", domain.FormatExercise,
		"IT-samordnare", 85, 0,
		"Andelen som klickade respektive rapporterade meddelandet jämförs med föregående omgång.", []int{3, 5, 9, 11}, 2},
	{"Föreläsning om dataskydd och sekretess för chefer", "Chefer och arbetsledare", domain.FormatLecture,
		"Dataskyddsombud", 7, 0,
		"Utvärderingsformulär efter föreläsningen.", []int{2, 3, 9, 10}, 1},
	{"Månadens säkerhetstips på intranätet", "Alla medarbetare", domain.FormatIntranet,
		"Kommunikatör", 100, 0,
		"Antal visningar på intranätet och antal frågor till IT-servicedesk om ämnet.", []int{1, 4, 9}, 3},
}

// boards is the demo kommun, in the order of the policy README.
var boards = []boardInfo{
	{
		name: "Kommunstyrelsen", office: "Kommunledningsförvaltningen", head: "Kommundirektör",
		meeting: "Kommunstyrelsens arbetsutskott", contact: "Kommunsekreterare", staff: 260,
		systems: []sysTpl{
			{"Ärende- och dokumenthanteringssystem", "Diarium, ärenden och protokoll för kommunstyrelsen och nämnderna.", "Kanslichef", 2, 3, 2, 3, false},
			{"Ekonomisystem", "Redovisning, leverantörsfakturor och budget.", "Ekonomichef", 2, 3, 2, 3, false},
			{"Lönesystem och personalsystem", "Löner, anställningar, frånvaro och rehabiliteringsärenden.", "HR-chef", 3, 3, 2, 3, true},
			{"E-arkiv", "Slutarkiv för digitala handlingar från kommunens verksamhetssystem.", "Kommunarkivarie", 2, 4, 1, 4, false},
			{"Kommunens webbplats och intranät", "Information till invånare och medarbetare.", "Kommunikationschef", 0, 2, 2, 1, false},
			{"E-post och samarbetsplattform", "E-post, kalender, chatt och delade dokument för alla medarbetare.", "IT-chef", 2, 2, 3, 2, false},
		},
		acts: []actTpl{
			{"Kommunövergripande krisledningsövning med IT-avbrott",
				"Kommunens krisledning övar ett längre avbrott i e-post och ärendehantering tillsammans med förvaltningarnas krisledningsgrupper. Övningen utvärderas och åtgärder fördelas till nämnderna.",
				"Säkerhetschef", medium, []int{4}, []string{"E-post och samarbetsplattform"}, false, 0},
			{"Införa e-arkiv för avslutade ärenden",
				"Avslutade ärenden i diariet levereras till e-arkivet enligt dokumenthanteringsplanen. Leveransen testas först med ett års ärenden.",
				"Kommunarkivarie", large, []int{2, 5}, []string{"E-arkiv", "Ärende- och dokumenthanteringssystem"}, true, 0},
			{"Segmentera kommunens nätverk",
				"Kontorsnät, gästnät, skolnät och tekniska system delas upp i separata nätsegment med brandväggsregler emellan. Arbetet görs byggnad för byggnad.",
				"IT-chef", large, []int{6, 8}, nil, true, 0},
			{"Logganalys och övervakning av säkerhetshändelser",
				"Loggar från brandväggar, servrar och e-post samlas i en tjänst för säkerhetsövervakning. Larm går till IT-enhetens jour och följs upp varje vecka.",
				"IT-chef", large, []int{7, 8}, []string{"E-post och samarbetsplattform"}, true, 0},
			{"Informationssäkerhetsgranskning av lönesystemet",
				"Behörigheter, loggning och utlämning av löneuppgifter i lönesystemet granskas med stöd av extern revisor. Brister åtgärdas i samråd med leverantören.",
				"HR-chef", medium, []int{2, 3}, []string{"Lönesystem och personalsystem"}, false, 0},
			{"Ledningssystem för informationssäkerhet",
				"Kommunens styrdokument, roller och årshjul för informationssäkerhetsarbetet samlas i ett ledningssystem enligt SS-EN ISO/IEC 27001. Kommunstyrelsen fastställer årshjulet.",
				"Informationssäkerhetssamordnare", medium, []int{1, 2}, nil, false, 0},
			{"Säkra kommunens webbplats och e-tjänster",
				"Webbplatsen och e-tjänsterna sårbarhetsskannas varje kvartal och publiceringsbehörigheterna ses över. Funna sårbarheter åtgärdas inom avtalad tid av leverantören.",
				"Kommunikationschef", small, []int{6, 8}, []string{"Kommunens webbplats och intranät"}, false, 0},
		},
	},
	{
		name: "Barn- och utbildningsnämnden", office: "Barn- och utbildningsförvaltningen", head: "Förvaltningschef",
		meeting: "Nämnden", staff: 1800,
		systems: []sysTpl{
			{"Elevdokumentation", "Dokumentation om elever, åtgärdsprogram och särskilt stöd.", "Förvaltningschef", 3, 3, 2, 3, true},
			{"Skolplattform", "Närvaro, schema, omdömen och kontakt med vårdnadshavare.", "Förvaltningschef", 2, 2, 3, 2, false},
			{"Elevhälsans journalsystem", "Journaler för skolsköterskor, skolläkare, kuratorer och psykologer.", "Verksamhetschef elevhälsa", 4, 3, 2, 4, true},
			{"Schemaläggningssystem", "Scheman för skolor, lärare och lokaler.", "Administrativ chef", 1, 2, 2, 1, false},
			{"Lärplattform och elevkonton", "Elevernas molnkonton, uppgifter och digitala läromedel.", "IT-pedagog", 2, 2, 3, 2, false},
			{"Barnomsorgssystem", "Köer, placeringar och avgifter i förskola och fritidshem.", "Administrativ chef", 2, 3, 2, 2, false},
		},
		acts: []actTpl{
			{"Behörighetsstyrning i elevdokumentationen",
				"Behörigheterna i elevdokumentationen knyts till tjänst och skolenhet så att personal bara ser de elever de arbetar med. Rektorerna godkänner behörighetslistorna varje termin.",
				"Systemförvaltare elevdokumentation", medium, []int{2, 8}, []string{"Elevdokumentation"}, false, 0},
			{"Rutin för elev- och vårdnadshavarkonton i skolplattformen",
				"Konton skapas och avslutas automatiskt utifrån folkbokföring och skolplacering. Skyddade personuppgifter hanteras manuellt enligt särskild rutin.",
				"IT-pedagog", small, []int{2, 6}, []string{"Skolplattform"}, false, 0},
			{"Säker hantering av elevhälsans journaler",
				"Elevhälsans journaler flyttas från delade mappar till journalsystemet och logguppföljning införs. Verksamhetschefen följer upp loggarna varje månad.",
				"Verksamhetschef elevhälsa", medium, []int{2, 7}, []string{"Elevhälsans journalsystem"}, false, 0},
			{"Konsekvensbedömning av lärplattformen",
				"En konsekvensbedömning enligt dataskyddsförordningen görs för lärplattformen och elevkontona, med fokus på överföring till tredje land. Resultatet styr vilka tjänster som får användas.",
				"Dataskyddsombud", medium, []int{3, 7}, []string{"Lärplattform och elevkonton"}, false, 0},
			{"Säkra elevernas och lärarnas digitala enheter",
				"Elevdatorer och lärardatorer ansluts till central enhetshantering med automatiska uppdateringar. Borttappade enheter kan spärras på distans.",
				"IT-samordnare", large, []int{5, 8}, nil, true, 0},
			{"Reservrutiner för närvaro och schema vid IT-avbrott",
				"Skolorna tar fram utskrivna klasslistor, nödkontakter och scheman som uppdateras varje månad. Rutinen provas på en skola per termin.",
				"Administrativ chef", small, []int{4}, []string{"Schemaläggningssystem", "Skolplattform"}, false, 0},
		},
		training: []trainTpl{
			{"Dataskydd i klassrummet: molntjänster och appar", "Lärare och förskollärare", domain.FormatLecture,
				"IT-pedagog", 30, 0,
				"Deltagarna svarar på en enkät och rektorerna följer upp att bara godkända appar används.", []int{1, 2, 8, 9}, 2},
		},
	},
	{
		name: "Socialnämnden", office: "Socialförvaltningen", head: "Förvaltningschef",
		meeting: "Nämnden", staff: 1400,
		systems: []sysTpl{
			{"Verksamhetssystem för individ- och familjeomsorg", "Utredningar, beslut och journaler inom IFO och LSS (Procapita).", "Förvaltningschef", 4, 3, 3, 4, true},
			{"Journalsystem hemsjukvård", "Patientjournal för sjuksköterskor, arbetsterapeuter och fysioterapeuter.", "Medicinskt ansvarig sjuksköterska", 4, 4, 4, 4, true},
			{"Planeringssystem för hemtjänsten", "Besöksplanering, nyckelhantering och tidrapportering i hemtjänsten.", "Verksamhetschef hemtjänst", 3, 3, 4, 3, true},
			{"Digitala trygghetslarm", "Larm från brukare till larmcentral och hemtjänstens nattpatrull.", "Verksamhetschef hemtjänst", 2, 4, 4, 3, false},
			{"Läkemedelshantering med digital signering", "Signering av given läkemedelsdos i ordinärt och särskilt boende.", "Medicinskt ansvarig sjuksköterska", 3, 4, 3, 4, true},
		},
		acts: []actTpl{
			{"Kontinuitetsplan för IT-avbrott i hemtjänsten",
				"Hemtjänsten tar fram reservrutiner för besöksplanering, nycklar och larm när planeringssystemet eller mobilerna inte fungerar. Rutinen övas med en grupp under en helg.",
				"Verksamhetschef hemtjänst", medium, []int{4}, []string{"Planeringssystem för hemtjänsten", "Digitala trygghetslarm"}, false, 0},
			{"Logguppföljning i journalsystemet",
				"Systematisk kontroll av vem som tagit del av patientjournaler införs enligt patientdatalagen. Stickprov görs varje månad och avvikelser rapporteras till verksamhetschefen.",
				"Medicinskt ansvarig sjuksköterska", small, []int{7, 8}, []string{"Journalsystem hemsjukvård"}, false, 0},
			{"Behörighetsprofiler i verksamhetssystemet för IFO",
				"Behörighetsprofilerna ses över så att handläggare bara når ärenden i sin egen enhet. Skyddade personuppgifter får en särskild åtkomstnivå.",
				"Systemförvaltare Procapita", medium, []int{2, 8}, []string{"Verksamhetssystem för individ- och familjeomsorg"}, false, 0},
			{"Säker digital kommunikation med enskilda",
				"Handläggarna får en säker meddelandetjänst för kontakt med enskilda och vårdnadshavare, så att sekretessbelagda uppgifter inte skickas med e-post eller sms.",
				"Enhetschef IFO", medium, []int{2, 6}, []string{"Verksamhetssystem för individ- och familjeomsorg"}, true, 0},
			{"Riskanalys av digitala trygghetslarm",
				"Riskerna med larmkedjan från brukarens hem till larmcentralen och hemtjänsten analyseras tillsammans med leverantören. Särskilt fokus på mobilnätsavbrott och strömavbrott.",
				"Verksamhetschef hemtjänst", small, []int{4, 7}, []string{"Digitala trygghetslarm"}, false, 0},
			{"Sekretess och tystnadsplikt för timanställda",
				"Alla timanställda går en kort utbildning om sekretess, tystnadsplikt och inloggning innan de får behörighet. Enhetschefen kontrollerar att utbildningen är gjord.",
				"Enhetschef äldreomsorg", small, []int{1}, nil, false, 0},
		},
		training: []trainTpl{
			{"Journalföring och logguppföljning för legitimerad personal", "Sjuksköterskor, arbetsterapeuter och fysioterapeuter", domain.FormatWorkshop,
				"Medicinskt ansvarig sjuksköterska", 5, 0,
				"Deltagarna gör ett kunskapstest efteråt; nästa logguppföljning visar om rutinen följs.", []int{2, 3, 9, 10}, 2},
		},
	},
	{
		name: "Tekniska nämnden", office: "Tekniska förvaltningen", head: "Förvaltningschef",
		meeting: "Nämnden", staff: 310,
		systems: []sysTpl{
			{"VA-styrsystem (SCADA)", "Styrning och övervakning av vattenverk, reservoarer och pumpstationer.", "VA-chef", 2, 4, 4, 3, true},
			{"Driftövervakning av reningsverket", "Larm och mätvärden från avloppsreningsverket.", "VA-chef", 1, 3, 4, 2, false},
			{"Geografiskt informationssystem (GIS)", "Kartor och ledningsdata för vatten, avlopp och gator.", "GIS-samordnare", 1, 3, 2, 2, false},
			{"Felanmälan och arbetsorder gata/park", "Invånarnas felanmälningar och driftens arbetsorder.", "Gatuchef", 1, 2, 2, 1, false},
			{"Vågsystem vid återvinningscentralen", "Vägning och debitering av avfall.", "Avfallschef", 1, 2, 2, 1, false},
		},
		acts: []actTpl{
			{"Separera VA-styrsystemet från kontorsnätet",
				"VA-styrsystemet flyttas till ett eget nät med brandvägg och övervakad kommunikation. Fjärråtkomst sker bara via en kontrollerad anslutningspunkt.",
				"Driftchef VA", large, []int{6, 8}, []string{"VA-styrsystem (SCADA)"}, true, 0},
			{"Säker fjärråtkomst för leverantörer av styrsystem",
				"Leverantörernas fjärråtkomst till styrsystemen kräver tvåfaktorsinloggning, godkänns för varje tillfälle och loggas. Avtalen kompletteras med säkerhetskrav.",
				"Driftchef VA", medium, []int{3, 6}, []string{"VA-styrsystem (SCADA)", "Driftövervakning av reningsverket"}, false, 0},
			{"Manuell drift av vattenverket vid IT-avbrott",
				"Rutiner och checklistor för manuell drift av vattenverk och pumpstationer tas fram och övas med driftpersonalen. Reservkraften provas samtidigt.",
				"VA-chef", medium, []int{4}, []string{"VA-styrsystem (SCADA)"}, false, 0},
			{"Incidentrapportering för dricksvattenförsörjningen",
				"En rutin för att rapportera it-incidenter i dricksvattenförsörjningen till tillsynsmyndigheten inom föreskriven tid tas fram. Jourhavande ingenjör utbildas i rutinen.",
				"VA-chef", small, []int{3, 8}, nil, false, 0},
			{"Skydd av ledningsdata i GIS",
				"Kartor med känsliga uppgifter om vatten- och avloppsledningar märks upp och lämnas bara ut efter prövning. Behörigheterna i GIS ses över.",
				"GIS-samordnare", small, []int{2, 5}, []string{"Geografiskt informationssystem (GIS)"}, false, 0},
			{"Behörighetsgenomgång i felanmälningssystemet",
				"Konton för entreprenörer och sommarpersonal i felanmälningssystemet gås igenom och tidsbegränsas. Delade inloggningar tas bort.",
				"Gatuchef", small, []int{2, 8}, []string{"Felanmälan och arbetsorder gata/park"}, false, 0},
		},
	},
	{
		name: "Bygg- och miljönämnden", office: "Samhällsbyggnadsförvaltningen", head: "Förvaltningschef",
		meeting: "Nämnden", staff: 65,
		systems: []sysTpl{
			{"Ärendehanteringssystem för bygglov och miljötillsyn", "Ärenden, beslut och tillsyn enligt plan- och bygglagen och miljöbalken.", "Bygglovschef", 2, 3, 2, 3, false},
			{"E-tjänster för bygglov", "Ansökan om bygglov och anmälan med e-legitimation.", "Bygglovschef", 2, 2, 2, 2, false},
			{"Primärkarta och nybyggnadskarta", "Kartunderlag för planering och bygglov.", "Stadsbyggnadschef", 1, 3, 2, 2, false},
			{"Livsmedelskontrollens register", "Registrerade livsmedelsanläggningar och kontrollresultat.", "Miljöchef", -1, -1, -1, -1, false},
		},
		acts: []actTpl{
			{"Personuppgifter i bygglovsärenden",
				"Rutinen för vilka personuppgifter som publiceras i kungörelser och på webbplatsen ses över. Handläggarna får en checklista inför publicering.",
				"Bygglovschef", small, []int{2, 3}, []string{"Ärendehanteringssystem för bygglov och miljötillsyn"}, false, 0},
			{"Riskanalys av e-tjänsterna för bygglov",
				"E-tjänsterna för bygglov analyseras med avseende på inloggning, bilagor och överföring till ärendehanteringssystemet. Åtgärder beställs av leverantören.",
				"Systemförvaltare", small, []int{7}, []string{"E-tjänster för bygglov"}, false, 0},
			{"Rutin för utlämnande av allmänna handlingar",
				"En gemensam rutin för sekretessprövning och utlämnande av allmänna handlingar tas fram, med mallar för beslut om avslag. Rutinen gås igenom på en arbetsplatsträff.",
				"Nämndsekreterare", small, []int{1, 2}, nil, false, 0},
			{"Säker mobil åtkomst vid tillsynsbesök",
				"Inspektörerna får surfplattor med krypterad lagring och åtkomst till ärendesystemet via säker anslutning. Anteckningar på privata telefoner upphör.",
				"Miljöchef", medium, []int{5, 6}, []string{"Ärendehanteringssystem för bygglov och miljötillsyn"}, true, 0},
			{"Klassa livsmedelskontrollens register",
				"Registret över livsmedelsanläggningar klassas med KLASSA och får en systemförvaltare. Därefter bestäms skyddsnivå och om systemet ska ersättas.",
				"Miljöchef", small, []int{7}, []string{"Livsmedelskontrollens register"}, false, 0},
			{"Digitalisera bygglovsarkivet",
				"Äldre bygglovsritningar skannas och förs in i e-arkivet enligt arkivariens anvisningar. Originalen förvaras i arkivlokal med godkänt brandskydd.",
				"Arkivarie", large, []int{2, 5}, nil, true, 0},
		},
	},
	{
		name: "Kultur- och fritidsnämnden", office: "Kultur- och fritidsförvaltningen", head: "Förvaltningschef",
		meeting: "Nämnden", staff: 120, flawed: true,
		systems: []sysTpl{
			{"Bibliotekssystem", "Katalog, lån och låntagaruppgifter på kommunens bibliotek.", "Bibliotekschef", 2, 2, 2, 2, false},
			{"Bokningssystem för lokaler och anläggningar", "Bokning och fakturering av idrottshallar, lokaler och bad.", "Fritidschef", 1, 2, 2, 1, false},
			{"Föreningsregister och bidragshantering", "Föreningar, medlemsantal och ansökningar om bidrag.", "Fritidschef", 1, 3, 1, 2, false},
			{"Kulturskolans elevregister", "Elever, vårdnadshavare, kurser och avgifter i kulturskolan.", "Kulturskolechef", -1, -1, -1, -1, false},
		},
		acts: []actTpl{
			{"Personuppgifter i bibliotekssystemet",
				"Låntagaruppgifter och lånehistorik gallras enligt dokumenthanteringsplanen och behörigheterna ses över. Avtalet med leverantören kompletteras med ett personuppgiftsbiträdesavtal.",
				"Bibliotekschef", small, []int{2, 3}, []string{"Bibliotekssystem"}, false, 0},
			{"Säkra publika datorer och gästnätet på biblioteken",
				"De publika datorerna återställs automatiskt efter varje användare och gästnätet skiljs från personalnätet. Informationsskyltar om säker användning sätts upp.",
				"IT-samordnare", medium, []int{6, 8}, nil, true, 0},
			{"Behörigheter i föreningsregistret",
				"Behörigheterna för handläggning av föreningsbidrag delas upp så att ingen ensam både registrerar och beslutar om utbetalning.",
				"Fritidschef", small, []int{2}, []string{"Föreningsregister och bidragshantering"}, false, 0},
			{"Informationssäkerhet vid lokaluthyrning",
				"Hyresgäster i kommunens lokaler får anvisningar om nätverk, nycklar och passerkort. Passerkort som inte lämnats tillbaka spärras samma dag.",
				"Fritidschef", small, []int{5}, []string{"Bokningssystem för lokaler och anläggningar"}, false, 0},
			{"Klassa kulturskolans elevregister",
				"Kulturskolans elevregister klassas med KLASSA och förs in i förteckningen med informationsägare. Barnens uppgifter skyddas efter resultatet.",
				"Kulturskolechef", small, []int{7}, []string{"Kulturskolans elevregister"}, false, 0},
		},
	},
	{
		name: "Räddningsnämnden", office: "Räddningstjänsten", head: "Räddningschef",
		meeting: "Nämnden", staff: 95,
		systems: []sysTpl{
			{"Ledningsstödssystem", "Lägesbild, resurser och kommunikation under räddningsinsatser.", "Räddningschef", 3, 4, 4, 4, true},
			{"Insatsrapporteringssystem", "Insatsrapporter och olycksundersökningar.", "Stf räddningschef", 3, 3, 2, 3, true},
			{"Tillsynsregister enligt LSO", "Tillsyn och brandskyddskontroll enligt lagen om skydd mot olyckor.", "Enhetschef förebyggande", 2, 3, 2, 2, false},
			{"Övnings- och kompetensregister", "Brandpersonalens övningar, kompetenser och rökdykartester.", "Utbildningsansvarig", 1, 2, 1, 1, false},
		},
		acts: []actTpl{
			{"Reservrutin för larmmottagning vid avbrott i ledningsstödet",
				"Reservrutinen för att ta emot larm och leda insatser utan ledningsstödssystemet uppdateras, med radiokommunikation och pappersblanketter. Rutinen övas med varje skiftlag.",
				"Räddningschef", medium, []int{4}, []string{"Ledningsstödssystem"}, false, 0},
			{"Säkerhetsskyddsanalys av ledningscentralen",
				"En säkerhetsskyddsanalys görs för ledningscentralen och dess system. Behovet av säkerhetsskyddsklassade uppgifter och placering i säkerhetsklass ses över.",
				"Säkerhetsskyddschef", medium, []int{5, 7}, []string{"Ledningsstödssystem"}, false, 0},
			{"Övning med reservkraft och radiokommunikation",
				"Räddningstjänsten övar ett långvarigt strömavbrott med reservkraft, radiokommunikation och bemanning av ledningscentralen.",
				"Stf räddningschef", medium, []int{4, 6}, nil, false, 0},
			{"Behörigheter i insatsrapporteringssystemet",
				"Behörigheterna ses över så att känsliga uppgifter om skadade personer bara är åtkomliga för dem som behöver dem. Gamla konton tas bort.",
				"Systemförvaltare", small, []int{2, 8}, []string{"Insatsrapporteringssystem"}, false, 0},
			{"Gallring i tillsynsregistret",
				"Tillsynsakter i registret gallras enligt dokumenthanteringsplanen och kvarvarande akter levereras till e-arkivet.",
				"Arkivarie", small, []int{2}, []string{"Tillsynsregister enligt LSO"}, false, 0},
		},
		training: []trainTpl{
			{"Ledningsövning utan ledningsstödssystem", "Räddningsledare och inre befäl", domain.FormatExercise,
				"Stf räddningschef", 0, 24,
				"Övningsledningen för protokoll över tider och beslut; brister tas upp i nästa övningsplan.", []int{3, 5, 10}, 2},
		},
	},
	{
		name: "Överförmyndarnämnden", office: "Överförmyndarenheten", head: "Enhetschef överförmyndarenheten",
		meeting: "Nämnden", staff: 9,
		systems: []sysTpl{
			{"Verksamhetssystem för ställföreträdarskap", "Ärenden om godmanskap, förvaltarskap och förmyndarskap.", "Enhetschef överförmyndarenheten", 4, 3, 2, 3, true},
			{"E-tjänst för årsräkningar", "Ställföreträdarnas redovisning av huvudmännens ekonomi.", "Enhetschef överförmyndarenheten", 3, 3, 2, 3, true},
			{"Digitala akter", "Skannade akter för varje huvudman.", "Enhetschef överförmyndarenheten", 3, 4, 1, 3, true},
		},
		acts: []actTpl{
			{"Säker inlämning av årsräkningar via e-tjänst",
				"Ställföreträdarna uppmanas lämna årsräkningen i e-tjänsten med e-legitimation i stället för på papper eller med e-post. Andelen digitala årsräkningar följs upp.",
				"Överförmyndarhandläggare", small, []int{2, 6}, []string{"E-tjänst för årsräkningar"}, false, 0},
			{"Behörighetsgenomgång i verksamhetssystemet för ställföreträdarskap",
				"Behörigheterna gås igenom tillsammans med systemleverantören och loggarna följs upp varje kvartal, eftersom uppgifterna om huvudmännen är särskilt skyddsvärda.",
				"", small, []int{2, 8}, []string{"Verksamhetssystem för ställföreträdarskap"}, false, 0},
			{"Information till gode män om hantering av huvudmäns uppgifter",
				"Gode män och förvaltare får skriftlig information och en träff om hur huvudmännens handlingar och uppgifter ska förvaras och skickas.",
				"Överförmyndarhandläggare", small, []int{1, 3}, nil, false, 0},
			{"Digital akthantering",
				"Inkommande handlingar skannas direkt och pappersakterna arkiveras enligt arkivariens anvisningar. Rutinen för skanning kvalitetssäkras.",
				"Arkivarie", medium, []int{2, 5}, []string{"Digitala akter"}, false, 0},
		},
	},
	{
		name: "Fastighets- och servicenämnden", office: "Fastighets- och serviceförvaltningen", head: "Förvaltningschef",
		meeting: "Nämnden", staff: 340,
		systems: []sysTpl{
			{"Fastighetssystem och underhållsplan", "Fastighetsregister, hyresavtal och underhållsplanering.", "Fastighetschef", 1, 3, 2, 2, false},
			{"Passersystem och elektroniska lås", "Passerkort, behörigheter och lås i kommunens lokaler.", "Säkerhetssamordnare", 3, 3, 4, 3, true},
			{"Fastighetsautomation", "Styr- och övervakning av värme, ventilation och larm i kommunens byggnader.", "Driftchef fastighet", 2, 3, 4, 2, true},
			{"Kostdatasystem", "Recept, menyer och specialkost för skolor och äldreboenden.", "Kostchef", 2, 3, 2, 1, false},
			{"Fordonsbokning", "Bokning och körjournaler för kommunens bilpool.", "Servicechef", 1, 2, 2, 1, false},
		},
		acts: []actTpl{
			{"Segmentera fastighetsautomationen från kontorsnätet",
				"Undercentraler och styrdatorer för värme och ventilation flyttas till ett eget nät. Leverantörernas fjärråtkomst går via kommunens säkra anslutningspunkt.",
				"Driftchef fastighet", large, []int{6, 8}, []string{"Fastighetsautomation"}, true, 0},
			{"Behörighetsgenomgång i passersystemet",
				"Passerbehörigheter gås igenom byggnad för byggnad och kort för personal som slutat spärras. Chefer får en lista att godkänna två gånger per år.",
				"Säkerhetssamordnare", small, []int{5, 8}, []string{"Passersystem och elektroniska lås"}, false, 0},
			{"Riskanalys för passer- och larmsystem",
				"Riskanalys görs för passersystemet och inbrottslarmen, inklusive vad som händer vid strömavbrott och nätverksfel.",
				"Fastighetschef", small, []int{7}, []string{"Passersystem och elektroniska lås", "Fastighetsautomation"}, false, 0},
			{"Reservrutin för måltidsservice vid IT-avbrott",
				"Köken får utskrivna specialkostlistor och menyer som uppdateras varje vecka, så att allergier och specialkost hanteras säkert även utan kostdatasystemet.",
				"Kostchef", small, []int{4}, []string{"Kostdatasystem"}, false, 0},
			{"Säkerhetskrav i upphandling av fastighetssystem",
				"Inför upphandlingen av nytt fastighetssystem formuleras krav på behörigheter, loggning, säkerhetskopiering och dataskydd tillsammans med upphandlingsenheten.",
				"Upphandlare", medium, []int{3, 5}, []string{"Fastighetssystem och underhållsplan"}, false, 0},
		},
	},
}

// checkpointTpl is one follow-up and reporting point; year offset 1 means early next year.
type checkpointTpl struct {
	yearOff, month, day int
	method              string
	reportTo            string // "" means the board's meeting
	always              bool
}

var checkpointTpls = []checkpointTpl{
	{0, 4, 30, "Avstämning av aktiviteternas status på ledningsgruppens möte.", "Ledningsgruppen", false},
	{0, 6, 15, "Delårsuppföljning: status och upparbetade timmar och kostnader per aktivitet.", "", false},
	{0, 9, 30, "Delårsrapport per augusti med kommentarer om avvikelser från handlingsplanen.", "", false},
	{0, 10, 31, "Höstens uppföljning: status, andel genomfört, utfall och kommentar för varje aktivitet samt de tre uppföljningsfrågorna.", "", true},
	{0, 11, 30, "Den signerade uppföljningen lämnas till informationssäkerhetssamordnaren.", "Informationssäkerhetssamordnaren", false},
	{1, 2, 15, "Årlig redovisning av informationssäkerhetsarbetet inför budgetarbetet.", "Kommunstyrelsen", true},
}

// Follow-up comments by status; %d is the next plan's year.
var (
	doneComments = []string{
		"Genomförd enligt plan.",
		"Genomförd och redovisad i ledningsgruppen.",
		"Genomförd, men tog mer tid än beräknat eftersom fler system berördes.",
		"Klar. Rutinen är publicerad på intranätet.",
		"Genomförd i samarbete med IT-enheten; inga kvarstående åtgärder.",
	}
	progressComments = []string{
		"Pågår. Återstående del förs över till handlingsplanen för %d.",
		"Försenad på grund av vakans; arbetet fortsätter %d.",
		"Pågår. Leverantören har inte levererat allt; resten planeras in %d.",
		"Hälften av enheterna är klara, övriga tas %d.",
	}
	notStartedComments = []string{
		"Ej påbörjad på grund av andra prioriteringar under året; förs över till %d.",
		"Ej påbörjad i väntan på kommungemensam upphandling; tas upp igen %d.",
	}
	droppedComments = []string{
		"Struken efter beslut i ledningsgruppen; ersätts av en kommungemensam aktivitet.",
		"Struken eftersom systemet ska avvecklas.",
	}
)
