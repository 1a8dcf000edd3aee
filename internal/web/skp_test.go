package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// approvedBossSKP gives the Kadis an account and an approved SKP for the
// current year, so that the Kabid can cascade from it.
func approvedBossSKP(t *testing.T, e env) {
	t.Helper()
	ctx := context.Background()
	a := app.New(e.s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
	sys := model.SystemActor(e.o.Instansi.ID, "test")
	if _, err := a.CreateUser(ctx, sys, app.NewUser{EmployeeNIP: storetest.NIPKadis, Password: "rahasia-kadis"}); err != nil {
		t.Fatal(err)
	}
	year := a.Today(context.Background(), e.o.Instansi.ID).Time().Year()
	admin := model.Actor{UserID: "x", InstansiID: e.o.Instansi.ID, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
	if _, err := a.OpenYear(ctx, admin, year, model.PeriodMonthly, 5); err != nil {
		t.Fatal(err)
	}
	kadis := model.Actor{UserID: "k", InstansiID: e.o.Instansi.ID, EmployeeID: e.o.Kadis.ID, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
	s, err := a.CreateSKP(ctx, kadis, e.o.Kadis.ID, year, model.ApproachKuantitatif)
	if err != nil {
		t.Fatal(err)
	}
	r, err := a.SaveRHK(ctx, kadis, s.Version, model.RHK{SKPID: s.ID, Kind: model.RHKUtama, Description: "Meningkatnya layanan digital kota", PenugasanDari: "Wali Kota"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.AddIndicator(ctx, kadis, s.Version+1, model.Indicator{RHKID: r.ID, Aspect: model.AspectKuantitas, Description: "Layanan daring", Target: "12", Unit: "layanan"}); err != nil {
		t.Fatal(err)
	}
	// The Wali Kota has no account here: record the approval directly.
	full, _ := e.s.SKP(ctx, s.ID)
	full.Status = model.SKPApproved
	if err := e.s.Write(ctx, sys, func(tx *store.Tx) error { return tx.SetSKPStatus(ctx, full.Version, full, model.ActApprove) }); err != nil {
		t.Fatal(err)
	}
}

func field(t *testing.T, body, re string) string {
	t.Helper()
	m := regexp.MustCompile(re).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no %s on the page", re)
	}
	return m[1]
}

func TestSKPPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		approvedBossSKP(t, e)
		kabid, kadis, staff := e.browser(t), e.browser(t), e.browser(t)
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")
		kadis.signIn(storetest.NIPKadis, "rahasia-kadis")
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")

		_, body := kabid.get("/skp")
		year := field(t, body, `name="year" value="(\d+)"`)
		resp, _ := kabid.post("/skp", url.Values{"year": {year}, "approach": {"kuantitatif"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("create: %d", resp.StatusCode)
		}
		skp := resp.Header.Get("Location")
		_, body = kabid.get(skp)
		if !strings.Contains(body, "Meningkatnya layanan digital kota") || !strings.Contains(body, "Berorientasi Pelayanan") {
			t.Fatalf("the SKP page lacks the boss's RHK choice or the core values")
		}
		ver := field(t, body, `name="version" value="(\d+)"`)
		parent := field(t, body, `<option value="([0-9a-f]+)">Meningkatnya layanan digital kota`)
		kabid.post(skp+"/rhk", url.Values{"version": {ver}, "kind": {"utama"}, "description": {"Tersedianya aplikasi layanan"}, "parent_rhk_id": {parent}})
		_, body = kabid.get(skp)
		// Submitting without an indicator says why and changes nothing.
		resp, body2 := kabid.post(skp+"/ajukan", url.Values{"version": {field(t, body, `name="version" value="(\d+)"`)}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body2, "belum memiliki indikator") {
			t.Errorf("submit without indicator: %d", resp.StatusCode)
		}
		// A stale version is refused with an explanation.
		resp, body2 = kabid.post(skp+"/rhk", url.Values{"version": {ver}, "kind": {"tambahan"}, "description": {"Lain"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body2, "telah diubah") {
			t.Errorf("stale version: %d", resp.StatusCode)
		}
		resp, _ = kabid.post(skp+"/lampiran", url.Values{"version": {field(t, body, `name="version" value="(\d+)"`)},
			"dukungan_sumber_daya": {"Server aplikasi\r\n\r\nAkses internet"}, "konsekuensi": {"Dibahas dalam dialog kinerja"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("lampiran: %d", resp.StatusCode)
		}
		_, body = kabid.get(skp)
		if !strings.Contains(body, "Server aplikasi<br>Akses internet<br>") {
			t.Error("the lampiran was not saved line by line")
		}
		rhk := field(t, body, `name="rhk_id" value="([0-9a-f]+)"`)
		kabid.post(skp+"/indikator", url.Values{"version": {field(t, body, `name="version" value="(\d+)"`)}, "rhk_id": {rhk},
			"aspect": {"kuantitas"}, "description": {"Modul aplikasi"}, "target": {"4"}, "unit": {"modul"}})
		_, body = kabid.get(skp)
		resp, _ = kabid.post(skp+"/ajukan", url.Values{"version": {field(t, body, `name="version" value="(\d+)"`)}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("submit: %d", resp.StatusCode)
		}

		if _, body := kabid.get(skp); strings.Contains(body, "data-skp-submit") || strings.Contains(body, `action="`+skp+`/rhk"`) {
			t.Error("a submitted SKP still offers its owner to change or submit it")
		}
		// Beranda tells both what to do next.
		if _, body := kabid.get("/"); !strings.Contains(body, "SKP "+year+": Menunggu persetujuan") {
			t.Error("the employee's beranda does not show the SKP waiting")
		}
		if _, body := kadis.get("/"); !strings.Contains(body, "1 SKP menunggu persetujuan Anda") || !strings.Contains(body, `href="/skp"`) {
			t.Error("the supervisor's beranda does not show the SKP to approve")
		}
		// The Kadis sees it waiting, returns it with a note.
		if _, body := kadis.get("/skp"); !strings.Contains(body, "1 SKP menunggu persetujuan Anda") {
			t.Error("the supervisor is not told an SKP waits")
		}
		_, body = kadis.get(skp)
		if !strings.Contains(body, "data-skp-approve") {
			t.Fatal("the supervisor has no approval form")
		}
		v := field(t, body, `name="version" value="(\d+)"`)
		resp, _ = kadis.post(skp+"/kembalikan", url.Values{"version": {v}, "note": {"Tambahkan indikator kualitas"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("return: %d", resp.StatusCode)
		}
		if _, body := kabid.get(skp); !strings.Contains(body, "Tambahkan indikator kualitas") {
			t.Error("the employee does not see the return note")
		}
		// The return reached the employee's notifications, counted in the header until read.
		if _, body := kabid.get("/"); !strings.Contains(body, `<span class="badge" data-bell><span data-bell-count>1</span>`) {
			t.Error("no unread notification badge after the return")
		}
		if _, body := kabid.get("/notifikasi"); !strings.Contains(body, "dikembalikan untuk diperbaiki") || !strings.Contains(body, skp) {
			t.Error("the notifications page lacks the return")
		}
		if _, body := kabid.get("/"); !strings.Contains(body, `<span class="badge" data-bell hidden>`) {
			t.Error("the badge stays after reading")
		}
		// The supervisor records the planning dialogue; the employee reads it.
		if resp, _ := kadis.post(skp+"/dialog", url.Values{"held_on": {"2000-01-01"}, "notes": {""}}); resp.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("an empty dialogue: %d", resp.StatusCode)
		}
		if resp, _ := kadis.post(skp+"/dialog", url.Values{"held_on": {"2000-01-01"}, "notes": {"Membahas modul prioritas"}, "expectations": {"Modul perizinan lebih dulu"}}); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("dialogue: %d", resp.StatusCode)
		}
		if _, body := kabid.get(skp); !strings.Contains(body, "Modul perizinan lebih dulu") {
			t.Error("the employee does not see the dialogue")
		}
		// Others cannot see it.
		if resp, _ := staff.get(skp); resp.StatusCode != http.StatusNotFound {
			t.Errorf("a subordinate opened the boss's SKP: %d", resp.StatusCode)
		}
		_, body = kabid.get(skp)
		kabid.post(skp+"/indikator", url.Values{"version": {field(t, body, `name="version" value="(\d+)"`)}, "rhk_id": {rhk},
			"aspect": {"kualitas"}, "description": {"Lolos uji keamanan"}, "target": {"100"}, "unit": {"%"}})
		_, body = kabid.get(skp)
		kabid.post(skp+"/ajukan", url.Values{"version": {field(t, body, `name="version" value="(\d+)"`)}})
		_, body = kadis.get(skp)
		resp, _ = kadis.post(skp+"/setujui", url.Values{"version": {field(t, body, `name="version" value="(\d+)"`)}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("approve: %d", resp.StatusCode)
		}
		if _, body := kabid.get(skp); !strings.Contains(body, "Disetujui") {
			t.Error("the SKP is not shown approved")
		}
		// The Kabid proposes an RHK to Staff1 from the matrix; Staff1 accepts it.
		_, body = kabid.get("/skp/matriks")
		parentRHK := field(t, body, `name="parent_rhk_id" value="([0-9a-f]+)"`)
		resp, _ = kabid.post("/skp/matriks/usul", url.Values{"parent_rhk_id": {parentRHK}, "to": {e.o.Staff1.ID}, "description": {"Tersusunnya modul perizinan"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("propose: %d", resp.StatusCode)
		}
		resp, _ = kabid.post("/skp/matriks/usul", url.Values{"parent_rhk_id": {parentRHK}, "to": {e.o.Staff1.ID}, "description": {"Terlaksananya uji beban"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("propose a second: %d", resp.StatusCode)
		}
		staff.post("/skp", url.Values{"year": {year}, "approach": {"kuantitatif"}})
		_, list := staff.get("/skp")
		staffSKP := "/skp/" + field(t, list, `href="/skp/([0-9a-f]+)">SKP `)
		_, body = staff.get(staffSKP)
		action := field(t, body, `action="(/skp/[0-9a-f]+/usulan/[0-9a-f]+)"`)
		resp, _ = staff.post(action, url.Values{"version": {field(t, body, `name="version" value="(\d+)"`)}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("accept: %d", resp.StatusCode)
		}
		// The second proposal is declined: it is no longer offered.
		_, body = staff.get(staffSKP)
		decline := field(t, body, `action="(/skp/[0-9a-f]+/usulan/[0-9a-f]+/tolak)"`)
		if resp, _ := kabid.post(decline, nil); resp.StatusCode != http.StatusNotFound {
			t.Errorf("the proposer declined for the subordinate: %d", resp.StatusCode)
		}
		if resp, _ := staff.post(decline, nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("decline: %d", resp.StatusCode)
		}
		if resp, _ := staff.post(decline, nil); resp.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("declining twice: %d", resp.StatusCode)
		}
		if _, body := staff.get(staffSKP); !strings.Contains(body, "Tersusunnya modul perizinan") || strings.Contains(body, "/usulan/") || strings.Contains(body, "Terlaksananya uji beban") {
			t.Error("the accepted RHK is missing or the proposal is still offered")
		}
		// The Kadis's matrix shows the Kabid's RHK under the Kadis's.
		_, body = kadis.get("/skp/matriks")
		if !strings.Contains(body, "Meningkatnya layanan digital kota") || !strings.Contains(body, "Tersedianya aplikasi layanan") {
			t.Error("the result matrix lacks the supervisor's RHK or the linked one")
		}
		// The approved version stays readable as it was approved.
		_, body = kabid.get(skp)
		vlink := field(t, body, `href="(/skp/[0-9a-f]+/versi/1\.pdf)"`)
		if resp, pdf := kabid.get(vlink); resp.StatusCode != 200 || !strings.HasPrefix(pdf, "%PDF-") {
			t.Errorf("version document: %d", resp.StatusCode)
		}
		if resp, _ := kabid.get(skp + "/versi/9.pdf"); resp.StatusCode != http.StatusNotFound {
			t.Errorf("an unknown version: %d", resp.StatusCode)
		}
		for _, b := range []*browser{kabid, kadis} {
			resp, pdf := b.get(skp + "/dokumen.pdf")
			if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(pdf, "%PDF-") {
				t.Errorf("document: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
			}
		}
	})
}

// TestDeleteRHKFromTheSKPPage: the owner of a draft SKP removes an RHK
// from the page, as DELETE /api/v1/rhk/{id} does; the form carries the
// version read, and only those who may remove it are offered it.
func TestDeleteRHKFromTheSKPPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		approvedBossSKP(t, e)
		kabid, kadis := e.browser(t), e.browser(t)
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")
		kadis.signIn(storetest.NIPKadis, "rahasia-kadis")
		_, body := kabid.get("/skp")
		resp, _ := kabid.post("/skp", url.Values{"year": {field(t, body, `name="year" value="(\d+)"`)}, "approach": {"kuantitatif"}})
		skp := resp.Header.Get("Location")
		_, body = kabid.get(skp)
		kabid.post(skp+"/rhk", url.Values{"version": {field(t, body, `name="version" value="(\d+)"`)}, "kind": {"tambahan"}, "description": {"Menyusun laporan bulanan"}})
		_, body = kabid.get(skp)
		rhk := field(t, body, `name="rhk_id" value="([0-9a-f]+)"`)
		action := `action="` + skp + `/rhk/` + rhk + `/hapus"`
		if !strings.Contains(body, action) || !strings.Contains(body, "Hapus RHK") {
			t.Fatal("the owner of a draft SKP is not offered to delete its RHK")
		}
		ver := field(t, body, `name="version" value="(\d+)"`)
		if _, body := kadis.get(skp); strings.Contains(body, "data-rhk-delete") {
			t.Error("the pejabat penilai is offered to delete the employee's RHK")
		}
		if resp, _ := kadis.post(skp+"/rhk/"+rhk+"/hapus", url.Values{"version": {ver}}); resp.StatusCode != http.StatusForbidden {
			t.Errorf("the pejabat penilai deletes an RHK: %d", resp.StatusCode)
		}
		if resp, body := kabid.post(skp+"/rhk/"+rhk+"/hapus", url.Values{"version": {"1"}}); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "telah diubah") {
			t.Errorf("delete with a stale version: %d", resp.StatusCode)
		}
		if resp, _ := kabid.post(skp+"/rhk/"+rhk+"/hapus", url.Values{"version": {ver}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("delete: %d", resp.StatusCode)
		}
		if _, body := kabid.get(skp); strings.Contains(body, "Menyusun laporan bulanan") || strings.Contains(body, "data-rhk-delete") {
			t.Error("the RHK is still on the page after its deletion")
		}
	})
}
