-- A notification is stored as its kind, the variant of its wording and its
-- arguments (a JSON array of strings), and rendered in the reader's
-- language when shown. Rows written before keep their title and body and
-- an empty args.
ALTER TABLE notifications ADD COLUMN variant TEXT NOT NULL DEFAULT '';
ALTER TABLE notifications ADD COLUMN args TEXT NOT NULL DEFAULT '';
