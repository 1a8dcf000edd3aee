package web_test

import (
	"context"
	"fmt"
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The unit pages list everyone holding a post, definitive first, then
// acting, each acting holder marked "Plt."/"Plh." with the dates: the
// Kepala Bidang with a Plh beside them, the functional post's two
// holders, the vacant Sekretaris post's Plt.
func TestUnitPagesListEveryHolder(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		ctx := context.Background()
		y := time.Now().Year()
		err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			if _, err := tx.Place(ctx, model.Placement{EmployeeID: e.o.Staff3.ID, PositionID: e.o.PosKabid.ID, Kind: model.PlacementPlh,
				Start: model.Date(fmt.Sprintf("%d-01-05", y)), End: model.Date(fmt.Sprintf("%d-06-30", y+1))}); err != nil {
				return err
			}
			_, err := tx.Place(ctx, model.Placement{EmployeeID: e.o.Kabid.ID, PositionID: e.o.PosSekr.ID, Kind: model.PlacementPlt,
				Start: model.Date(fmt.Sprintf("%d-01-02", y))})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		b := e.browser(t)
		b.signIn(storetest.NIPStaff1, "rahasia-staf1")
		plh := fmt.Sprintf("Plh. sejak 5 Januari %d sampai 30 Juni %d", y, y+1)
		_, body := b.get("/unit/" + e.o.Aplikasi.ID)
		head := between(body, "<dt>Kepala</dt>", "</dd>")
		kabid, rudi := strings.Index(head, ">Siti Rahmawati</a>"), strings.Index(head, ">Rudi Hartono</a>")
		if kabid < 0 || rudi < kabid || !strings.Contains(head[rudi:], plh) || strings.Contains(head[:rudi], "Plh.") {
			t.Errorf("the head of the bidang reads %q", head)
		}
		row := between(body, "<td data-label=\"Jabatan\">Pranata Komputer Ahli Pertama</td>", "</tr>")
		if !strings.Contains(row, ">Andi Pratama</a>") || !strings.Contains(row, ">Dewi Lestari</a>") {
			t.Errorf("the functional post's holders read %q", row)
		}
		if _, body := b.get("/unit/" + e.o.Sekretariat.ID); !strings.Contains(between(body, "<dt>Kepala</dt>", "</dd>"),
			fmt.Sprintf("Plt. sejak 2 Januari %d", y)) {
			t.Errorf("the Sekretariat's head does not read as a Plt: %q", between(body, "<dt>Kepala</dt>", "</dd>"))
		}
		if _, body := b.get("/unit"); !strings.Contains(body, "Kepala: Siti Rahmawati, Rudi Hartono ("+plh+")") {
			t.Errorf("the unit tree does not list both heads of the bidang")
		}
	})
}

// between returns the text of s after from up to the next to, "" when
// from is not there.
func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	s = s[i+len(from):]
	if j := strings.Index(s, to); j >= 0 {
		return s[:j]
	}
	return s
}

