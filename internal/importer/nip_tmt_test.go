package importer_test

import (
	"context"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestImportRefusesATMTStillToCome: a NIP whose TMT CPNS lies after the
// instansi's today is rejected with its reason, where it was imported as
// a PNS without comment; one of this month is imported.
func TestImportRefusesATMTStillToCome(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		today := e.a.Today(ctx, e.o.Instansi.ID)
		thisMonth := strings.ReplaceAll(string(today)[:7], "-", "")
		nextYear := today.Time().AddDate(1, 0, 0).Format("2006")
		file := header +
			"19950101" + nextYear + "011001;Masa Depan;;PNS;III/a;KOMINFO-APL;Pranata Komputer Ahli Pertama;;;\n" +
			"19950101" + thisMonth + "1002;Baru Diangkat;;CPNS;III/a;KOMINFO-APL;Pranata Komputer Ahli Pertama;;;\n"
		rep, err := e.a.ImportEmployees(ctx, e.admin, "f.csv", []byte(file), false)
		if err != nil {
			t.Fatal(err)
		}
		got := reasons(rep)
		if got[2] != "invalid.nip.tmt.future" || got[3] != "" {
			t.Errorf("rejections = %v, want row 2 for its TMT to come, row 3 imported", got)
		}
		for _, r := range rep.Rows {
			if r.Row == 2 && !strings.Contains(r.Reason, "belum tiba") {
				t.Errorf("row 2: %q", r.Reason)
			}
		}
	})
}
