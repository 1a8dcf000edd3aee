// Package export renders Kinerja's documents: the SKP as PermenPANRB 6/2022
// lays it out, as a PDF.
package export

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/kinerja-id/kinerja/internal/model"
)

// SKPDocument is what the SKP document shows beside the SKP itself.
type SKPDocument struct {
	SKP          model.SKP
	InstansiName string
	// ParentRHK maps the id of an intervened supervisor RHK to its text.
	ParentRHK map[string]string
	Place     string // where it is signed, e.g. "Sawahlunto"
	Date      model.Date
	// Zone is the instansi's clock, on which the approval time is
	// written (named WIB, WITA or WIT); UTC when nil.
	Zone *time.Location
	// Uncompressed leaves the PDF's text streams readable (for tests).
	Uncompressed bool
}

var aspectNames = map[model.Aspect]string{
	model.AspectKuantitas: "Kuantitas", model.AspectKualitas: "Kualitas", model.AspectWaktu: "Waktu", model.AspectBiaya: "Biaya",
}

// pdfDoc wraps fpdf with the table helpers the documents need.
type pdfDoc struct {
	*fpdf.Fpdf
	tr func(string) string
}

func newPDF(compress bool) *pdfDoc {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetMargins(10, 12, 10)
	f.SetAutoPageBreak(true, 15)
	f.SetCompression(compress)
	f.AliasNbPages("{nb}")
	d := &pdfDoc{Fpdf: f, tr: f.UnicodeTranslatorFromDescriptor("")}
	f.SetFooterFunc(func() {
		f.SetY(-10)
		f.SetFont("Helvetica", "I", 7)
		f.CellFormat(0, 4, d.tr(fmt.Sprintf("Halaman %d dari {nb}", f.PageNo())), "", 0, "R", false, 0, "")
	})
	return d
}

// row draws one table row whose height fits the tallest cell.
func (d *pdfDoc) row(widths []float64, cells []string, bold bool, lineH float64) {
	style := ""
	if bold {
		style = "B"
	}
	d.SetFont("Helvetica", style, 8)
	lines := 1
	for i, c := range cells {
		if n := len(d.SplitText(d.tr(c), widths[i]-2)); n > lines {
			lines = n
		}
	}
	h := float64(lines)*lineH + 2
	_, pageH := d.GetPageSize()
	_, _, _, bottom := d.GetMargins()
	if d.GetY()+h > pageH-bottom-5 {
		d.AddPage()
	}
	x, y := d.GetX(), d.GetY()
	for i, c := range cells {
		d.Rect(x, y, widths[i], h, "D")
		d.SetXY(x+1, y+1)
		d.MultiCell(widths[i]-2, lineH, d.tr(c), "", "L", false)
		x += widths[i]
	}
	d.SetXY(d.GetX(), y+h)
	left, _, _, _ := d.GetMargins()
	d.SetX(left)
}

func (d *pdfDoc) heading(text string) {
	d.Ln(3)
	d.SetFont("Helvetica", "B", 9)
	d.CellFormat(0, 6, d.tr(text), "", 1, "L", false, 0, "")
}

