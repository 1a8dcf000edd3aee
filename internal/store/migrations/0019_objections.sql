-- Keberatan: the employee's objection to a final assessment result, one
-- per assessment. The pejabat penilai of the day explains; the atasan
-- pejabat penilai of the day decides to keep the ratings or to change
-- them, and the decision is final (PP 30/2019 Pasal 59). deadline is the
-- last day to object on the instansi's clock: the day the result was
-- received plus 14 calendar days. from_* hold the ratings and predikat the
-- objection was decided on, to_* those the decision set (the same for
-- 'keep'). status is 'submitted', 'explained' or 'decided'.
CREATE TABLE objections (
    id              TEXT PRIMARY KEY,
    instansi_id     TEXT NOT NULL REFERENCES instansi (id),
    assessment_id   TEXT NOT NULL UNIQUE REFERENCES assessments (id),
    employee_id     TEXT NOT NULL REFERENCES employees (id),
    reason          TEXT NOT NULL,
    submitted_at    TEXT NOT NULL,
    deadline        TEXT NOT NULL,
    status          TEXT NOT NULL,
    explanation     TEXT NOT NULL DEFAULT '',
    explained_by    TEXT NOT NULL DEFAULT '',
    explained_at    TEXT NOT NULL DEFAULT '',
    decision        TEXT NOT NULL DEFAULT '',
    decision_note   TEXT NOT NULL DEFAULT '',
    from_hasil_kerja    TEXT NOT NULL DEFAULT '',
    from_perilaku_kerja TEXT NOT NULL DEFAULT '',
    from_predikat       TEXT NOT NULL DEFAULT '',
    to_hasil_kerja      TEXT NOT NULL DEFAULT '',
    to_perilaku_kerja   TEXT NOT NULL DEFAULT '',
    to_predikat         TEXT NOT NULL DEFAULT '',
    decided_by      TEXT NOT NULL DEFAULT '',
    decided_at      TEXT NOT NULL DEFAULT '',
    version         INTEGER NOT NULL
);
CREATE INDEX objections_status ON objections (instansi_id, status);
CREATE INDEX objections_employee ON objections (employee_id);

-- Whether the instansi lets periodic (monthly or quarterly) results be
-- objected to; the annual result always may be.
ALTER TABLE instansi ADD COLUMN periodic_objections BOOLEAN NOT NULL DEFAULT FALSE;
