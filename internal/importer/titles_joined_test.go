package importer_test

import (
	"context"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// Titles typed without spaces, and titles joined into one ("S.Pd.Gr",
// the teacher's S.Pd. and Gr.), are stored in their standard spelling,
// from the GELAR columns and from the name alike; none stays in the name.
func TestImportJoinedTitles(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		const header = "NIP;NAMA;GELAR_DEPAN;GELAR_BELAKANG;UNOR_ID;JABATAN_NAMA\n"
		file := header +
			"198803152010011003;ZULKIFLI RANGKUTI;Dr.H.;S.H.,M.H.;KOMINFO-APL;Analis Hukum\n" +
			"199002022015032001;Nurul, S.Pd.Gr;;;KOMINFO-APL;Analis Hukum\n" +
			"199103032016032002;Siti Rahma;;S.Pd.Gr.;KOMINFO-APL;Analis Hukum\n" +
			"199204042017032003;Dewi Sartika, S.Pd., Gr.;;;KOMINFO-APL;Analis Hukum\n" +
			"199305052018011004;Ahmad, SH.MH;;;KOMINFO-APL;Analis Hukum\n"
		rep := e.importFile(t, file, true)
		if rep.Created != 5 {
			t.Fatalf("report = %+v", rep)
		}
		for nip, want := range map[string]string{
			"198803152010011003": "Dr. H. Zulkifli Rangkuti, S.H., M.H.",
			"199002022015032001": "Nurul, S.Pd., Gr.",
			"199103032016032002": "Siti Rahma, S.Pd., Gr.",
			"199204042017032003": "Dewi Sartika, S.Pd., Gr.",
			"199305052018011004": "Ahmad, S.H., M.H.",
		} {
			got, err := s.EmployeeByNIP(ctx, e.o.Instansi.ID, nip)
			if err != nil {
				t.Fatal(err)
			}
			if got.FullName() != want {
				t.Errorf("%s: %q (name %q, titles %q and %q), want %q", nip, got.FullName(), got.Name, got.FrontTitle, got.BackTitle, want)
			}
		}
	})
}
