-- A placement cancelled before it started (recorded by mistake, or
-- starting after the end of the person's employment) stays, for the
-- history, but holds nothing: cancelled_at is when, cancelled_by who
-- (the user, '' for an end of employment's own act). '' while in force.
ALTER TABLE placements ADD COLUMN cancelled_at TEXT NOT NULL DEFAULT '';
ALTER TABLE placements ADD COLUMN cancelled_by TEXT NOT NULL DEFAULT '';
