package export

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
)

var (
	docEmployee = model.PersonSnapshot{Name: "Andi Pratama, S.Kom.", NIP: "199003032015031003", Golongan: "III/b", Pangkat: "Penata Muda Tingkat I",
		Position: "Pranata Komputer Ahli Pertama", Unit: "Bidang Aplikasi Informatika"}
	docRater = model.PersonSnapshot{Name: "Siti Rahmawati", NIP: "198002022005012002", Golongan: "IV/a", Position: "Kepala Bidang Aplikasi Informatika"}
	docUpper = model.PersonSnapshot{Name: "Budi Santoso", NIP: "197001012000031001", Position: "Kepala Dinas Komunikasi dan Informatika"}
	docJan   = model.Period{Year: 2026, Kind: model.PeriodMonthly, Number: 1, Start: "2026-01-01", End: "2026-01-31"}
)

func sampleDistribution() Distribution {
	return Distribution{Capaian: model.CapaianBaik, Total: 10,
		Counts: map[model.Predikat]int{model.PredikatSangatBaik: 2, model.PredikatBaik: 7, model.PredikatButuhPerbaikan: 1},
		Limits: []DistributionLimit{{Text: "Baik paling banyak 70% (7 pegawai); kini 7."},
			{Text: "Harus ada Butuh Perbaikan atau Kurang/Misconduct; kini 0.", Broken: true}}}
}

// mustContain fails for each string the PDF lacks.
func mustContain(t *testing.T, what, pdf string, wants ...string) {
	t.Helper()
	if !strings.HasPrefix(pdf, "%PDF-") || !strings.Contains(pdf, "%%EOF") {
		t.Fatalf("%s is not a PDF: %.20q", what, pdf)
	}
	for _, want := range wants {
		if !strings.Contains(pdf, want) {
			t.Errorf("%s lacks %q", what, want)
		}
	}
}

func TestEvaluationDocument(t *testing.T) {
	doc := EvaluationDocument{InstansiName: "Pemerintah Kota Sawahlunto", Approach: model.ApproachKuantitatif, Period: docJan,
		From: "2026-01-01", To: "2026-01-31", Employee: docEmployee, Rater: docRater, Distribution: sampleDistribution(),
		Results: []EvaluationResult{{Kind: model.RHKUtama, Description: "Tersedianya aplikasi layanan perizinan daring",
			Indicators: []EvaluationIndicator{{Description: "Jumlah modul aplikasi", Target: "1 modul", WholeTarget: "12 modul", Realisasi: "1", Basis: "Berita acara uji modul"},
				{Description: "Persentase uji lulus", Target: "100 %", Realisasi: "100"}},
			UmpanBalik: "Modul pertama selesai tepat waktu"}},
		HasilKerja: model.RatingDiAtas, Perilaku: model.RatingSesuai, Predikat: model.PredikatBaik, Place: "Sawahlunto",
		Signatures: []Signature{{Role: "Pegawai yang Dinilai", Person: docEmployee, Date: "2026-02-05"},
			{Role: "Pejabat Penilai Kinerja", Person: docRater, Date: "2026-02-03"}},
		Uncompressed: true}
	for _, cv := range model.CoreValues {
		doc.Behaviours = append(doc.Behaviours, EvaluationBehaviour{Name: cv.Name, Guides: cv.Guides[:]})
	}
	doc.Behaviours[6].Expectation, doc.Behaviours[6].UmpanBalik = "Aktif dalam tim SPBE", "Membantu tim lain menguji aplikasi"
	var buf bytes.Buffer
	if err := WriteEvaluation(&buf, doc); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "the evaluation", buf.String(), "EVALUASI KINERJA PEGAWAI", "PENDEKATAN HASIL KERJA KUANTITATIF", "PERIODE: JANUARI 2026",
		"1 Januari 2026 SD 31 Januari 2026", "PEGAWAI YANG DINILAI", "PEJABAT PENILAI KINERJA", docEmployee.Name, docRater.Name,
		"Penata Muda Tingkat I \\(III/b\\)", "CAPAIAN KINERJA ORGANISASI", "[X] Baik", "Istimewa", "POLA DISTRIBUSI", "Jumlah pegawai: 10",
		"Kurang/Misconduct", "paling banyak 70%", "REALISASI", "BERDASARKAN BUKTI", "UMPAN BALIK", "1 \\(Berita acara uji modul\\)",
		"Modul pertama selesai", "RATING HASIL KERJA", "DI ATAS EKSPEKTASI", "Kolaboratif", "Aktif dalam tim SPBE",
		"Membantu tim lain", "RATING PERILAKU KERJA", "SESUAI EKSPEKTASI", "PREDIKAT KINERJA PEGAWAI", "BAIK",
		"Sawahlunto, 3 Februari 2026", "Sawahlunto, 5 Februari 2026", "(1 modul)", "\\(target", "tahunan", "(modul\\))")
	// Wrapped in the narrow column, a word a line.
	if strings.Count(buf.String(), "\\(target") != 1 {
		t.Error("a target due whole in the period is labelled as the year's")
	}
}

