-- Through the year: daily progress (progres harian), realisasi per
-- indicator and period, evidence files and links (bukti dukung), feedback
-- threads (umpan balik), and the per-person event log the live stream
-- replays.

ALTER TABLE instansi ADD COLUMN evidence_max_bytes BIGINT NOT NULL DEFAULT 10485760;

CREATE TABLE progress_entries (
    id            TEXT PRIMARY KEY,
    instansi_id   TEXT NOT NULL REFERENCES instansi (id),
    employee_id   TEXT NOT NULL REFERENCES employees (id),
    rater_id      TEXT REFERENCES employees (id),
    skp_id        TEXT REFERENCES skps (id),
    rhk_id        TEXT REFERENCES rhk (id),
    work_date     TEXT NOT NULL,
    description   TEXT NOT NULL,
    output_amount BIGINT NOT NULL DEFAULT 0,
    output_unit   TEXT NOT NULL DEFAULT '',
    minutes       INTEGER NOT NULL,
    status        TEXT NOT NULL,
    late          INTEGER NOT NULL DEFAULT 0,
    review_note   TEXT NOT NULL DEFAULT '',
    reviewed_by   TEXT NOT NULL DEFAULT '',
    reviewed_at   TEXT NOT NULL DEFAULT '',
    submitted_at  TEXT NOT NULL,
    version       INTEGER NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX progress_employee ON progress_entries (employee_id, work_date);
CREATE INDEX progress_rater ON progress_entries (rater_id, status, work_date);
CREATE INDEX progress_rhk ON progress_entries (rhk_id, work_date);

CREATE TABLE realisasi (
    id           TEXT PRIMARY KEY,
    skp_id       TEXT NOT NULL REFERENCES skps (id),
    period_id    TEXT NOT NULL REFERENCES periods (id),
    indicator_id TEXT NOT NULL REFERENCES indicators (id),
    value        TEXT NOT NULL,
    basis        TEXT NOT NULL DEFAULT '',
    version      INTEGER NOT NULL,
    updated_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (period_id, indicator_id)
);
CREATE INDEX realisasi_skp ON realisasi (skp_id, period_id);

CREATE TABLE evidence (
    id           TEXT PRIMARY KEY,
    instansi_id  TEXT NOT NULL REFERENCES instansi (id),
    owner_id     TEXT NOT NULL REFERENCES employees (id),
    target_type  TEXT NOT NULL,
    target_id    TEXT NOT NULL,
    kind         TEXT NOT NULL,
    sha256       TEXT NOT NULL DEFAULT '',
    size         BIGINT NOT NULL DEFAULT 0,
    content_type TEXT NOT NULL DEFAULT '',
    file_name    TEXT NOT NULL DEFAULT '',
    url          TEXT NOT NULL DEFAULT '',
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX evidence_target ON evidence (target_type, target_id);
CREATE INDEX evidence_sha ON evidence (sha256);

CREATE TABLE feedback (
    id          TEXT PRIMARY KEY,
    instansi_id TEXT NOT NULL REFERENCES instansi (id),
    owner_id    TEXT NOT NULL REFERENCES employees (id),
    target_type TEXT NOT NULL,
    target_id   TEXT NOT NULL,
    author_id   TEXT NOT NULL REFERENCES employees (id),
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX feedback_target ON feedback (target_type, target_id, id);
CREATE INDEX feedback_owner ON feedback (owner_id, id);

-- Events for one person, numbered 1, 2, 3... per person: the number is
-- taken under a row lock on event_cursors, so numbers follow commit order
-- and a stream resumed after number n misses nothing.
CREATE TABLE event_cursors (
    employee_id TEXT PRIMARY KEY REFERENCES employees (id),
    last_seq    BIGINT NOT NULL
);

CREATE TABLE events (
    employee_id TEXT NOT NULL REFERENCES employees (id),
    seq         BIGINT NOT NULL,
    type        TEXT NOT NULL,
    data        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (employee_id, seq)
);
