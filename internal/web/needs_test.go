package web_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestNeedPages: Staff1 records a training need on an RHK, the Kabid
// confirms it, BKPSDM finds it in the summary and records what was done;
// a colleague outside the line can neither see it nor act on it.
func TestNeedPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		ctx := context.Background()
		a := app.New(e.s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		if _, err := a.CreateUser(ctx, sys, app.NewUser{EmployeeNIP: storetest.NIPStaff2, Password: "rahasia-staf2"}); err != nil {
			t.Fatal(err)
		}
		year := a.Today(context.Background(), e.o.Instansi.ID).Time().Year()
		admin := model.Actor{UserID: "x", InstansiID: e.o.Instansi.ID, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		if _, err := a.OpenYear(ctx, admin, year, model.PeriodMonthly, 5); err != nil {
			t.Fatal(err)
		}
		staffActor := model.Actor{UserID: "y", EmployeeID: e.o.Staff1.ID, InstansiID: e.o.Instansi.ID, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
		skp, err := a.CreateSKP(ctx, staffActor, e.o.Staff1.ID, year, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		rhk, err := a.SaveRHK(ctx, staffActor, skp.Version, model.RHK{SKPID: skp.ID, Kind: model.RHKUtama, Description: "Tersedianya aplikasi layanan daring"})
		if err != nil {
			t.Fatal(err)
		}
		staff, kabid, colleague, bkpsdm := e.browser(t), e.browser(t), e.browser(t), e.browser(t)
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")
		colleague.signIn(storetest.NIPStaff2, "rahasia-staf2")
		bkpsdm.signIn("admin", "rahasia-admin")

		_, body := staff.get("/")
		if !strings.Contains(body, `href="/kebutuhan"`) {
			t.Error("the home page has no link to the needs")
		}
		_, body = staff.get("/kebutuhan")
		if !strings.Contains(body, `action="/kebutuhan"`) || !strings.Contains(body, `<label for="kind">`) ||
			!strings.Contains(body, `<option value="`+rhk.ID+`">Utama: Tersedianya aplikasi layanan daring</option>`) ||
			!strings.Contains(body, `<optgroup label="Kendala sumber daya">`) || strings.Contains(body, `id="rekap"`) {
			t.Fatal("the ASN's page lacks the form with the RHK, or shows the summary")
		}
		// Without a title the form comes back with the reason and what was typed.
		resp, body := staff.post("/kebutuhan", url.Values{"kind": {"training"}, "title": {""}, "description": {"Belum pernah ikut bimtek SPBE"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Judul wajib diisi") ||
			!strings.Contains(body, "Belum pernah ikut bimtek SPBE</textarea>") {
			t.Fatalf("a need without a title: %d", resp.StatusCode)
		}
		resp, _ = staff.post("/kebutuhan", url.Values{"kind": {"training"}, "title": {"Pelatihan pengujian keamanan aplikasi"},
			"description": {"Belum pernah ikut bimtek SPBE"}, "rhk_id": {rhk.ID}})
		loc := resp.Header.Get("Location")
		if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/kebutuhan?ok=recorded#need-") {
			t.Fatalf("record: %d %s", resp.StatusCode, loc)
		}
		id := strings.TrimPrefix(loc, "/kebutuhan?ok=recorded#need-")
		_, body = staff.get("/kebutuhan?ok=recorded")
		if !strings.Contains(body, "Tercatat.") || !strings.Contains(body, "Pelatihan pengujian keamanan aplikasi") || !strings.Contains(body, "Menunggu konfirmasi") ||
			!strings.Contains(body, "RHK: Tersedianya aplikasi layanan daring") || strings.Contains(body, "/konfirmasi") {
			t.Error("the recorded need is not listed as waiting, or its owner is offered to confirm it")
		}

		// A colleague outside the line neither sees it nor confirms it.
		if resp, _ := colleague.get("/kebutuhan/" + id); resp.StatusCode != http.StatusNotFound {
			t.Errorf("a colleague opened the need: %d", resp.StatusCode)
		}
		if resp, _ := colleague.post("/kebutuhan/"+id+"/konfirmasi", url.Values{"version": {"1"}}); resp.StatusCode != http.StatusNotFound {
			t.Errorf("a colleague confirmed the need: %d", resp.StatusCode)
		}
		if _, body := colleague.get("/kebutuhan"); strings.Contains(body, "Pelatihan pengujian keamanan aplikasi") {
			t.Error("a colleague's page lists the need")
		}

		// The Kabid confirms it from the team list; a stale version is explained.
		_, body = kabid.get("/kebutuhan")
		if !strings.Contains(body, `action="/kebutuhan/`+id+`/konfirmasi"`) || !strings.Contains(body, "Andi Pratama") {
			t.Fatal("the Kabid is not offered to confirm the team's need")
		}
		resp, body = kabid.post("/kebutuhan/"+id+"/konfirmasi", url.Values{"version": {"7"}, "next": {"/kebutuhan"}})
		if resp.StatusCode != http.StatusConflict || !strings.Contains(body, "telah diubah orang lain") {
			t.Errorf("a stale confirmation: %d", resp.StatusCode)
		}
		resp, _ = kabid.post("/kebutuhan/"+id+"/konfirmasi", url.Values{"version": {"1"}, "next": {"/kebutuhan"}})
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/kebutuhan?ok=confirm#need-"+id {
			t.Fatalf("confirm: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
		if resp, _ := staff.post("/kebutuhan/"+id+"/tindak-lanjut", url.Values{"version": {"2"}, "action": {"Sudah"}}); resp.StatusCode != http.StatusForbidden {
			t.Errorf("the owner addressed their need: %d", resp.StatusCode)
		}

		// BKPSDM: the summary counts it under Kominfo and training, and drills down.
		_, body = bkpsdm.get("/")
		if !strings.Contains(body, `href="/kebutuhan#rekap"`) {
			t.Error("the admin's home page has no link to the summary")
		}
		_, body = bkpsdm.get("/kebutuhan")
		if !strings.Contains(body, `id="rekap"`) || !strings.Contains(body, "Rekap "+strconv.Itoa(year)) || !strings.Contains(body, "Dinas Komunikasi dan Informatika") {
			t.Fatal("the admin sees no summary with Kominfo")
		}
		cell := regexp.MustCompile(`<td class="num" data-label="Pelatihan"><a href="(/kebutuhan/daftar\?[^"]+)">1</a></td>`).FindStringSubmatch(body)
		if cell == nil {
			t.Fatal("no training count of 1 linking to the list")
		}
		list := html.UnescapeString(cell[1])
		if !strings.Contains(list, "jenis=training") || !strings.Contains(list, "opd="+e.o.Kominfo.ID) || !strings.Contains(list, "status=outstanding") {
			t.Errorf("drill-down link = %s", list)
		}
		_, body = bkpsdm.get(list)
		if !strings.Contains(body, "Pelatihan pengujian keamanan aplikasi") || !strings.Contains(body, `action="/kebutuhan/`+id+`/tindak-lanjut"`) ||
			!strings.Contains(body, `<label for="action-`+id+`">`) {
			t.Fatal("the drill-down lacks the need or its address form")
		}
		// The list says it holds what the summary's cell counted.
		if strings.Count(body, `data-count>1 kebutuhan</p>`) != 1 {
			t.Error("the drill-down of a count of 1 does not say once that it holds 1 need")
		}
		if _, body := bkpsdm.get("/kebutuhan/daftar?jenis=budget&tahun=" + strconv.Itoa(year)); strings.Contains(body, "Pelatihan pengujian keamanan aplikasi") {
			t.Error("the budget list shows a training need")
		}
		resp, body = bkpsdm.post("/kebutuhan/"+id+"/tindak-lanjut", url.Values{"version": {"2"}, "action": {" "}, "next": {list}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Tuliskan tindak lanjut") {
			t.Errorf("an empty action: %d", resp.StatusCode)
		}
		resp, _ = bkpsdm.post("/kebutuhan/"+id+"/tindak-lanjut", url.Values{"version": {"2"}, "action": {"Didaftarkan pada bimtek SPBE angkatan II"}, "next": {list}})
		if resp.StatusCode != http.StatusSeeOther || !strings.Contains(resp.Header.Get("Location"), "ok=address") {
			t.Fatalf("address: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
		_, body = staff.get("/kebutuhan/" + id)
		if !strings.Contains(body, "Ditindaklanjuti") || !strings.Contains(body, "Didaftarkan pada bimtek SPBE angkatan II") || !strings.Contains(body, "Siti Rahmawati") {
			t.Error("the owner does not see what was done and who confirmed")
		}
		_, body = bkpsdm.get("/kebutuhan?tampil=addressed")
		if regexp.MustCompile(`data-label="Pelatihan"><a href="[^"]+">1</a>`).FindString(body) == "" {
			t.Error("the summary of addressed needs does not count it")
		}

		// The Kabid records a constraint for Staff2 (confirmed at once) and closes it.
		resp, _ = kabid.post("/kebutuhan", url.Values{"employee_id": {e.o.Staff2.ID}, "kind": {"equipment"}, "title": {"Laptop pengembangan rusak"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("record for the team: %d", resp.StatusCode)
		}
		laptop := strings.TrimPrefix(resp.Header.Get("Location"), "/kebutuhan?ok=recorded#need-")
		_, body = colleague.get("/kebutuhan")
		if !strings.Contains(body, "Laptop pengembangan rusak") || !strings.Contains(body, "Dikonfirmasi atasan") {
			t.Error("Staff2 does not see the constraint recorded for them as confirmed")
		}
		if resp, _ := staff.post("/kebutuhan", url.Values{"employee_id": {e.o.Staff2.ID}, "kind": {"budget"}, "title": {"X"}}); resp.StatusCode != http.StatusForbidden {
			t.Errorf("a colleague recorded for Staff2: %d", resp.StatusCode)
		}
		resp, _ = kabid.post("/kebutuhan/"+laptop+"/tutup", url.Values{"version": {"1"}, "note": {"Diganti dari inventaris dinas"}})
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/kebutuhan/"+laptop+"?ok=close#need-"+laptop {
			t.Fatalf("close: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
		_, body = colleague.get("/kebutuhan/" + laptop + "?ok=close")
		if !strings.Contains(body, "Diganti dari inventaris dinas") || !strings.Contains(body, "Ditutup") {
			t.Error("the closed constraint does not show why")
		}
		_, body = bkpsdm.get("/audit?entity_type=need")
		if !strings.Contains(body, "Tindak lanjut kebutuhan atau kendala dicatat") || !strings.Contains(body, "Kebutuhan atau kendala ditutup") ||
			!strings.Contains(body, `<option value="need" selected>`) {
			t.Error("the audit log does not name the steps on needs, or cannot be filtered by them")
		}
		_, body = bkpsdm.get("/kebutuhan?lang=en")
		if !strings.Contains(body, "Needs and constraints") || !strings.Contains(body, "Training") {
			t.Error("the summary is not in English")
		}
	})
}

// TestNeedWordsAndMarkup: every kind, category, status and count the
// pages name has words in both languages, and the templates keep to the
// strict content security policy.
func TestNeedWordsAndMarkup(t *testing.T) {
	keys := []string{"need.show.outstanding", "need.show.all"}
	for _, k := range model.NeedKinds {
		keys = append(keys, "need.kind."+string(k))
	}
	for _, c := range model.NeedCategories {
		keys = append(keys, "need.category."+string(c))
	}
	for _, s := range model.NeedStatuses {
		keys = append(keys, "need.status."+string(s), "need.show."+string(s))
	}
	for _, step := range []string{"recorded", "confirm", "close", "address"} {
		keys = append(keys, "need.ok."+step)
	}
	for _, lang := range []string{"id", "en"} {
		have := map[string]bool{}
		for _, k := range locale.Keys(lang) {
			have[k] = true
		}
		for _, k := range keys {
			if !have[k] {
				t.Errorf("%s has no %q", lang, k)
			}
		}
	}
	files, _ := filepath.Glob("templates/*need*.html")
	if len(files) != 4 {
		t.Fatalf("need templates = %v", files)
	}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		for _, bad := range []string{"style=", "<style", "<script", " onclick=", " onchange=", "javascript:"} {
			if strings.Contains(string(b), bad) {
				t.Errorf("%s holds %q", f, bad)
			}
		}
		// Every input, select and textarea with an id has its label.
		for _, m := range regexp.MustCompile(`<(?:input|select|textarea) id="([^"]+)"`).FindAllStringSubmatch(string(b), -1) {
			if !strings.Contains(string(b), `<label for="`+m[1]+`">`) {
				t.Errorf("%s: no label for #%s", f, m[1])
			}
		}
	}
}

// TestOwnNeedsPage: one's own needs on /kebutuhan are shown a page at a
// time; past the first hundred a link leads to the rest, so none is cut off.
func TestOwnNeedsPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		ctx := context.Background()
		a := app.New(e.s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		staffActor := model.Actor{UserID: "y", EmployeeID: e.o.Staff1.ID, InstansiID: e.o.Instansi.ID, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
		for i := range 103 {
			if _, err := a.RecordNeed(ctx, staffActor, model.Need{Kind: model.NeedTraining, Title: "Kebutuhan " + strconv.Itoa(i+1)}); err != nil {
				t.Fatal(err)
			}
		}
		staff := e.browser(t)
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		_, body := staff.get("/kebutuhan")
		next := regexp.MustCompile(`<a href="(/kebutuhan\?kursor=[^"#]+)#saya">`).FindStringSubmatch(body)
		if next == nil || !strings.Contains(body, ">Kebutuhan 103<") || strings.Contains(body, ">Kebutuhan 1<") {
			t.Fatalf("the first page of one's needs has no link to the rest (next %v)", next)
		}
		_, body = staff.get(html.UnescapeString(next[1]))
		if !strings.Contains(body, ">Kebutuhan 1<") || !strings.Contains(body, ">Kebutuhan 3<") || strings.Contains(body, ">Kebutuhan 103<") {
			t.Error("the second page does not hold the oldest needs")
		}
		if resp, _ := staff.get("/kebutuhan?kursor=bukan-kursor"); resp.StatusCode != http.StatusOK {
			t.Errorf("a cursor edited by hand: %d", resp.StatusCode)
		}
	})
}
