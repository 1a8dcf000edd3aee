package export

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
)

// The documents of penilaian kinerja (PermenPANRB 6/2022, Lampiran; SE
// MenPANRB 3/2023): the Evaluasi Kinerja Pegawai of one assessment, the
// Dokumen Evaluasi Kinerja Pegawai (its final page, with the keberatan),
// and the Penetapan Predikat Kinerja Organisasi of an OPD in a period.
// They are official forms and always read in Bahasa Indonesia.

// docLang is the language of the documents.
const docLang = "id"

// Label renders a message (a predikat, a capaian, a rating, a limit of
// the pola distribusi) in the documents' language.
func Label(m model.Message) string { return locale.T(docLang, m.Key, m.Args...) }

// Signature is one signature block: who signs, in what capacity, and
// when (the date is left for the pen when empty).
type Signature struct {
	Role   string // "Pegawai yang Dinilai"
	Person model.PersonSnapshot
	Date   model.Date
	// Note is a line under the role (SignedNote).
	Note string
}

// The roles of the documents' signature blocks.
const (
	RoleEmployee   = "Pegawai yang Dinilai"
	RoleRater      = "Pejabat Penilai Kinerja"
	RoleUpperRater = "Atasan Pejabat Penilai Kinerja"
	RoleSetter     = "Yang Menetapkan"
)

// SignAct is what a signature's electronic note records: an act its
// signer did in Kinerja.
type SignAct int

// The acts a signature's note names.
const (
	SignSent      SignAct = iota + 1 // the pejabat penilai sent the result
	SignConfirmed                    // the employee confirmed receiving the result as it stands
	SignDecided                      // the atasan pejabat penilai decided the keberatan
	SignSet                          // the leader set the capaian
)

// SignedNote words an act done in Kinerja at time t, on the instansi's
// clock: "Disampaikan secara elektronik 03-02-2026 10:00 WIB"; "" when
// the act is not done (t is zero).
func SignedNote(act SignAct, t time.Time, zone *time.Location) string {
	if t.IsZero() {
		return ""
	}
	verb := map[SignAct]string{SignSent: "Disampaikan", SignConfirmed: "Dinyatakan diterima", SignDecided: "Diputuskan", SignSet: "Ditetapkan"}[act]
	return verb + " secara elektronik " + approvedAt(t, zone)
}

// Signed is the signature block of person in role for an act done at
// t: dated with the day of t on zone, with its electronic note. When the
// act is not done (t is zero) the block has neither, and the date is
// left dotted for the pen.
func Signed(role string, person model.PersonSnapshot, act SignAct, t time.Time, zone *time.Location) Signature {
	s := Signature{Role: role, Person: person}
	if !t.IsZero() {
		s.Date = model.Date(t.In(zone).Format(time.DateOnly))
		s.Note = SignedNote(act, t, zone)
	}
	return s
}

// DateText is the signature's date as the documents write it, dots
// where it is to be filled in by hand.
func (s Signature) DateText() string {
	if s.Date == "" {
		return "...................."
	}
	return dayText(s.Date)
}

// Distribution is an OPD's pola distribusi in a period: how many final
// predikat of each kind, and the limits its capaian sets.
type Distribution struct {
	Capaian model.Capaian
	Counts  map[model.Predikat]int
	// Total is the Jumlah pegawai: the pegawai of the OPD assessed in
	// the period, each once, rated or not (model.TallyCurve), the base
	// of every limit.
	Total int
	// Small is true when the OPD has too few pegawai for the pattern to
	// be more than a warning.
	Small bool
	// Limits are the pattern's rules in words (Label of each limit's
	// message), each marked when the final predikat break it.
	Limits []DistributionLimit
}

// DistributionLimit is one rule of the pattern in words and whether the
// distribution breaks it.
type DistributionLimit struct {
	Text   string
	Broken bool
}

// Broken is how many limits the distribution breaks.
func (d Distribution) Broken() int {
	n := 0
	for _, l := range d.Limits {
		if l.Broken {
			n++
		}
	}
	return n
}

// BaseNote says in words how the Jumlah pegawai is counted, as the
// calibration screen says it.
func (d Distribution) BaseNote() string {
	return "Setiap pegawai yang dinilai pada periode ini dihitung sekali, sudah diberi rating atau belum; batas pola dihitung dari jumlah ini."
}

// Verdict is the distribution's standing against the pattern in words.
func (d Distribution) Verdict() string {
	switch {
	case len(d.Limits) == 0:
		return ""
	case d.Broken() == 0:
		return "Sebaran predikat sesuai pola distribusi."
	case d.Small:
		return fmt.Sprintf("Perangkat daerah ini memiliki %d pegawai yang dinilai (kurang dari 10): pelanggaran pola hanya menjadi peringatan.", d.Total)
	}
	return fmt.Sprintf("Sebaran predikat melanggar %d batas pola distribusi.", d.Broken())
}

