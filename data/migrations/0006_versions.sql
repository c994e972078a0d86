-- Versions that cannot collide silently (issue 10).

-- A plan's identity: a random UUID made with the plan, kept when the database file is copied,
-- and carried in every submission of the plan ("plan_uuid"). Plans rebuilt from a received
-- submission keep the UUID the submission carried ('' for files made before this version), so
-- only a board's own plans need a unique one.
ALTER TABLE plans ADD COLUMN uuid TEXT NOT NULL DEFAULT '';
UPDATE plans SET uuid = lower(
		hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
		substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
	WHERE submission_id IS NULL;
CREATE UNIQUE INDEX plans_uuid ON plans(uuid) WHERE submission_id IS NULL;

-- Every submission version number handed out for a plan, with the content hash it was handed
-- out for. An export records its number here (state 'reserved') before its file is renamed
-- into place and marks it 'signed' once the plan is marked signed, so a killed export never
-- lets the next export use the same number for other content. This replaces the settings key
-- export.signed_content.<plan id>: that hash was computed another way, so it is kept with a
-- prefix that never equals a new hash (the next export of such a plan gets a new number).
CREATE TABLE plan_versions (
	plan_id      INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	version      INTEGER NOT NULL CHECK (version >= 1),
	content_hash TEXT NOT NULL,
	state        TEXT NOT NULL CHECK (state IN ('reserved', 'signed')),
	at           TEXT NOT NULL,
	PRIMARY KEY (plan_id, version)
) WITHOUT ROWID;
INSERT OR IGNORE INTO plan_versions(plan_id, version, content_hash, state, at)
	SELECT p.id, p.version, 'legacy:' || st.value, 'signed', p.updated_at
	FROM settings st JOIN plans p ON st.key = 'export.signed_content.' || p.id
	WHERE p.version >= 1;
DELETE FROM settings WHERE key LIKE 'export.signed\_content.%' ESCAPE '\';

-- Coordinator side: what a received submission says about itself. content_hash is the hash of
-- its plan content (docs/submission-format.md §2), computed by the importer from the stored
-- payload for files received before this version (left '' here: SQL cannot compute it).
-- conflict_with names the submission this one disagrees with (same version, other content; or
-- another plan for the same board and year); conflict_open stays 1 until the coordinator
-- chooses which submission of the board and year is current.
ALTER TABLE submissions ADD COLUMN plan_uuid TEXT NOT NULL DEFAULT '';
ALTER TABLE submissions ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE submissions ADD COLUMN conflict_with INTEGER REFERENCES submissions(id) ON DELETE SET NULL;
ALTER TABLE submissions ADD COLUMN conflict_open INTEGER NOT NULL DEFAULT 0;
CREATE INDEX submissions_conflict_open ON submissions(board_name, year) WHERE conflict_open = 1;
