-- The policy profile for the whole kommun, the checklist of the policy's general requirements,
-- the register as a source of work (issue 14).

-- Every version of the policy profile a plan may have been made under, as the JSON of
-- domain.Profile: the coordinator's saved versions, the signed versions an official imported
-- (or IT preset), and on the coordinator's side the profiles received submissions were made
-- under. A body is stored once (sha256 of the JSON). version is the kommun's number inside it
-- (0 for the program's built-in default and a board's own edit of it).
CREATE TABLE profile_versions (
	id                 INTEGER PRIMARY KEY,
	version            INTEGER NOT NULL CHECK (version >= 0),
	body               TEXT NOT NULL,
	sha256             TEXT NOT NULL UNIQUE,
	source             TEXT NOT NULL CHECK (source IN ('local', 'import', 'preset', 'submission', 'upgrade')),
	signer_name        TEXT NOT NULL DEFAULT '',
	signer_fingerprint TEXT NOT NULL DEFAULT '',
	saved_at           TEXT NOT NULL,
	saved_by           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX profile_versions_version ON profile_versions(version);

-- The version in use for new plans. The profile, goals and class_levels tables keep holding it
-- too, as before. NULL until the program first starts on this schema (it then stores the
-- profile the database had as a version, and every existing plan of the board's own refers to it).
ALTER TABLE profile ADD COLUMN current_version INTEGER REFERENCES profile_versions(id);

-- The profile version a plan was made under; a plan is judged and reported under it.
ALTER TABLE plans ADD COLUMN profile_id INTEGER REFERENCES profile_versions(id);

-- When a system's classification was made or last reviewed: a classification older than twelve
-- months is due again.
ALTER TABLE systems ADD COLUMN classified_at TEXT;

-- What an activity was made for: 'rule:<register rule>' (with the system in activity_systems)
-- or 'req:<requirement id>' of the profile's checklist; '' for any other activity.
ALTER TABLE activities ADD COLUMN addresses TEXT NOT NULL DEFAULT '';

-- The board's assessment of each general requirement of the profile, per plan (board and year).
-- A requirement without a row is not assessed yet.
CREATE TABLE checklist (
	plan_id     INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	requirement TEXT NOT NULL CHECK (length(requirement) BETWEEN 1 AND 40),
	status      TEXT NOT NULL DEFAULT '' CHECK (status IN ('', 'met', 'partly', 'not_met', 'not_applicable')),
	date        TEXT,
	responsible TEXT NOT NULL DEFAULT '',
	comment     TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (plan_id, requirement)
) WITHOUT ROWID;

-- Whose signed profiles this database takes: the coordinator's certificate (or the kommun CA's),
-- approved on the first import after comparing the fingerprint, preset by IT, or the coordinator's
-- own. Only a profile signed by one of these certificates is taken into use.
CREATE TABLE profile_signers (
	fingerprint TEXT PRIMARY KEY,
	subject     TEXT NOT NULL,
	cert        BLOB NOT NULL,
	source      TEXT NOT NULL CHECK (source IN ('approved', 'preset', 'own')),
	added_at    TEXT NOT NULL,
	added_by    TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

-- Coordinator side: the profile version a received submission was made under (NULL for files
-- that do not say, schema 1).
ALTER TABLE submissions ADD COLUMN profile_version INTEGER;
