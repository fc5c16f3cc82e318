-- infotally ledger, schema 1. Applied once, in one transaction, when a ledger is created.
-- Dates are ISO text (YYYY-MM-DD): they sort, compare and read well in the sqlite3 shell.
-- Money is whole fen (cents), shares whole ten-thousandths: no floating point.

CREATE TABLE unit (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

-- Submissions and adoptions share one numbering, so `show 17` and `remove 17` never need to
-- ask which kind of record 17 is; numbers are never reused after a removal.
CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) STRICT;
INSERT INTO counters (name, value) VALUES ('record_id', 0);

CREATE TABLE departments (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name       TEXT NOT NULL,
    retired_on TEXT
) STRICT;

CREATE TABLE people (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
) STRICT;

-- A person's department over time: the row with the latest `since` on or before a date is the
-- department they belonged to that day.
CREATE TABLE memberships (
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    since     TEXT NOT NULL,
    dept_id   INTEGER NOT NULL REFERENCES departments (id),
    PRIMARY KEY (person_id, since)
) STRICT, WITHOUT ROWID;

CREATE TABLE outlets (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE,
    level TEXT NOT NULL,
    media TEXT NOT NULL
) STRICT;

CREATE TABLE submissions (
    id           INTEGER PRIMARY KEY,
    title        TEXT NOT NULL,
    kind         TEXT NOT NULL,
    category     TEXT NOT NULL DEFAULT '',
    dept_id      INTEGER NOT NULL REFERENCES departments (id),
    submitted_on TEXT NOT NULL,
    length       INTEGER CHECK (length IS NULL OR length >= 0),
    destination  TEXT NOT NULL DEFAULT '',
    occurred_on  TEXT,
    due_on       TEXT,
    tags         TEXT NOT NULL DEFAULT ''  -- labels separated by ','
) STRICT;
CREATE INDEX submissions_by_date ON submissions (submitted_on);
CREATE INDEX submissions_by_dept ON submissions (dept_id, submitted_on);

CREATE TABLE authorships (
    submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL CHECK (position >= 1),
    person_id     INTEGER NOT NULL REFERENCES people (id),
    share         INTEGER CHECK (share IS NULL OR (share > 0 AND share <= 10000)),
    PRIMARY KEY (submission_id, position),
    UNIQUE (submission_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX authorships_by_person ON authorships (person_id);

CREATE TABLE adoptions (
    id            INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    outlet_id     INTEGER NOT NULL REFERENCES outlets (id),
    adopted_on    TEXT NOT NULL,
    form          TEXT NOT NULL DEFAULT 'whole',
    placement     TEXT NOT NULL DEFAULT '',
    endorsement   TEXT NOT NULL DEFAULT '',
    fee           INTEGER  -- fen
) STRICT;
CREATE INDEX adoptions_by_submission ON adoptions (submission_id);
CREATE INDEX adoptions_by_date ON adoptions (adopted_on);

-- One rules file per year, stored whole, so a past year's tally never changes when a later
-- year's rules do.
CREATE TABLE rules (
    year        INTEGER PRIMARY KEY,
    source_name TEXT NOT NULL,
    toml        TEXT NOT NULL,
    set_at      TEXT NOT NULL
) STRICT;
