-- Handlingsplan schema, version 1.
-- Dates are ISO strings 'YYYY-MM-DD' (calendar dates, no time zone); timestamps are UTC RFC 3339.

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

-- The policy profile: one row (id = 1) plus its goals and classification scale.
CREATE TABLE profile (
	id            INTEGER PRIMARY KEY CHECK (id = 1),
	kommun        TEXT NOT NULL DEFAULT '',
	policy_name   TEXT NOT NULL DEFAULT '',
	hours_per_fte INTEGER NOT NULL CHECK (hours_per_fte BETWEEN 100 AND 3000)
);

CREATE TABLE goals (
	number INTEGER PRIMARY KEY CHECK (number BETWEEN 1 AND 99),
	text   TEXT NOT NULL CHECK (length(trim(text)) > 0)
);

CREATE TABLE class_levels (
	level INTEGER PRIMARY KEY CHECK (level BETWEEN 0 AND 9),
	name  TEXT NOT NULL
);

CREATE TABLE boards (
	id   INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0)
);

-- Plans. A plan rebuilt from an imported submission has submission_id set; a board's own plans
-- have it NULL and are unique per board and year.
CREATE TABLE plans (
	id                 INTEGER PRIMARY KEY,
	board_id           INTEGER NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
	year               INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
	status             TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','ready','signed','closed')),
	version            INTEGER NOT NULL DEFAULT 0 CHECK (version >= 0),
	responsible        TEXT NOT NULL DEFAULT '',
	contact            TEXT NOT NULL DEFAULT '',
	decision_date      TEXT,
	decision_paragraph TEXT NOT NULL DEFAULT '',
	check0_result      TEXT NOT NULL DEFAULT '',
	check0_text        TEXT NOT NULL DEFAULT '',
	check1_result      TEXT NOT NULL DEFAULT '',
	check1_text        TEXT NOT NULL DEFAULT '',
	check2_result      TEXT NOT NULL DEFAULT '',
	check2_text        TEXT NOT NULL DEFAULT '',
	wizard_step        INTEGER NOT NULL DEFAULT 0,
	submission_id      INTEGER REFERENCES submissions(id) ON DELETE CASCADE,
	updated_at         TEXT NOT NULL
);
CREATE UNIQUE INDEX plans_board_year ON plans(board_id, year) WHERE submission_id IS NULL;
CREATE INDEX plans_year ON plans(year);
CREATE INDEX plans_submission ON plans(submission_id);

CREATE TABLE activities (
	id                INTEGER PRIMARY KEY,
	plan_id           INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	position          INTEGER NOT NULL DEFAULT 0,
	title             TEXT NOT NULL DEFAULT '',
	description       TEXT NOT NULL DEFAULT '',
	priority          INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 3),
	responsible       TEXT NOT NULL DEFAULT '',
	start_date        TEXT,
	end_date          TEXT,
	internal_hours    INTEGER NOT NULL DEFAULT 0 CHECK (internal_hours >= 0),
	external_hours    INTEGER NOT NULL DEFAULT 0 CHECK (external_hours >= 0),
	operating_cost    INTEGER NOT NULL DEFAULT 0 CHECK (operating_cost >= 0),
	investment        INTEGER NOT NULL DEFAULT 0 CHECK (investment >= 0),
	status            TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started','in_progress','done','dropped')),
	percent_done      INTEGER NOT NULL DEFAULT 0 CHECK (percent_done BETWEEN 0 AND 100),
	actual_hours      INTEGER NOT NULL DEFAULT 0 CHECK (actual_hours >= 0),
	actual_kronor     INTEGER NOT NULL DEFAULT 0 CHECK (actual_kronor >= 0),
	follow_up_comment TEXT NOT NULL DEFAULT '',
	carried_from      INTEGER REFERENCES activities(id) ON DELETE SET NULL
);
CREATE INDEX activities_plan ON activities(plan_id, position);

CREATE TABLE activity_goals (
	activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
	goal        INTEGER NOT NULL,
	PRIMARY KEY (activity_id, goal)
) WITHOUT ROWID;
CREATE INDEX activity_goals_goal ON activity_goals(goal);

CREATE TABLE trainings (
	id                    INTEGER PRIMARY KEY,
	plan_id               INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	position              INTEGER NOT NULL DEFAULT 0,
	title                 TEXT NOT NULL DEFAULT '',
	target_group          TEXT NOT NULL DEFAULT '',
	format                TEXT NOT NULL DEFAULT 'workshop',
	dates                 TEXT NOT NULL DEFAULT '', -- comma-separated ISO dates
	responsible           TEXT NOT NULL DEFAULT '',
	expected_participants INTEGER NOT NULL DEFAULT 0 CHECK (expected_participants >= 0),
	evaluation            TEXT NOT NULL DEFAULT '',
	actual_participants   INTEGER NOT NULL DEFAULT 0 CHECK (actual_participants >= 0)
);
CREATE INDEX trainings_plan ON trainings(plan_id, position);

