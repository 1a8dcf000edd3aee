-- Penilaian: one assessment per SKP in force during a period (monthly or
-- quarterly, and the annual one), made when the period closes. The
-- pejabat penilai of the day rates hasil kerja and perilaku kerja; the
-- predikat is stored for counting but always follows from the two ratings
-- by the rules of the assessment's regime. opd_id is the perangkat daerah
-- whose distribution curve the assessment counts in (the OPD of the SKP's
-- post). feedback holds the umpan balik per RHK and per core value as a
-- JSON document. The snapshots keep the three people as they were when the
-- assessment was rated (decision 9).
CREATE TABLE assessments (
    id              TEXT PRIMARY KEY,
    instansi_id     TEXT NOT NULL REFERENCES instansi (id),
    skp_id          TEXT NOT NULL REFERENCES skps (id),
    employee_id     TEXT NOT NULL REFERENCES employees (id),
    period_id       TEXT NOT NULL REFERENCES periods (id),
    opd_id          TEXT NOT NULL REFERENCES units (id),
    regime          TEXT NOT NULL,
    leader          BOOLEAN NOT NULL DEFAULT FALSE,
    status          TEXT NOT NULL,
    hasil_kerja     TEXT NOT NULL DEFAULT '',
    perilaku_kerja  TEXT NOT NULL DEFAULT '',
    predikat        TEXT NOT NULL DEFAULT '',
    note            TEXT NOT NULL DEFAULT '',
    feedback        TEXT NOT NULL DEFAULT '',
    employee_snapshot TEXT NOT NULL DEFAULT '',
    rater_snapshot  TEXT NOT NULL DEFAULT '',
    upper_snapshot  TEXT NOT NULL DEFAULT '',
    rated_by        TEXT NOT NULL DEFAULT '',
    rated_at        TEXT NOT NULL DEFAULT '',
    finalized_by    TEXT NOT NULL DEFAULT '',
    finalized_at    TEXT NOT NULL DEFAULT '',
    acknowledged_at TEXT NOT NULL DEFAULT '',
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (skp_id, period_id)
);
CREATE INDEX assessments_curve ON assessments (period_id, opd_id, status);
CREATE INDEX assessments_employee ON assessments (employee_id, period_id);

-- Calibration moves: a rating changed by the OPD head or BKPSDM on the
-- calibration screen, with the written reason the rated person and the
-- rater see.
CREATE TABLE assessment_moves (
    id              TEXT PRIMARY KEY,
    assessment_id   TEXT NOT NULL REFERENCES assessments (id),
    moved_by        TEXT NOT NULL,
    moved_at        TEXT NOT NULL,
    reason          TEXT NOT NULL,
    from_hasil_kerja    TEXT NOT NULL,
    from_perilaku_kerja TEXT NOT NULL,
    from_predikat   TEXT NOT NULL,
    to_hasil_kerja  TEXT NOT NULL,
    to_perilaku_kerja TEXT NOT NULL,
    to_predikat     TEXT NOT NULL
);
CREATE INDEX assessment_moves_assessment ON assessment_moves (assessment_id, moved_at);

-- One row per OPD and period: the calibration's state. Every finalisation
-- of an assessment of the OPD in the period first bumps this row's version,
-- so that on both engines concurrent raters queue behind one another and
-- the curve is counted and written in one transaction. status is 'open'
-- until the OPD's period is finalised ('final'), which locks it; an unlock
-- is an audited administrator's act. override_reason is the BKPSDM
-- administrator's reason to finalise a distribution that breaks the curve.
CREATE TABLE calibrations (
    opd_id          TEXT NOT NULL REFERENCES units (id),
    period_id       TEXT NOT NULL REFERENCES periods (id),
    instansi_id     TEXT NOT NULL REFERENCES instansi (id),
    status          TEXT NOT NULL,
    override_reason TEXT NOT NULL DEFAULT '',
    overridden_by   TEXT NOT NULL DEFAULT '',
    finalized_by    TEXT NOT NULL DEFAULT '',
    finalized_at    TEXT NOT NULL DEFAULT '',
    version         INTEGER NOT NULL,
    PRIMARY KEY (opd_id, period_id)
);
