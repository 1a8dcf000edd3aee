-- When the employee received the result as it stands: its sending, or
-- the latest change of a result already sent (a calibration move, a
-- keberatan decision that changed it). The keberatan window counts from
-- it, and a changed result asks for the employee's acknowledgement again.
-- Results already written take the sending, or the latest move or
-- changing decision after it; an acknowledgement given before that
-- change was of a result that no longer stands and is cleared.
ALTER TABLE assessments ADD COLUMN received_at TEXT NOT NULL DEFAULT '';
UPDATE assessments SET received_at = finalized_at WHERE status = 'final';
UPDATE assessments SET received_at = (SELECT MAX(m.moved_at) FROM assessment_moves m WHERE m.assessment_id = assessments.id)
    WHERE status = 'final' AND EXISTS (SELECT 1 FROM assessment_moves m WHERE m.assessment_id = assessments.id AND m.moved_at > assessments.received_at);
UPDATE assessments SET received_at = (SELECT o.decided_at FROM objections o WHERE o.assessment_id = assessments.id)
    WHERE status = 'final' AND EXISTS (SELECT 1 FROM objections o WHERE o.assessment_id = assessments.id AND o.decision = 'change'
        AND o.decided_at > assessments.received_at);
UPDATE assessments SET acknowledged_at = '' WHERE acknowledged_at <> '' AND acknowledged_at < received_at;
