-- After a transfer (mutasi) the new SKP may take RHK over from the SKP the
-- transfer closed: each row says which RHK of the new SKP was copied from
-- which RHK of the closed one. Progress and realisasi recorded after the
-- TMT on the RHK taken over are re-linked to the copy. Removing the copy
-- from the draft (when nothing depends on it) removes its row.
CREATE TABLE rhk_takeovers (
    rhk_id      TEXT PRIMARY KEY REFERENCES rhk (id) ON DELETE CASCADE,
    from_rhk_id TEXT NOT NULL REFERENCES rhk (id),
    from_skp_id TEXT NOT NULL REFERENCES skps (id),
    skp_id      TEXT NOT NULL REFERENCES skps (id),
    created_at  TEXT NOT NULL
);
CREATE INDEX rhk_takeovers_skp ON rhk_takeovers (skp_id);
