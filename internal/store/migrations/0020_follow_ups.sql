-- Tindak lanjut of a final annual result: improvement plans with their
-- six-month review, and recommendations (training, reward, sanction) that
-- BKPSDM tracks to completion. Angka kredit is computed from the predikat
-- and is not stored.
CREATE TABLE follow_ups (
    id            TEXT PRIMARY KEY,
    instansi_id   TEXT NOT NULL REFERENCES instansi (id),
    assessment_id TEXT NOT NULL REFERENCES assessments (id),
    employee_id   TEXT NOT NULL REFERENCES employees (id),
    kind          TEXT NOT NULL,
    title         TEXT NOT NULL,
    plan          TEXT NOT NULL DEFAULT '',
    review_due    TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL,
    outcome       TEXT NOT NULL DEFAULT '',
    created_by    TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    version       INTEGER NOT NULL
);
CREATE INDEX follow_ups_assessment ON follow_ups (assessment_id);
CREATE INDEX follow_ups_status ON follow_ups (instansi_id, status, id);
