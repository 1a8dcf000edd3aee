package export

import (
	"bytes"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kinerja-id/kinerja/internal/model"
)

// reportSKPs are one employee transferred at the end of May (two SKPs,
// the first closed) and a Plt's SKP on a second post.
var reportSKPs = []model.ReportSKP{
	{SKPID: "skp-old", NIP: "199003032015031003", Name: "Andi Pratama", PeriodStart: "2026-01-01", PeriodEnd: "2026-05-31",
		Status: model.SKPClosed, OPDName: "Dinas Kominfo", UnitID: "u-apl", UnitName: "Bidang Aplikasi", Position: "Pranata Komputer Ahli Pertama",
		Jabatan: "Analis Kebijakan Ahli Pertama"},
	{SKPID: "skp-new", NIP: "199003032015031003", Name: "Andi Pratama", PeriodStart: "2026-06-01", PeriodEnd: "2026-12-31",
		Status: model.SKPApproved, OPDName: "Bappeda", UnitID: "u-ren", UnitName: "Bidang Perencanaan", Position: "Analis Kebijakan Ahli Pertama",
		Jabatan: "Analis Kebijakan Ahli Pertama"},
	{SKPID: "skp-plt", NIP: "198002022005012002", Name: "Siti Rahmawati", Acting: model.PlacementPlt, PeriodStart: "2026-07-01",
		PeriodEnd: "2026-12-31", Status: model.SKPApproved, OPDName: "Kecamatan Lembah Segar", UnitID: "u-kec", UnitName: "Kecamatan Lembah Segar",
		Position: "Camat Lembah Segar", Jabatan: "Sekretaris Camat"},
}

func sheetRows(t *testing.T, data []byte, sheet string) [][]string {
	t.Helper()
	book, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := book.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestLaporanSKPColumns checks every column of the Laporan SKP: the SKP's
// own end in periode_akhir, is_plt_plh as e-Kinerja's 0/1, skp_jabatan
// the SKP's post and jabatan the employee's post now.
func TestLaporanSKPColumns(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteLaporanSKP(&buf, reportSKPs, nil); err != nil {
		t.Fatal(err)
	}
	rows := sheetRows(t, buf.Bytes(), "laporan_skp")
	want := [][]string{
		LaporanSKPColumns,
		{"skp-old", "199003032015031003", "Andi Pratama", "0", "2026-05-31", "selesai", "Dinas Kominfo", "u-apl", "Bidang Aplikasi",
			"Pranata Komputer Ahli Pertama", "Analis Kebijakan Ahli Pertama"},
		{"skp-new", "199003032015031003", "Andi Pratama", "0", "2026-12-31", "persetujuan", "Bappeda", "u-ren", "Bidang Perencanaan",
			"Analis Kebijakan Ahli Pertama", "Analis Kebijakan Ahli Pertama"},
		{"skp-plt", "198002022005012002", "Siti Rahmawati", "1", "2026-12-31", "persetujuan", "Kecamatan Lembah Segar", "u-kec",
			"Kecamatan Lembah Segar", "Camat Lembah Segar", "Sekretaris Camat"},
	}
	if !slices.EqualFunc(rows, want, slices.Equal) {
		t.Errorf("laporan_skp =\n%q\nwant\n%q", rows, want)
	}
}

// TestLaporanPenilaianColumns checks every column of the Laporan
// Penilaian SKP: periode_akhir is the end of what the sheet assesses (the
// month, or the SKP's end when a transfer ends it within the month, the
// year's end on the annual sheet for an SKP that lasts to it), never the
// end of an SKP that outlasts the period; a month without a period still
// has its own end.
func TestLaporanPenilaianColumns(t *testing.T) {
	periods := map[string]model.Period{
		"mei":     {ID: "p-may", Kind: model.PeriodMonthly, Number: 5, Start: "2026-05-01", End: "2026-05-31"},
		"jun":     {ID: "p-jun", Kind: model.PeriodMonthly, Number: 6, Start: "2026-06-01", End: "2026-06-30"},
		"tahunan": {ID: "p-year", Kind: model.PeriodAnnual, Number: 1, Start: "2026-01-01", End: "2026-12-31"},
	}
	assessments := []model.ReportAssessment{
		{SKPID: "skp-old", PeriodID: "p-may", HasilKerja: model.RatingDiAtas, PerilakuKerja: model.RatingSesuai, Predikat: model.PredikatBaik, Status: model.AssessmentFinal},
		{SKPID: "skp-new", PeriodID: "p-jun", HasilKerja: model.RatingDiAtas, PerilakuKerja: model.RatingDiAtas, Predikat: model.PredikatSangatBaik, Status: model.AssessmentRated},
		{SKPID: "skp-old", PeriodID: "p-year", HasilKerja: model.RatingSesuai, PerilakuKerja: model.RatingSesuai, Predikat: model.PredikatBaik, Status: model.AssessmentFinal},
		{SKPID: "skp-new", PeriodID: "p-year", HasilKerja: model.RatingDiBawah, PerilakuKerja: model.RatingSesuai, Predikat: model.PredikatButuhPerbaikan, Status: model.AssessmentFinal},
	}
	var buf bytes.Buffer
	if err := WriteLaporanPenilaian(&buf, 2026, reportSKPs, assessments, periods, nil); err != nil {
		t.Fatal(err)
	}
	row := func(s model.ReportSKP, end, hk, pk, result string) []string {
		return []string{s.SKPID, s.NIP, s.Name, map[bool]string{false: "0", true: "1"}[s.Acting != ""], end, s.OPDName, s.UnitName, s.Position, hk, pk, result}
	}
	old, nw, plt := reportSKPs[0], reportSKPs[1], reportSKPs[2]
	cases := map[string][][]string{
		"mei": {LaporanPenilaianColumns,
			row(old, "2026-05-31", "DI ATAS EKSPEKTASI", "SESUAI EKSPEKTASI", "BAIK"),
			row(nw, "2026-05-31", "-", "-", "-"),
			row(plt, "2026-05-31", "-", "-", "-")},
		// June's result of the new SKP is rated, not yet sent: "-".
		"jun": {LaporanPenilaianColumns,
			row(old, "2026-06-30", "-", "-", "-"),
			row(nw, "2026-06-30", "-", "-", "-"),
			row(plt, "2026-06-30", "-", "-", "-")},
		// March has no period here: its calendar end.
		"mar": {LaporanPenilaianColumns,
			row(old, "2026-03-31", "-", "-", "-"),
			row(nw, "2026-03-31", "-", "-", "-"),
			row(plt, "2026-03-31", "-", "-", "-")},
		"tahunan": {LaporanPenilaianColumns,
			row(old, "2026-05-31", "SESUAI EKSPEKTASI", "SESUAI EKSPEKTASI", "BAIK"),
			row(nw, "2026-12-31", "DI BAWAH EKSPEKTASI", "SESUAI EKSPEKTASI", "BUTUH PERBAIKAN"),
			row(plt, "2026-12-31", "-", "-", "-")},
	}
	for sheet, want := range cases {
		if got := sheetRows(t, buf.Bytes(), sheet); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%s =\n%q\nwant\n%q", sheet, got, want)
		}
	}
}
