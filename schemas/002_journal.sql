-- Schema 2: the audit journal. Every command that writes opens one journal entry (its time and
-- command line); triggers record each row it inserts, updates or deletes, with the row's old
-- and new values as JSON, so `infotally log` can say what changed and `infotally undo` can
-- revert a whole command — and an undo, being a command too, can itself be undone (redo).
-- The record counter is deliberately not journaled: a number once given is never reused.

CREATE TABLE journal (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,      -- UTC, ISO 8601
    command   TEXT NOT NULL,      -- the command line as typed
    undoes    INTEGER REFERENCES journal (id),   -- this entry reverted that one
    undone_by INTEGER REFERENCES journal (id)    -- that entry reverted this one
) STRICT;

CREATE TABLE journal_changes (
    id       INTEGER PRIMARY KEY,  -- order of the changes
    entry_id INTEGER NOT NULL REFERENCES journal (id) ON DELETE CASCADE,
    tbl      TEXT NOT NULL,
    op       TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'insert_range')),
    old      TEXT,                 -- JSON of the row before (update, delete)
    new      TEXT                  -- JSON of the row after (insert, update); for insert_range
                                   -- (bulk imports) {"key": column, "from": n, "to": m}
) STRICT;
CREATE INDEX journal_changes_by_entry ON journal_changes (entry_id, id);

-- The entry being recorded; NULL outside a command (migrations, reads): nothing is journaled.
CREATE TABLE journal_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    current INTEGER
) STRICT;
INSERT INTO journal_state (id, current) VALUES (1, NULL);

CREATE TRIGGER journal_unit_insert AFTER INSERT ON unit
WHEN (SELECT current FROM journal_state) IS NOT NULL
BEGIN
    INSERT INTO journal_changes (entry_id, tbl, op, old, new)
    VALUES ((SELECT current FROM journal_state), 'unit', 'insert', NULL,
            json_object('id', NEW.id, 'name', NEW.name, 'created_at', NEW.created_at));
END;

CREATE TRIGGER journal_unit_update AFTER UPDATE ON unit
WHEN (SELECT current FROM journal_state) IS NOT NULL
BEGIN
    INSERT INTO journal_changes (entry_id, tbl, op, old, new)
    VALUES ((SELECT current FROM journal_state), 'unit', 'update', json_object('id', OLD.id, 'name', OLD.name, 'created_at', OLD.created_at),
            json_object('id', NEW.id, 'name', NEW.name, 'created_at', NEW.created_at));
END;

CREATE TRIGGER journal_unit_delete AFTER DELETE ON unit
WHEN (SELECT current FROM journal_state) IS NOT NULL
BEGIN
    INSERT INTO journal_changes (entry_id, tbl, op, old, new)
    VALUES ((SELECT current FROM journal_state), 'unit', 'delete', json_object('id', OLD.id, 'name', OLD.name, 'created_at', OLD.created_at),
            NULL);
END;

CREATE TRIGGER journal_departments_insert AFTER INSERT ON departments
WHEN (SELECT current FROM journal_state) IS NOT NULL
BEGIN
    INSERT INTO journal_changes (entry_id, tbl, op, old, new)
    VALUES ((SELECT current FROM journal_state), 'departments', 'insert', NULL,
            json_object('id', NEW.id, 'code', NEW.code, 'name', NEW.name, 'retired_on', NEW.retired_on));
END;

CREATE TRIGGER journal_departments_update AFTER UPDATE ON departments
WHEN (SELECT current FROM journal_state) IS NOT NULL
BEGIN
    INSERT INTO journal_changes (entry_id, tbl, op, old, new)
    VALUES ((SELECT current FROM journal_state), 'departments', 'update', json_object('id', OLD.id, 'code', OLD.code, 'name', OLD.name, 'retired_on', OLD.retired_on),
            json_object('id', NEW.id, 'code', NEW.code, 'name', NEW.name, 'retired_on', NEW.retired_on));
END;

