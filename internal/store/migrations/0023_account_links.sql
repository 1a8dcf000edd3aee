-- One-time links to set a password: an activation link for an account
-- that has none yet, a reset link for one that has. Only the SHA-256 of
-- the link's token is kept; a link is used once, ends at expires_at, and
-- issuing a new one for the account revokes the earlier ones.
CREATE TABLE account_links (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users (id),
    purpose     TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,
    created_by  TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT NOT NULL DEFAULT '',
    revoked_at  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX account_links_user ON account_links (user_id, created_at);
