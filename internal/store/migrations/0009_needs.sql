-- Development needs (a training, a mentor, a certification) and resource
-- constraints (equipment, a facility, budget, staffing) that hold back the
-- work of an ASN, optionally on one RHK. The supervisor confirms or closes
-- them; BKPSDM, leaders and OPD admins record what was done about the
-- confirmed ones. opd_id and unit_id are the employee's when it was
-- recorded, kept for the per-OPD view; year is the performance year it
-- was recorded in. The *_by columns hold user ids; version guards every
-- change against a stale form.
CREATE TABLE needs (
    id           TEXT PRIMARY KEY,
    instansi_id  TEXT NOT NULL REFERENCES instansi (id),
    employee_id  TEXT NOT NULL REFERENCES employees (id),
    opd_id       TEXT NOT NULL DEFAULT '',
    unit_id      TEXT NOT NULL DEFAULT '',
    rhk_id       TEXT REFERENCES rhk (id),
    year         INTEGER NOT NULL,
    category     TEXT NOT NULL,
    kind         TEXT NOT NULL,
    title        TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL,
    reported_by  TEXT NOT NULL DEFAULT '',
    confirmed_by TEXT NOT NULL DEFAULT '',
    confirmed_at TEXT NOT NULL DEFAULT '',
    closed_by    TEXT NOT NULL DEFAULT '',
    closed_at    TEXT NOT NULL DEFAULT '',
    closed_note  TEXT NOT NULL DEFAULT '',
    action_note  TEXT NOT NULL DEFAULT '',
    addressed_by TEXT NOT NULL DEFAULT '',
    addressed_at TEXT NOT NULL DEFAULT '',
    version      INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX needs_opd ON needs (instansi_id, opd_id, kind, status);
CREATE INDEX needs_year ON needs (instansi_id, year, opd_id);
CREATE INDEX needs_employee ON needs (employee_id, id);
