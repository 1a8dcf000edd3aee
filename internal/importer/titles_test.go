package importer_test

import (
	"context"
	"testing"

	"github.com/kinerja-id/kinerja/internal/importer"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// A NIP corrected by BKN, in a file that spells the name as SIASN exports
// do (titles in capitals without dots), is the same person: the preview
// offers the change of NIP, not a new employee.
func TestImportNIPCorrectionWithCapitalTitles(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		const header = "NIP;NAMA;GELAR_DEPAN;GELAR_BELAKANG;UNOR_ID;JABATAN_NAMA\n"
		rep := e.importFile(t, header+"198803152010011003;Zulkifli Rangkuti;Dr. H.;S.H., M.H.;KOMINFO-APL;Analis Hukum\n", true)
		if rep.Created != 1 {
			t.Fatalf("first file = %+v", rep)
		}
		file := "NIP;NAMA;UNOR_ID;JABATAN_NAMA\n198803152010011004;DR H ZULKIFLI RANGKUTI, SH, MH;KOMINFO-APL;Analis Hukum\n"
		rep = e.importFile(t, file, false)
		if rep.Created != 0 || rep.Updated != 1 || rep.Rows[0].OldNIP != "198803152010011003" {
			t.Fatalf("the corrected NIP is not the same person: %+v", rep)
		}
	})
}

// Front titles in capitals or without dots come off the name and are
// written as Kinerja knows them; a name that only starts like a title
// keeps it.
func TestBareNameTakesCapitalTitles(t *testing.T) {
	cases := map[string]string{
		"DR H ZULKIFLI RANGKUTI, SH, MH": "ZULKIFLI RANGKUTI",
		"Hj Siti Aminah":                 "Siti Aminah",
		"IR SUTRISNO":                    "SUTRISNO",
		"Drs Bambang":                    "Bambang",
		"PROF DR Ahmad":                  "Ahmad",
		"apt. Rina Handayani":            "Rina Handayani",
		"Irwan Setiawan":                 "Irwan Setiawan",
		"Hendra":                         "Hendra",
	}
	for in, want := range cases {
		if got := importer.BareName(in); got != want {
			t.Errorf("BareName(%q) = %q, want %q", in, got, want)
		}
	}
	if got := (model.Employee{FrontTitle: "apt. ", Name: " Rina  Handayani", BackTitle: "S.Farm. "}).FullName(); got != "apt. Rina Handayani, S.Farm." {
		t.Errorf("FullName = %q", got)
	}
}

// A file written in capitals, as SIASN exports are, is stored with the
// titles in their standard spelling and the name in title case; a name
// written in mixed case keeps its case, and a title Kinerja does not know
// is kept as written.
func TestImportStoresTitlesInTheirStandardSpelling(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		const header = "NIP;NAMA;GELAR_DEPAN;GELAR_BELAKANG;UNOR_ID;JABATAN_NAMA\n"
		rep := e.importFile(t, header+
			"198803152010011003;DR H ZULKIFLI RANGKUTI, SH, MH;;;KOMINFO-APL;Analis Hukum\n"+
			"199001012015032001;SITI BINTI AHMAD;HJ;S.KEP,NS;KOMINFO-APL;Perawat Ahli Pertama\n"+
			"199202022018011002;Budi deSouza;KOL.;M.HAN, SE;KOMINFO-APL;Analis Kebijakan\n", true)
		if rep.Created != 3 {
			t.Fatalf("import = %+v", rep)
		}
		for nip, want := range map[string][3]string{
			"198803152010011003": {"Dr. H.", "Zulkifli Rangkuti", "S.H., M.H."},
			"199001012015032001": {"Hj.", "Siti binti Ahmad", "S.Kep., Ns."},
			"199202022018011002": {"KOL.", "Budi deSouza", "M.HAN, S.E."},
		} {
			emp, err := s.EmployeeByNIP(ctx, e.o.Instansi.ID, nip)
			if err != nil {
				t.Fatal(err)
			}
			if got := [3]string{emp.FrontTitle, emp.Name, emp.BackTitle}; got != want {
				t.Errorf("%s stored as %q, want %q", nip, got, want)
			}
		}
	})
}
