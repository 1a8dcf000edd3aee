package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// opdAdmin adds the Kominfo OPD admin to the test organisation and signs
// them in.
func (e env) opdAdmin(t *testing.T) *browser {
	t.Helper()
	ctx := context.Background()
	hash, err := app.HashPassword("rahasia-opd", app.PasswordParams{Memory: 64, Time: 1, Threads: 1})
	if err != nil {
		t.Fatal(err)
	}
	err = e.s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
		u, err := tx.CreateUser(ctx, model.User{InstansiID: e.o.Instansi.ID, Username: "admin.kominfo", DisplayName: "Admin Kominfo", PasswordHash: hash})
		if err != nil {
			return err
		}
		return tx.Grant(ctx, u.ID, model.RoleGrant{Role: model.RoleOPDAdmin, UnitID: e.o.Kominfo.ID})
	})
	if err != nil {
		t.Fatal(err)
	}
	b := e.browser(t)
	b.signIn("admin.kominfo", "rahasia-opd")
	return b
}

// The employee page's forms show why an administrator's change outside
// their reach, a second definitive holder or an end before the start is
// refused, and offer to end only what the administrator may end.
func TestManageFormsShowReachAndDateMessages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		admin, opd := e.browser(t), e.opdAdmin(t)
		admin.signIn("admin", "rahasia-admin")

		resp, body := opd.post("/pegawai/"+e.o.Staff1.ID+"/penempatan", url.Values{"position_code": {"DINKES-KADIS"}, "kind": {"plt"}, "start": {"2026-02-01"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "di luar perangkat daerah yang Anda kelola") ||
			!strings.Contains(body, `value="DINKES-KADIS"`) {
			t.Errorf("a Plt in another OPD: %d", resp.StatusCode)
		}
		resp, body = admin.post("/pegawai/"+e.o.Staff1.ID+"/penempatan", url.Values{"position_code": {"KOMINFO-KABID"}, "kind": {"definitif"}, "start": {"2026-02-01"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "masih dijabat definitif oleh Siti Rahmawati") {
			t.Errorf("a second Kabid: %d", resp.StatusCode)
		}
		resp, body = opd.post("/pegawai/"+e.o.Staff3.ID+"/penilai", url.Values{"rater_nip": {storetest.NIPKadinkes}, "start": {"2026-02-01"}, "reason": {"Diperbantukan"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Yusuf Hidayat bukan pegawai perangkat daerah yang Anda kelola") {
			t.Errorf("a rater from another OPD: %d", resp.StatusCode)
		}

		// A bad start of a substitute rater is said beside that form's start,
		// not the placement form's.
		resp, body = admin.post("/pegawai/"+e.o.Staff3.ID+"/penilai", url.Values{"rater_nip": {storetest.NIPKabid}, "start": {"2026-13-45"}, "reason": {"Penugasan"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `name="start" type="date" value="2026-13-45" required aria-invalid="true"`) ||
			strings.Contains(body, `id="start" name="start" type="date" value="2026-13-45" required aria-invalid`) {
			t.Errorf("a bad start of an override: %d", resp.StatusCode)
		}

		// BKPSDM makes Staff1 Plh of the Dinkes head post from next month:
		// the Kominfo admin is offered neither to end nor to cancel it;
		// BKPSDM is offered to cancel it (it has not started), and ending it
		// today, before it starts, says why it is refused.
		if resp, _ := admin.post("/pegawai/"+e.o.Staff1.ID+"/penempatan", url.Values{"position_code": {"DINKES-KADIS"}, "kind": {"plh"},
			"start": {time.Now().AddDate(0, 1, 0).Format("2006-01-02")}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("BKPSDM's Plh: %d", resp.StatusCode)
		}
		act := regexp.MustCompile(`action="/pegawai/[0-9a-f]+/penempatan/([0-9a-f]+)/(?:akhiri|batalkan)"`)
		if _, body := opd.get("/pegawai/" + e.o.Staff1.ID); act.MatchString(body) {
			t.Error("the OPD admin is offered to end or cancel a Plh in another OPD")
		}
		_, body = admin.get("/pegawai/" + e.o.Staff1.ID)
		m := regexp.MustCompile(`action="/pegawai/[0-9a-f]+/penempatan/([0-9a-f]+)/batalkan"`).FindStringSubmatch(body)
		if m == nil {
			t.Fatal("BKPSDM is not offered to cancel the Plh not yet started")
		}
		if resp, _ := opd.post("/pegawai/"+e.o.Staff1.ID+"/penempatan/"+m[1]+"/akhiri", nil); resp.StatusCode != http.StatusForbidden {
			t.Errorf("the OPD admin ended the Plh: %d", resp.StatusCode)
		}
		resp, body = admin.post("/pegawai/"+e.o.Staff1.ID+"/penempatan/"+m[1]+"/akhiri", nil)
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Tanggal selesai tidak boleh sebelum TMT") {
			t.Errorf("ending before the start: %d", resp.StatusCode)
		}

		// A substitute rater from next year, ended today: refused, with the
		// message beside the list of substitute raters.
		if resp, _ := admin.post("/pegawai/"+e.o.Nurse.ID+"/penilai", url.Values{"rater_nip": {storetest.NIPKadis}, "start": {"2099-01-01"}, "reason": {"Penugasan"}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("override: %d", resp.StatusCode)
		}
		_, body = admin.get("/pegawai/" + e.o.Nurse.ID)
		o := regexp.MustCompile(`action="/pegawai/[0-9a-f]+/penilai/([0-9a-f]+)/akhiri"`).FindStringSubmatch(body)
		if o == nil {
			t.Fatal("no end button for the override")
		}
		resp, body = admin.post("/pegawai/"+e.o.Nurse.ID+"/penilai/"+o[1]+"/akhiri", nil)
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Tanggal selesai tidak boleh sebelum tanggal mulai") {
			t.Errorf("ending an override before its start: %d", resp.StatusCode)
		}
	})
}
