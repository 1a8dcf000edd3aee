-- Files staged by an import dry run, so that the admin can apply exactly
-- what they previewed without uploading it again. Content is base64 TEXT
-- to keep one column type on both engines.
CREATE TABLE import_uploads (
    id          TEXT PRIMARY KEY,
    instansi_id TEXT NOT NULL REFERENCES instansi (id),
    user_id     TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    content     TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX import_uploads_created ON import_uploads (created_at);
