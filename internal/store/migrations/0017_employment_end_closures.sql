-- What an end of employment closed, as it was before: each placement it
-- ended (with its end date), each SKP it closed (with its status and
-- period end), each team it took the person out of (with the RHK they
-- worked on there). Cancelling a mistaken end puts them back. Ends
-- recorded before this table existed have no rows: their cancellation
-- restores nothing.
CREATE TABLE employment_end_closures (
    end_id   TEXT NOT NULL REFERENCES employment_ends (id),
    kind     TEXT NOT NULL,
    ref_id   TEXT NOT NULL,
    status   TEXT NOT NULL DEFAULT '',
    end_date TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (end_id, kind, ref_id)
);