// EvaluationDocument is the Evaluasi Kinerja Pegawai of one assessment
// (the regulation's "format evaluasi"): the two people, the OPD's
// capaian and pola distribusi, each result with its realisasi and umpan
// balik, each core value with its umpan balik, the ratings and the
// predikat.
type EvaluationDocument struct {
	InstansiName string
	Approach     model.Approach
	Period       model.Period
	// From and To are the days assessed (the SKP's part of the period).
	From, To     model.Date
	Employee     model.PersonSnapshot
	Rater        model.PersonSnapshot
	Distribution Distribution
	Results      []EvaluationResult
	Behaviours   []EvaluationBehaviour
	HasilKerja   model.Rating
	Perilaku     model.Rating
	Predikat     model.Predikat
	// Changes are the changes of the result after it was sent, with
	// their cause (ResultChange), as on the Dokumen Evaluasi.
	Changes      []ResultChange
	Place        string
	Signatures   []Signature // the pegawai's and the pejabat penilai's
	Uncompressed bool        // leaves the PDF's text streams readable (for tests)
}

// EvaluationResult is one RHK with its indicators and the rater's umpan
// balik.
type EvaluationResult struct {
	Kind        model.RHKKind
	Description string
	Indicators  []EvaluationIndicator
	UmpanBalik  string
}

// EvaluationIndicator is an indicator with its target and what was
// reached, on what basis.
type EvaluationIndicator struct {
	Description string
	// Target is what is due in the period assessed, with its unit: the
	// period's part of the SKP's target ("1 layanan" of a yearly 12), or
	// the whole target when the period is due all of it.
	Target string
	// WholeTarget is the SKP's whole target with its unit when Target is
	// a part of it ("12 layanan"), "" otherwise.
	WholeTarget string
	Realisasi   string // with its unit, "" when nothing was reported
	Basis       string // the bukti dukung it rests on
}

// TargetText is the target as the PDF's "Target" column shows it: the
// period's target, and under it the whole target, labelled.
func (i EvaluationIndicator) TargetText() string {
	text := orDash(i.Target)
	if n := i.WholeTargetNote(); n != "" {
		text += "\n" + n
	}
	return text
}

// WholeTargetNote labels the SKP's whole target where the period's part
// of it is printed: "(target tahunan 12 layanan)"; "" when the period is
// due the whole target.
func (i EvaluationIndicator) WholeTargetNote() string {
	if i.WholeTarget == "" {
		return ""
	}
	return "(target tahunan " + i.WholeTarget + ")"
}

// RealisasiText is the realisasi with its basis, as the document's
// "Realisasi berdasarkan bukti dukung" column shows it.
func (i EvaluationIndicator) RealisasiText() string {
	text := orDash(i.Realisasi)
	if strings.TrimSpace(i.Basis) != "" {
		text += " (" + strings.TrimSpace(i.Basis) + ")"
	}
	return text
}

// EvaluationBehaviour is one core value with its panduan perilaku, the
// ekspektasi khusus pimpinan and the rater's umpan balik.
type EvaluationBehaviour struct {
	Name        string
	Guides      []string
	Expectation string
	UmpanBalik  string
}

// ObjectionText is the keberatan on an assessment as the Dokumen Evaluasi
// Kinerja Pegawai prints it: the employee's reason, the pejabat
// penilai's explanation and the atasan's decision, each with its date
// ("" where that step has not happened).
type ObjectionText struct {
	Reason, Explanation, Decision             string
	ReasonDate, ExplanationDate, DecisionDate model.Date
	// Outcome is the atasan's decision: keep or change the ratings (""
	// until decided); To the ratings and predikat it set.
	Outcome model.ObjectionDecision
	To      model.RatingPair
}

// The causes of a ResultChange.
const (
	ChangeCalibration = "calibration" // moved in calibration by the OPD head or BKPSDM
	ChangeCapaian     = "capaian"     // the OPD's capaian changed and an OPD head's rating hasil kerja followed it
	ChangeDecision    = "decision"    // the atasan pejabat penilai's decision on the keberatan
)

// ResultChange is one change of a result after the pejabat penilai sent
// it, as the documents print it: when, its cause, who made it and why
// (a move's reason, the capaian's basis, the decision's note), and the
// ratings and predikat before and after. It names who changed the
// predikat, so that the predikat printed above the pejabat penilai's
// block is not read as theirs.
type ResultChange struct {
	Date                   model.Date
	Cause                  string
	By                     string
	Reason                 string
	FromCapaian, ToCapaian model.Capaian // a capaian change's
	From, To               model.RatingPair
}

