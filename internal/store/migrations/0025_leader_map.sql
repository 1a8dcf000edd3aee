-- The instansi's own map from capaian kinerja organisasi to the unit
-- head's rating hasil kerja (decision 6), as JSON ({"istimewa":"di_atas",
-- ...}); empty for the regulation's. A rating keeps the rating hasil
-- kerja it was given, so changing the map never changes a rating made.
ALTER TABLE instansi ADD COLUMN leader_map TEXT NOT NULL DEFAULT '';
