package app_test

import (
	"context"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/importer"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// warnedPeople returns the warnings of kind, and the NIPs they name with
// each person's change.
func warnedPeople(ws []importer.RaterWarning, kind importer.WarningKind) ([]importer.RaterWarning, map[string]importer.RaterChange) {
	var groups []importer.RaterWarning
	people := map[string]importer.RaterChange{}
	for _, w := range ws {
		if w.Kind == kind {
			groups = append(groups, w)
			for _, c := range w.People {
				people[c.NIP] = c
			}
		}
	}
	return groups, people
}

// A file that moves the Kabid to Dinkes leaves her post vacant: the
// preview names the post and her two staff, now rated by the Kadis, her
// own rater; she herself is rated by the Kadinkes. Nothing is written.
func TestImportPreviewWarnsOfAVacantPost(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		// Staff1's SKP is approved and in force.
		if _, err := e.a.OpenYear(ctx, e.admin, 2026, model.PeriodMonthly, 5); err != nil {
			t.Fatal(err)
		}
		skp, err := e.a.CreateSKP(ctx, e.login(t, storetest.NIPStaff1, "rahasia-staf1"), e.o.Staff1.ID, 2026, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		for _, step := range []struct {
			to  model.SKPStatus
			act model.SKPAction
		}{{model.SKPSubmitted, model.ActSubmit}, {model.SKPApproved, model.ActApprove}} {
			full, _ := s.SKP(ctx, skp.ID)
			full.Status = step.to
			if err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
				return tx.SetSKPStatus(ctx, full.Version, full, step.act)
			}); err != nil {
				t.Fatal(err)
			}
		}
		file := "NIP;NAMA;UNOR_ID;JABATAN_ID\n" + storetest.NIPKabid + ";Siti Rahmawati;DINKES;DINKES-PERAWAT\n"
		rep, err := e.a.ImportEmployees(ctx, e.admin, "mutasi.csv", []byte(file), false)
		if err != nil || rep.Updated != 1 || rep.Blocked.Key != "" {
			t.Fatalf("preview: %+v, %v", rep, err)
		}
		vacant, staff := warnedPeople(rep.Warnings, importer.WarnVacant)
		if len(vacant) != 1 || vacant[0].Position != e.o.PosKabid.Name || vacant[0].Unit != e.o.Aplikasi.Name ||
			vacant[0].Msg.Key != "import.warn.vacant" || len(staff) != 2 {
			t.Fatalf("vacant posts: %+v", vacant)
		}
		for _, nip := range []string{storetest.NIPStaff1, storetest.NIPStaff2} {
			c := staff[nip]
			if c.RaterBefore != e.o.Kabid.Name || c.RaterAfter != e.o.Kadis.Name || c.RaterAfterPosition != e.o.PosKadis.Name || c.Moved ||
				c.SKPInForce != (nip == storetest.NIPStaff1) || c.SKPWaiting {
				t.Errorf("%s: %+v", nip, c)
			}
		}
		changed, people := warnedPeople(rep.Warnings, importer.WarnRaterChanged)
		if c := people[storetest.NIPKabid]; len(changed) != 1 || len(people) != 1 || !c.Moved ||
			c.RaterBefore != e.o.Kadis.Name || c.RaterAfter != e.o.Kadinkes.Name {
			t.Errorf("changed raters: %+v", changed)
		}
		if groups, _ := warnedPeople(rep.Warnings, importer.WarnNoRater); len(groups) != 0 {
			t.Errorf("nobody is left without a rater: %+v", groups)
		}
		// Rendered in the reader's language.
		if en := rep.In("en"); en.Warnings[0].Text != "The post "+e.o.PosKabid.Name+" ("+e.o.Aplikasi.Name+") becomes vacant: 2 employees rated through it will be rated by the official above it." {
			t.Errorf("English text: %q", en.Warnings[0].Text)
		}
		// Staff1 moved by the same file leaves the vacant post's staff: her
		// new rater is named among the other changes.
		both := file + storetest.NIPStaff1 + ";Andi Pratama;DINKES;DINKES-PERAWAT\n"
		rep, err = e.a.ImportEmployees(ctx, e.admin, "mutasi.csv", []byte(both), false)
		if err != nil || rep.Updated != 2 {
			t.Fatalf("preview of two moves: %+v, %v", rep, err)
		}
		_, staff = warnedPeople(rep.Warnings, importer.WarnVacant)
		_, people = warnedPeople(rep.Warnings, importer.WarnRaterChanged)
		if _, ok := staff[storetest.NIPStaff2]; !ok || len(staff) != 1 {
			t.Errorf("staff of the vacant post: %+v", staff)
		}
		if c := people[storetest.NIPStaff1]; !c.Moved || c.RaterAfter != e.o.Kadinkes.Name || len(people) != 2 {
			t.Errorf("changed raters with Staff1 moved: %+v", people)
		}
		// The try was rolled back.
		if chart, _ := e.a.OrgChart(ctx, e.o.Instansi.ID); chart.Rater(e.o.Staff1.ID) != e.o.Kabid.ID {
			t.Errorf("the preview moved the Kabid: Staff1 rated by %s", chart.Rater(e.o.Staff1.ID))
		}
		// Applying the file does what the preview said.
		if _, err := e.a.ImportEmployees(ctx, e.admin, "mutasi.csv", []byte(file), true); err != nil {
			t.Fatal(err)
		}
		if chart, _ := e.a.OrgChart(ctx, e.o.Instansi.ID); chart.Rater(e.o.Staff1.ID) != e.o.Kadis.ID || chart.Rater(e.o.Kabid.ID) != e.o.Kadinkes.ID {
			t.Errorf("after the import: Staff1 rated by %s, the Kabid by %s", chart.Rater(e.o.Staff1.ID), chart.Rater(e.o.Kabid.ID))
		}
	})
}

