-- Coordinator overview.
-- The coordinator's own record of a board's biennial follow-up for one year: an assessment of
-- each of the policy's three checks ('' not assessed, 'yes', 'partly', 'no') and free notes.
-- Keyed by board name, like submissions, because boards are known to the coordinator by the
-- name their submissions carry.
CREATE TABLE coordinator_notes (
	board      TEXT NOT NULL,
	year       INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
	check0     TEXT NOT NULL DEFAULT '' CHECK (check0 IN ('', 'yes', 'partly', 'no')),
	check1     TEXT NOT NULL DEFAULT '' CHECK (check1 IN ('', 'yes', 'partly', 'no')),
	check2     TEXT NOT NULL DEFAULT '' CHECK (check2 IN ('', 'yes', 'partly', 'no')),
	text       TEXT NOT NULL DEFAULT '',
	updated_at TEXT NOT NULL,
	updated_by TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (board, year)
) WITHOUT ROWID;
CREATE INDEX coordinator_notes_year ON coordinator_notes(year);

-- The overview reads "the current submission of every board for a year"; submissions_current
-- leads with board_name and cannot serve a lookup by year alone.
CREATE INDEX submissions_year_current ON submissions(year, board_name) WHERE current = 1;
