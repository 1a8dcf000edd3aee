-- An SKP is made for one position: the employee's definitive one (acting
-- empty) or a post they act in as Plt or Plh (acting 'plt' or 'plh'), which
-- has an SKP of its own beside the definitive one. Rows written before are
-- SKPs of the definitive post.
ALTER TABLE skps ADD COLUMN acting TEXT NOT NULL DEFAULT '';
CREATE INDEX skps_position ON skps (position_id, year);
