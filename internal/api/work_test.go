package api_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/blob"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

type sse struct {
	ID, Type string
	Data     map[string]any
}

// stream opens GET /api/v1/events and sends each event it reads.
func (e env) stream(t *testing.T, token, lastID string) <-chan sse {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", e.url+"/api/v1/events", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	if lastID != "" {
		req.Header.Set("Last-Event-ID", lastID)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		t.Fatalf("events: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	out := make(chan sse, 32)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		var ev sse
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "id: "):
				ev.ID = line[4:]
			case strings.HasPrefix(line, "event: "):
				ev.Type = line[7:]
			case strings.HasPrefix(line, "data: "):
				json.Unmarshal([]byte(line[6:]), &ev.Data)
			case line == "" && ev.Type != "":
				out <- ev
				ev = sse{}
			}
		}
	}()
	return out
}

// next waits (generously) for the next event of a type, skipping others.
func next(t *testing.T, events <-chan sse, typ string) sse {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case ev := <-events:
			if ev.Type == typ {
				return ev
			}
		case <-timeout:
			t.Fatalf("no %s event", typ)
		}
	}
}

func TestWorkThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		today := a.Today(context.Background(), e.o.Instansi.ID)
		year := today.Time().Year()
		admin := model.Actor{UserID: "x", InstansiID: e.o.Instansi.ID, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		periods, err := a.OpenYear(ctx, admin, year, model.PeriodMonthly, 5)
		if err != nil {
			t.Fatal(err)
		}
		month := periods[today.Time().Month()-1]
		month.Status = model.PeriodOpen
		if err := a.MovePeriod(ctx, admin, month, ""); err != nil {
			t.Fatal(err)
		}
		staffActor := model.Actor{UserID: "s", InstansiID: e.o.Instansi.ID, EmployeeID: e.o.Staff1.ID, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
		skp, _ := a.CreateSKP(ctx, staffActor, e.o.Staff1.ID, year, model.ApproachKuantitatif)
		rhk, _ := a.SaveRHK(ctx, staffActor, skp.Version, model.RHK{SKPID: skp.ID, Kind: model.RHKUtama, Description: "Tersusunnya laporan"})
		in, _ := a.AddIndicator(ctx, staffActor, skp.Version+1, model.Indicator{RHKID: rhk.ID, Aspect: model.AspectKuantitas, Description: "Laporan", Target: "12", Unit: "laporan"})
		full, _ := s.SKP(ctx, skp.ID)
		full.Status = model.SKPApproved
		if err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "t"), func(tx *store.Tx) error { return tx.SetSKPStatus(ctx, full.Version, full, model.ActApprove) }); err != nil {
			t.Fatal(err)
		}
		check := documented(t, e)
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		nurse := e.login(t, storetest.NIPNurse, "rahasia-nurse")
		admin2 := e.login(t, "admin", "rahasia-admin")
		problem(t, e.get(t, "/api/v1/events", admin2), 403)
		desk := e.stream(t, kabid, "")

		// The ASN sends the day's work; the supervisor's stream has it.
		r := e.post(t, "/api/v1/progress", staff, map[string]any{"date": today, "rhk_id": rhk.ID, "description": "Menyusun laporan bulanan",
			"output": "1,5 dokumen", "minutes": 45})
		p := check("POST", "/api/v1/progress", r)
		if r.status != 201 || p["output_amount"] != 1.5 || p["output_unit"] != "dokumen" || p["status"] != "submitted" {
			t.Fatalf("progress: %d %s", r.status, r.body)
		}
		id := p["id"].(string)
		ev := next(t, desk, "progress.submitted")
		if ev.Data["id"] != id || ev.Data["employee_name"] == "" {
			t.Errorf("event = %+v", ev)
		}
		if can := p["can"].(map[string]any); can["edit"] != false || can["approve"] != false || can["return"] != false {
			t.Errorf("the author's rights on a waiting entry = %v", can)
		}
		seen := check("GET", "/api/v1/progress/{id}", e.get(t, "/api/v1/progress/"+id, kabid))
		if can := seen["can"].(map[string]any); can["edit"] != false || can["approve"] != true || can["return"] != true || seen["rhk_text"] != "Tersusunnya laporan" {
			t.Errorf("the supervisor's view of a waiting entry = %v", seen)
		}
		// The desk, as the web shows it: what waits, who has not reported,
		// time per RHK this month.
		d := check("GET", "/api/v1/desk", e.get(t, "/api/v1/desk", kabid))
		if w := d["waiting"].([]any); len(w) != 1 || w[0].(map[string]any)["id"] != id || w[0].(map[string]any)["can"].(map[string]any)["approve"] != true {
			t.Errorf("desk waiting = %v", d["waiting"])
		}
		var staffOnDesk map[string]any
		for _, person := range d["people"].([]any) {
			if person := person.(map[string]any); person["employee_id"] == e.o.Staff1.ID {
				staffOnDesk = person
			}
		}
		if staffOnDesk == nil || staffOnDesk["not_today"] != false || staffOnDesk["last_reported"] != string(today) ||
			len(staffOnDesk["rhk"].([]any)) != 1 || staffOnDesk["rhk"].([]any)[0].(map[string]any)["minutes"] != 45.0 {
			t.Errorf("the staff member on the desk = %v", staffOnDesk)
		}
		if d := check("GET", "/api/v1/desk", e.get(t, "/api/v1/desk", staff)); len(d["waiting"].([]any)) != 0 || len(d["people"].([]any)) != 0 {
			t.Errorf("the desk of someone who rates nobody = %v", d)
		}
		problem(t, e.post(t, "/api/v1/progress", staff, map[string]any{"date": "2099-01-01", "description": "x", "minutes": 5}), 422)
		problem(t, e.post(t, "/api/v1/progress", staff, map[string]any{"date": today, "description": "x", "minutes": 5, "output": true}), 422)
		problem(t, e.get(t, "/api/v1/progress/"+id, nurse), 404)
		problem(t, e.get(t, "/api/v1/progress?employee="+e.o.Staff1.ID, nurse), 404)

		// Returned, fixed, approved in a batch; the author's stream follows.
		mine := e.stream(t, staff, "")
		// Reviews name the version read: missing is a 422 on version,
		// stale a 409, and neither changes the entry.
		for path, body := range map[string]map[string]any{"/approve": {}, "/return": {"note": "x"}} {
			pr := problem(t, e.post(t, "/api/v1/progress/"+id+path, kabid, body), 422)
			if pr["errors"].(map[string]any)["version"] == nil {
				t.Errorf("%s without a version = %v", path, pr)
			}
			body["version"] = 99
			problem(t, e.post(t, "/api/v1/progress/"+id+path, kabid, body), 409)
		}
		problem(t, e.do(t, "POST", "/api/v1/progress/"+id+"/approve", kabid, "", nil), 422)
		problem(t, e.post(t, "/api/v1/progress/"+id+"/return", kabid, map[string]any{"version": p["version"], "note": ""}), 422)
		r = e.post(t, "/api/v1/progress/"+id+"/return", kabid, map[string]any{"version": p["version"], "note": "Lampirkan drafnya"})
		p = check("POST", "/api/v1/progress/{id}/return", r)
		if p["status"] != "returned" || next(t, mine, "progress.reviewed").Data["status"] != "returned" {
			t.Errorf("return: %s", r.body)
		}
		if can := p["can"].(map[string]any); can["approve"] != false {
			t.Errorf("the supervisor's rights on a returned entry = %v", can)
		}
		// Approving it now, with the version just read, is refused for its
		// state, not as a stale read; a stale version says it changed.
		if pr := problem(t, e.post(t, "/api/v1/progress/"+id+"/approve", kabid, map[string]any{"version": p["version"]}), 409); strings.Contains(pr["detail"].(string), "berubah") {
			t.Errorf("approving a returned entry with its current version says it changed: %v", pr["detail"])
		}
		if pr := problem(t, e.post(t, "/api/v1/progress/"+id+"/approve", kabid, map[string]any{"version": 1}), 409); !strings.Contains(pr["detail"].(string), "telah berubah") {
			t.Errorf("approving with a stale version: %v", pr["detail"])
		}
		if mineNow := check("GET", "/api/v1/progress/{id}", e.get(t, "/api/v1/progress/"+id, staff)); mineNow["can"].(map[string]any)["edit"] != true {
			t.Errorf("the author's rights on a returned entry = %v", mineNow["can"])
		}
		fix := `{"date":"` + string(today) + `","rhk_id":"` + rhk.ID + `","description":"Menyusun laporan bulanan (draf terlampir)","output":2,"output_unit":"dokumen","minutes":50`
		pr := problem(t, e.do(t, "PUT", "/api/v1/progress/"+id, staff, "application/json", []byte(fix+`}`)), 422)
		if pr["errors"].(map[string]any)["version"] == nil {
			t.Errorf("resubmit without a version = %v", pr)
		}
		problem(t, e.do(t, "PUT", "/api/v1/progress/"+id, staff, "application/json", []byte(fix+`,"version":1}`)), 409)
		r = e.do(t, "PUT", "/api/v1/progress/"+id, staff, "application/json", []byte(fix+`,"version":`+jsonNumber(p["version"])+`}`))
		p = check("PUT", "/api/v1/progress/{id}", r)
		if p["status"] != "submitted" || p["output"] != "2 dokumen" {
			t.Errorf("resubmit: %s", r.body)
		}
		r = e.post(t, "/api/v1/progress/approve", kabid, map[string]any{"ids": []string{id, "bukan-id"}})
		if b := check("POST", "/api/v1/progress/approve", r); b["approved"] != 1.0 || b["skipped"] != 1.0 {
			t.Errorf("batch: %s", r.body)
		}
		list := check("GET", "/api/v1/progress", e.get(t, "/api/v1/progress?team=1&status=approved", kabid))
		if items := list["items"].([]any); len(items) != 1 {
			t.Errorf("team's approved entries = %v", items)
		}
		// Pages of the largest size still say whether another follows.
		for range 200 {
			if r := e.post(t, "/api/v1/progress", staff, map[string]any{"date": today, "description": "Entri uji halaman", "minutes": 1}); r.status != 201 {
				t.Fatalf("entry: %d %s", r.status, r.body)
			}
		}
		page := check("GET", "/api/v1/progress", e.get(t, "/api/v1/progress?limit=200", staff))
		cursor, _ := page["next_cursor"].(string)
		if len(page["items"].([]any)) != 200 || cursor == "" {
			t.Fatalf("a full page of 200 = %d items, cursor %q", len(page["items"].([]any)), cursor)
		}
		page = check("GET", "/api/v1/progress", e.get(t, "/api/v1/progress?limit=200&cursor="+cursor, staff))
		if len(page["items"].([]any)) != 1 || page["next_cursor"] != nil {
			t.Errorf("the last page = %d items, cursor %v", len(page["items"].([]any)), page["next_cursor"])
		}

		// Feedback arrives live; strangers cannot read the thread.
		r = e.post(t, "/api/v1/feedback", kabid, map[string]any{"target_type": "progress", "target_id": id, "body": "Terima kasih, rapi."})
		if f := check("POST", "/api/v1/feedback", r); r.status != 201 || f["author_name"] == "" {
			t.Fatalf("feedback: %d %s", r.status, r.body)
		}
		fe := next(t, mine, "feedback.created")
		if fe.Data["body"] != "Terima kasih, rapi." {
			t.Errorf("feedback event = %+v", fe)
		}
		thread := check("GET", "/api/v1/feedback", e.get(t, "/api/v1/feedback?target_type=progress&target_id="+id, staff))
		if len(thread["items"].([]any)) != 1 || thread["can"].(map[string]any)["post"] != true {
			t.Errorf("thread = %v", thread)
		}
		// Threads page like every list.
		first := check("GET", "/api/v1/feedback", e.get(t, "/api/v1/feedback?limit=1&target_type=progress&target_id="+id, staff))
		if len(first["items"].([]any)) != 1 || first["next_cursor"] != nil {
			t.Errorf("one-item page of a one-message thread = %v", first)
		}
		problem(t, e.get(t, "/api/v1/feedback?limit=0&target_type=progress&target_id="+id, staff), 422)
		problem(t, e.get(t, "/api/v1/feedback?target_type=progress&target_id="+id, nurse), 404)
		problem(t, e.get(t, "/api/v1/feedback?target_type=progress", staff), 422)

		// Reconnecting after an id replays what came after it.
		replay := e.stream(t, staff, fe.ID)
		r = e.post(t, "/api/v1/feedback", kabid, map[string]any{"target_type": "rhk", "target_id": rhk.ID, "body": "Perhatikan target bulan ini"})
		if r.status != 201 {
			t.Fatalf("feedback on RHK: %d %s", r.status, r.body)
		}
		if ev := next(t, replay, "feedback.created"); ev.Data["target_type"] != "rhk" || ev.ID <= fe.ID && len(ev.ID) == len(fe.ID) {
			t.Errorf("replayed = %+v after %s", ev, fe.ID)
		}

		// Realisasi with its version.
		r = e.do(t, "PUT", "/api/v1/skps/"+skp.ID+"/realisasi", staff, "application/json",
			[]byte(`{"period_id":"`+month.ID+`","indicator_id":"`+in.ID+`","value":"1","note":"Satu laporan terbit","version":0}`))
		if re := check("PUT", "/api/v1/skps/{id}/realisasi", r); r.status != 200 || re["version"] != 1.0 {
			t.Fatalf("realisasi: %d %s", r.status, r.body)
		}
		problem(t, e.do(t, "PUT", "/api/v1/skps/"+skp.ID+"/realisasi", staff, "application/json",
			[]byte(`{"period_id":"`+month.ID+`","indicator_id":"`+in.ID+`","value":"2","version":0}`)), 409)
		// Without a version nothing is written: a 422 naming version.
		pr = problem(t, e.do(t, "PUT", "/api/v1/skps/"+skp.ID+"/realisasi", staff, "application/json",
			[]byte(`{"period_id":"`+month.ID+`","indicator_id":"`+in.ID+`","value":"2","note":"Dua laporan"}`)), 422)
		if _, ok := pr["errors"].(map[string]any)["version"]; !ok {
			t.Errorf("realisasi without a version: %v", pr)
		}
		r = e.do(t, "PUT", "/api/v1/skps/"+skp.ID+"/realisasi", staff, "application/json",
			[]byte(`{"period_id":"`+month.ID+`","indicator_id":"`+in.ID+`","value":"2","note":"Dua laporan","version":1}`))
		if re := check("PUT", "/api/v1/skps/{id}/realisasi", r); r.status != 200 || re["version"] != 2.0 || re["value"] != "2" ||
			re["can"].(map[string]any)["edit"] != true {
			t.Errorf("realisasi at its version: %d %s", r.status, r.body)
		}
		rl := check("GET", "/api/v1/skps/{id}/realisasi", e.get(t, "/api/v1/skps/"+skp.ID+"/realisasi", kabid))
		if rl["period_id"] != month.ID || len(rl["items"].([]any)) != 1 || rl["can"].(map[string]any)["edit"] != false {
			t.Errorf("realisasi list seen by the supervisor = %v", rl)
		}
		// A value is checked against its unit on the single route too.
		pr = problem(t, e.do(t, "PUT", "/api/v1/skps/"+skp.ID+"/realisasi", staff, "application/json",
			[]byte(`{"period_id":"`+month.ID+`","indicator_id":"`+in.ID+`","value":"banyak","version":2}`)), 422)
		if msg, _ := pr["errors"].(map[string]any)["value"].(string); !strings.Contains(msg, "Laporan: isi dengan angka") {
			t.Errorf("\"banyak\" as a count = %v", pr)
		}
		// The whole period at once: nothing is written while one value is
		// refused, each refusal named by its indicator.
		batch := "/api/v1/skps/" + skp.ID + "/realisasi/" + month.ID
		for _, v := range []string{"-5", "banyak", "1e9", "1000000000"} {
			pr = problem(t, e.do(t, "PUT", batch, staff, "application/json",
				[]byte(`{"items":[{"indicator_id":"`+in.ID+`","value":"`+v+`","version":2}]}`)), 422)
			if pr["errors"].(map[string]any)["value."+in.ID] == nil {
				t.Errorf("%q in a batch = %v", v, pr)
			}
		}
		problem(t, e.do(t, "PUT", batch, staff, "application/json", []byte(`{"items":[{"indicator_id":"`+in.ID+`","value":"3"}]}`)), 422)
		problem(t, e.do(t, "PUT", batch, staff, "application/json", []byte(`{"items":[{"indicator_id":"`+in.ID+`","value":"3","version":1}]}`)), 409)
		problem(t, e.do(t, "PUT", batch, kabid, "application/json", []byte(`{"items":[{"indicator_id":"`+in.ID+`","value":"3","version":2}]}`)), 403)
		rl = check("PUT", "/api/v1/skps/{id}/realisasi/{pid}", e.do(t, "PUT", batch, staff, "application/json",
			[]byte(`{"items":[{"indicator_id":"`+in.ID+`","value":"3","note":"Tiga laporan","version":2}]}`)))
		items, totals := rl["items"].([]any), rl["totals"].([]any)
		if len(items) != 1 || items[0].(map[string]any)["value"] != "3" || items[0].(map[string]any)["version"] != 3.0 {
			t.Errorf("batch answer = %v", rl)
		}
		if len(totals) == 0 || totals[0].(map[string]any)["value"] != "3" || totals[0].(map[string]any)["target"] != "12" {
			t.Errorf("the year so far = %v", totals)
		}

		// Time and output as people type them, read as the web form reads them.
		typed := check("POST", "/api/v1/progress", e.post(t, "/api/v1/progress", staff, map[string]any{"date": today,
			"description": "Rapat koordinasi", "output": "draf SOP", "minutes": "1 jam 30 menit"}))
		if typed["output"] != "draf SOP" || typed["output_amount"] != 0.0 || typed["minutes"] != 90.0 {
			t.Errorf("typed entry = %v", typed)
		}
		pr = problem(t, e.post(t, "/api/v1/progress", staff, map[string]any{"date": today, "description": "x", "minutes": "307445734561825861:00"}), 422)
		if pr["errors"].(map[string]any)["minutes"] == nil {
			t.Errorf("absurd time = %v", pr)
		}
		problem(t, e.post(t, "/api/v1/progress", staff, map[string]any{"date": today, "description": "x", "minutes": 1e20}), 422)
		// A time that does not parse does not hide the other fields' errors.
		pr = problem(t, e.post(t, "/api/v1/progress", staff, map[string]any{"date": "2099-01-01", "description": " ", "minutes": "sejam"}), 422)
		for _, f := range []string{"date", "description", "minutes"} {
			if pr["errors"].(map[string]any)[f] == nil {
				t.Errorf("no %s error in %v", f, pr)
			}
		}
		problem(t, e.do(t, "POST", "/api/v1/progress", staff, "application/json",
			[]byte(`{"date":"`+string(today)+`","description":"x","minutes":5,"output":1e3}`)), 422)
		// A negative amount is refused on output, typed or as a number; a
		// number glued to letters is text kept as typed.
		for _, out := range []any{"-5 dokumen", -5, "\u22125"} {
			pr = problem(t, e.post(t, "/api/v1/progress", staff, map[string]any{"date": today, "description": "x", "minutes": 5, "output": out}), 422)
			if pr["errors"].(map[string]any)["output"] == nil {
				t.Errorf("output %v: %v", out, pr)
			}
		}
		glued := check("POST", "/api/v1/progress", e.post(t, "/api/v1/progress", staff, map[string]any{"date": today,
			"description": "Rapat", "output": "1e400 dokumen", "minutes": "2 hours"}))
		if glued["output"] != "1e400 dokumen" || glued["output_amount"] != 0.0 || glued["minutes"] != 120.0 {
			t.Errorf("glued output = %v", glued)
		}
	})
}