// A file that makes Staff1 the Sekretaris changes the rater of Staff3,
// whose SKP waits for approval: the preview says so, and once applied the
// SKP waits for Staff1.
func TestImportPreviewWarnsOfAWaitingSKP(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		if _, err := e.a.CreateUser(ctx, sys, app.NewUser{EmployeeNIP: storetest.NIPStaff3, Password: "rahasia-staf3"}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.OpenYear(ctx, e.admin, 2026, model.PeriodMonthly, 5); err != nil {
			t.Fatal(err)
		}
		staff3 := e.login(t, storetest.NIPStaff3, "rahasia-staf3")
		skp, err := e.a.CreateSKP(ctx, staff3, e.o.Staff3.ID, 2026, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		full, _ := s.SKP(ctx, skp.ID)
		full.Status = model.SKPSubmitted
		if err := s.Write(ctx, sys, func(tx *store.Tx) error { return tx.SetSKPStatus(ctx, full.Version, full, model.ActSubmit) }); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.SKP(ctx, skp.ID); got.Rater.EmployeeID != e.o.Kadis.ID {
			t.Fatalf("the SKP waits for %s, want the Kadis", got.Rater.EmployeeID)
		}

		file := "NIP;NAMA;UNOR_ID;JABATAN_ID\n" + storetest.NIPStaff1 + ";Andi Pratama;KOMINFO-SEK;KOMINFO-SEKR\n"
		rep, err := e.a.ImportEmployees(ctx, e.admin, "sekretaris.csv", []byte(file), false)
		if err != nil || rep.Updated != 1 || rep.Blocked.Key != "" {
			t.Fatalf("preview: %+v, %v", rep, err)
		}
		if groups, _ := warnedPeople(rep.Warnings, importer.WarnVacant); len(groups) != 0 {
			t.Errorf("no post becomes vacant (Staff2 still holds the Pranata Komputer post): %+v", groups)
		}
		changed, people := warnedPeople(rep.Warnings, importer.WarnRaterChanged)
		if len(changed) != 1 || changed[0].Msg.Key != "import.warn.raters" || len(people) != 2 {
			t.Fatalf("changed raters: %+v", rep.Warnings)
		}
		if c := people[storetest.NIPStaff3]; c.RaterBefore != e.o.Kadis.Name || c.RaterAfter != e.o.Staff1.Name ||
			c.RaterAfterPosition != e.o.PosSekr.Name || !c.SKPWaiting || c.SKPInForce || c.Moved {
			t.Errorf("Staff3: %+v", c)
		}
		if c := people[storetest.NIPStaff1]; c.RaterBefore != e.o.Kabid.Name || c.RaterAfter != e.o.Kadis.Name || !c.Moved || c.SKPWaiting {
			t.Errorf("Staff1: %+v", c)
		}
		if got, _ := s.SKP(ctx, skp.ID); got.Rater.EmployeeID != e.o.Kadis.ID {
			t.Errorf("the preview handed the SKP to %s", got.Rater.EmployeeID)
		}

		if _, err := e.a.ImportEmployees(ctx, e.admin, "sekretaris.csv", []byte(file), true); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.SKP(ctx, skp.ID); got.Rater.EmployeeID != e.o.Staff1.ID || got.Status != model.SKPSubmitted {
			t.Errorf("after the import the SKP waits for %s (%s), want Staff1", got.Rater.EmployeeID, got.Status)
		}
	})
}