CREATE TRIGGER journal_departments_delete AFTER DELETE ON departments
WHEN (SELECT current FROM journal_state) IS NOT NULL
BEGIN
    INSERT INTO journal_changes (entry_id, tbl, op, old, new)
    VALUES ((SELECT current FROM journal_state), 'departments', 'delete', json_object('id', OLD.id, 'code', OLD.code, 'name', OLD.name, 'retired_on', OLD.retired_on),
            NULL);
END;

CREATE TRIGGER journal_people_insert AFTER INSERT ON people
WHEN (SELECT current FROM journal_state) IS NOT NULL
BEGIN
    INSERT INTO journal_changes (entry_id, tbl, op, old, new)
    VALUES ((SELECT current FROM journal_state), 'people', 'insert', NULL,
            json_object('id', NEW.id, 'name', NEW.name));
END;

CREATE TRIGGER journal_people_update AFTER UPDATE ON people
WHEN (SELECT current FROM journal_state) IS NOT NULL
BEGIN
    INSERT INTO journal_changes (entry_id, tbl, op, old, new)
    VALUES ((SELECT current FROM journal_state), 'people', 'update', json_object('id', OLD.id, 'name', OLD.name),
            json_object('id', NEW.id, 'name', NEW.name));
END;

CREATE TRIGGER journal_people_delete AFTER DELETE ON people
WHEN (SELECT current FROM journal_state) IS NOT NULL
BEGIN
    INSERT INTO journal_changes (entry_id, tbl, op, old, new)
    VALUES ((SELECT current FROM journal_state), 'people', 'delete', json_object('id', OLD.id, 'name', OLD.name),
            NULL);
END;

CREATE TRIGGER journal_memberships_insert AFTER INSERT ON memberships
WHEN (SELECT current FROM journal_state) IS NOT NULL
BEGIN
    INSERT INTO journal_changes (entry_id, tbl, op, old, new)
    VALUES ((SELECT current FROM journal_state), 'memberships', 'insert', NULL,
            json_object('person_id', NEW.person_id, 'since', NEW.since, 'dept_id', NEW.dept_id));
END;

CREATE TRIGGER journal_memberships_update AFTER UPDATE ON memberships
WHEN (SELECT current FROM journal_state) IS NOT NULL
BEGIN
    INSERT INTO journal_changes (entry_id, tbl, op, old, new)
    VALUES ((SELECT current FROM journal_state), 'memberships', 'update', json_object('person_id', OLD.person_id, 'since', OLD.since, 'dept_id', OLD.dept_id),
            json_object('person_id', NEW.person_id, 'since', NEW.since, 'dept_id', NEW.dept_id));
END;

CREATE TRIGGER journal_memberships_delete AFTER DELETE ON memberships
WHEN (SELECT current FROM journal_state) IS NOT NULL
BEGIN
    INSERT INTO journal_changes (entry_id, tbl, op, old, new)
    VALUES ((SELECT current FROM journal_state), 'memberships', 'delete', json_object('person_id', OLD.person_id, 'since', OLD.since, 'dept_id', OLD.dept_id),
            NULL);
END;

CREATE TRIGGER journal_outlets_insert AFTER INSERT ON outlets
WHEN (SELECT current FROM journal_state) IS NOT NULL
BEGIN
    INSERT INTO journal_changes (entry_id, tbl, op, old, new)
    VALUES ((SELECT current FROM journal_state), 'outlets', 'insert', NULL,
            json_object('id', NEW.id, 'name', NEW.name, 'level', NEW.level, 'media', NEW.media));
END;

CREATE TRIGGER journal_outlets_update AFTER UPDATE ON outlets
WHEN (SELECT current FROM journal_state) IS NOT NULL
BEGIN
    INSERT INTO journal_changes (entry_id, tbl, op, old, new)
    VALUES ((SELECT current FROM journal_state), 'outlets', 'update', json_object('id', OLD.id, 'name', OLD.name, 'level', OLD.level, 'media', OLD.media),
            json_object('id', NEW.id, 'name', NEW.name, 'level', NEW.level, 'media', NEW.media));
END;

