package api_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// A file blocked as a whole (it would make someone assess themselves)
// answers, beside the refusal, everything its preview finds: the rows in
// error with row, column and reason, the warnings and the counts; the
// dry run in its report, the apply in the 422's report. Nothing is
// written.
func TestBlockedImportAnswersThePreview(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		admin := e.login(t, "admin", "rahasia-admin")
		doc := e.get(t, "/api/v1/openapi.json", "").json(t)
		// The Kabid rated by the wali kota, the Kadis by Staff1.
		if err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			for _, o := range []model.RaterOverride{{EmployeeID: e.o.Kabid.ID, RaterID: e.o.WaliKota.ID},
				{EmployeeID: e.o.Kadis.ID, RaterID: e.o.Staff1.ID, UpperRaterID: e.o.WaliKota.ID}} {
				o.Start, o.Reason = "2026-02-01", "Penugasan khusus"
				if _, err := tx.CreateRaterOverride(ctx, o); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		file := "NIP;NAMA;UNOR_ID;JABATAN_ID\n" + storetest.NIPStaff1 + ";Andi Pratama;KOMINFO-SEK;KOMINFO-ADM\n" +
			"199801012024011001;Joko Susilo;KOMINFO-APL;KOMINFO-PRAKOM\n" +
			"199801012024011002;Tono Sutono;KOMINFO-XYZ;KOMINFO-PRAKOM\n"
		type report struct {
			Blocked                    string `json:"blocked"`
			Created, Updated, Rejected int
			Rows                       []struct {
				Row            int
				Action, Column string
				Reason         string
			}
			Warnings []struct {
				Kind   string
				People []struct {
					NIP        string `json:"nip"`
					RaterAfter string `json:"rater_after"`
				}
			}
		}
		check := func(what string, rep report) {
			t.Helper()
			if !strings.Contains(rep.Blocked, "menilai dirinya sendiri") || rep.Created != 1 || rep.Updated != 1 || rep.Rejected != 1 {
				t.Errorf("%s: %+v", what, rep)
			}
			found := false
			for _, r := range rep.Rows {
				if r.Action == "reject" {
					found = r.Row == 4 && r.Column == "UNOR_ID" && strings.Contains(r.Reason, "KOMINFO-XYZ")
				}
			}
			if !found {
				t.Errorf("%s: the rejected row: %+v", what, rep.Rows)
			}
			if len(rep.Warnings) == 0 || rep.Warnings[len(rep.Warnings)-1].Kind != "rater_changed" {
				t.Errorf("%s: warnings %+v", what, rep.Warnings)
			}
		}

		r := upload(t, e, admin, "pindah.csv", file, nil)
		var dry report
		if err := json.Unmarshal(r.body, &dry); err != nil || r.status != 200 {
			t.Fatalf("dry run: %d %s", r.status, r.body)
		}
		check("dry run", dry)

		r = upload(t, e, admin, "pindah.csv", file, map[string]string{"apply": "true"})
		p := problem(t, r, 422)
		if errs, _ := p["errors"].(map[string]any); !strings.Contains(errs["file"].(string), "menilai dirinya sendiri") {
			t.Errorf("the refusal: %v", p)
		}
		schema, err := responseSchema(doc, "POST", "/api/v1/imports/employees", r)
		if err != nil || schema == nil {
			t.Fatalf("no documented 422: %v", err)
		}
		var v any
		json.Unmarshal(r.body, &v)
		for _, problem := range conform(doc, schema, v, "$") {
			t.Errorf("the 422: %s", problem)
		}
		var applied struct {
			Report report `json:"report"`
		}
		if err := json.Unmarshal(r.body, &applied); err != nil {
			t.Fatal(err)
		}
		check("apply", applied.Report)
		if emp, _ := s.Employee(ctx, e.o.Staff1.ID); emp.PositionID != e.o.PosStaff.ID {
			t.Errorf("the refused import moved Staff1 to %s", emp.PositionID)
		}
	})
}