CREATE TABLE checkpoints (
	id        INTEGER PRIMARY KEY,
	plan_id   INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	position  INTEGER NOT NULL DEFAULT 0,
	date      TEXT,
	method    TEXT NOT NULL DEFAULT '',
	report_to TEXT NOT NULL DEFAULT '',
	done      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX checkpoints_plan ON checkpoints(plan_id, position);

-- The register (förteckning) of a board's information systems and channels. plan_id is NULL
-- for the board's living register and set on the snapshot that came with an imported plan.
CREATE TABLE systems (
	id               INTEGER PRIMARY KEY,
	board_id         INTEGER NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
	plan_id          INTEGER REFERENCES plans(id) ON DELETE CASCADE,
	name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
	description      TEXT NOT NULL DEFAULT '',
	owner            TEXT NOT NULL DEFAULT '',
	confidentiality  INTEGER NOT NULL DEFAULT -1 CHECK (confidentiality BETWEEN -1 AND 4),
	integrity        INTEGER NOT NULL DEFAULT -1 CHECK (integrity BETWEEN -1 AND 4),
	availability     INTEGER NOT NULL DEFAULT -1 CHECK (availability BETWEEN -1 AND 4),
	traceability     INTEGER NOT NULL DEFAULT -1 CHECK (traceability BETWEEN -1 AND 4),
	baseline_met     INTEGER NOT NULL DEFAULT 0,
	security_plan    TEXT NOT NULL DEFAULT 'none' CHECK (security_plan IN ('none','base','deepened')),
	security_plan_at TEXT,
	risk_analysis_at TEXT,
	continuity_at    TEXT,
	recovery_at      TEXT,
	sensitive        INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX systems_board_name ON systems(board_id, name) WHERE plan_id IS NULL;
CREATE INDEX systems_plan ON systems(plan_id);

CREATE TABLE activity_systems (
	activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
	system_id   INTEGER NOT NULL REFERENCES systems(id) ON DELETE CASCADE,
	PRIMARY KEY (activity_id, system_id)
) WITHOUT ROWID;

CREATE TABLE audit_log (
	id        INTEGER PRIMARY KEY,
	at        TEXT NOT NULL,
	who       TEXT NOT NULL,
	entity    TEXT NOT NULL,
	entity_id INTEGER NOT NULL,
	field     TEXT NOT NULL,
	old_value TEXT NOT NULL DEFAULT '',
	new_value TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);

-- Coordinator side: every signed PDF received, byte-exact, with the verdict it got.
CREATE TABLE submissions (
	id                 INTEGER PRIMARY KEY,
	board_name         TEXT NOT NULL,
	year               INTEGER NOT NULL,
	version            INTEGER NOT NULL,
	signer_name        TEXT NOT NULL DEFAULT '',
	signer_fingerprint TEXT NOT NULL DEFAULT '',
	signed_at          TEXT,
	imported_at        TEXT NOT NULL,
	imported_by        TEXT NOT NULL DEFAULT '',
	file_name          TEXT NOT NULL DEFAULT '',
	sha256             TEXT NOT NULL UNIQUE,
	current            INTEGER NOT NULL DEFAULT 0,
	trusted            INTEGER NOT NULL DEFAULT 1,
	payload            BLOB NOT NULL,
	pdf                BLOB NOT NULL
);
CREATE INDEX submissions_board_year ON submissions(board_name, year, version);
CREATE UNIQUE INDEX submissions_current ON submissions(board_name, year) WHERE current = 1;

-- The coordinator's trust list: CA certificates and individually approved signers.
CREATE TABLE trust (
	id          INTEGER PRIMARY KEY,
	kind        TEXT NOT NULL CHECK (kind IN ('ca','signer')),
	subject     TEXT NOT NULL,
	fingerprint TEXT NOT NULL UNIQUE,
	cert        BLOB NOT NULL,
	added_by    TEXT NOT NULL,
	added_at    TEXT NOT NULL
);

-- One line per file the importer looked at, with its verdict.
CREATE TABLE import_log (
	id          INTEGER PRIMARY KEY,
	at          TEXT NOT NULL,
	who         TEXT NOT NULL,
	file_name   TEXT NOT NULL,
	sha256      TEXT NOT NULL DEFAULT '',
	verdict     TEXT NOT NULL,
	reason      TEXT NOT NULL DEFAULT '',
	fingerprint TEXT NOT NULL DEFAULT '',
	signer_name TEXT NOT NULL DEFAULT '',
	board_name  TEXT NOT NULL DEFAULT '',
	year        INTEGER NOT NULL DEFAULT 0,
	version     INTEGER NOT NULL DEFAULT 0,
	submission_id INTEGER REFERENCES submissions(id) ON DELETE SET NULL,
	pending_pdf BLOB -- kept for an unknown signer so that approving imports it
);
