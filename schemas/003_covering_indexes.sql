-- Schema 3: indexes that answer a report's reads on their own. A year's tally or export reads
-- every adoption of the submissions it touches in submission order; with the old index on
-- submission_id alone that was an index entry, then a seek into the table, per adoption. The
-- adoptions_by_submission index now carries every column the reads take (lib/store/scan.cpp),
-- and adoptions_by_date carries the submission number, so finding the submissions a period
-- touches reads the index only. Both sort as before on their leading columns.
-- On a ledger of a million adoptions this migration takes a few seconds, once.

DROP INDEX adoptions_by_submission;
CREATE INDEX adoptions_by_submission
    ON adoptions (submission_id, id, outlet_id, adopted_on, form, placement, endorsement, fee);
DROP INDEX adoptions_by_date;
CREATE INDEX adoptions_by_date ON adoptions (adopted_on, submission_id);
