package api_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestNotificationsAPI: the Kabid gives feedback on the ASN's SKP; the
// ASN, who chose English, reads the notification in English through the
// API and the event stream, switches to Indonesian and reads the same
// notification in Indonesian, pages and marks them read. Every answer is
// checked against the OpenAPI document.
func TestNotificationsAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		check := documented(t, e)
		a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		year := a.Today(context.Background(), e.o.Instansi.ID).Time().Year()
		admin := model.Actor{UserID: "x", InstansiID: e.o.Instansi.ID, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		if _, err := a.OpenYear(ctx, admin, year, model.PeriodMonthly, 5); err != nil {
			t.Fatal(err)
		}
		staffActor := model.Actor{UserID: "s", InstansiID: e.o.Instansi.ID, EmployeeID: e.o.Staff1.ID, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
		skp, err := a.CreateSKP(ctx, staffActor, e.o.Staff1.ID, year, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		nurse := e.login(t, storetest.NIPNurse, "rahasia-nurse")
		if r := e.do(t, "PATCH", "/api/v1/me", staff, "application/json", []byte(`{"locale":"en"}`)); r.status != 200 {
			t.Fatalf("choose English: %d %s", r.status, r.body)
		}
		empty := check("GET", "/api/v1/notifications", e.get(t, "/api/v1/notifications", staff))
		if len(empty["items"].([]any)) != 0 || empty["unread_count"] != 0.0 || empty["next_cursor"] != nil {
			t.Errorf("before anything happened: %v", empty)
		}
		live := e.stream(t, staff, "")

		// Two messages from the Kabid: two notifications.
		for _, body := range []string{"Tambahkan indikator kualitas.", "Sudah lebih baik."} {
			if r := e.post(t, "/api/v1/feedback", kabid, map[string]any{"target_type": "skp", "target_id": skp.ID, "body": body}); r.status != 201 {
				t.Fatalf("feedback: %d %s", r.status, r.body)
			}
		}
		wantEN := "Siti Rahmawati gave feedback on SKP " + strconv.Itoa(year)
		if ev := next(t, live, "notification"); ev.Data["title"] != wantEN || ev.Data["kind"] != "feedback" {
			t.Errorf("the live notification = %v", ev.Data)
		}
		list := check("GET", "/api/v1/notifications", e.get(t, "/api/v1/notifications", staff))
		items := list["items"].([]any)
		if len(items) != 2 || list["unread_count"] != 2.0 {
			t.Fatalf("notifications = %v", list)
		}
		newest := items[0].(map[string]any)
		if newest["title"] != wantEN || newest["body"] != "Sudah lebih baik." || newest["kind"] != "feedback" || newest["variant"] != "skp" ||
			newest["link"] != "/skp/"+skp.ID+"#umpan-balik" || newest["read_at"] != nil || newest["can"].(map[string]any)["mark_read"] != true {
			t.Errorf("newest notification = %v", newest)
		}
		if args := newest["args"].([]any); len(args) != 3 || args[0] != "Siti Rahmawati" {
			t.Errorf("args = %v", args)
		}

		// Switching language re-renders the same notifications.
		e.do(t, "PATCH", "/api/v1/me", staff, "application/json", []byte(`{"locale":"id"}`))
		list = check("GET", "/api/v1/notifications", e.get(t, "/api/v1/notifications", staff))
		if got := list["items"].([]any)[0].(map[string]any)["title"]; got != "Siti Rahmawati memberi umpan balik pada SKP "+strconv.Itoa(year) {
			t.Errorf("in Indonesian: %v", got)
		}

		// Pages, newest first.
		first := check("GET", "/api/v1/notifications", e.get(t, "/api/v1/notifications?limit=1", staff))
		cursor, _ := first["next_cursor"].(string)
		if len(first["items"].([]any)) != 1 || cursor != newest["id"] {
			t.Fatalf("first page = %v", first)
		}
		second := check("GET", "/api/v1/notifications", e.get(t, "/api/v1/notifications?limit=1&cursor="+cursor, staff))
		older := second["items"].([]any)[0].(map[string]any)
		if older["body"] != "Tambahkan indikator kualitas." || second["next_cursor"] != nil {
			t.Errorf("second page = %v", second)
		}
		check("GET", "/api/v1/notifications", problemOf(t, e.get(t, "/api/v1/notifications?cursor=bukan-kursor", staff), 422))
		check("GET", "/api/v1/notifications", problemOf(t, e.get(t, "/api/v1/notifications?limit=0", staff), 422))

		// Marking read: one, then the rest; someone else's is not found.
		check("POST", "/api/v1/notifications/{id}/read", problemOf(t, e.post(t, "/api/v1/notifications/"+older["id"].(string)+"/read", nurse, nil), 404))
		check("POST", "/api/v1/notifications/read", problemOf(t, e.post(t, "/api/v1/notifications/read", nurse, map[string]any{"ids": []string{older["id"].(string)}}), 404))
		check("POST", "/api/v1/notifications/read", problemOf(t, e.post(t, "/api/v1/notifications/read", staff, map[string]any{"ids": "semua"}), 422))
		r := e.post(t, "/api/v1/notifications/"+older["id"].(string)+"/read", staff, nil)
		if got := check("POST", "/api/v1/notifications/{id}/read", r); r.status != 200 || got["unread_count"] != 1.0 {
			t.Errorf("mark one read: %d %s", r.status, r.body)
		}
		list = check("GET", "/api/v1/notifications", e.get(t, "/api/v1/notifications", staff))
		if o := list["items"].([]any)[1].(map[string]any); o["read_at"] == nil || o["can"].(map[string]any)["mark_read"] != false || list["unread_count"] != 1.0 {
			t.Errorf("after one was read: %v", list)
		}
		// An empty list marks nothing: it is not "all".
		r = e.post(t, "/api/v1/notifications/read", staff, map[string]any{"ids": []string{}})
		if got := check("POST", "/api/v1/notifications/read", r); r.status != 200 || got["unread_count"] != 1.0 {
			t.Errorf("mark an empty list read: %d %s", r.status, r.body)
		}
		if got := check("GET", "/api/v1/notifications", e.get(t, "/api/v1/notifications", staff)); got["unread_count"] != 1.0 {
			t.Errorf("after an empty list: %v", got)
		}
		r = e.do(t, "POST", "/api/v1/notifications/read", staff, "", nil)
		if got := check("POST", "/api/v1/notifications/read", r); r.status != 200 || got["unread_count"] != 0.0 {
			t.Errorf("mark all read: %d %s", r.status, r.body)
		}
		// An administrator without an employee record has no bell.
		adminTok := e.login(t, "admin", "rahasia-admin")
		if got := check("GET", "/api/v1/notifications", e.get(t, "/api/v1/notifications", adminTok)); len(got["items"].([]any)) != 0 {
			t.Errorf("admin's notifications = %v", got)
		}
		check("POST", "/api/v1/notifications/read", problemOf(t, e.post(t, "/api/v1/notifications/read", adminTok, map[string]any{}), 403))
	})
}

// problemOf checks that r is a problem of the status and returns it.
func problemOf(t *testing.T, r response, status int) response {
	t.Helper()
	problem(t, r, status)
	return r
}