func TestAssessmentDocument(t *testing.T) {
	doc := AssessmentDocument{InstansiName: "Pemerintah Kota Sawahlunto", Period: docJan, From: "2026-01-01", To: "2026-01-31",
		Employee: docEmployee, Rater: docRater, UpperRater: docUpper, Capaian: model.CapaianIstimewa, Predikat: model.PredikatSangatBaik,
		Note: "Pertahankan ritme kerja", Objection: ObjectionText{Reason: "-", Explanation: "-", Decision: "-"}, Place: "Sawahlunto",
		Signatures: []Signature{{Role: "Pegawai yang Dinilai", Person: docEmployee}, {Role: "Pejabat Penilai Kinerja", Person: docRater, Date: "2026-02-03"},
			{Role: "Atasan Pejabat Penilai Kinerja", Person: docUpper}}, Uncompressed: true}
	var buf bytes.Buffer
	if err := WriteAssessmentDocument(&buf, doc); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "the dokumen", buf.String(), "DOKUMEN EVALUASI KINERJA PEGAWAI", "PEGAWAI YANG DINILAI", "PEJABAT PENILAI KINERJA",
		"ATASAN PEJABAT PENILAI KINERJA", docEmployee.Name, docRater.Name, docUpper.Name, "197001012000031001", "EVALUASI KINERJA",
		"CAPAIAN KINERJA ORGANISASI", "Istimewa", "PREDIKAT KINERJA PEGAWAI", "SANGAT BAIK", "CATATAN/REKOMENDASI", "Pertahankan ritme kerja",
		"KEBERATAN", "PENJELASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN", "KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN",
		"Sawahlunto, 3 Februari 2026")
	// A keberatan with its steps dated prints each.
	doc.Objection = ObjectionText{Reason: "Realisasi Januari belum dihitung", ReasonDate: "2026-02-06", Explanation: "Sudah dihitung ulang",
		ExplanationDate: "2026-02-08", Decision: "Predikat tetap", DecisionDate: "2026-02-10"}
	buf.Reset()
	if err := WriteAssessmentDocument(&buf, doc); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "the dokumen with a keberatan", buf.String(), "Realisasi Januari belum dihitung", "Tanggal: 6 Februari 2026",
		"Sudah dihitung ulang", "Predikat tetap", "Tanggal: 10 Februari 2026")
}

func TestPerformanceDocument(t *testing.T) {
	doc := PerformanceDocument{InstansiName: "Pemerintah Kota Sawahlunto", UnitName: "Dinas Komunikasi dan Informatika", Period: docJan,
		Capaian: model.CapaianBaik, Basis: "Capaian Perjanjian Kinerja triwulan 95%",
		Recommendations: []Recommendation{{Source: "Bappeda", Capaian: model.CapaianIstimewa, Note: "Rencana aksi tercapai", By: "Kepala Bappeda", Date: "2026-02-02"}},
		Distribution:    sampleDistribution(), Place: "Sawahlunto",
		Setter:       Signature{Role: "Wali Kota Sawahlunto", Person: model.PersonSnapshot{Name: "Deri Asta", Position: "Wali Kota"}, Date: "2026-02-04"},
		Uncompressed: true}
	var buf bytes.Buffer
	if err := WritePerformanceDocument(&buf, doc); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "the penetapan", buf.String(), "PENETAPAN PREDIKAT KINERJA ORGANISASI", "Dinas Komunikasi dan Informatika", "JANUARI 2026",
		"CAPAIAN KINERJA ORGANISASI", "[X] Baik", "DASAR PENETAPAN", "Capaian Perjanjian Kinerja triwulan 95%", "REKOMENDASI", "Bappeda",
		"Rencana aksi tercapai", "POLA DISTRIBUSI", "Jumlah pegawai: 10", "Wali Kota Sawahlunto", "Deri Asta", "Sawahlunto, 4 Februari 2026")
}

