-- Capaian kinerja organisasi (SE MenPANRB 3/2023, step one of penilaian):
-- per OPD and period, the leader above the OPD (the kepala daerah, or the
-- Sekda when the instansi says so) sets one of the five levels with its
-- basis, after recommendations of the units that handle personnel
-- (BKPSDM), planning (Bappeda) and oversight (the Inspektorat). The OPD
-- head's rating hasil kerja follows from it.
--
-- The instansi names who sets it and which units recommend as which.
ALTER TABLE instansi ADD COLUMN capaian_setter TEXT NOT NULL DEFAULT 'kepala_daerah';
ALTER TABLE instansi ADD COLUMN bkpsdm_unit_id TEXT NOT NULL DEFAULT '';
ALTER TABLE instansi ADD COLUMN bappeda_unit_id TEXT NOT NULL DEFAULT '';
ALTER TABLE instansi ADD COLUMN inspektorat_unit_id TEXT NOT NULL DEFAULT '';

-- One capaian per OPD and period; set_by is the employee who set it and
-- version guards every change against a stale form.
CREATE TABLE unit_performance (
    instansi_id TEXT NOT NULL REFERENCES instansi (id),
    unit_id     TEXT NOT NULL REFERENCES units (id),
    period_id   TEXT NOT NULL REFERENCES periods (id),
    capaian     TEXT NOT NULL,
    basis       TEXT NOT NULL,
    set_by      TEXT NOT NULL REFERENCES employees (id),
    set_at      TEXT NOT NULL,
    version     INTEGER NOT NULL,
    PRIMARY KEY (unit_id, period_id)
);
CREATE INDEX unit_performance_period ON unit_performance (instansi_id, period_id);

-- Recommendations are kept, never changed: a new one from the same source
-- is added beside the old. recommended_by is the user who recorded it (a
-- BKPSDM admin may record one for Bappeda or the Inspektorat, naming the
-- source); "by" and "at" are SQL words, hence the longer names.
CREATE TABLE unit_performance_recommendations (
    id             TEXT PRIMARY KEY,
    instansi_id    TEXT NOT NULL REFERENCES instansi (id),
    unit_id        TEXT NOT NULL REFERENCES units (id),
    period_id      TEXT NOT NULL REFERENCES periods (id),
    source         TEXT NOT NULL,
    capaian        TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    recommended_by TEXT NOT NULL,
    recommended_at TEXT NOT NULL
);
CREATE INDEX unit_performance_recommendations_period ON unit_performance_recommendations (instansi_id, period_id, unit_id);
