-- Each instansi works by its own clock: one of Indonesia's three time zones,
-- stored by its IANA name (Asia/Jakarta WIB, Asia/Makassar WITA,
-- Asia/Jayapura WIT). An instansi that never chose one keeps WIB.
ALTER TABLE instansi ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Asia/Jakarta';
