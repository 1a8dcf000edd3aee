package importer_test

import (
	"context"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/importer"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

const personHeader = "NIP;NAMA;GELAR_BELAKANG;STATUS;GOLONGAN;UNOR_ID;JABATAN_NAMA\n"

func (e env) importFile(t *testing.T, file string, apply bool) importer.Report {
	t.Helper()
	rep, err := e.a.ImportEmployees(context.Background(), e.admin, "pegawai.csv", []byte(file), apply)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// The example of issue 9: a PPPK imported, then the same person under the
// CPNS NIP BKN gave her. Before, the second file made a second active
// employee in the same post, with no warning.
func TestImportPPPKAppointedCPNSChangesTheNIP(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		const pppk, cpns = "199201012023212001", "199201012024122001"
		rep := e.importFile(t, personHeader+pppk+";Sri Wahyuni;S.Kom.;PPPK;IX;KOMINFO-APL;Pranata Komputer Ahli Pertama\n", true)
		if rep.Created != 1 {
			t.Fatalf("first file = %+v", rep)
		}
		first, _ := s.EmployeeByNIP(ctx, e.o.Instansi.ID, pppk)
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		if _, err := e.a.CreateUser(ctx, sys, app.NewUser{EmployeeNIP: pppk, Password: "rahasia-sri"}); err != nil {
			t.Fatal(err)
		}

		second := personHeader + cpns + ";Sri Wahyuni;S.Kom.;CPNS;III/a;KOMINFO-APL;Pranata Komputer Ahli Pertama\n"
		rep = e.importFile(t, second, false)
		if rep.Created != 0 || rep.Updated != 1 || rep.Rows[0].OldNIP != pppk || !strings.Contains(rep.Rows[0].Changes[0], "NIP berubah: "+pppk+" → "+cpns) {
			t.Fatalf("preview = %+v", rep)
		}
		rep = e.importFile(t, second, true)
		if rep.Created != 0 || rep.Updated != 1 {
			t.Fatalf("apply = %+v", rep)
		}
		now, err := s.EmployeeByNIP(ctx, e.o.Instansi.ID, cpns)
		if err != nil || now.ID != first.ID || now.Status != model.StatusCPNS || now.Golongan != "III/a" {
			t.Fatalf("record under the new NIP = %+v, %v", now, err)
		}
		holders, _ := s.PositionHolders(ctx, now.PositionID)
		n := 0
		for _, h := range holders {
			if h.Name == "Sri Wahyuni" {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d records of Sri Wahyuni hold the post", n)
		}
		hist, _ := s.NIPChanges(ctx, now.ID)
		if len(hist) != 1 || hist[0].OldNIP != pppk || hist[0].NewNIP != cpns || hist[0].Reason != model.NIPChangeImport {
			t.Errorf("NIP history = %+v", hist)
		}
		if u, err := s.UserByEmployee(ctx, now.ID); err != nil || u.Username != cpns {
			t.Errorf("account = %+v, %v", u, err)
		}
		entries, _ := s.AuditEntries(ctx, model.AuditFilter{InstansiID: e.o.Instansi.ID, EntityType: "employee", EntityID: now.ID})
		var audited bool
		for _, a := range entries {
			audited = audited || (a.Action == "employee.nip_change" && strings.Contains(a.Before, pppk))
		}
		if !audited {
			t.Errorf("no audit of the NIP change: %+v", entries)
		}
		// An old file with the old number is refused, not a new person.
		rep = e.importFile(t, personHeader+pppk+";Sri Wahyuni;S.Kom.;PPPK;IX;KOMINFO-APL;Pranata Komputer Ahli Pertama\n", false)
		if rep.Rejected != 1 || !strings.Contains(rep.Rows[0].Reason, cpns) {
			t.Errorf("old number again = %+v", rep)
		}
	})
}

// BKN corrects a NIP whose birth date digits were wrong: the name and the
// post say it is the same person.
func TestImportNIPCorrection(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		const fixed = "199003132015031003" // born on the 13th, not the 3rd
		rep := e.importFile(t, personHeader+fixed+";Andi Pratama;;PNS;III/a;KOMINFO-APL;Pranata Komputer Ahli Pertama\n", true)
		if rep.Created != 0 || rep.Updated != 1 || rep.Rows[0].OldNIP != storetest.NIPStaff1 {
			t.Fatalf("correction = %+v", rep)
		}
		got, err := s.Employee(ctx, e.o.Staff1.ID)
		if err != nil || got.NIP != fixed || got.BirthDate != "1990-03-13" {
			t.Errorf("corrected record = %+v, %v", got, err)
		}
	})
}

// Two records that could be the person are not guessed between; nor is a
// file that lists the old and the new number both.
func TestImportAmbiguousSamePersonIsRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		const a, b = "198505052010011001", "198505052012011002"
		rep := e.importFile(t, personHeader+
			a+";Ahmad Fauzi;;PNS;III/b;KOMINFO-APL;Pranata Komputer Ahli Pertama\n"+
			b+";Ahmad Fauzi;;PNS;III/b;DINKES;Perawat Ahli Pertama\n", true)
		if rep.Created != 2 {
			t.Fatalf("setup file = %+v", rep)
		}
		rep = e.importFile(t, personHeader+"198505052024121003;Ahmad Fauzi;;CPNS;III/a;KOMINFO-SEK;Pengadministrasi Perkantoran\n", true)
		if rep.Rejected != 1 || rep.Created != 0 || !strings.Contains(rep.Rows[0].Reason, a) || !strings.Contains(rep.Rows[0].Reason, b) {
			t.Errorf("ambiguous row = %+v", rep)
		}
		if _, err := s.EmployeeByNIP(ctx, e.o.Instansi.ID, "198505052024121003"); err == nil {
			t.Error("the ambiguous row was written")
		}
		// The post settles it when the name and birth date match two.
		rep = e.importFile(t, personHeader+"198505052024121003;Ahmad Fauzi;;CPNS;III/a;DINKES;Perawat Ahli Pertama\n", false)
		if rep.Updated != 1 || rep.Rows[0].OldNIP != b {
			t.Errorf("row in one of the posts = %+v", rep)
		}
		// The old and the new number in one file: which is right is for the admin to say.
		rep = e.importFile(t, personHeader+
			"199104042024122004;Dewi Lestari;;CPNS;III/a;KOMINFO-APL;Pranata Komputer Ahli Pertama\n"+
			storetest.NIPStaff2+";Dewi Lestari;;PPPK;IX;KOMINFO-APL;Pranata Komputer Ahli Pertama\n", false)
		if rep.Rejected != 1 || rep.Rows[0].Action != importer.ActionReject || !strings.Contains(rep.Rows[0].Reason, "baris 3") {
			t.Errorf("old and new number in one file = %+v", rep)
		}
	})
}
