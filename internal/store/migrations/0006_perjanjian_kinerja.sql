-- The Perjanjian Kinerja (PK) of a unit for a year: the sasaran the head of
-- the unit commits to with the Kepala Daerah, each with its indicators and
-- targets. A JPT takes the RHK of their SKP from it.
CREATE TABLE pk_sasaran (
    id          TEXT PRIMARY KEY,
    instansi_id TEXT NOT NULL REFERENCES instansi (id),
    unit_id     TEXT NOT NULL REFERENCES units (id),
    year        INTEGER NOT NULL,
    description TEXT NOT NULL,
    position    INTEGER NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX pk_sasaran_unit ON pk_sasaran (unit_id, year, position);

CREATE TABLE pk_indicators (
    id          TEXT PRIMARY KEY,
    sasaran_id  TEXT NOT NULL REFERENCES pk_sasaran (id),
    description TEXT NOT NULL,
    target      TEXT NOT NULL,
    unit        TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL
);
CREATE INDEX pk_indicators_sasaran ON pk_indicators (sasaran_id, position);

ALTER TABLE rhk ADD COLUMN pk_sasaran_id TEXT REFERENCES pk_sasaran (id);
