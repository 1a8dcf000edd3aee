-- RHK a supervisor proposes to a subordinate from the matriks peran hasil;
-- the subordinate accepts one into their draft SKP, or declines it.
CREATE TABLE rhk_proposals (
    id               TEXT PRIMARY KEY,
    instansi_id      TEXT NOT NULL REFERENCES instansi (id),
    from_employee_id TEXT NOT NULL REFERENCES employees (id),
    to_employee_id   TEXT NOT NULL REFERENCES employees (id),
    year             INTEGER NOT NULL,
    parent_rhk_id    TEXT NOT NULL REFERENCES rhk (id),
    description      TEXT NOT NULL,
    status           TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    decided_at       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX rhk_proposals_to ON rhk_proposals (to_employee_id, status);