// A functional post held by more people than a page: the unit page shows
// the first ten with how many more there are and a link to them all; the
// post's page lists them fifty at a time, each once, the Plt and the Plh
// last and marked with their dates.
func TestUnitPageShowsTheFirstHoldersOfALargePost(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		ctx := context.Background()
		y := time.Now().Year()
		addStaff(t, s, e.o, 60)
		err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			if _, err := tx.Place(ctx, model.Placement{EmployeeID: e.o.Staff3.ID, PositionID: e.o.PosStaff.ID, Kind: model.PlacementPlt,
				Start: model.Date(fmt.Sprintf("%d-01-02", y))}); err != nil {
				return err
			}
			_, err := tx.Place(ctx, model.Placement{EmployeeID: e.o.Kadis.ID, PositionID: e.o.PosStaff.ID, Kind: model.PlacementPlh,
				Start: model.Date(fmt.Sprintf("%d-01-05", y)), End: model.Date(fmt.Sprintf("%d-06-30", y+1))})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		const all = 2 + 60 + 2
		b := e.browser(t)
		b.signIn(storetest.NIPStaff1, "rahasia-staf1")
		_, body := b.get("/unit/" + e.o.Aplikasi.ID)
		row := between(body, "<td data-label=\"Jabatan\">Pranata Komputer Ahli Pertama</td>", "</tr>")
		link := "/unit/" + e.o.Aplikasi.ID + "/jabatan/" + e.o.PosStaff.ID
		if n := strings.Count(row, "<li>"); n != 10 || !strings.Contains(row, `href="`+link+`"`) ||
			!strings.Contains(row, fmt.Sprintf("dan %d lainnya — lihat semua %d pemangku", all-10, all)) {
			t.Fatalf("the functional post's row shows %d holders: %q", n, row)
		}
		names := map[string]int{}
		var pages []string
		for path := link; path != ""; {
			resp, body := b.get(path)
			if resp.StatusCode != 200 {
				t.Fatalf("GET %s: %d", path, resp.StatusCode)
			}
			pages = append(pages, body)
			if !strings.Contains(body, fmt.Sprintf("%d orang memangku jabatan ini hari ini", all)) {
				t.Errorf("%s does not say how many hold the post", path)
			}
			for _, m := range holderLink.FindAllStringSubmatch(between(body, `<ul class="holders">`, "</ul>"), -1) {
				names[m[1]]++
			}
			path = ""
			if m := nextLink.FindStringSubmatch(body); m != nil && len(pages) < 5 {
				path = html.UnescapeString(m[1])
			}
		}
		if len(pages) != 2 || len(names) != all {
			t.Fatalf("%d holders on %d pages, want %d on 2", len(names), len(pages), all)
		}
		for name, n := range names {
			if n != 1 {
				t.Errorf("%s listed %d times", name, n)
			}
		}
		last := pages[1]
		plt, plh := strings.Index(last, fmt.Sprintf("Plt. sejak 2 Januari %d", y)), strings.Index(last, fmt.Sprintf("Plh. sejak 5 Januari %d sampai 30 Juni %d", y, y+1))
		if plt < 0 || plh < plt || strings.Contains(pages[0], "status-acting") {
			t.Errorf("the Plt and Plh are not last and marked: %q", between(last, `<ul class="holders">`, "</ul>"))
		}
		// A post of another unit is not found there.
		if resp, _ := b.get("/unit/" + e.o.Kominfo.ID + "/jabatan/" + e.o.PosStaff.ID); resp.StatusCode != 404 {
			t.Errorf("a post of another unit: %d", resp.StatusCode)
		}
		// A head post held by more than ten: the tree names the first and
		// links to the rest.
		err = s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			for i := 1; i <= 11; i++ {
				emp, err := tx.CreateEmployee(ctx, model.Employee{InstansiID: e.o.Instansi.ID, NIP: fmt.Sprintf("19960101202001%04d", 1000+i),
					Name: fmt.Sprintf("Kepala Uji %03d", i), Status: model.StatusPNS, Golongan: "III/a", Active: true})
				if err != nil {
					return err
				}
				if _, err := tx.Place(ctx, model.Placement{EmployeeID: emp.ID, PositionID: e.o.PosKabid.ID, Kind: model.PlacementDefinitif, Start: "2024-01-01"}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if _, body := b.get("/unit"); !strings.Contains(html.UnescapeString(body), `<a href="/unit/`+e.o.Aplikasi.ID+`/jabatan/`+e.o.PosKabid.ID+`">+2 lainnya</a>`) {
			t.Errorf("the tree does not link to the bidang's other heads: %q", between(body, "Bidang Aplikasi", "</li>"))
		}
		if _, body := b.get("/unit/" + e.o.Aplikasi.ID); !strings.Contains(between(body, "<dt>Kepala</dt>", "</dd>"), "dan 2 lainnya — lihat semua 12 pemangku") {
			t.Errorf("the unit page's heads read %q", between(body, "<dt>Kepala</dt>", "</dd>"))
		}
		// In English.
		if resp, _ := b.post("/profil/bahasa", url.Values{"lang": {"en"}}); resp.StatusCode != 303 {
			t.Fatalf("switch to English: %d", resp.StatusCode)
		}
		if _, body := b.get(link); !strings.Contains(body, fmt.Sprintf("%d people hold this post today", all)) {
			t.Errorf("the English page: %q", between(body, "<h1>", "</section>"))
		}
	})
}

var holderLink = regexp.MustCompile(`<li><a href="/pegawai/([^"]+)">`)
