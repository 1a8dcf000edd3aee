package export

import (
	"fmt"
	"io"
	"time"

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
// periode_akhir is the SKP's end (a transfer ends one SKP and starts
// another, and tools built on the export keep the latest), skp_jabatan
// the post the SKP is for, jabatan the employee's definitive post now.
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
		if err := sw.SetRow(cell, []any{r.SKPID, r.NIP, r.Name, model.EKinerjaPltPlh(r.Acting), string(r.PeriodEnd), model.EKinerjaSKPStatus(r.Status),
			r.OPDName, r.UnitID, r.UnitName, r.Position, r.Jabatan}); err != nil {
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

// WriteLaporanPenilaian writes the Laporan Penilaian SKP of year: for
// each month and for the year, one row per SKP of the year with the
// ratings and the predikat of its assessment in that period (final results
// only; "-" otherwise). periods maps a sheet ("jan" … "des", "tahunan") to
// its period; a sheet without a period (a quarterly year has no monthly
// periods) lists every SKP with "-". periode_akhir is the end of what the
// sheet assesses: the period's end, or the SKP's end when the SKP ends
// within the period (a transfer), never the SKP's end for a period it
// outlasts.
func WriteLaporanPenilaian(w io.Writer, year int, skps []model.ReportSKP, assessments []model.ReportAssessment, periods map[string]model.Period, progress Progress) error {
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
		period, ok := periods[name]
		start, end := sheetSpan(year, i, period, ok)
		for j, r := range skps {
			a, ok := byKey[r.SKPID+"/"+period.ID]
			hk, pk, result := "-", "-", "-"
			if ok && period.ID != "" && a.Status == model.AssessmentFinal {
				hk, pk, result = ratingCell(a.HasilKerja), ratingCell(a.PerilakuKerja), model.EKinerjaPredikat(a.Predikat)
			}
			assessedEnd := end
			if r.PeriodEnd >= start && r.PeriodEnd < end {
				assessedEnd = r.PeriodEnd
			}
			cell, _ := excelize.CoordinatesToCellName(1, j+2)
			if err := sw.SetRow(cell, []any{r.SKPID, r.NIP, r.Name, model.EKinerjaPltPlh(r.Acting), string(assessedEnd), r.OPDName, r.UnitName, r.Position,
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

// sheetSpan is the span the i-th sheet of year assesses: its period's, or
// for a sheet without one the calendar month (or the year for "tahunan").
func sheetSpan(year, i int, p model.Period, ok bool) (start, end model.Date) {
	if ok {
		return p.Start, p.End
	}
	if i >= len(monthSheets) {
		return model.Date(fmt.Sprintf("%d-01-01", year)), model.Date(fmt.Sprintf("%d-12-31", year))
	}
	first := time.Date(year, time.Month(i+1), 1, 0, 0, 0, 0, time.UTC)
	return model.Date(first.Format(time.DateOnly)), model.Date(first.AddDate(0, 1, -1).Format(time.DateOnly))
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
