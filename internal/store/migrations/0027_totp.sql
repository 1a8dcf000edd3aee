-- A second factor: a TOTP authenticator (RFC 6238) a user enrols on their
-- profile. The secret is kept as the authenticator app needs it (base32);
-- enabled_at is '' while the enrolment waits for its first code.
-- last_step is the newest 30-second time step whose code was accepted, so
-- that a code is never accepted twice. Recovery codes are kept as the
-- SHA-256 of each (they are random and long), each used once.
-- require_totp: the instansi requires administrators and auditors to have
-- one.
CREATE TABLE user_totp (
    user_id     TEXT PRIMARY KEY REFERENCES users (id),
    secret      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    enabled_at  TEXT NOT NULL DEFAULT '',
    last_step   BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE totp_recovery_codes (
    user_id    TEXT NOT NULL REFERENCES users (id),
    code_hash  TEXT NOT NULL,
    used_at    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (user_id, code_hash)
);
ALTER TABLE instansi ADD COLUMN require_totp BOOLEAN NOT NULL DEFAULT FALSE;