// Text words the change for the documents.
func (c ResultChange) Text() string {
	after := fmt.Sprintf("predikat %s menjadi %s (rating hasil kerja %s, rating perilaku kerja %s)",
		predikatText(c.From.Predikat), predikatText(c.To.Predikat), ratingText(c.To.HasilKerja), ratingText(c.To.PerilakuKerja))
	switch c.Cause {
	case ChangeCapaian:
		return fmt.Sprintf("%s: capaian kinerja organisasi diubah dari %s menjadi %s oleh %s (dasar: %s). Rating hasil kerja kepala perangkat daerah mengikuti capaian itu, bukan penilaian pejabat penilai kinerja: %s.",
			dayText(c.Date), capaianText(c.FromCapaian), capaianText(c.ToCapaian), orDash(c.By), orDash(c.Reason), after)
	case ChangeDecision:
		return fmt.Sprintf("%s: diubah dengan keputusan atasan pejabat penilai kinerja atas keberatan oleh %s (lihat bagian keputusan): %s.",
			dayText(c.Date), orDash(c.By), after)
	}
	return fmt.Sprintf("%s: diubah dalam kalibrasi oleh %s: %s. Alasan: %s",
		dayText(c.Date), orDash(c.By), after, orDash(c.Reason))
}

// ChangesText is the changes of a result after it was sent, one a line,
// "" when it has not changed.
func ChangesText(changes []ResultChange) string {
	var lines []string
	for _, c := range changes {
		lines = append(lines, c.Text())
	}
	return strings.Join(lines, "\n")
}

// SentNote is the line the pejabat penilai's block adds when the result
// changed after they sent it: the predikat they sent, which the document
// no longer prints above them; "" when it has not changed.
func SentNote(changes []ResultChange) string {
	if len(changes) == 0 {
		return ""
	}
	return "Predikat yang disampaikan: " + predikatText(changes[0].From.Predikat) + "; diubah sesudahnya (lihat perubahan sesudah disampaikan)"
}

// DecisionText is section 8 as the documents print it: the outcome (the
// ratings and predikat a change set), then the atasan's note.
func (o ObjectionText) DecisionText() string { return o.decisionText() }

// decisionText words section 8: the outcome, then the atasan's note.
func (o ObjectionText) decisionText() string {
	switch o.Outcome {
	case model.DecisionKeep:
		return "Hasil penilaian tetap.\n" + o.Decision
	case model.DecisionChange:
		return fmt.Sprintf("Hasil penilaian diubah: rating hasil kerja %s, rating perilaku kerja %s, predikat %s.\n%s",
			ratingText(o.To.HasilKerja), ratingText(o.To.PerilakuKerja), predikatText(o.To.Predikat), o.Decision)
	}
	return o.Decision
}

// AssessmentDocument is the Dokumen Evaluasi Kinerja Pegawai: the final
// page of an assessment, with the three people, the capaian organisasi,
// the predikat, the notes, the keberatan and its decision, and the three
// signatures.
type AssessmentDocument struct {
	InstansiName string
	Period       model.Period
	From, To     model.Date
	Employee     model.PersonSnapshot
	Rater        model.PersonSnapshot
	UpperRater   model.PersonSnapshot
	Capaian      model.Capaian
	Predikat     model.Predikat
	Note         string
	Objection    ObjectionText
	// Changes are the changes of the result after the pejabat penilai
	// sent it, oldest first, each with its cause (ResultChange): the
	// predikat printed is theirs, not the pejabat penilai's.
	Changes      []ResultChange
	Place        string
	Signatures   []Signature // pegawai, pejabat penilai, atasan pejabat penilai
	Uncompressed bool
}

// PerformanceDocument is the Penetapan Predikat Kinerja Organisasi of an
// OPD in a period: its capaian with the basis, the recommendations it
// rests on, the pola distribusi that follows, and who set it.
type PerformanceDocument struct {
	InstansiName    string
	UnitName        string
	Period          model.Period
	Capaian         model.Capaian // "" until set
	Basis           string
	Recommendations []Recommendation
	Distribution    Distribution
	Place           string
	Setter          Signature
	Uncompressed    bool
}

// Recommendation is one recommendation as the Penetapan lists it.
type Recommendation struct {
	Source  string // "BKPSDM", "Bappeda", "Inspektorat"
	Capaian model.Capaian
	Note    string
	By      string
	Date    model.Date
	// Basis is, for one a BKPSDM administrator recorded on the body's
	// behalf, what it rests on (the body's letter); "" for the body's own.
	Basis string
	// Superseded is true when the body's own later recommendation
	// replaced this one recorded on its behalf, on SupersededDate.
	Superseded     bool
	SupersededDate model.Date
}

// ByText is who recorded the recommendation as the document writes it:
// the name, or for one recorded on the body's behalf "Dicatat oleh
// <name> atas nama <body>: <basis>".
func (r Recommendation) ByText() string {
	if r.Basis == "" {
		return orDash(r.By)
	}
	return "Dicatat oleh " + orDash(r.By) + " atas nama " + r.Source + ": " + r.Basis
}

