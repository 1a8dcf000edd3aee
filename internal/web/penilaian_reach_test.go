package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// An account that is no employee's (BKPSDM's admin, an auditor) has no
// SKP of its own to be assessed: /penilaian offers it the lists it may
// read instead of saying its SKP has no assessment; an employee still
// reads about their own.
func TestPenilaianOffersTheListsToAdminsAndAuditors(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		if _, err := e.a.CreateUser(context.Background(), model.SystemActor(e.o.Instansi.ID, "test"),
			app.NewUser{Username: "auditor", Password: "rahasia-audit", Roles: []model.RoleGrant{{Role: model.RoleAuditor}}}); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct{ user, pw string }{{"admin", "rahasia-admin"}, {"auditor", "rahasia-audit"}} {
			b := e.browser(t)
			b.signIn(c.user, c.pw)
			_, body := b.get("/penilaian")
			for _, want := range []string{"Penilaian yang dapat Anda lihat", `href="/kalibrasi"`, `href="/capaian-organisasi"`, `href="/keberatan"`, `href="/tindak-lanjut"`, `href="/laporan"`} {
				if !strings.Contains(body, want) {
					t.Errorf("%s's /penilaian lacks %s", c.user, want)
				}
			}
			if strings.Contains(body, "Belum ada penilaian atas SKP Anda") {
				t.Errorf("%s is told their SKP has no assessment", c.user)
			}
		}
		staff := e.browser(t)
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		if _, body := staff.get("/penilaian"); !strings.Contains(body, "Belum ada penilaian atas SKP Anda") || strings.Contains(body, "Penilaian yang dapat Anda lihat") {
			t.Error("the employee's /penilaian")
		}
	})
}
