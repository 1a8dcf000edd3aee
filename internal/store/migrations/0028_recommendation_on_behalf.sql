-- A recommendation on an OPD's capaian kinerja organisasi that a BKPSDM
-- administrator recorded on behalf of the body it comes from (Bappeda or
-- the Inspektorat, whose word arrived as a signed letter) keeps the basis
-- stated for it: "Surat Inspektorat No. 700/123/2026 tanggal 5 November
-- 2026". '' when the body recorded its own.
ALTER TABLE unit_performance_recommendations ADD COLUMN on_behalf_basis TEXT NOT NULL DEFAULT '';
