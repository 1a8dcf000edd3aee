-- Bimbingan kinerja: coaching, mentoring and counselling sessions and the
-- dialog kinerja held during the year. The coach records the session; the
-- ASN answers the session feedback (format B.1.8) once, the coach fills the
-- competence evaluation (format B.1.9). Both are JSON documents, '' until
-- given. reminded_at is set when both were told the next review is due.
CREATE TABLE coaching_sessions (
    id             TEXT PRIMARY KEY,
    instansi_id    TEXT NOT NULL REFERENCES instansi (id),
    employee_id    TEXT NOT NULL REFERENCES employees (id),
    coach_id       TEXT NOT NULL REFERENCES employees (id),
    kind           TEXT NOT NULL,
    held_on        TEXT NOT NULL,
    topic          TEXT NOT NULL,
    notes          TEXT NOT NULL DEFAULT '',
    actions        TEXT NOT NULL DEFAULT '',
    next_review    TEXT NOT NULL DEFAULT '',
    feedback_b18   TEXT NOT NULL DEFAULT '',
    feedback_at    TEXT NOT NULL DEFAULT '',
    competence_b19 TEXT NOT NULL DEFAULT '',
    competence_at  TEXT NOT NULL DEFAULT '',
    reminded_at    TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX coaching_employee ON coaching_sessions (employee_id, id);
CREATE INDEX coaching_coach ON coaching_sessions (coach_id, id);
CREATE INDEX coaching_review ON coaching_sessions (next_review, reminded_at);
