-- A daily digest by e-mail instead of one e-mail per notification, as the
-- user chooses on their profile. digest_sent_at is when the last digest
-- went out ('' for never), so that one goes out per day.
ALTER TABLE users ADD COLUMN email_digest BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN digest_sent_at TEXT NOT NULL DEFAULT '';