// A recommendation recorded on the body's behalf says by whom and on what
// basis, and one the body's own word replaced says so.
func TestPerformanceDocumentOnBehalf(t *testing.T) {
	rec := Recommendation{Source: "Inspektorat", Capaian: model.CapaianKurang, Note: "Temuan", By: "Admin BKPSDM", Date: "2026-02-02",
		Basis: "Surat Inspektorat No. 700/123/2026", Superseded: true, SupersededDate: "2026-02-09"}
	if got, want := rec.ByText(), "Dicatat oleh Admin BKPSDM atas nama Inspektorat: Surat Inspektorat No. 700/123/2026"; got != want {
		t.Errorf("ByText = %q, want %q", got, want)
	}
	if got, want := rec.SupersededText(), "Diganti oleh rekomendasi Inspektorat sendiri tanggal 9 Februari 2026."; got != want {
		t.Errorf("SupersededText = %q, want %q", got, want)
	}
	own := Recommendation{Source: "Inspektorat", Capaian: model.CapaianBaik, By: "Inspektur", Date: "2026-02-09"}
	if own.ByText() != "Inspektur" || own.SupersededText() != "" {
		t.Errorf("the body's own: %q, %q", own.ByText(), own.SupersededText())
	}
	doc := PerformanceDocument{InstansiName: "Pemerintah Kota Sawahlunto", UnitName: "Dinas Komunikasi dan Informatika", Period: docJan,
		Capaian: model.CapaianBaik, Basis: "Capaian Perjanjian Kinerja", Recommendations: []Recommendation{rec, own},
		Distribution: sampleDistribution(), Place: "Sawahlunto", Uncompressed: true}
	var buf bytes.Buffer
	if err := WritePerformanceDocument(&buf, doc); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "the penetapan", buf.String(), "Dicatat oleh", "700/123/2026", "Diganti oleh", "Inspektur")
}

// A signature block is dated, with its electronic note, only for an act
// done: the PDF leaves the others dotted for the pen and notes nothing
// under them.
func TestSignaturesOnlyForActsDone(t *testing.T) {
	wib := time.FixedZone("WIB", 7*3600)
	sent := time.Date(2026, 2, 3, 3, 0, 0, 0, time.UTC)
	decided := time.Date(2026, 2, 10, 17, 30, 0, 0, time.UTC) // 11 February 00:30 WIB
	for _, c := range []struct {
		act     SignAct
		at      time.Time
		day     model.Date
		note    string
		dotted  bool
		caption string
	}{
		{SignConfirmed, time.Time{}, "", "", true, "employee, not confirmed"},
		{SignConfirmed, sent, "2026-02-03", "Dinyatakan diterima secara elektronik 03-02-2026 10:00 WIB", false, "employee, confirmed"},
		{SignSent, time.Time{}, "", "", true, "rater, not sent"},
		{SignSent, sent, "2026-02-03", "Disampaikan secara elektronik 03-02-2026 10:00 WIB", false, "rater, sent"},
		{SignDecided, time.Time{}, "", "", true, "atasan, not decided"},
		{SignDecided, decided, "2026-02-11", "Diputuskan secara elektronik 11-02-2026 00:30 WIB", false, "atasan, decided"},
		{SignSet, time.Time{}, "", "", true, "setter, not set"},
		{SignSet, sent, "2026-02-03", "Ditetapkan secara elektronik 03-02-2026 10:00 WIB", false, "setter, set"},
	} {
		s := Signed(RoleEmployee, docEmployee, c.act, c.at, wib)
		if s.Date != c.day || s.Note != c.note || (s.DateText() == "....................") != c.dotted {
			t.Errorf("%s: %+v (%s)", c.caption, s, s.DateText())
		}
	}
	doc := AssessmentDocument{InstansiName: "Pemerintah Kota Sawahlunto", Period: docJan, From: "2026-01-01", To: "2026-01-31",
		Employee: docEmployee, Rater: docRater, UpperRater: docUpper, Objection: ObjectionText{Reason: "-", Explanation: "-", Decision: "-"},
		Place: "Sawahlunto", Uncompressed: true,
		Signatures: []Signature{Signed(RoleEmployee, docEmployee, SignConfirmed, time.Time{}, wib),
			Signed(RoleRater, docRater, SignSent, sent, wib), Signed(RoleUpperRater, docUpper, SignDecided, decided, wib)}}
	var buf bytes.Buffer
	if err := WriteAssessmentDocument(&buf, doc); err != nil {
		t.Fatal(err)
	}
	pdf := buf.String()
	mustContain(t, "the dokumen", pdf, "Sawahlunto, ....................", "Sawahlunto, 3 Februari 2026", "Disampaikan secara elektronik 03-02-2026 10:00 WIB",
		"Sawahlunto, 11 Februari 2026", "Diputuskan secara elektronik 11-02-2026 00:30 WIB")
	if strings.Count(pdf, "secara elektronik") != 2 || strings.Contains(pdf, "Dinyatakan diterima") {
		t.Errorf("the unconfirmed employee's block carries an electronic act")
	}
}