// A file that changes nothing of who rates whom warns of nothing.
func TestImportPreviewWithoutRaterConsequences(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		file := "NIP;NAMA;UNOR_ID;JABATAN_ID;GOLONGAN\n" + storetest.NIPStaff1 + ";Andi Pratama;KOMINFO-APL;KOMINFO-PRAKOM;III/c\n" +
			"199801012024011001;Joko Susilo;KOMINFO-APL;KOMINFO-PRAKOM;III/a\n"
		rep, err := e.a.ImportEmployees(ctx, e.admin, "golongan.csv", []byte(file), false)
		if err != nil || rep.Updated != 1 || rep.Created != 1 || rep.Blocked.Key != "" {
			t.Fatalf("preview: %+v, %v", rep, err)
		}
		if rep.Warnings != nil {
			t.Errorf("warnings for a file that moves nobody: %+v", rep.Warnings)
		}
	})
}

// A file that replaces the Kadis leaves the Kabid's staff with the same
// pejabat penilai (the Kabid) but a new atasan pejabat penilai: the
// preview lists them as a warning of its own, with the atasan before and
// after and the rater who stays, and counts them nowhere else.
func TestImportPreviewWarnsOfANewUpperRaterAlone(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		file := "NIP;NAMA;UNOR_ID;JABATAN_ID\n" + storetest.NIPKadis + ";Budi Santoso;DINKES;DINKES-PERAWAT\n" +
			storetest.NIPStaff3 + ";Rudi Hartono;KOMINFO;KOMINFO-KADIS\n"
		rep, err := e.a.ImportEmployees(ctx, e.admin, "kadis.csv", []byte(file), false)
		if err != nil || rep.Updated != 2 || rep.Blocked.Key != "" {
			t.Fatalf("preview: %+v, %v", rep, err)
		}
		upper, people := warnedPeople(rep.Warnings, importer.WarnUpperChanged)
		if len(upper) != 1 || upper[0].Msg.Key != "import.warn.upper" || len(people) != 2 {
			t.Fatalf("upper warnings: %+v", rep.Warnings)
		}
		for _, nip := range []string{storetest.NIPStaff1, storetest.NIPStaff2} {
			if c := people[nip]; c.RaterBefore != e.o.Kabid.Name || c.RaterAfter != e.o.Kabid.Name ||
				c.UpperBefore != e.o.Kadis.Name || c.UpperAfter != e.o.Staff3.Name || c.Moved {
				t.Errorf("%s: %+v", nip, c)
			}
		}
		// Each person is named once: the Kabid's own rater changes.
		_, changed := warnedPeople(rep.Warnings, importer.WarnRaterChanged)
		if c, ok := changed[storetest.NIPKabid]; !ok || c.RaterAfter != e.o.Staff3.Name || c.UpperBefore != "" {
			t.Errorf("the Kabid: %+v", changed)
		}
		for nip := range people {
			if _, twice := changed[nip]; twice {
				t.Errorf("%s is named twice", nip)
			}
		}
		if en := rep.In("en"); en.Warnings[len(en.Warnings)-1].Text != "The atasan pejabat penilai of 2 employees changes while their pejabat penilai stays. An SKP not yet approved will name the new atasan, who also decides a keberatan on their assessment." {
			t.Errorf("English text: %q", en.Warnings[len(en.Warnings)-1].Text)
		}
		// Nothing was written.
		if chart, _ := e.a.OrgChart(ctx, e.o.Instansi.ID); chart.UpperRater(e.o.Staff1.ID) != e.o.Kadis.ID {
			t.Errorf("the preview replaced the Kadis: Staff1's atasan is %s", chart.UpperRater(e.o.Staff1.ID))
		}
	})
}