CREATE TRIGGER journal_outlets_delete AFTER DELETE ON outlets
WHEN (SELECT current FROM journal_state) IS NOT NULL
BEGIN
    INSERT INTO journal_changes (entry_id, tbl, op, old, new)
    VALUES ((SELECT current FROM journal_state), 'outlets', 'delete', json_object('id', OLD.id, 'name', OLD.name, 'level', OLD.level, 'media', OLD.media),
            NULL);
END;

CREATE TRIGGER journal_submissions_insert AFTER INSERT ON submissions
WHEN (SELECT current FROM journal_state) IS NOT NULL
BEGIN
    INSERT INTO journal_changes (entry_id, tbl, op, old, new)
    VALUES ((SELECT current FROM journal_state), 'submissions', 'insert', NULL,
            json_object('id', NEW.id, 'title', NEW.title, 'kind', NEW.kind, 'category', NEW.category, 'dept_id', NEW.dept_id, 'submitted_on', NEW.submitted_on, 'length', NEW.length, 'destination', NEW.destination, 'occurred_on', NEW.occurred_on, 'due_on', NEW.due_on, 'tags', NEW.tags));
END;

CREATE TRIGGER journal_submissions_update AFTER UPDATE ON submissions
WHEN (SELECT current FROM journal_state) IS NOT NULL
BEGIN
    INSERT INTO journal_changes (entry_id, tbl, op, old, new)
    VALUES ((SELECT current FROM journal_state), 'submissions', 'update', json_object('id', OLD.id, 'title', OLD.title, 'kind', OLD.kind, 'category', OLD.category, 'dept_id', OLD.dept_id, 'submitted_on', OLD.submitted_on, 'length', OLD.length, 'destination', OLD.destination, 'occurred_on', OLD.occurred_on, 'due_on', OLD.due_on, 'tags', OLD.tags),
            json_object('id', NEW.id, 'title', NEW.title, 'kind', NEW.kind, 'category', NEW.category, 'dept_id', NEW.dept_id, 'submitted_on', NEW.submitted_on, 'length', NEW.length, 'destination', NEW.destination, 'occurred_on', NEW.occurred_on, 'due_on', NEW.due_on, 'tags', NEW.tags));
END;

CREATE TRIGGER journal_submissions_delete AFTER DELETE ON submissions
WHEN (SELECT current FROM journal_state) IS NOT NULL
BEGIN
    INSERT INTO journal_changes (entry_id, tbl, op, old, new)
    VALUES ((SELECT current FROM journal_state), 'submissions', 'delete', json_object('id', OLD.id, 'title', OLD.title, 'kind', OLD.kind, 'category', OLD.category, 'dept_id', OLD.dept_id, 'submitted_on', OLD.submitted_on, 'length', OLD.length, 'destination', OLD.destination, 'occurred_on', OLD.occurred_on, 'due_on', OLD.due_on, 'tags', OLD.tags),
            NULL);
END;

CREATE TRIGGER journal_authorships_insert AFTER INSERT ON authorships
WHEN (SELECT current FROM journal_state) IS NOT NULL
BEGIN
    INSERT INTO journal_changes (entry_id, tbl, op, old, new)
    VALUES ((SELECT current FROM journal_state), 'authorships', 'insert', NULL,
            json_object('submission_id', NEW.submission_id, 'position', NEW.position, 'person_id', NEW.person_id, 'share', NEW.share));
END;

CREATE TRIGGER journal_authorships_update AFTER UPDATE ON authorships
WHEN (SELECT current FROM journal_state) IS NOT NULL
BEGIN
    INSERT INTO journal_changes (entry_id, tbl, op, old, new)
    VALUES ((SELECT current FROM journal_state), 'authorships', 'update', json_object('submission_id', OLD.submission_id, 'position', OLD.position, 'person_id', OLD.person_id, 'share', OLD.share),
            json_object('submission_id', NEW.submission_id, 'position', NEW.position, 'person_id', NEW.person_id, 'share', NEW.share));
END;

