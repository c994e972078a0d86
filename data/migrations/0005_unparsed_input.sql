-- What was typed into a number field and is no value ("10 tkx", "2,5" hours): kept as typed, so
-- that after a restart the field still shows it and the review still lists it until it is fixed
-- or undone. The row's own column keeps its last valid value meanwhile. One text per field of a
-- row; a valid number typed into the field deletes it.
CREATE TABLE unparsed_input (
	plan_id   INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	entity    TEXT NOT NULL CHECK (entity IN ('activity','training')),
	entity_id INTEGER NOT NULL,
	field     TEXT NOT NULL,
	text      TEXT NOT NULL,
	PRIMARY KEY (entity, entity_id, field)
) WITHOUT ROWID;
CREATE INDEX unparsed_input_plan ON unparsed_input(plan_id);

-- A deleted row takes its typed text with it (row ids can be reused).
CREATE TRIGGER activities_unparsed AFTER DELETE ON activities BEGIN
	DELETE FROM unparsed_input WHERE entity = 'activity' AND entity_id = OLD.id;
END;
CREATE TRIGGER trainings_unparsed AFTER DELETE ON trainings BEGIN
	DELETE FROM unparsed_input WHERE entity = 'training' AND entity_id = OLD.id;
END;
