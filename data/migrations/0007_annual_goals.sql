-- Plans as kommuner decide and follow them up (issue 16): annual goals, the board's decisions,
-- interim follow-ups, the status "paused", requirement areas and management training.

-- An activity may be paused. SQLite cannot change a CHECK constraint in place; widening the
-- list of allowed values is the one edit of the stored schema that every existing row already
-- satisfies, so the table's text is edited rather than the table rebuilt (a rebuild would cascade
-- deletes into the rows that refer to activities). See "Making Other Kinds Of Table Schema
-- Changes" in SQLite's ALTER TABLE documentation; the DDL below bumps the schema cookie.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql,
	'CHECK (status IN (''not_started'',''in_progress'',''done'',''dropped''))',
	'CHECK (status IN (''not_started'',''in_progress'',''done'',''dropped'',''paused''))')
	WHERE type = 'table' AND name = 'activities';
PRAGMA writable_schema = OFF;

-- The requirement areas of the policy profile (the law's risk-management areas).
CREATE TABLE requirement_areas (
	code      TEXT PRIMARY KEY CHECK (length(trim(code)) > 0),
	position  INTEGER NOT NULL DEFAULT 0,
	name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
	reference TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

-- A database made before this version has the profile of its first start, without areas: it
-- gets the areas the default profile had when this migration was written (the same list as
-- assets/policy/default-profile.json; a test compares them).
INSERT INTO requirement_areas(code, position, name, reference)
	SELECT a.code, a.position, a.name, a.reference FROM (
		SELECT 'csl-a' AS code, 1 AS position, 'Riskanalys och säkerhetspolicyer för informationssystem' AS name, 'Cybersäkerhetslag (2025:1506); NIS 2 art. 21.2 a' AS reference
		UNION ALL SELECT 'csl-b', 2, 'Incidenthantering', 'Cybersäkerhetslag (2025:1506); NIS 2 art. 21.2 b'
		UNION ALL SELECT 'csl-c', 3, 'Kontinuitet och krishantering: säkerhetskopiering och återställning', 'Cybersäkerhetslag (2025:1506); NIS 2 art. 21.2 c'
		UNION ALL SELECT 'csl-d', 4, 'Säkerhet i leveranskedjan', 'Cybersäkerhetslag (2025:1506); NIS 2 art. 21.2 d'
		UNION ALL SELECT 'csl-e', 5, 'Säkerhet vid anskaffning, utveckling och underhåll av system, med hantering av sårbarheter', 'Cybersäkerhetslag (2025:1506); NIS 2 art. 21.2 e'
		UNION ALL SELECT 'csl-f', 6, 'Bedömning av riskhanteringsåtgärdernas effektivitet', 'Cybersäkerhetslag (2025:1506); NIS 2 art. 21.2 f'
		UNION ALL SELECT 'csl-g', 7, 'Grundläggande cyberhygien och utbildning i cybersäkerhet', 'Cybersäkerhetslag (2025:1506); NIS 2 art. 21.2 g'
		UNION ALL SELECT 'csl-h', 8, 'Kryptografi och kryptering', 'Cybersäkerhetslag (2025:1506); NIS 2 art. 21.2 h'
		UNION ALL SELECT 'csl-i', 9, 'Personalsäkerhet, åtkomstkontroll och förvaltning av tillgångar', 'Cybersäkerhetslag (2025:1506); NIS 2 art. 21.2 i'
		UNION ALL SELECT 'csl-j', 10, 'Flerfaktorsautentisering och säkrad kommunikation', 'Cybersäkerhetslag (2025:1506); NIS 2 art. 21.2 j'
	) a WHERE EXISTS (SELECT 1 FROM profile);

-- The board's decision on the plan (decision_paragraph, from the first version, is its
-- paragraph; decision_date stays the planned date) and on the plan's autumn follow-up.
-- decision_changed: the plan's content changed after the decision.
ALTER TABLE plans ADD COLUMN decision_dnr TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN decided_on TEXT;
ALTER TABLE plans ADD COLUMN decision_body TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN decision_changed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plans ADD COLUMN followup_decision_dnr TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN followup_decision_date TEXT;
ALTER TABLE plans ADD COLUMN followup_decision_body TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN followup_decision_paragraph TEXT NOT NULL DEFAULT '';

-- Annual goals: what a board wants to have reached in the plan's year and how it is measured.
CREATE TABLE annual_goals (
	id                INTEGER PRIMARY KEY,
	plan_id           INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	position          INTEGER NOT NULL DEFAULT 0,
	text              TEXT NOT NULL DEFAULT '',
	indicator         TEXT NOT NULL DEFAULT '',
	target            TEXT NOT NULL DEFAULT '',
	target_date       TEXT,
	outcome           TEXT NOT NULL DEFAULT '' CHECK (outcome IN ('','met','partly','not_met')),
	measured          TEXT NOT NULL DEFAULT '',
	light             TEXT NOT NULL DEFAULT '' CHECK (light IN ('','green','yellow','red')),
	follow_up_comment TEXT NOT NULL DEFAULT '',
	carried_from      INTEGER REFERENCES annual_goals(id) ON DELETE SET NULL
);
CREATE INDEX annual_goals_plan ON annual_goals(plan_id, position);

CREATE TABLE annual_goal_goals (
	annual_goal_id INTEGER NOT NULL REFERENCES annual_goals(id) ON DELETE CASCADE,
	goal           INTEGER NOT NULL,
	PRIMARY KEY (annual_goal_id, goal)
) WITHOUT ROWID;

-- An activity belongs to one annual goal of its plan (NULL: none yet).
ALTER TABLE activities ADD COLUMN annual_goal_id INTEGER REFERENCES annual_goals(id) ON DELETE SET NULL;
CREATE INDEX activities_annual_goal ON activities(annual_goal_id);

-- Requirement-area tags of activities and annual goals; a deleted row takes its tags along.
CREATE TABLE area_tags (
	entity    TEXT NOT NULL CHECK (entity IN ('activity','annual_goal')),
	entity_id INTEGER NOT NULL,
	code      TEXT NOT NULL,
	PRIMARY KEY (entity, entity_id, code)
) WITHOUT ROWID;
CREATE TRIGGER activities_area_tags AFTER DELETE ON activities BEGIN
	DELETE FROM area_tags WHERE entity = 'activity' AND entity_id = OLD.id;
END;
CREATE TRIGGER annual_goals_area_tags AFTER DELETE ON annual_goals BEGIN
	DELETE FROM area_tags WHERE entity = 'annual_goal' AND entity_id = OLD.id;
END;

-- Training for the management (ledningens utbildning) or for the staff.
ALTER TABLE trainings ADD COLUMN kind TEXT NOT NULL DEFAULT 'general' CHECK (kind IN ('general','management'));

-- Follow-ups recorded during a plan's year: interim ones and the autumn one that closes it,
-- each with the status of every activity and the outcome of every annual goal on its date.
CREATE TABLE follow_ups (
	id       INTEGER PRIMARY KEY,
	plan_id  INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	date     TEXT NOT NULL,
	closing  INTEGER NOT NULL DEFAULT 0,
	comment  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX follow_ups_plan ON follow_ups(plan_id, date);
CREATE UNIQUE INDEX follow_ups_closing ON follow_ups(plan_id) WHERE closing = 1;

CREATE TABLE follow_up_activities (
	follow_up_id INTEGER NOT NULL REFERENCES follow_ups(id) ON DELETE CASCADE,
	activity_id  INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
	status       TEXT NOT NULL CHECK (status IN ('','not_started','in_progress','done','dropped','paused')),
	percent_done INTEGER NOT NULL DEFAULT 0 CHECK (percent_done BETWEEN 0 AND 100),
	PRIMARY KEY (follow_up_id, activity_id)
) WITHOUT ROWID;

CREATE TABLE follow_up_goals (
	follow_up_id   INTEGER NOT NULL REFERENCES follow_ups(id) ON DELETE CASCADE,
	annual_goal_id INTEGER NOT NULL REFERENCES annual_goals(id) ON DELETE CASCADE,
	outcome        TEXT NOT NULL DEFAULT '' CHECK (outcome IN ('','met','partly','not_met')),
	measured       TEXT NOT NULL DEFAULT '',
	light          TEXT NOT NULL DEFAULT '' CHECK (light IN ('','green','yellow','red')),
	PRIMARY KEY (follow_up_id, annual_goal_id)
) WITHOUT ROWID;