CREATE TRIGGER journal_authorships_delete AFTER DELETE ON authorships
WHEN (SELECT current FROM journal_state) IS NOT NULL
BEGIN
    INSERT INTO journal_changes (entry_id, tbl, op, old, new)
    VALUES ((SELECT current FROM journal_state), 'authorships', 'delete', json_object('submission_id', OLD.submission_id, 'position', OLD.position, 'person_id', OLD.person_id, 'share', OLD.share),
            NULL);
END;

CREATE TRIGGER journal_adoptions_insert AFTER INSERT ON adoptions
WHEN (SELECT current FROM journal_state) IS NOT NULL
BEGIN
    INSERT INTO journal_changes (entry_id, tbl, op, old, new)
    VALUES ((SELECT current FROM journal_state), 'adoptions', 'insert', NULL,
            json_object('id', NEW.id, 'submission_id', NEW.submission_id, 'outlet_id', NEW.outlet_id, 'adopted_on', NEW.adopted_on, 'form', NEW.form, 'placement', NEW.placement, 'endorsement', NEW.endorsement, 'fee', NEW.fee));
END;

CREATE TRIGGER journal_adoptions_update AFTER UPDATE ON adoptions
WHEN (SELECT current FROM journal_state) IS NOT NULL
BEGIN
    INSERT INTO journal_changes (entry_id, tbl, op, old, new)
    VALUES ((SELECT current FROM journal_state), 'adoptions', 'update', json_object('id', OLD.id, 'submission_id', OLD.submission_id, 'outlet_id', OLD.outlet_id, 'adopted_on', OLD.adopted_on, 'form', OLD.form, 'placement', OLD.placement, 'endorsement', OLD.endorsement, 'fee', OLD.fee),
            json_object('id', NEW.id, 'submission_id', NEW.submission_id, 'outlet_id', NEW.outlet_id, 'adopted_on', NEW.adopted_on, 'form', NEW.form, 'placement', NEW.placement, 'endorsement', NEW.endorsement, 'fee', NEW.fee));
END;

CREATE TRIGGER journal_adoptions_delete AFTER DELETE ON adoptions
WHEN (SELECT current FROM journal_state) IS NOT NULL
BEGIN
    INSERT INTO journal_changes (entry_id, tbl, op, old, new)
    VALUES ((SELECT current FROM journal_state), 'adoptions', 'delete', json_object('id', OLD.id, 'submission_id', OLD.submission_id, 'outlet_id', OLD.outlet_id, 'adopted_on', OLD.adopted_on, 'form', OLD.form, 'placement', OLD.placement, 'endorsement', OLD.endorsement, 'fee', OLD.fee),
            NULL);
END;

CREATE TRIGGER journal_rules_insert AFTER INSERT ON rules
WHEN (SELECT current FROM journal_state) IS NOT NULL
BEGIN
    INSERT INTO journal_changes (entry_id, tbl, op, old, new)
    VALUES ((SELECT current FROM journal_state), 'rules', 'insert', NULL,
            json_object('year', NEW.year, 'source_name', NEW.source_name, 'toml', NEW.toml, 'set_at', NEW.set_at));
END;

CREATE TRIGGER journal_rules_update AFTER UPDATE ON rules
WHEN (SELECT current FROM journal_state) IS NOT NULL
BEGIN
    INSERT INTO journal_changes (entry_id, tbl, op, old, new)
    VALUES ((SELECT current FROM journal_state), 'rules', 'update', json_object('year', OLD.year, 'source_name', OLD.source_name, 'toml', OLD.toml, 'set_at', OLD.set_at),
            json_object('year', NEW.year, 'source_name', NEW.source_name, 'toml', NEW.toml, 'set_at', NEW.set_at));
END;

CREATE TRIGGER journal_rules_delete AFTER DELETE ON rules
WHEN (SELECT current FROM journal_state) IS NOT NULL
BEGIN
    INSERT INTO journal_changes (entry_id, tbl, op, old, new)
    VALUES ((SELECT current FROM journal_state), 'rules', 'delete', json_object('year', OLD.year, 'source_name', OLD.source_name, 'toml', OLD.toml, 'set_at', OLD.set_at),
            NULL);
END;