// SupersededText says that the body's own recommendation replaced this
// one, "" when it did not.
func (r Recommendation) SupersededText() string {
	if !r.Superseded {
		return ""
	}
	return "Diganti oleh rekomendasi " + r.Source + " sendiri tanggal " + dayText(r.SupersededDate) + "."
}

// PeriodHeading is the period as the documents' header names it:
// "PERIODE: TRIWULAN I 2026".
func PeriodHeading(p model.Period) string {
	return "PERIODE: " + strings.ToUpper(p.Name())
}

// ApproachHeading is the SKP's approach as the header names it.
func ApproachHeading(a model.Approach) string {
	if a == "" {
		a = model.ApproachKuantitatif
	}
	return "PENDEKATAN HASIL KERJA " + strings.ToUpper(string(a))
}

// DayText writes a date as the documents do: "3 Februari 2026".
func DayText(d model.Date) string { return dayText(d) }

// PangkatGol writes a person's pangkat and golongan: "Penata (III/c)".
func PangkatGol(p model.PersonSnapshot) string { return pangkatGol(p) }

// curveOrder is the pola distribusi's axis, left to right, as the
// regulation draws it.
var curveOrder = []model.Predikat{model.PredikatSangatKurang, model.PredikatKurang, model.PredikatButuhPerbaikan,
	model.PredikatBaik, model.PredikatSangatBaik}

// CurveOrder returns the predikat in the order of the curve's axis.
func CurveOrder() []model.Predikat { return append([]model.Predikat(nil), curveOrder...) }

// identityRows are the five lines that name a person.
var identityRows = []struct {
	label string
	get   func(model.PersonSnapshot) string
}{
	{"NAMA", func(p model.PersonSnapshot) string { return p.Name }},
	{"NIP", func(p model.PersonSnapshot) string { return p.NIP }},
	{"PANGKAT/GOL. RUANG", pangkatGol},
	{"JABATAN", func(p model.PersonSnapshot) string { return p.Position }},
	{"UNIT KERJA", func(p model.PersonSnapshot) string { return p.Unit }},
}

// title writes the centred heading lines of a document.
func (d *pdfDoc) title(lines ...string) {
	for i, l := range lines {
		size := 9.0
		if i == 0 {
			size = 11
		}
		d.SetFont("Helvetica", "B", size)
		d.CellFormat(0, 5.5, d.tr(l), "", 1, "C", false, 0, "")
	}
	d.Ln(2)
}

// capaianScale draws the five levels of capaian kinerja organisasi with
// the OPD's one shaded and marked.
func (d *pdfDoc) capaianScale(c model.Capaian) {
	left, _, _, _ := d.GetMargins()
	w := 190.0 / float64(len(model.Capaians))
	y := d.GetY()
	for i, level := range model.Capaians {
		text := Label(level.Label())
		style := ""
		if level == c {
			d.SetFillColor(200, 200, 200)
			style = "B"
			text = "[X] " + text
		} else {
			d.SetFillColor(255, 255, 255)
		}
		d.SetFont("Helvetica", style, 8)
		d.SetXY(left+float64(i)*w, y)
		d.CellFormat(w, 7, d.tr(text), "1", 0, "C", true, 0, "")
	}
	d.SetXY(left, y+7)
	if c == "" {
		d.SetFont("Helvetica", "I", 7)
		d.CellFormat(0, 4, d.tr("Capaian kinerja organisasi belum ditetapkan."), "", 1, "L", false, 0, "")
	}
}

