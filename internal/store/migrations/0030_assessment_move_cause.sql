-- A sent result changes for more than calibration: a change of its
-- OPD's capaian kinerja organisasi re-derives an OPD head's rating hasil
-- kerja. Each change of a sent result is kept with its cause, so that the
-- result's history and documents say what changed it and why: cause is
-- 'calibration' (a move, reason its written reason) or 'capaian' (moved_by
-- who set the capaian, reason its basis, from_capaian and to_capaian the
-- capaian before and after; '' for a calibration move).
ALTER TABLE assessment_moves ADD COLUMN cause TEXT NOT NULL DEFAULT 'calibration';
ALTER TABLE assessment_moves ADD COLUMN from_capaian TEXT NOT NULL DEFAULT '';
ALTER TABLE assessment_moves ADD COLUMN to_capaian TEXT NOT NULL DEFAULT '';
