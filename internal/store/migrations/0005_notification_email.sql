-- When a notification was also sent by e-mail (empty until then).
ALTER TABLE notifications ADD COLUMN emailed_at TEXT NOT NULL DEFAULT '';
