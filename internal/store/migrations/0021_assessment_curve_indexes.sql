-- The calibration of a large OPD counts its assessments by status and
-- predikat, and by rater: indexes that hold those columns let both counts
-- read the index alone.
DROP INDEX assessments_curve;
CREATE INDEX assessments_curve ON assessments (opd_id, period_id, status, predikat);
CREATE INDEX assessments_raters ON assessments (opd_id, period_id, rated_by, predikat);
