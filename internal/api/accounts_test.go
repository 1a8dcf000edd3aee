package api_test

import (
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestAccountsAPI: an OPD admin lists their OPD's employees with their
// accounts, creates the account of one without, and the employee sets a
// password through the link's token and signs in; roles and a new link
// follow the same rules as the web, and every answer fits the document.
func TestAccountsAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		check := checkStatus(t, e)
		opd := e.login(t, "opd-kominfo", "rahasia-opd")
		admin := e.login(t, "admin", "rahasia-admin")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")

		check("GET", "/api/v1/users", e.get(t, "/api/v1/users", staff), 403)
		list := check("GET", "/api/v1/users", e.get(t, "/api/v1/users?q=Rudi", opd), 200)
		items := list["items"].([]any)
		if len(items) != 1 {
			t.Fatalf("search for Rudi: %v", items)
		}
		rudi := items[0].(map[string]any)
		if rudi["status"] != "none" || rudi["can"].(map[string]any)["create"] != true || rudi["id"] != nil {
			t.Fatalf("Rudi without an account: %v", rudi)
		}
		check("GET", "/api/v1/users", e.get(t, "/api/v1/users?opd="+e.o.Dinkes.ID, opd), 422)
		// Every page gives the number of employees on all pages.
		var seen int
		var totals []any
		for path := "/api/v1/users?limit=2"; ; {
			page := check("GET", "/api/v1/users", e.get(t, path, admin), 200)
			seen += len(page["items"].([]any))
			totals = append(totals, page["total"])
			next, _ := page["next_cursor"].(string)
			if next == "" {
				break
			}
			path = "/api/v1/users?limit=2&cursor=" + next
		}
		for _, n := range totals {
			if n != float64(seen) || len(totals) < 2 {
				t.Errorf("the pages of accounts give totals %v; they hold %d", totals, seen)
				break
			}
		}
		check("POST", "/api/v1/users", e.post(t, "/api/v1/users", opd, map[string]string{"employee_id": e.o.Nurse.ID}), 404)

		link := check("POST", "/api/v1/users", e.post(t, "/api/v1/users", opd, map[string]string{"employee_id": e.o.Staff3.ID}), 201)
		if link["purpose"] != "activation" || link["username"] != storetest.NIPStaff3 ||
			!strings.HasSuffix(link["url"].(string), "/aktivasi?token="+link["token"].(string)) {
			t.Fatalf("issued link %v", link)
		}
		check("POST", "/api/v1/users", e.post(t, "/api/v1/users", opd, map[string]string{"employee_id": e.o.Staff3.ID}), 409)
		id := link["user_id"].(string)

		check("POST", "/api/v1/auth/activate", e.post(t, "/api/v1/auth/activate", "", map[string]string{"token": "salah", "password": "kata sandi baru"}), 422)
		signed := check("POST", "/api/v1/auth/activate", e.post(t, "/api/v1/auth/activate", "", map[string]string{"token": link["token"].(string), "password": "kata sandi baru"}), 200)
		if signed["user"].(map[string]any)["employee_id"] != e.o.Staff3.ID {
			t.Errorf("activation signed in %v", signed["user"])
		}
		check("POST", "/api/v1/auth/activate", e.post(t, "/api/v1/auth/activate", "", map[string]string{"token": link["token"].(string), "password": "kata sandi lain"}), 422)
		e.login(t, storetest.NIPStaff3, "kata sandi baru")

		acct := check("GET", "/api/v1/users/{id}", e.get(t, "/api/v1/users/"+id, opd), 200)
		if acct["status"] != "active" || len(acct["role_options"].([]any)) != 1 {
			t.Errorf("the activated account as its OPD admin sees it: %v", acct)
		}
		reset := check("POST", "/api/v1/users/{id}/activation", e.post(t, "/api/v1/users/"+id+"/activation", opd, nil), 201)
		if reset["purpose"] != "reset" {
			t.Errorf("a link for an active account: %v", reset)
		}
		check("PUT", "/api/v1/users/{id}/roles", e.put(t, "/api/v1/users/"+id+"/roles", opd, map[string]any{"roles": []map[string]string{{"role": "bkpsdm_admin"}}}), 422)
		got := check("PUT", "/api/v1/users/{id}/roles", e.put(t, "/api/v1/users/"+id+"/roles", opd, map[string]any{"roles": []map[string]string{{"role": "opd_admin"}}}), 200)
		if roles := got["roles"].([]any); len(roles) != 1 || roles[0].(map[string]any)["unit_id"] != e.o.Kominfo.ID {
			t.Errorf("roles after granting opd_admin: %v", roles)
		}
		check("PUT", "/api/v1/users/{id}/roles", e.put(t, "/api/v1/users/"+id+"/roles", admin, map[string]any{"roles": []map[string]string{{"role": "leader"}}}), 200)
		check("GET", "/api/v1/users/{id}", e.get(t, "/api/v1/users/"+id, opd), 404)

		check("POST", "/api/v1/auth/password-reset", e.post(t, "/api/v1/auth/password-reset", "", map[string]string{"username": storetest.NIPStaff1}), 404)
	})
}