// WriteSKP writes the SKP document as a PDF.
func WriteSKP(w io.Writer, doc SKPDocument) error {
	s := doc.SKP
	d := newPDF(!doc.Uncompressed)
	d.SetTitle(d.tr(fmt.Sprintf("SKP %d %s", s.Year, s.Employee.Name)), false)
	d.AddPage()

	d.SetFont("Helvetica", "B", 11)
	d.CellFormat(0, 6, "SASARAN KINERJA PEGAWAI", "", 1, "C", false, 0, "")
	d.SetFont("Helvetica", "B", 9)
	approach := "PENDEKATAN HASIL KERJA " + strings.ToUpper(string(s.Approach))
	who := "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL"
	if s.Format == model.FormatJPT {
		who = "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI"
	}
	d.CellFormat(0, 5, d.tr(approach), "", 1, "C", false, 0, "")
	d.CellFormat(0, 5, d.tr(who), "", 1, "C", false, 0, "")
	d.Ln(2)
	d.SetFont("Helvetica", "", 8)
	d.CellFormat(95, 5, d.tr(strings.ToUpper(doc.InstansiName)), "", 0, "L", false, 0, "")
	d.CellFormat(95, 5, d.tr(fmt.Sprintf("PERIODE PENILAIAN: %s SD %s", dayText(s.PeriodStart), dayText(s.PeriodEnd))), "", 1, "R", false, 0, "")
	if s.Revision > 1 {
		d.CellFormat(0, 5, d.tr(fmt.Sprintf("Perubahan ke-%d", s.Revision-1)), "", 1, "R", false, 0, "")
	}
	d.Ln(1)

	// The three identities.
	iw := []float64{8, 28, 51, 52, 51}
	d.row(iw, []string{"No", "", "PEGAWAI YANG DINILAI", "PEJABAT PENILAI KINERJA", "ATASAN PEJABAT PENILAI KINERJA"}, true, 4)
	people := []model.PersonSnapshot{s.Employee, s.Rater, s.UpperRater}
	for i, f := range []struct {
		label string
		get   func(model.PersonSnapshot) string
	}{
		{"NAMA", func(p model.PersonSnapshot) string { return p.Name }},
		{"NIP", func(p model.PersonSnapshot) string { return orDash(p.NIP) }},
		{"PANGKAT/GOL. RUANG", func(p model.PersonSnapshot) string { return pangkatGol(p) }},
		{"JABATAN", func(p model.PersonSnapshot) string { return p.Position }},
		{"UNIT KERJA", func(p model.PersonSnapshot) string { return p.Unit }},
	} {
		d.row(iw, []string{fmt.Sprint(i + 1), f.label, orDash(f.get(people[0])), orDash(f.get(people[1])), orDash(f.get(people[2]))}, false, 4)
	}

	// Hasil kerja.
	d.heading("HASIL KERJA")
	var hw []float64
	var header []string
	if s.Format == model.FormatJPT {
		hw = []float64{8, 52, 18, 52, 25, 35}
		header = []string{"No", "RENCANA HASIL KERJA", "ASPEK", "INDIKATOR KINERJA INDIVIDU", "TARGET", "PERSPEKTIF"}
	} else {
		hw = []float64{8, 42, 45, 18, 50, 27}
		header = []string{"No", "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", "RENCANA HASIL KERJA", "ASPEK", "INDIKATOR KINERJA INDIVIDU", "TARGET"}
	}
	d.row(hw, header, true, 4)
	for _, kind := range []struct {
		k     model.RHKKind
		title string
	}{{model.RHKUtama, "A. UTAMA"}, {model.RHKTambahan, "B. TAMBAHAN"}} {
		d.row([]float64{190}, []string{kind.title}, true, 4)
		n := 0
		for _, r := range s.RHK {
			if r.Kind != kind.k {
				continue
			}
			n++
			inds := r.Indicators
			if len(inds) == 0 {
				inds = []model.Indicator{{}}
			}
			for j, in := range inds {
				no, rhk, parent := "", "", ""
				if j == 0 {
					no, rhk = fmt.Sprint(n), r.Description
					parent = doc.ParentRHK[r.ParentRHKID]
					if parent == "" {
						parent = r.ParentText
					}
					if s.Format == model.FormatJPT && r.PenugasanDari != "" {
						rhk += "\nPenugasan dari: " + r.PenugasanDari
					}
				}
				target := strings.TrimSpace(in.Target + " " + in.Unit)
				if s.Format == model.FormatJPT {
					persp := ""
					if j == 0 {
						persp = r.Perspektif
					}
					d.row(hw, []string{no, rhk, aspectNames[in.Aspect], in.Description, target, persp}, false, 4)
				} else {
					if j == 0 {
						parent = orDash(parent)
					}
					d.row(hw, []string{no, parent, rhk, aspectNames[in.Aspect], in.Description, target}, false, 4)
				}
			}
		}
		if n == 0 {
			d.row([]float64{190}, []string{"-"}, false, 4)
		}
	}

	// Perilaku kerja.
	d.heading("PERILAKU KERJA")
	bw := []float64{8, 112, 70}
	d.row(bw, []string{"No", "PERILAKU KERJA", "EKSPEKTASI KHUSUS PIMPINAN"}, true, 4)
	names := map[model.CoreValue]string{}
	for _, cv := range model.CoreValues {
		names[cv.Value] = cv.Name
	}
	for i, b := range s.Behaviours {
		text := names[b.Value]
		for _, g := range b.Guides {
			text += "\n- " + g
		}
		d.row(bw, []string{fmt.Sprint(i + 1), text, orDash(b.Expectation)}, false, 4)
	}

	// Lampiran.
	d.heading("LAMPIRAN SASARAN KINERJA PEGAWAI")
	for _, l := range []struct {
		title string
		items []string
	}{
		{"DUKUNGAN SUMBER DAYA", s.Lampiran.DukunganSumberDaya},
		{"SKEMA PERTANGGUNGJAWABAN", s.Lampiran.SkemaPertanggungjawaban},
		{"KONSEKUENSI", s.Lampiran.Konsekuensi},
	} {
		d.row([]float64{190}, []string{l.title}, true, 4)
		if len(l.items) == 0 {
			d.row([]float64{8, 182}, []string{"", "-"}, false, 4)
		}
		for i, it := range l.items {
			d.row([]float64{8, 182}, []string{fmt.Sprint(i + 1), it}, false, 4)
		}
	}

	// Signatures.
	_, pageH := d.GetPageSize()
	if d.GetY() > pageH-60 {
		d.AddPage()
	}
	d.Ln(6)
	d.SetFont("Helvetica", "", 8)
	place := doc.Place
	if place == "" {
		place = "............"
	}
	d.CellFormat(95, 4, "", "", 0, "C", false, 0, "")
	d.CellFormat(95, 4, d.tr(fmt.Sprintf("%s, %s", place, dayText(doc.Date))), "", 1, "C", false, 0, "")
	d.CellFormat(95, 4, "Pegawai yang Dinilai", "", 0, "C", false, 0, "")
	d.CellFormat(95, 4, "Pejabat Penilai Kinerja", "", 1, "C", false, 0, "")
	if !s.ApprovedAt.IsZero() {
		d.SetFont("Helvetica", "I", 7)
		d.CellFormat(95, 4, "", "", 0, "C", false, 0, "")
		d.CellFormat(95, 4, d.tr("Disetujui secara elektronik "+approvedAt(s.ApprovedAt, doc.Zone)), "", 1, "C", false, 0, "")
		d.SetFont("Helvetica", "", 8)
	}
	d.Ln(16)
	d.SetFont("Helvetica", "BU", 8)
	d.CellFormat(95, 4, d.tr(s.Employee.Name), "", 0, "C", false, 0, "")
	d.CellFormat(95, 4, d.tr(s.Rater.Name), "", 1, "C", false, 0, "")
	d.SetFont("Helvetica", "", 8)
	d.CellFormat(95, 4, d.tr("NIP "+orDash(s.Employee.NIP)), "", 0, "C", false, 0, "")
	d.CellFormat(95, 4, d.tr("NIP "+orDash(s.Rater.NIP)), "", 1, "C", false, 0, "")
	if s.Status != model.SKPApproved && s.Status != model.SKPClosed {
		d.Ln(4)
		d.SetFont("Helvetica", "B", 8)
		d.CellFormat(0, 5, d.tr("KONSEP: SKP ini belum disetujui pejabat penilai kinerja."), "", 1, "C", false, 0, "")
	}
	if err := d.Error(); err != nil {
		return fmt.Errorf("render SKP document: %w", err)
	}
	return d.Output(w)
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return s
}

func pangkatGol(p model.PersonSnapshot) string {
	switch {
	case p.Pangkat != "" && p.Golongan != "":
		return p.Pangkat + " (" + p.Golongan + ")"
	case p.Golongan != "":
		return p.Golongan
	}
	return p.Pangkat
}

func dayText(d model.Date) string {
	if d == "" {
		return "-"
	}
	t := d.Time()
	return fmt.Sprintf("%d %s %d", t.Day(), model.MonthNames[t.Month()-1], t.Year())
}

// approvedAt writes the time of approval on the instansi's clock, with
// the zone's name (UTC when the zone is not known).
func approvedAt(t time.Time, zone *time.Location) string {
	if zone == nil {
		zone = time.UTC
	}
	return t.In(zone).Format("02-01-2006 15:04 MST")
}
