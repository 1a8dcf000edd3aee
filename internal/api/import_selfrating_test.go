package api_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// A move the placement route refuses (the Kadinkes, the Kabid's
// substitute rater nine days on, placed under her) is blocked in a file
// too, naming both and the day; so is a file whose moves four days on meet
// a substitute rater from the ninth.
func TestImportBlocksSelfRatingOnLaterDays(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		// The API runs on the real clock: the days are counted from today.
		today := model.DefaultTimeZone.Today(time.Now()).Time()
		day := func(n int) string { return today.AddDate(0, 0, n).Format(time.DateOnly) }
		later := locale.LongDate("id", today.AddDate(0, 0, 9))
		admin := e.login(t, "admin", "rahasia-admin")
		for _, o := range []struct{ who, rater string }{{e.o.Kabid.ID, e.o.Kadinkes.ID}, {e.o.Staff3.ID, e.o.Kadis.ID}} {
			if r := e.post(t, "/api/v1/employees/"+o.who+"/rater-overrides", admin,
				map[string]string{"rater_id": o.rater, "start": day(9), "reason": "Penugasan khusus"}); r.status/100 != 2 {
				t.Fatalf("override: %d %s", r.status, r.body)
			}
		}
		r := e.post(t, "/api/v1/employees/"+e.o.Kadinkes.ID+"/placements", admin,
			map[string]string{"position_id": e.o.PosStaff.ID, "kind": "definitif", "start": day(0), "decree": "SK 1"})
		if p := problem(t, r, 422); !strings.Contains(string(r.body), "menilai dirinya sendiri") {
			t.Errorf("placement: %v", p)
		}
		for file, names := range map[string][]string{
			"NIP;NAMA;UNOR_ID;JABATAN_ID\n" + storetest.NIPKadinkes + ";Yusuf Hidayat;KOMINFO-APL;KOMINFO-PRAKOM\n": {
				e.o.Kadinkes.Name, e.o.Kabid.Name},
			"NIP;NAMA;UNOR_ID;JABATAN_ID;TMT_JABATAN\n" +
				storetest.NIPKabid + ";Siti Rahmawati;KOMINFO-SEK;KOMINFO-ADM;" + day(4) + "\n" +
				storetest.NIPStaff3 + ";Rudi Hartono;KOMINFO-APL;KOMINFO-KABID;" + day(4) + "\n" +
				storetest.NIPKadis + ";Budi Santoso;KOMINFO-APL;KOMINFO-PRAKOM;" + day(4) + "\n": {e.o.Kadis.Name, e.o.Staff3.Name},
		} {
			r := upload(t, e, admin, "pindah.csv", file, nil)
			var dry struct {
				Blocked string `json:"blocked"`
			}
			if err := json.Unmarshal(r.body, &dry); err != nil || r.status != 200 {
				t.Fatalf("dry run: %d %s", r.status, r.body)
			}
			for _, want := range append(names, later) {
				if !strings.Contains(dry.Blocked, want) {
					t.Errorf("dry run: %q does not say %s", dry.Blocked, want)
				}
			}
			r = upload(t, e, admin, "pindah.csv", file, map[string]string{"apply": "true"})
			p := problem(t, r, 422)
			if errs, _ := p["errors"].(map[string]any); !strings.Contains(errs["file"].(string), later) {
				t.Errorf("the refusal: %v", p)
			}
		}
	})
}

// Two people cannot rate each other through an acting post: the Kabid's
// substitute rater the Kadinkes, placed Plh of a functional post in the
// Kabid's bidang on those days, would be rated there by the Kabid (the
// holder of the post above) while rating him: refused (422) whichever is
// recorded first, and on every day of the acting term; a Plh on other
// days is placed.
func TestActingSKPCountsForSelfRating(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		today := model.DefaultTimeZone.Today(time.Now()).Time()
		day := func(n int) string { return today.AddDate(0, 0, n).Format(time.DateOnly) }
		admin := e.login(t, "admin", "rahasia-admin")
		overrides := "/api/v1/employees/" + e.o.Kabid.ID + "/rater-overrides"
		places := "/api/v1/employees/" + e.o.Kadinkes.ID + "/placements"
		plh := func(start, end string) response {
			return e.post(t, places, admin, map[string]string{"position_code": "KOMINFO-PRAKOM", "kind": "plh",
				"start": start, "end": end, "decree": "x"})
		}
		selfRating := func(what string, r response) {
			t.Helper()
			if p := problem(t, r, 422); !strings.Contains(string(r.body), "menilai dirinya sendiri") {
				t.Errorf("%s: %v", what, p)
			}
		}
		// The Plh first, then the substitute rater on its days.
		r := plh(day(4), day(5))
		if r.status != 201 {
			t.Fatalf("a Plh: %d %s", r.status, r.body)
		}
		pid := r.json(t)["id"].(string)
		selfRating("an override over the Plh", e.post(t, overrides, admin, map[string]string{"rater_id": e.o.Kadinkes.ID,
			"start": day(5), "reason": "Penugasan khusus"}))
		if r := e.post(t, places+"/"+pid+"/cancel", admin, map[string]string{}); r.status != 204 {
			t.Fatalf("cancel: %d %s", r.status, r.body)
		}
		// The substitute rater first, ending on day 7.
		r = e.post(t, overrides, admin, map[string]string{"rater_id": e.o.Kadinkes.ID, "start": day(4), "reason": "Penugasan khusus"})
		if r.status != 201 {
			t.Fatalf("override: %d %s", r.status, r.body)
		}
		if r := e.post(t, overrides+"/"+r.json(t)["id"].(string)+"/end", admin, map[string]string{"end": day(7)}); r.status/100 != 2 {
			t.Fatalf("override end: %d %s", r.status, r.body)
		}
		selfRating("a Plh on the override's days", plh(day(4), day(5)))
		selfRating("a Plh from before the override into it", plh(day(2), day(4)))
		selfRating("a Plh on its last day", plh(day(7), day(9)))
		if r := plh(day(8), day(9)); r.status != 201 {
			t.Errorf("a Plh after the override: %d %s", r.status, r.body)
		}
	})
}