// curve draws the pola distribusi: a bar per predikat with the OPD's
// count, the axis in the regulation's order, and the pattern's limits in
// words beside it.
func (d *pdfDoc) curve(dist Distribution) {
	left, _, _, _ := d.GetMargins()
	const chartW, chartH, barGap = 110.0, 38.0, 4.0
	_, pageH := d.GetPageSize()
	if d.GetY()+chartH+16 > pageH-20 {
		d.AddPage()
	}
	x0, y0 := left, d.GetY()
	d.SetDrawColor(0, 0, 0)
	d.Rect(x0, y0, chartW, chartH+12, "D")
	most := 1
	for _, p := range curveOrder {
		if dist.Counts[p] > most {
			most = dist.Counts[p]
		}
	}
	barW := (chartW - barGap*float64(len(curveOrder)+1)) / float64(len(curveOrder))
	base := y0 + chartH
	d.Line(x0+2, base, x0+chartW-2, base)
	for i, p := range curveOrder {
		n := dist.Counts[p]
		h := (chartH - 10) * float64(n) / float64(most)
		x := x0 + barGap + float64(i)*(barW+barGap)
		if n > 0 {
			d.SetFillColor(90, 110, 140)
			d.Rect(x, base-h, barW, h, "F")
		}
		d.SetFont("Helvetica", "B", 8)
		d.SetXY(x, base-h-5)
		d.CellFormat(barW, 4, fmt.Sprint(n), "", 0, "C", false, 0, "")
		d.SetFont("Helvetica", "", 6)
		d.SetXY(x-barGap/2, base+1)
		d.MultiCell(barW+barGap, 3, d.tr(Label(p.Label())), "", "C", false)
	}
	// The pattern in words, to the right of the chart.
	d.SetXY(x0+chartW+4, y0)
	d.SetFont("Helvetica", "B", 8)
	d.CellFormat(76, 5, d.tr(fmt.Sprintf("Jumlah pegawai: %d", dist.Total)), "", 2, "L", false, 0, "")
	d.SetFont("Helvetica", "I", 6.5)
	d.SetX(x0 + chartW + 4)
	d.MultiCell(76, 3, d.tr(dist.BaseNote()), "", "L", false)
	d.SetFont("Helvetica", "", 7.5)
	if len(dist.Limits) == 0 {
		d.SetX(x0 + chartW + 4)
		d.MultiCell(76, 3.6, d.tr("Pola distribusi mengikuti capaian kinerja organisasi yang belum ditetapkan."), "", "L", false)
	}
	for _, l := range dist.Limits {
		d.SetX(x0 + chartW + 4)
		text := "- " + l.Text
		if l.Broken {
			text += " (dilanggar)"
			d.SetFont("Helvetica", "B", 7.5)
		}
		d.MultiCell(76, 3.6, d.tr(text), "", "L", false)
		d.SetFont("Helvetica", "", 7.5)
	}
	if v := dist.Verdict(); v != "" {
		d.SetX(x0 + chartW + 4)
		d.SetFont("Helvetica", "B", 7.5)
		d.MultiCell(76, 3.6, d.tr(v), "", "L", false)
		d.SetFont("Helvetica", "", 7.5)
	}
	d.SetXY(left, y0+chartH+14)
}

// signatures draws signature blocks side by side: the place and date,
// the role, room for the signature, the name and NIP.
func (d *pdfDoc) signatures(place string, sigs []Signature) {
	if len(sigs) == 0 {
		return
	}
	_, pageH := d.GetPageSize()
	if d.GetY() > pageH-62 {
		d.AddPage()
	}
	left, _, _, _ := d.GetMargins()
	w := 190.0 / float64(len(sigs))
	if place == "" {
		place = "............"
	}
	d.Ln(6)
	y := d.GetY()
	for i, s := range sigs {
		if s.Role == "" {
			continue // an empty column, to sign on the right
		}
		x := left + float64(i)*w
		d.SetXY(x, y)
		d.SetFont("Helvetica", "", 8)
		d.CellFormat(w, 4, d.tr(place+", "+s.DateText()), "", 2, "C", false, 0, "")
		d.MultiCell(w, 4, d.tr(s.Role), "", "C", false)
		if s.Note != "" {
			d.SetX(x)
			d.SetFont("Helvetica", "I", 7)
			d.MultiCell(w, 3.5, d.tr(s.Note), "", "C", false)
		}
		d.SetXY(x, y+30)
		d.SetFont("Helvetica", "BU", 8)
		d.CellFormat(w, 4, d.tr(orDash(s.Person.Name)), "", 2, "C", false, 0, "")
		if s.Person.NIP != "" {
			d.SetFont("Helvetica", "", 8)
			d.CellFormat(w, 4, d.tr("NIP "+s.Person.NIP), "", 2, "C", false, 0, "")
		}
	}
	d.SetXY(left, y+40)
}

// labelRow writes a label and its value as a two-column row.
func (d *pdfDoc) labelRow(label, value string) {
	d.row([]float64{60, 130}, []string{label, orDash(value)}, false, 4)
}

