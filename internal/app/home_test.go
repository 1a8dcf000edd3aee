package app_test

import (
	"context"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The home page of a Plt or Plh names each post they act in, with the
// dates, the post's SKP (or the offer to draft it) and the desk where the
// post's staff's work waits.
func TestHomeNamesTheActingPosts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		actingOrg(t, e)
		if _, err := e.a.CreateUser(ctx, model.SystemActor(e.o.Instansi.ID, "test"), app.NewUser{EmployeeNIP: storetest.NIPStaff3, Password: "rahasia-staf3"}); err != nil {
			t.Fatal(err)
		}
		rudi := e.login(t, storetest.NIPStaff3, "rahasia-staf3")
		text := func(p app.ActingPost) string { return locale.T("id", p.Text.Key, p.Text.Args...) }

		h, err := e.a.Home(ctx, who["kabid"])
		if err != nil {
			t.Fatal(err)
		}
		if len(h.Acting) != 1 {
			t.Fatalf("the Kabid's acting posts = %+v", h.Acting)
		}
		sek := h.Acting[0]
		if sek.PositionID != e.o.PosSekr.ID || text(sek) != "Plt. Sekretaris sejak 2 Januari 2026" || sek.SKP != nil || !sek.Can.CreateSKP {
			t.Errorf("the Plt's post = %+v (%q)", sek, text(sek))
		}
		// Rudi, Pengadministrasi under the Sekretaris, is rated by the Plt.
		if sek.Staff != 1 || !sek.Can.Desk {
			t.Errorf("the Plt's desk through the post: %d staff", sek.Staff)
		}
		skp, err := e.a.CreateSKPOn(ctx, who["kabid"], e.o.Kabid.ID, e.o.PosSekr.ID, 2026, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		if h, _ = e.a.Home(ctx, who["kabid"]); len(h.Acting) != 1 || h.Acting[0].SKP == nil || h.Acting[0].SKP.ID != skp.ID || h.Acting[0].Can.CreateSKP {
			t.Errorf("after the SKP of the post: %+v", h.Acting)
		}
		// The Plh beside the Kabid: until when, and the bidang's staff.
		acting, err := e.a.ActingPosts(ctx, rudi)
		if err != nil || len(acting) != 1 {
			t.Fatalf("the Plh's posts = %+v, %v", acting, err)
		}
		if p := acting[0]; text(p) != "Plh. Kepala Bidang Aplikasi Informatika sejak 2 Februari 2026 sampai 31 Maret 2026" || p.Staff != 2 || !p.Can.Desk {
			t.Errorf("the Plh's post = %+v (%q)", p, text(p))
		}
		if h, _ := e.a.Home(ctx, who["staff1"]); len(h.Acting) != 0 {
			t.Errorf("someone who acts in nothing: %+v", h.Acting)
		}
		// Whoever is rated by someone acting reads the acting post beside
		// their rater's name, not the rater's own position.
		for _, c := range []struct {
			who          model.Actor
			rater, upper string
		}{
			{rudi, "Plt. Sekretaris", "Kepala Dinas Komunikasi dan Informatika"},
			{who["staff1"], "Plh. Kepala Bidang Aplikasi Informatika", "Kepala Dinas Komunikasi dan Informatika"},
			{who["kabid"], "Kepala Dinas Komunikasi dan Informatika", "Wali Kota"},
		} {
			h, err := e.a.Home(ctx, c.who)
			if err != nil || h.Detail.RaterTitle != c.rater || h.Detail.UpperRaterTitle != c.upper {
				t.Errorf("%s's raters read %q / %q, want %q / %q (%v)", c.who.Name, h.Detail.RaterTitle, h.Detail.UpperRaterTitle, c.rater, c.upper, err)
			}
		}
	})
}
