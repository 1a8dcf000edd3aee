package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/kinerja-id/kinerja/internal/model"
)

// The reconciliation reports as XLSX, in the column layout of e-Kinerja
// BKN's exports (domain reference, Part 2 §12.1), so that BKPSDM can lay
// them beside the national system's: the Laporan SKP, and the Laporan
// Penilaian SKP with a sheet per month (jan … des) and one for the year
// (tahunan).

// LaporanSKPColumns are the columns of the Laporan SKP.
var LaporanSKPColumns = []string{"id", "nip", "nama", "is_plt_plh", "periode_akhir", "skp_status", "skp_unor_induk", "skp_unor", "skp_unor_nama", "skp_jabatan", "jabatan"}

// LaporanPenilaianColumns are the columns of each sheet of the Laporan
// Penilaian SKP; hasil_akhir is the predikat, "-" until the result is
// final.
var LaporanPenilaianColumns = []string{"id", "nip", "nama", "is_plt_plh", "periode_akhir", "skp_unor_induk", "skp_unor_nama", "skp_jabatan",
	"rating_hasil_kerja", "rating_perilaku_kerja", "hasil_akhir"}

// monthSheets are the sheet names of the Laporan Penilaian SKP.
var monthSheets = []string{"jan", "feb", "mar", "apr", "mei", "jun", "jul", "agu", "sep", "okt", "nov", "des"}

// Progress is told how many rows of a report are written out of how many.
type Progress func(done, total int)

func pltPlh(k model.PlacementKind) string {
	if k == model.PlacementPlt || k == model.PlacementPlh {
		return strings.ToUpper(string(k))
	}
	return ""
}

func ratingCell(r model.Rating) string {
	switch r {
	case model.RatingDiAtas:
		return "DI ATAS EKSPEKTASI"
	case model.RatingSesuai:
		return "SESUAI EKSPEKTASI"
	case model.RatingDiBawah:
		return "DI BAWAH EKSPEKTASI"
	}
	return "-"
}

// WriteLaporanSKP writes the Laporan SKP: one row per SKP of the year.
func WriteLaporanSKP(w io.Writer, rows []model.ReportSKP, progress Progress) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "laporan_skp"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	if err := sw.SetRow("A1", anyRow(LaporanSKPColumns)); err != nil {
		return err
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, []any{r.SKPID, r.NIP, r.Name, pltPlh(r.Acting), string(r.PeriodEnd), model.EKinerjaSKPStatus(r.Status),
			r.OPDName, r.UnitID, r.UnitName, r.Position, r.Position}); err != nil {
			return err
		}
		if progress != nil && (i+1)%500 == 0 {
			progress(i+1, len(rows))
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if progress != nil {
		progress(len(rows), len(rows))
	}
	_, err = f.WriteTo(w)
	return err
}

// WriteLaporanPenilaian writes the Laporan Penilaian SKP: for each month
// and for the year, one row per SKP of the year with the ratings and the
// predikat of its assessment in that period (final results only; "-"
// otherwise). periods maps a sheet ("jan" … "des", "tahunan") to its
// period id; a sheet without a period (a quarterly year has no monthly
// periods) lists every SKP with "-".
func WriteLaporanPenilaian(w io.Writer, skps []model.ReportSKP, assessments []model.ReportAssessment, periods map[string]string, progress Progress) error {
	byKey := make(map[string]model.ReportAssessment, len(assessments))
	for _, a := range assessments {
		byKey[a.SKPID+"/"+a.PeriodID] = a
	}
	f := excelize.NewFile()
	defer f.Close()
	sheets := append(append([]string{}, monthSheets...), "tahunan")
	total, done := len(sheets)*len(skps), 0
	for i, name := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(name)
		if err != nil {
			return err
		}
		if err := sw.SetRow("A1", anyRow(LaporanPenilaianColumns)); err != nil {
			return err
		}
		period := periods[name]
		for j, r := range skps {
			a, ok := byKey[r.SKPID+"/"+period]
			hk, pk, result := "-", "-", "-"
			if ok && period != "" && a.Status == model.AssessmentFinal {
				hk, pk, result = ratingCell(a.HasilKerja), ratingCell(a.PerilakuKerja), model.EKinerjaPredikat(a.Predikat)
			}
			cell, _ := excelize.CoordinatesToCellName(1, j+2)
			if err := sw.SetRow(cell, []any{r.SKPID, r.NIP, r.Name, pltPlh(r.Acting), string(r.PeriodEnd), r.OPDName, r.UnitName, r.Position,
				hk, pk, result}); err != nil {
				return err
			}
			done++
			if progress != nil && done%500 == 0 {
				progress(done, total)
			}
		}
		if err := sw.Flush(); err != nil {
			return fmt.Errorf("sheet %s: %w", name, err)
		}
	}
	if progress != nil {
		progress(total, total)
	}
	_, err := f.WriteTo(w)
	return err
}

// SheetOfPeriod names the Laporan Penilaian sheet of a period: the month
// of a monthly one, "tahunan" for the annual one, "" otherwise.
func SheetOfPeriod(p model.Period) string {
	switch p.Kind {
	case model.PeriodMonthly:
		if p.Number >= 1 && p.Number <= 12 {
			return monthSheets[p.Number-1]
		}
	case model.PeriodAnnual:
		return "tahunan"
	}
	return ""
}

func anyRow(cols []string) []any {
	out := make([]any, len(cols))
	for i, c := range cols {
		out[i] = c
	}
	return out
}