// WriteEvaluation writes the Evaluasi Kinerja Pegawai as a PDF.
func WriteEvaluation(w io.Writer, doc EvaluationDocument) error {
	d := newPDF(!doc.Uncompressed)
	d.SetTitle(d.tr("Evaluasi Kinerja Pegawai "+doc.Period.Name()+" "+doc.Employee.Name), false)
	d.AddPage()
	d.title("EVALUASI KINERJA PEGAWAI", ApproachHeading(doc.Approach), PeriodHeading(doc.Period))
	d.SetFont("Helvetica", "", 8)
	d.CellFormat(95, 5, d.tr(strings.ToUpper(doc.InstansiName)), "", 0, "L", false, 0, "")
	d.CellFormat(95, 5, d.tr("PERIODE PENILAIAN: "+dayText(doc.From)+" SD "+dayText(doc.To)), "", 1, "R", false, 0, "")
	d.Ln(1)

	iw := []float64{8, 40, 71, 71}
	d.row(iw, []string{"No", "", "PEGAWAI YANG DINILAI", "PEJABAT PENILAI KINERJA"}, true, 4)
	for i, r := range doc.Identity() {
		d.row(iw, append([]string{fmt.Sprint(i + 1), r.Label}, r.Values...), false, 4)
	}

	d.heading("CAPAIAN KINERJA ORGANISASI")
	d.capaianScale(doc.Distribution.Capaian)
	d.heading("POLA DISTRIBUSI")
	d.curve(doc.Distribution)

	d.heading("HASIL KERJA")
	hw := []float64{8, 44, 40, 22, 38, 38}
	d.row(hw, []string{"No", "RENCANA HASIL KERJA", "INDIKATOR KINERJA INDIVIDU", "TARGET",
		"REALISASI BERDASARKAN BUKTI DUKUNG", "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG"}, true, 4)
	for _, kind := range []struct {
		k     model.RHKKind
		title string
	}{{model.RHKUtama, "A. UTAMA"}, {model.RHKTambahan, "B. TAMBAHAN"}} {
		d.row([]float64{190}, []string{kind.title}, true, 4)
		n := 0
		for _, r := range doc.Results {
			if r.Kind != kind.k {
				continue
			}
			n++
			inds := r.Indicators
			if len(inds) == 0 {
				inds = []EvaluationIndicator{{}}
			}
			for j, in := range inds {
				no, rhk, fb := "", "", ""
				if j == 0 {
					no, rhk, fb = fmt.Sprint(n), r.Description, orDash(r.UmpanBalik)
				}
				d.row(hw, []string{no, rhk, orDash(in.Description), in.TargetText(), in.RealisasiText(), fb}, false, 4)
			}
		}
		if n == 0 {
			d.row([]float64{190}, []string{"-"}, false, 4)
		}
	}
	d.row([]float64{112, 78}, []string{"RATING HASIL KERJA", ratingText(doc.HasilKerja)}, true, 4)

	d.heading("PERILAKU KERJA")
	bw := []float64{8, 86, 48, 48}
	d.row(bw, []string{"No", "PERILAKU KERJA", "EKSPEKTASI KHUSUS PIMPINAN", "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG"}, true, 4)
	for i, b := range doc.Behaviours {
		text := b.Name
		for _, g := range b.Guides {
			text += "\n- " + g
		}
		d.row(bw, []string{fmt.Sprint(i + 1), text, orDash(b.Expectation), orDash(b.UmpanBalik)}, false, 4)
	}
	d.row([]float64{112, 78}, []string{"RATING PERILAKU KERJA", ratingText(doc.Perilaku)}, true, 4)
	d.Ln(2)
	d.row([]float64{112, 78}, []string{"PREDIKAT KINERJA PEGAWAI", predikatText(doc.Predikat)}, true, 5)
	if len(doc.Changes) > 0 {
		d.row([]float64{190}, []string{"PERUBAHAN SESUDAH DISAMPAIKAN"}, true, 4)
		d.row([]float64{190}, []string{ChangesText(doc.Changes)}, false, 4)
	}

	d.signatures(doc.Place, doc.Signatures)
	if err := d.Error(); err != nil {
		return fmt.Errorf("render evaluasi kinerja pegawai: %w", err)
	}
	return d.Output(w)
}

