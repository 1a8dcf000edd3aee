package importer_test

import (
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The preview names statuses as people know them ("PPPK → CPNS", not
// "pppk → cpns"), and a row to be created shows the status and golongan
// it gives, the status read from the number when the file has none.
func TestImportPreviewNamesStatuses(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		const pppk, cpns = "199201012023212001", "199201012024122001"
		e.importFile(t, personHeader+pppk+";Sri Wahyuni;S.Kom.;PPPK;IX;KOMINFO-APL;Pranata Komputer Ahli Pertama\n", true)
		rep := e.importFile(t, personHeader+cpns+";Sri Wahyuni;S.Kom.;CPNS;III/a;KOMINFO-APL;Pranata Komputer Ahli Pertama\n", false)
		changes := strings.Join(rep.Rows[0].Changes, "\n")
		if !strings.Contains(changes, "Status: PPPK → CPNS") || strings.Contains(changes, "pppk") {
			t.Errorf("the status change reads %q", changes)
		}

		// No STATUS column: the number says PPPK paruh waktu (code 24).
		const header = "NIP;NAMA;GOLONGAN;UNOR_ID;JABATAN_NAMA\n"
		rep = e.importFile(t, header+"199005052025242001;Dewi Lestari;I;KOMINFO-APL;Operator Layanan Operasional\n", false)
		if rep.Created != 1 {
			t.Fatalf("preview = %+v", rep)
		}
		if r := rep.Rows[0]; r.Status != model.StatusPPPKParuhWaktu || r.Golongan != "I" {
			t.Errorf("the new row shows status %q golongan %q", r.Status, r.Golongan)
		}
	})
}
