package api_test

import (
	"context"
	"fmt"
	"net/url"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// pageAll follows next_cursor from path and returns the ids of every item.
func pageAll(t *testing.T, e env, check func(string, string, response) map[string]any, pattern, path, token string) []string {
	t.Helper()
	var ids []string
	for page := 0; path != "" && page < 20; page++ {
		d := check("GET", pattern, e.get(t, path, token))
		for _, it := range d["items"].([]any) {
			ids = append(ids, it.(map[string]any)["id"].(string))
		}
		c, ok := d["next_cursor"].(string)
		if !ok {
			break
		}
		u, _ := url.Parse(path)
		q := u.Query()
		q.Set("cursor", c)
		u.RawQuery = q.Encode()
		path = u.String()
	}
	return ids
}

// A thread longer than 500 messages is read to its end.
func TestFeedbackThreadPagesToTheEnd(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		var target string
		err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			p, err := tx.CreateProgress(ctx, model.Progress{InstansiID: e.o.Instansi.ID, EmployeeID: e.o.Staff1.ID, RaterID: e.o.Kabid.ID,
				WorkDate: "2026-03-02", Description: "Pekerjaan", Minutes: 30})
			if err != nil {
				return err
			}
			target = p.ID
			for i := range 520 {
				if _, err := tx.CreateFeedback(ctx, model.Feedback{InstansiID: e.o.Instansi.ID, OwnerID: e.o.Staff1.ID, TargetType: "progress",
					TargetID: p.ID, AuthorID: e.o.Kabid.ID, Body: fmt.Sprintf("Pesan %d", i)}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		check := documented(t, e)
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		ids := pageAll(t, e, check, "/api/v1/feedback", "/api/v1/feedback?target_type=progress&target_id="+target+"&limit=200", kabid)
		seen := map[string]bool{}
		for _, id := range ids {
			seen[id] = true
		}
		if len(ids) != 520 || len(seen) != 520 {
			t.Errorf("the thread answered %d messages (%d different) of 520", len(ids), len(seen))
		}
	})
}