// WriteAssessmentDocument writes the Dokumen Evaluasi Kinerja Pegawai as
// a PDF.
func WriteAssessmentDocument(w io.Writer, doc AssessmentDocument) error {
	d := newPDF(!doc.Uncompressed)
	d.SetTitle(d.tr("Dokumen Evaluasi Kinerja Pegawai "+doc.Period.Name()+" "+doc.Employee.Name), false)
	d.AddPage()
	d.title("DOKUMEN EVALUASI KINERJA PEGAWAI", PeriodHeading(doc.Period))
	d.SetFont("Helvetica", "", 8)
	d.CellFormat(95, 5, d.tr(strings.ToUpper(doc.InstansiName)), "", 0, "L", false, 0, "")
	d.CellFormat(95, 5, d.tr("PERIODE PENILAIAN: "+dayText(doc.From)+" SD "+dayText(doc.To)), "", 1, "R", false, 0, "")
	d.Ln(1)

	pw := []float64{8, 8, 54, 120}
	for _, p := range doc.People() {
		d.row([]float64{8, 182}, []string{fmt.Sprint(p.No), p.Title}, true, 4)
		for j, r := range p.Rows {
			d.row(pw, []string{"", string(rune('a' + j)), r.Label, r.Values[0]}, false, 4)
		}
	}
	d.row([]float64{8, 182}, []string{"4", "EVALUASI KINERJA"}, true, 4)
	d.row(pw, []string{"", "a", "CAPAIAN KINERJA ORGANISASI", capaianText(doc.Capaian)}, false, 4)
	d.row(pw, []string{"", "b", "PREDIKAT KINERJA PEGAWAI", predikatText(doc.Predikat)}, false, 4)
	if len(doc.Changes) > 0 {
		d.row(pw, []string{"", "c", "PERUBAHAN SESUDAH DISAMPAIKAN", ChangesText(doc.Changes)}, false, 4)
	}
	for _, s := range []struct {
		no, title, text string
		date            model.Date
	}{
		{"5", "CATATAN/REKOMENDASI", doc.Note, ""},
		{"6", "KEBERATAN", doc.Objection.Reason, doc.Objection.ReasonDate},
		{"7", "PENJELASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN", doc.Objection.Explanation, doc.Objection.ExplanationDate},
		{"8", "KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN", doc.Objection.decisionText(), doc.Objection.DecisionDate},
	} {
		d.row([]float64{8, 182}, []string{s.no, s.title}, true, 4)
		text := orDash(s.text)
		if s.date != "" {
			text += "\nTanggal: " + dayText(s.date)
		}
		d.row([]float64{8, 182}, []string{"", text}, false, 4)
	}
	d.signatures(doc.Place, doc.Signatures)
	if err := d.Error(); err != nil {
		return fmt.Errorf("render dokumen evaluasi kinerja pegawai: %w", err)
	}
	return d.Output(w)
}

// WritePerformanceDocument writes the Penetapan Predikat Kinerja
// Organisasi as a PDF.
func WritePerformanceDocument(w io.Writer, doc PerformanceDocument) error {
	d := newPDF(!doc.Uncompressed)
	d.SetTitle(d.tr("Penetapan Predikat Kinerja Organisasi "+doc.UnitName+" "+doc.Period.Name()), false)
	d.AddPage()
	d.title("PENETAPAN PREDIKAT KINERJA ORGANISASI", strings.ToUpper(doc.InstansiName), PeriodHeading(doc.Period))
	d.labelRow("PERANGKAT DAERAH", doc.UnitName)
	d.labelRow("PERIODE", doc.Period.Name()+" ("+doc.RangeText()+")")
	d.heading("CAPAIAN KINERJA ORGANISASI")
	d.capaianScale(doc.Capaian)
	d.Ln(2)
	d.labelRow("DASAR PENETAPAN", doc.Basis)
	d.heading("REKOMENDASI")
	rw := []float64{8, 32, 30, 85, 35}
	d.row(rw, []string{"No", "DARI", "CAPAIAN", "CATATAN", "OLEH / TANGGAL"}, true, 4)
	for i, r := range doc.Recommendations {
		by := r.ByText() + "\n" + dayText(r.Date)
		if t := r.SupersededText(); t != "" {
			by += "\n" + t
		}
		d.row(rw, []string{fmt.Sprint(i + 1), r.Source, r.CapaianText(), orDash(r.Note), by}, false, 4)
	}
	if len(doc.Recommendations) == 0 {
		d.row([]float64{190}, []string{"Tidak ada rekomendasi yang dicatat."}, false, 4)
	}
	d.heading("POLA DISTRIBUSI PREDIKAT KINERJA PEGAWAI")
	d.curve(doc.Distribution)
	d.SetFont("Helvetica", "", 8)
	d.MultiCell(0, 4, d.tr("Berdasarkan capaian kinerja organisasi tersebut, pejabat penilai kinerja menetapkan predikat kinerja pegawai "+
		"dengan memperhatikan pola distribusi di atas (SE MenPANRB Nomor 3 Tahun 2023)."), "", "L", false)
	d.signatures(doc.Place, []Signature{{}, doc.Setter})
	if err := d.Error(); err != nil {
		return fmt.Errorf("render penetapan predikat kinerja organisasi: %w", err)
	}
	return d.Output(w)
}

func ratingText(r model.Rating) string {
	if r == "" {
		return "Belum dinilai"
	}
	return strings.ToUpper(Label(r.Label()))
}

func predikatText(p model.Predikat) string {
	if p == "" {
		return "Belum dinilai"
	}
	return strings.ToUpper(Label(p.Label()))
}

// Bar is one predikat of the pola distribusi as a page draws it, in a
// drawing 300 wide and 190 high whose axis lies at y 150.
type Bar struct {
	Label   string
	Lines   []string // the label on at most two lines, for the axis
	Count   int
	X, Y, H int // the bar's left edge, top and height
	Mid     int // the bar's centre, for its count and label
}

