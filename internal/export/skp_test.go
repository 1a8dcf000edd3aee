package export

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
)

func sampleSKP() model.SKP {
	s := model.SKP{ID: "s1", Year: 2026, Approach: model.ApproachKuantitatif, Format: model.FormatJAJF, Status: model.SKPApproved,
		Revision: 2, PeriodStart: "2026-01-01", PeriodEnd: "2026-12-31", ApprovedAt: time.Date(2026, 2, 3, 4, 5, 0, 0, time.UTC),
		Employee:   model.PersonSnapshot{Name: "Andi Pratama, S.Kom.", NIP: "199003032015031003", Golongan: "III/b", Pangkat: "Penata Muda Tingkat I", Position: "Pranata Komputer Ahli Pertama", Unit: "Bidang Aplikasi Informatika"},
		Rater:      model.PersonSnapshot{Name: "Siti Rahmawati", NIP: "198002022005012002", Golongan: "IV/a", Position: "Kepala Bidang Aplikasi Informatika"},
		UpperRater: model.PersonSnapshot{Name: "Budi Santoso", NIP: "197001012000031001"},
		Lampiran:   model.Lampiran{DukunganSumberDaya: []string{"Server aplikasi dan akses internet"}},
		RHK: []model.RHK{
			{ID: "r1", Kind: model.RHKUtama, Description: "Tersedianya aplikasi layanan perizinan daring", ParentRHKID: "p1",
				Indicators: []model.Indicator{{Aspect: model.AspectKuantitas, Description: "Jumlah modul aplikasi", Target: "4", Unit: "modul"},
					{Aspect: model.AspectWaktu, Description: "Waktu penyelesaian", Target: "12", Unit: "bulan"}}},
			{ID: "r2", Kind: model.RHKTambahan, Description: "Menjadi narasumber literasi digital"},
		},
	}
	for _, cv := range model.CoreValues {
		s.Behaviours = append(s.Behaviours, model.Behaviour{Value: cv.Value, Guides: cv.Guides})
	}
	s.Behaviours[6].Expectation = "Aktif dalam tim SPBE"
	return s
}

func TestSKPDocument(t *testing.T) {
	var buf bytes.Buffer
	err := WriteSKP(&buf, SKPDocument{SKP: sampleSKP(), InstansiName: "Pemerintah Kota Sawahlunto",
		ParentRHK: map[string]string{"p1": "Meningkatnya layanan pemerintahan berbasis elektronik"}, Place: "Sawahlunto", Date: "2026-02-03", Uncompressed: true})
	if err != nil {
		t.Fatal(err)
	}
	pdf := buf.String()
	if !strings.HasPrefix(pdf, "%PDF-") || !strings.Contains(pdf, "%%EOF") {
		t.Fatalf("not a PDF: %.20q", pdf)
	}
	for _, want := range []string{"SASARAN KINERJA PEGAWAI", "PENDEKATAN HASIL KERJA KUANTITATIF", "PEGAWAI YANG DINILAI",
		"199003032015031003", "Penata Muda Tingkat I \\(III/b\\)", "A. UTAMA", "B. TAMBAHAN", "Meningkatnya layanan",
		"Jumlah modul aplikasi", "4 modul", "Kolaboratif", "Aktif dalam tim SPBE", "DUKUNGAN SUMBER DAYA", "Server aplikasi",
		"Sawahlunto, 3 Februari 2026", "Pejabat Penilai Kinerja", "Perubahan ke-1", "Disetujui secara elektronik"} {
		if !strings.Contains(pdf, want) {
			t.Errorf("the document lacks %q", want)
		}
	}
	if strings.Contains(pdf, "KONSEP") {
		t.Error("an approved SKP is marked as a draft")
	}
	draft := sampleSKP()
	draft.Status, draft.Format = model.SKPDraft, model.FormatJPT
	draft.RHK[0].PenugasanDari, draft.RHK[0].Perspektif = "Wali Kota", "Penerima Layanan"
	buf.Reset()
	if err := WriteSKP(&buf, SKPDocument{SKP: draft, InstansiName: "Pemerintah Kota Sawahlunto", Uncompressed: true}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"KONSEP", "PIMPINAN TINGGI", "Penugasan dari: Wali Kota", "PERSPEKTIF", "Penerima Layanan"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("the draft JPT document lacks %q", want)
		}
	}
}

func TestLongSKPSpansPages(t *testing.T) {
	s := sampleSKP()
	for i := 0; i < 40; i++ {
		s.RHK = append(s.RHK, model.RHK{Kind: model.RHKUtama, Description: strings.Repeat("Uraian hasil kerja yang panjang ", 6),
			Indicators: []model.Indicator{{Aspect: model.AspectKualitas, Description: "Indikator", Target: "100", Unit: "%"}}})
	}
	var buf bytes.Buffer
	if err := WriteSKP(&buf, SKPDocument{SKP: s, InstansiName: "Pemerintah Kota Sawahlunto", Uncompressed: true}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "/Type /Page\n"); n < 3 {
		t.Errorf("a long SKP has %d pages", n)
	}
}

// The approval time is written on the instansi's clock with its zone's
// name: 04:05 UTC is 13:05 WIT.
func TestSKPDocumentApprovalTimeOnTheInstansiClock(t *testing.T) {
	var buf bytes.Buffer
	err := WriteSKP(&buf, SKPDocument{SKP: sampleSKP(), InstansiName: "Pemerintah Kota Jayapura", Date: "2026-02-03",
		Zone: model.ZoneWIT.Location(), Uncompressed: true})
	if err != nil {
		t.Fatal(err)
	}
	if pdf := buf.String(); !strings.Contains(pdf, "Disetujui secara elektronik 03-02-2026 13:05 WIT") {
		t.Error("the approval time is not written in WIT")
	}
}
