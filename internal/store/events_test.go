package store_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

func TestEventsAreNumberedInCommitOrder(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		o := storetest.SeedOrg(t, s)
		sys := model.SystemActor(o.Instansi.ID, "test")
		var mu sync.Mutex
		var woken []string
		s.OnEvents(func(ids []string) { mu.Lock(); woken = append(woken, ids...); mu.Unlock() })

		// A rolled-back write leaves no event and wakes nobody.
		boom := errors.New("boom")
		err := s.Write(ctx, sys, func(tx *store.Tx) error {
			if err := tx.Emit(ctx, o.Staff1.ID, "test", map[string]int{"n": 0}); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) || len(woken) != 0 {
			t.Fatalf("rolled back: err %v, woken %v", err, woken)
		}
		// Writers racing on one person's log get distinct numbers.
		var wg sync.WaitGroup
		errs := make(chan error, 12)
		for i := range 12 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs <- s.Write(ctx, sys, func(tx *store.Tx) error {
					return tx.Emit(ctx, o.Staff1.ID, "test", map[string]int{"n": i})
				})
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		evs, err := s.Events(ctx, o.Staff1.ID, 0, 100)
		if err != nil || len(evs) != 12 {
			t.Fatalf("events = %d, %v", len(evs), err)
		}
		for i, e := range evs {
			if e.Seq != int64(i+1) || e.Type != "test" {
				t.Errorf("event %d = %d %s", i, e.Seq, e.Type)
			}
		}
		if after, _ := s.Events(ctx, o.Staff1.ID, 10, 100); len(after) != 2 || after[0].Seq != 11 {
			t.Errorf("events after 10 = %+v", after)
		}
		if last, _ := s.LastEvent(ctx, o.Staff1.ID); last != 12 {
			t.Errorf("last event = %d", last)
		}
		if last, _ := s.LastEvent(ctx, o.Staff2.ID); last != 0 {
			t.Errorf("last event of someone without events = %d", last)
		}
		mu.Lock()
		if len(woken) != 12 || slices.IndexFunc(woken, func(id string) bool { return id != o.Staff1.ID }) >= 0 {
			t.Errorf("woken = %v", woken)
		}
		mu.Unlock()
		// A notification is an event too.
		if err := s.Write(ctx, sys, func(tx *store.Tx) error {
			return tx.Notify(ctx, model.Notification{InstansiID: o.Instansi.ID, EmployeeID: o.Staff2.ID, Kind: "skp.returned", Title: "SKP dikembalikan"})
		}); err != nil {
			t.Fatal(err)
		}
		if evs, _ := s.Events(ctx, o.Staff2.ID, 0, 10); len(evs) != 1 || evs[0].Type != "notification" || !strings.Contains(string(evs[0].Data), `"title":"SKP dikembalikan"`) {
			t.Errorf("notification events = %+v", evs)
		}
	})
}