// Bars returns the distribution's bars in the curve's order.
func (d Distribution) Bars() []Bar {
	const height, base = 120, 150
	most := 1
	for _, p := range curveOrder {
		most = max(most, d.Counts[p])
	}
	out := make([]Bar, 0, len(curveOrder))
	for i, p := range curveOrder {
		label := Label(p.Label())
		lines := strings.SplitN(strings.Replace(label, "/", "/ ", 1), " ", 2)
		b := Bar{Label: label, Lines: lines, Count: d.Counts[p], X: 14 + i*58, H: d.Counts[p] * height / most}
		b.Y, b.Mid = base-b.H, b.X+22
		out = append(out, b)
	}
	return out
}

// Level is one level of capaian kinerja organisasi, marked when it is the
// OPD's.
type Level struct {
	Label  string
	Marked bool
}

// Levels returns the five levels of capaian with c marked.
func Levels(c model.Capaian) []Level {
	out := make([]Level, 0, len(model.Capaians))
	for _, l := range model.Capaians {
		out = append(out, Level{Label: Label(l.Label()), Marked: l == c})
	}
	return out
}

// Levels returns the five levels of capaian with the OPD's marked.
func (d Distribution) Levels() []Level { return Levels(d.Capaian) }

// HasilKerjaText is the rating hasil kerja as the document writes it.
func (d EvaluationDocument) HasilKerjaText() string { return ratingText(d.HasilKerja) }

// PerilakuText is the rating perilaku kerja as the document writes it.
func (d EvaluationDocument) PerilakuText() string { return ratingText(d.Perilaku) }

// PredikatText is the predikat as the document writes it.
func (d EvaluationDocument) PredikatText() string { return predikatText(d.Predikat) }

// PredikatText is the predikat as the document writes it.
func (d AssessmentDocument) PredikatText() string { return predikatText(d.Predikat) }

// CapaianText is the capaian as the document writes it.
func (d AssessmentDocument) CapaianText() string { return capaianText(d.Capaian) }

// Levels returns the five levels of capaian with the OPD's marked.
func (d AssessmentDocument) Levels() []Level { return Levels(d.Capaian) }

// CapaianText is the recommended capaian as the document writes it.
func (r Recommendation) CapaianText() string { return capaianText(r.Capaian) }

func capaianText(c model.Capaian) string {
	if c == "" {
		return "Belum ditetapkan"
	}
	return Label(c.Label())
}

// IdentityRow is one line of an identity table: its label and the value
// for each person named.
type IdentityRow struct {
	Label  string
	Values []string
}

// identity returns the identity table of people, one value per person.
func identity(people ...model.PersonSnapshot) []IdentityRow {
	out := make([]IdentityRow, 0, len(identityRows))
	for _, f := range identityRows {
		r := IdentityRow{Label: f.label}
		for _, p := range people {
			r.Values = append(r.Values, orDash(f.get(p)))
		}
		out = append(out, r)
	}
	return out
}

// PersonBlock is a numbered person of the Dokumen Evaluasi: the title of
// the section and the person's identity.
type PersonBlock struct {
	No    int
	Title string
	Rows  []IdentityRow
}

// Identity is the table of the pegawai and the pejabat penilai.
func (d EvaluationDocument) Identity() []IdentityRow { return identity(d.Employee, d.Rater) }

// PeriodHeading is the header's period line.
func (d EvaluationDocument) PeriodHeading() string { return PeriodHeading(d.Period) }

// ApproachHeading is the header's approach line.
func (d EvaluationDocument) ApproachHeading() string { return ApproachHeading(d.Approach) }

// RangeText is the days assessed: "1 Januari 2026 sd 31 Januari 2026".
func (d EvaluationDocument) RangeText() string { return dayText(d.From) + " sd " + dayText(d.To) }

// People are the three numbered people of the Dokumen Evaluasi.
func (d AssessmentDocument) People() []PersonBlock {
	return []PersonBlock{
		{1, "PEGAWAI YANG DINILAI", identity(d.Employee)},
		{2, "PEJABAT PENILAI KINERJA", identity(d.Rater)},
		{3, "ATASAN PEJABAT PENILAI KINERJA", identity(d.UpperRater)},
	}
}

// PeriodHeading is the header's period line.
func (d AssessmentDocument) PeriodHeading() string { return PeriodHeading(d.Period) }

// RangeText is the days assessed.
func (d AssessmentDocument) RangeText() string { return dayText(d.From) + " sd " + dayText(d.To) }

// PeriodHeading is the header's period line.
func (d PerformanceDocument) PeriodHeading() string { return PeriodHeading(d.Period) }

// RangeText is the period's days.
func (d PerformanceDocument) RangeText() string {
	return dayText(d.Period.Start) + " sd " + dayText(d.Period.End)
}

// Levels returns the five levels of capaian with the OPD's marked.
func (d PerformanceDocument) Levels() []Level { return Levels(d.Capaian) }

// DayText is a recommendation's date as the document writes it.
func (r Recommendation) DayText() string { return dayText(r.Date) }
