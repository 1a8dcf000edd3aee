-- Planning (perencanaan kinerja): performance years and their periods, the
-- SKP with its RHK, indicators and behaviours, approved versions, planning
-- dialogues, and in-app notifications.

CREATE TABLE performance_years (
    id          TEXT PRIMARY KEY,
    instansi_id TEXT NOT NULL REFERENCES instansi (id),
    year        INTEGER NOT NULL,
    period_kind TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (instansi_id, year)
);

CREATE TABLE periods (
    id              TEXT PRIMARY KEY,
    instansi_id     TEXT NOT NULL REFERENCES instansi (id),
    year            INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    number          INTEGER NOT NULL,
    start_date      TEXT NOT NULL,
    end_date        TEXT NOT NULL,
    report_deadline TEXT NOT NULL,
    status          TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (instansi_id, year, kind, number)
);

CREATE TABLE skps (
    id                TEXT PRIMARY KEY,
    instansi_id       TEXT NOT NULL REFERENCES instansi (id),
    employee_id       TEXT NOT NULL REFERENCES employees (id),
    position_id       TEXT REFERENCES positions (id),
    year              INTEGER NOT NULL,
    period_start      TEXT NOT NULL,
    period_end        TEXT NOT NULL,
    approach          TEXT NOT NULL,
    format            TEXT NOT NULL,
    status            TEXT NOT NULL,
    version           INTEGER NOT NULL,
    revision          INTEGER NOT NULL,
    return_note       TEXT NOT NULL DEFAULT '',
    submitted_at      TEXT NOT NULL DEFAULT '',
    approved_at       TEXT NOT NULL DEFAULT '',
    approved_by       TEXT NOT NULL DEFAULT '',
    rater_id          TEXT REFERENCES employees (id),
    upper_rater_id    TEXT REFERENCES employees (id),
    employee_snapshot TEXT NOT NULL,
    rater_snapshot    TEXT NOT NULL,
    upper_snapshot    TEXT NOT NULL,
    lampiran          TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX skps_employee ON skps (employee_id, year);
CREATE INDEX skps_rater ON skps (rater_id, year, status);
CREATE INDEX skps_instansi ON skps (instansi_id, year, status);

CREATE TABLE rhk (
    id             TEXT PRIMARY KEY,
    skp_id         TEXT NOT NULL REFERENCES skps (id),
    kind           TEXT NOT NULL,
    description    TEXT NOT NULL,
    parent_rhk_id  TEXT REFERENCES rhk (id),
    parent_text    TEXT NOT NULL DEFAULT '',
    penugasan_dari TEXT NOT NULL DEFAULT '',
    perspektif     TEXT NOT NULL DEFAULT '',
    position       INTEGER NOT NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX rhk_skp ON rhk (skp_id, position);
CREATE INDEX rhk_parent ON rhk (parent_rhk_id);

CREATE TABLE indicators (
    id          TEXT PRIMARY KEY,
    rhk_id      TEXT NOT NULL REFERENCES rhk (id),
    aspect      TEXT NOT NULL,
    description TEXT NOT NULL,
    target      TEXT NOT NULL,
    unit        TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL
);
CREATE INDEX indicators_rhk ON indicators (rhk_id, position);

CREATE TABLE skp_behaviours (
    id          TEXT PRIMARY KEY,
    skp_id      TEXT NOT NULL REFERENCES skps (id),
    core_value  TEXT NOT NULL,
    guides      TEXT NOT NULL,
    expectation TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL,
    UNIQUE (skp_id, core_value)
);

CREATE TABLE skp_versions (
    skp_id      TEXT NOT NULL REFERENCES skps (id),
    revision    INTEGER NOT NULL,
    document    TEXT NOT NULL,
    approved_at TEXT NOT NULL,
    approved_by TEXT NOT NULL,
    PRIMARY KEY (skp_id, revision)
);

CREATE TABLE skp_dialogues (
    id           TEXT PRIMARY KEY,
    skp_id       TEXT NOT NULL REFERENCES skps (id),
    held_on      TEXT NOT NULL,
    notes        TEXT NOT NULL,
    expectations TEXT NOT NULL DEFAULT '',
    author_id    TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX skp_dialogues_skp ON skp_dialogues (skp_id, held_on);

CREATE TABLE notifications (
    id          TEXT PRIMARY KEY,
    instansi_id TEXT NOT NULL REFERENCES instansi (id),
    employee_id TEXT NOT NULL REFERENCES employees (id),
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL,
    body        TEXT NOT NULL DEFAULT '',
    link        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    read_at     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX notifications_employee ON notifications (employee_id, read_at, id);
