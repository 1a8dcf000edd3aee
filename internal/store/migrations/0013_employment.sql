-- One person, one record: the end of employment (pemberhentian) recorded
-- from the SK, the NIP history (a PPPK appointed CPNS, a number BKN
-- corrected, the number of a record merged away) and the merges of two
-- records of one person. Nothing here deletes an employee: an ended or
-- merged record stays readable.

CREATE TABLE employment_ends (
    id               TEXT PRIMARY KEY,
    instansi_id      TEXT NOT NULL REFERENCES instansi (id),
    employee_id      TEXT NOT NULL REFERENCES employees (id),
    kind             TEXT NOT NULL,
    tmt              TEXT NOT NULL,
    decree           TEXT NOT NULL,
    opd_id           TEXT NOT NULL DEFAULT '',
    account_disabled BOOLEAN NOT NULL DEFAULT FALSE,
    created_by       TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    cancelled_by     TEXT NOT NULL DEFAULT '',
    cancelled_at     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX employment_ends_employee ON employment_ends (employee_id, created_at);

CREATE TABLE nip_changes (
    id          TEXT PRIMARY KEY,
    instansi_id TEXT NOT NULL REFERENCES instansi (id),
    employee_id TEXT NOT NULL REFERENCES employees (id),
    old_nip     TEXT NOT NULL,
    new_nip     TEXT NOT NULL,
    reason      TEXT NOT NULL,
    merged_id   TEXT REFERENCES employees (id),
    created_by  TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX nip_changes_old ON nip_changes (instansi_id, old_nip);
CREATE INDEX nip_changes_employee ON nip_changes (employee_id, created_at);

CREATE TABLE employee_merges (
    id          TEXT PRIMARY KEY,
    instansi_id TEXT NOT NULL REFERENCES instansi (id),
    merged_id   TEXT NOT NULL UNIQUE REFERENCES employees (id),
    into_id     TEXT NOT NULL REFERENCES employees (id),
    created_by  TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX employee_merges_into ON employee_merges (into_id);
