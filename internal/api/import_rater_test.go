package api_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The API's preview of a file that moves the Kabid away answers the vacant
// post and everyone rated through it, as the OpenAPI document describes;
// a file that changes no rater answers no warnings.
func TestImportPreviewWarnings(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		admin := e.login(t, "admin", "rahasia-admin")
		doc := e.get(t, "/api/v1/openapi.json", "").json(t)

		r := upload(t, e, admin, "mutasi.csv", "NIP;NAMA;UNOR_ID;JABATAN_ID\n"+storetest.NIPKabid+";Siti Rahmawati;DINKES;DINKES-PERAWAT\n", nil)
		schema, err := responseSchema(doc, "POST", "/api/v1/imports/employees", r)
		if err != nil || schema == nil {
			t.Fatalf("no documented answer: %v", err)
		}
		var v any
		if err := json.Unmarshal(r.body, &v); err != nil {
			t.Fatal(err)
		}
		for _, problem := range conform(doc, schema, v, "$") {
			t.Errorf("answer: %s", problem)
		}
		var rep struct {
			Blocked  string `json:"blocked"`
			Warnings []struct {
				Kind, Position, Text string
				People               []struct {
					NIP         string `json:"nip"`
					RaterBefore string `json:"rater_before"`
					RaterAfter  string `json:"rater_after"`
					Moved       bool   `json:"moved"`
				}
			}
		}
		if err := json.Unmarshal(r.body, &rep); err != nil || r.status != 200 || rep.Blocked != "" || len(rep.Warnings) != 2 {
			t.Fatalf("preview: %d %s", r.status, r.body)
		}
		vacant := rep.Warnings[0]
		if vacant.Kind != "vacant" || vacant.Position != e.o.PosKabid.Name || !strings.Contains(vacant.Text, "menjadi kosong") || len(vacant.People) != 2 {
			t.Errorf("vacant post: %+v", vacant)
		}
		for _, p := range vacant.People {
			if p.RaterBefore != e.o.Kabid.Name || p.RaterAfter != e.o.Kadis.Name || p.Moved {
				t.Errorf("staff of the vacant post: %+v", p)
			}
		}
		if w := rep.Warnings[1]; w.Kind != "rater_changed" || len(w.People) != 1 || w.People[0].NIP != storetest.NIPKabid || !w.People[0].Moved {
			t.Errorf("changed raters: %+v", w)
		}

		// A new Kadis: the Kabid's staff keep their rater, with a new
		// atasan pejabat penilai.
		r = upload(t, e, admin, "kadis.csv", "NIP;NAMA;UNOR_ID;JABATAN_ID\n"+storetest.NIPKadis+";Budi Santoso;DINKES;DINKES-PERAWAT\n"+
			storetest.NIPStaff3+";Rudi Hartono;KOMINFO;KOMINFO-KADIS\n", nil)
		json.Unmarshal(r.body, &v)
		for _, problem := range conform(doc, schema, v, "$") {
			t.Errorf("answer: %s", problem)
		}
		var upper struct {
			Warnings []struct {
				Kind, Text string
				People     []struct {
					NIP         string `json:"nip"`
					RaterAfter  string `json:"rater_after"`
					UpperBefore string `json:"upper_before"`
					UpperAfter  string `json:"upper_after"`
				}
			}
		}
		if err := json.Unmarshal(r.body, &upper); err != nil || r.status != 200 || len(upper.Warnings) == 0 {
			t.Fatalf("preview of a new Kadis: %d %s", r.status, r.body)
		}
		last := upper.Warnings[len(upper.Warnings)-1]
		if last.Kind != "upper_changed" || !strings.Contains(last.Text, "Atasan pejabat penilai 2 pegawai berganti") || len(last.People) != 2 ||
			last.People[0].RaterAfter != e.o.Kabid.Name || last.People[0].UpperBefore != e.o.Kadis.Name || last.People[0].UpperAfter != e.o.Staff3.Name {
			t.Errorf("the atasan alone: %+v", last)
		}

		r = upload(t, e, admin, "golongan.csv", "NIP;NAMA;UNOR_ID;JABATAN_ID;GOLONGAN\n"+storetest.NIPStaff1+";Andi Pratama;KOMINFO-APL;KOMINFO-PRAKOM;III/c\n", nil)
		if m := r.json(t); r.status != 200 || m["updated"] != float64(1) || m["warnings"] != nil {
			t.Errorf("a file that moves nobody: %d %s", r.status, r.body)
		}
	})
}