func jsonNumber(v any) string { b, _ := json.Marshal(v); return string(b) }

// uploadEvidence posts a multipart evidence upload.
func (e env) uploadEvidence(t *testing.T, token, targetType, targetID, name string, content []byte) response {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	w.WriteField("target_type", targetType)
	w.WriteField("target_id", targetID)
	f, _ := w.CreateFormFile("file", name)
	f.Write(content)
	w.Close()
	return e.do(t, "POST", "/api/v1/evidence", token, w.FormDataContentType(), buf.Bytes())
}

func TestEvidenceThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		year := a.Today(context.Background(), e.o.Instansi.ID).Time().Year()
		admin := model.Actor{UserID: "x", InstansiID: e.o.Instansi.ID, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		if _, err := a.OpenYear(ctx, admin, year, model.PeriodMonthly, 5); err != nil {
			t.Fatal(err)
		}
		staffActor := model.Actor{UserID: "s", InstansiID: e.o.Instansi.ID, EmployeeID: e.o.Staff1.ID, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
		p, err := a.SubmitProgress(ctx, staffActor, model.Progress{WorkDate: a.Today(context.Background(), e.o.Instansi.ID), Description: "Pendataan aset", Minutes: 60})
		if err != nil {
			t.Fatal(err)
		}
		check := documented(t, e)
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		nurse := e.login(t, storetest.NIPNurse, "rahasia-nurse")

		photo := blob.SampleJPEG(64, 48, 3)
		r := e.uploadEvidence(t, staff, "progress", p.ID, "IMG_0001.JPG", photo)
		ev := check("POST", "/api/v1/evidence", r)
		if r.status != 201 {
			t.Fatalf("upload: %d %s", r.status, r.body)
		}
		if ev["content_type"] != "image/jpeg" || ev["size"] != float64(len(photo)) || len(ev["sha256"].(string)) != 64 {
			t.Errorf("evidence = %v", ev)
		}
		id := ev["id"].(string)
		got := e.get(t, "/api/v1/evidence/"+id, kabid)
		if got.status != 200 || !bytes.Equal(got.body, photo) || got.header.Get("Content-Type") != "image/jpeg" ||
			got.header.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(got.header.Get("Content-Security-Policy"), "sandbox") {
			t.Errorf("download: %d %v", got.status, got.header)
		}
		problem(t, e.get(t, "/api/v1/evidence/"+id, nurse), 404)
		if ev["can"].(map[string]any)["delete"] != true {
			t.Errorf("the owner's rights on their evidence = %v", ev["can"])
		}
		list := check("GET", "/api/v1/evidence", e.get(t, "/api/v1/evidence?target_type=progress&target_id="+p.ID, kabid))
		if items := list["items"].([]any); len(items) != 1 || items[0].(map[string]any)["can"].(map[string]any)["delete"] != false {
			t.Errorf("list seen by the supervisor = %v", list)
		}
		admin2 := e.login(t, "admin", "rahasia-admin")
		if th := check("GET", "/api/v1/feedback", e.get(t, "/api/v1/feedback?target_type=progress&target_id="+p.ID, admin2)); th["can"].(map[string]any)["post"] != false {
			t.Errorf("an administrator without an employee record may post: %v", th)
		}

		// An executable renamed .pdf is refused with a clear message; a
		// file over the limit is a 413 that says the limit.
		exe := append([]byte("MZ\x90\x00\x03\x00\x00\x00"), bytes.Repeat([]byte{0}, 2000)...)
		pr := problem(t, e.uploadEvidence(t, staff, "progress", p.ID, "laporan.pdf", exe), 422)
		if msg := pr["errors"].(map[string]any)["file"].(string); !strings.Contains(msg, "program Windows") {
			t.Errorf("exe message = %q", msg)
		}
		if err := a.SetEvidenceLimit(ctx, admin, 1); err != nil {
			t.Fatal(err)
		}
		big := blob.SamplePDF("Besar", strings.Repeat("data ", 300_000))
		pr = problem(t, e.uploadEvidence(t, staff, "progress", p.ID, "besar.pdf", big), 413)
		if !strings.Contains(pr["detail"].(string), "1 MB") {
			t.Errorf("413 detail = %v", pr["detail"])
		}
		problem(t, e.uploadEvidence(t, kabid, "progress", p.ID, "foto.jpg", photo), 403)
		problem(t, e.uploadEvidence(t, nurse, "progress", p.ID, "foto.jpg", photo), 404)
		if r := e.do(t, "DELETE", "/api/v1/evidence/"+id, staff, "", nil); r.status != 204 {
			t.Errorf("delete: %d", r.status)
		}
		problem(t, e.get(t, "/api/v1/evidence/"+id, staff), 404)
	})
}

func TestTeamsThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		check := documented(t, e)
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		nurse := e.login(t, storetest.NIPNurse, "rahasia-nurse")
		problem(t, e.post(t, "/api/v1/teams", staff, map[string]any{"name": "Tim A", "goal": "B"}), 403)
		problem(t, e.post(t, "/api/v1/teams", kabid, map[string]any{"name": "", "goal": ""}), 422)
		r := e.post(t, "/api/v1/teams", kabid, map[string]any{"name": "Tim Layanan Terpadu", "goal": "Antrean layanan di bawah 15 menit"})
		tm := check("POST", "/api/v1/teams", r)
		if r.status != 201 || len(tm["members"].([]any)) != 1 {
			t.Fatalf("create team: %d %s", r.status, r.body)
		}
		id := tm["id"].(string)
		problem(t, e.get(t, "/api/v1/teams/"+id, nurse), 404)
		for _, who := range []string{e.o.Staff1.ID, e.o.Nurse.ID} {
			check("POST", "/api/v1/teams/{id}/members", e.post(t, "/api/v1/teams/"+id+"/members", kabid, map[string]any{"employee_id": who}))
		}
		problem(t, e.post(t, "/api/v1/teams/"+id+"/members", kabid, map[string]any{"employee_id": e.o.Nurse.ID}), 409)
		problem(t, e.do(t, "PUT", "/api/v1/teams/"+id+"/link", staff, "application/json", []byte(`{"rhk_id":"bukan-rhk"}`)), 422)
		r = e.post(t, "/api/v1/teams/"+id+"/kudos", nurse, map[string]any{"to_id": e.o.Staff1.ID, "kind": "help", "body": "Saya bisa bantu uji antrean"})
		if k := check("POST", "/api/v1/teams/{id}/kudos", r); r.status != 201 || k["kind"] != "help" {
			t.Errorf("kudos: %d %s", r.status, r.body)
		}
		tm = check("GET", "/api/v1/teams/{id}", e.get(t, "/api/v1/teams/"+id, staff))
		if len(tm["members"].([]any)) != 3 || len(tm["kudos"].([]any)) != 1 {
			t.Errorf("team = %v", tm)
		}
		list := check("GET", "/api/v1/teams", e.get(t, "/api/v1/teams", nurse))
		if len(list["items"].([]any)) != 1 {
			t.Errorf("the nurse's teams = %v", list)
		}
		// A second team: the list pages with limit and cursor.
		check("POST", "/api/v1/teams", e.post(t, "/api/v1/teams", kabid, map[string]any{"name": "Tim Arsip Digital", "goal": "Arsip dinas terdigitalisasi"}))
		page := check("GET", "/api/v1/teams", e.get(t, "/api/v1/teams?limit=1", kabid))
		cursor, _ := page["next_cursor"].(string)
		if len(page["items"].([]any)) != 1 || cursor == "" {
			t.Fatalf("first page = %v", page)
		}
		page = check("GET", "/api/v1/teams", e.get(t, "/api/v1/teams?limit=1&cursor="+cursor, kabid))
		if len(page["items"].([]any)) != 1 || page["next_cursor"] != nil || page["items"].([]any)[0].(map[string]any)["id"] == cursor {
			t.Errorf("second page = %v", page)
		}
	})
}
