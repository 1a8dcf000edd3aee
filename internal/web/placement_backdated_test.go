package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The placement form asks a second time for a transfer whose TMT reaches
// into a closed period: it comes back with the list and a confirmation to
// tick, and records the transfer once it is ticked.
func TestBackdatedTransferFormAsksForConfirmation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		ctx := context.Background()
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		periods, err := e.a.OpenYear(ctx, sys, 2026, model.PeriodMonthly, 5)
		if err != nil {
			t.Fatal(err)
		}
		var oct model.Period
		for _, p := range periods {
			if p.Kind == model.PeriodMonthly && p.Number == 10 {
				oct = p
				for _, st := range []model.PeriodStatus{model.PeriodOpen, model.PeriodClosed} {
					p.Status = st
					if err := e.a.MovePeriod(ctx, sys, p, "akhir bulan"); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		skp, err := e.a.CreateSKP(ctx, sys, e.o.Staff1.ID, 2026, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		// October's assessment on it, as closing the month would make it
		// for an approved SKP.
		if err := s.Write(ctx, sys, func(tx *store.Tx) error {
			_, err := tx.CreateAssessments(ctx, oct, model.CurrentRegime, []model.AssessmentCandidate{{SKPID: skp.ID, EmployeeID: e.o.Staff1.ID, OPDID: e.o.Kominfo.ID}})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		admin := e.browser(t)
		admin.signIn("admin", "rahasia-admin")
		form := url.Values{"position_code": {"KOMINFO-ADM"}, "kind": {"definitif"}, "start": {"2026-10-01"}, "decree": {"821/90/BKPSDM/2026"}}
		resp, body := admin.post("/pegawai/"+e.o.Staff1.ID+"/penempatan", form)
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "berlaku surut ke 1 periode yang sudah ditutup (Oktober 2026 sampai Oktober 2026) dan menyentuh 1 penilaian") ||
			!strings.Contains(body, `name="confirm_backdated"`) || !strings.Contains(body, `value="2026-10-01"`) {
			t.Fatalf("the first step: %d", resp.StatusCode)
		}
		// Each assessment it touches is listed: whose, on which SKP and
		// period, in which state, and who rates it.
		if who := between(body, `data-backdated-person>`, `</p>`); !strings.Contains(who, "Penilaian Andi Pratama (NIP "+storetest.NIPStaff1+") yang tersentuh") {
			t.Errorf("the list names %q", who)
		}
		item := between(body, `data-backdated-assessment=`, `</li>`)
		for _, want := range []string{"SKP 2026", "Oktober 2026", "Belum dinilai", "Pejabat penilai: Siti Rahmawati", storetest.NIPKabid} {
			if !strings.Contains(item, want) {
				t.Errorf("the listed assessment lacks %q: %s", want, item)
			}
		}
		if pl, _ := s.Placements(ctx, e.o.Staff1.ID); len(pl) != 1 {
			t.Fatalf("placed before the confirmation: %+v", pl)
		}
		form.Set("confirm_backdated", "1")
		if resp, _ := admin.post("/pegawai/"+e.o.Staff1.ID+"/penempatan", form); resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("the confirmed transfer: %d", resp.StatusCode)
		}
		if pl, _ := s.Placements(ctx, e.o.Staff1.ID); len(pl) != 2 {
			t.Errorf("after the confirmation: %+v", pl)
		}
		// The employee page lists the assessment left outside its SKP.
		if resp, body := admin.get("/pegawai/" + e.o.Staff1.ID); resp.StatusCode != http.StatusOK || !strings.Contains(body, "di luar masa berlaku SKP-nya karena mutasi yang berlaku surut") ||
			!strings.Contains(body, ">Oktober 2026</a>") {
			t.Errorf("the employee page (%d) does not list October's assessment", resp.StatusCode)
		}
	})
}

// A placement cancelled before it started stays in the employee's
// placement history, marked "dibatalkan" with when and by whom, and no
// longer offers to be cancelled or ended.
func TestCancelledPlacementStaysInTheHistory(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		ctx := context.Background()
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		start := model.Date(e.a.Today(ctx, e.o.Instansi.ID).Time().AddDate(0, 0, 10).Format("2006-01-02"))
		pl, err := e.a.PlaceEmployee(ctx, sys, model.Placement{EmployeeID: e.o.Staff1.ID, PositionID: e.o.PosNurse.ID,
			Kind: model.PlacementPlh, Start: start, Decree: "800/9/2026"})
		if err != nil {
			t.Fatal(err)
		}
		admin := e.browser(t)
		admin.signIn("admin", "rahasia-admin")
		if _, body := admin.get("/pegawai/" + e.o.Staff1.ID); !strings.Contains(body, "/penempatan/"+pl.ID+"/batalkan") {
			t.Fatal("the Plh not started is not offered for cancellation")
		}
		if resp, body := admin.post("/pegawai/"+e.o.Staff1.ID+"/penempatan/"+pl.ID+"/batalkan", url.Values{}); resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("cancel: %d %s", resp.StatusCode, body)
		}
		_, body := admin.get("/pegawai/" + e.o.Staff1.ID)
		if !strings.Contains(body, "800/9/2026") || !strings.Contains(body, "data-cancelled>dibatalkan ") {
			t.Errorf("the cancelled placement is not in the history, marked:\n%s", body)
		}
		if strings.Contains(body, "/penempatan/"+pl.ID+"/") {
			t.Error("the cancelled placement is still offered to cancel or end")
		}
	})
}
