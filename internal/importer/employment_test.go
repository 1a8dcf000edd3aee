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

// BKN corrects a NIP: a correction of the TMT or sequence digits keeps
// the birth date and the status, and is the same person. A correction of
// the birth date digits is not guessed from the name and the post: the
// row is a new employee with a note naming the possible match (the admin
// merges them); a TANGGAL_LAHIR saying the old date contradicts the new
// NIP and is refused.
func TestImportNIPCorrection(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		const fixed = "199003032015031009" // the sequence number corrected
		rep := e.importFile(t, personHeader+fixed+";Andi Pratama;;PNS;III/a;KOMINFO-APL;Pranata Komputer Ahli Pertama\n", true)
		if rep.Created != 0 || rep.Updated != 1 || rep.Rows[0].OldNIP != storetest.NIPStaff1 {
			t.Fatalf("correction = %+v", rep)
		}
		got, err := s.Employee(ctx, e.o.Staff1.ID)
		if err != nil || got.NIP != fixed || got.BirthDate != "1990-03-03" {
			t.Errorf("corrected record = %+v, %v", got, err)
		}

		const born13 = "199003132015031003" // born on the 13th, not the 3rd
		row := born13 + ";Andi Pratama;;PNS;III/a;KOMINFO-APL;Pranata Komputer Ahli Pertama\n"
		rep = e.importFile(t, personHeader+row, false)
		if rep.Created != 1 || rep.Updated != 0 || rep.Rows[0].OldNIP != "" || !strings.Contains(rep.Rows[0].NoteText, fixed) ||
			!strings.Contains(rep.Rows[0].NoteText, "tanggal lahirnya berbeda") {
			t.Errorf("birth digits corrected = %+v", rep)
		}
		// A TANGGAL_LAHIR agreeing with the record but not with the row's
		// own NIP is no evidence: the row contradicts itself, and is refused.
		rep = e.importFile(t, "NIP;NAMA;STATUS;UNOR_ID;JABATAN_NAMA;TANGGAL_LAHIR\n"+
			born13+";Andi Pratama;PNS;KOMINFO-APL;Pranata Komputer Ahli Pertama;03-03-1990\n", false)
		if rep.Rejected != 1 || rep.Updated != 0 || rep.Rows[0].Column != "TANGGAL_LAHIR" {
			t.Errorf("with TANGGAL_LAHIR = %+v", rep)
		}
	})
}

// The example of issue 9, point 7: a new CPNS teacher named like a PNS
// teacher of the same post, born fourteen years apart, was taken for her
// ("NIP berubah …, Status PNS → CPNS"). A NIP change is the same person
// only when the name, the birth date and a status move that happens
// agree; a record sharing the name and the post only is named, not
// taken.
func TestImportDifferentPersonIsNotANIPChange(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		const fitri, post = "198407072011022001", ";KOMINFO-APL;Pranata Komputer Ahli Pertama\n"
		rep := e.importFile(t, personHeader+fitri+";Fitri;;PNS;III/b"+post+
			"198501012010011001;Bambang;;PNS;III/b"+post+"198601012010011002;Cahyo;;PNS;III/b"+post, true)
		if rep.Created != 3 {
			t.Fatalf("setup = %+v", rep)
		}
		row := personHeader + "199805172026112001;FITRI;;CPNS;III/a" + post
		rep = e.importFile(t, row, false)
		if rep.Created != 1 || rep.Updated != 0 || rep.Rows[0].OldNIP != "" || !strings.Contains(rep.Rows[0].NoteText, fitri) ||
			!strings.Contains(rep.Rows[0].NoteText, "Kinerja tidak menebak") {
			t.Fatalf("preview = %+v", rep)
		}
		e.importFile(t, row, true)
		old, err := s.EmployeeByNIP(ctx, e.o.Instansi.ID, fitri)
		if err != nil || old.Status != model.StatusPNS || old.Golongan != "III/b" || !old.Active {
			t.Errorf("the teacher of 1984 = %+v, %v", old, err)
		}
		if _, err := s.EmployeeByNIP(ctx, e.o.Instansi.ID, "199805172026112001"); err != nil {
			t.Errorf("the new teacher: %v", err)
		}

		// Same name and birth date, but a PNS does not become CPNS: named, not taken.
		rep = e.importFile(t, personHeader+"198407072024122001;Fitri;;CPNS;III/a;KOMINFO-SEK;Pengadministrasi Perkantoran\n", false)
		if rep.Created != 1 || rep.Rows[0].OldNIP != "" || !strings.Contains(rep.Rows[0].NoteText, "PNS tidak berubah menjadi CPNS") {
			t.Errorf("PNS → CPNS = %+v", rep)
		}
		// A PPPK under a PNS-form number without STATUS: the file says CPNS, Kinerja does not guess.
		rep = e.importFile(t, "NIP;NAMA;UNOR_ID;JABATAN_NAMA\n199104042024122004;Dewi Lestari;KOMINFO-APL;Pranata Komputer Ahli Pertama\n", false)
		if rep.Rejected != 1 || rep.Rows[0].Column != "STATUS" || !strings.Contains(rep.Rows[0].Reason, storetest.NIPStaff2) {
			t.Errorf("PPPK to a PNS-form NIP without STATUS = %+v", rep)
		}
	})
}

// Two records that could be the person are not guessed between; nor is a
// file that lists the old and the new number both.
func TestImportAmbiguousSamePersonIsRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		const a, b = "198505052021211001", "198505052022211002" // two PPPK
		rep := e.importFile(t, personHeader+
			a+";Ahmad Fauzi;;PPPK;IX;KOMINFO-APL;Pranata Komputer Ahli Pertama\n"+
			b+";Ahmad Fauzi;;PPPK;IX;DINKES;Perawat Ahli Pertama\n", true)
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

// The NIP carries the birth date and the sex: a TMT before the birth
// date is refused, and so is a JENIS_KELAMIN the sex digit contradicts,
// naming both and what an empty cell would save, as a STATUS is.
func TestImportRowAgreesWithItsNIP(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		const head = "NIP;NAMA;UNOR_ID;JABATAN_NAMA;JENIS_KELAMIN;TMT_JABATAN\n"
		rep := e.importFile(t, head+
			"199805172022012001;Rina;KOMINFO-APL;Staf Aplikasi;;1998-05-16\n"+ // a day before her birth
			"199805172022012002;Sari;KOMINFO-APL;Staf Aplikasi;L;\n"+ // digit 15 is 2: a woman
			"199805172022011003;Tono;KOMINFO-APL;Staf Aplikasi;Laki-laki;1998-05-17\n", false)
		if len(rep.Rows) != 3 {
			t.Fatalf("report = %+v", rep)
		}
		if r := rep.Rows[0]; r.Action != importer.ActionReject || r.Column != "TMT_JABATAN" || !strings.Contains(r.Reason, "17 Mei 1998") {
			t.Errorf("TMT before birth = %+v", r)
		}
		if r := rep.Rows[1]; r.Action != importer.ActionReject || r.Column != "JENIS_KELAMIN" ||
			!strings.Contains(r.Reason, "Laki-laki bertentangan") || !strings.Contains(r.Reason, "yang disimpan Perempuan") {
			t.Errorf("sex against the NIP = %+v", r)
		}
		if r := rep.Rows[2]; r.Action != importer.ActionCreate {
			t.Errorf("a row that agrees = %+v", r)
		}
	})
}

// The example of issue 9 (second round): a TANGGAL_LAHIR that contradicts
// the birth date in the NIP or NI PPPK was accepted silently, and the
// stored birth date changed with a NIP without being listed. The row is
// refused naming both dates, as a JENIS_KELAMIN is; a birth date the
// import changes is among the row's changes.
func TestImportBirthDateAgreesWithItsNIP(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		const old, renum = "199711092021211001", "199711102021211001"
		const post = ";KOMINFO-APL;Pranata Komputer Ahli Pertama"
		if rep := e.importFile(t, personHeader+old+";Dodi Rahman;;PPPK;IX"+post+"\n", true); rep.Created != 1 {
			t.Fatalf("first file = %+v", rep)
		}
		const head = "NIP;NAMA;STATUS;GOLONGAN;UNOR_ID;JABATAN_NAMA;TANGGAL_LAHIR\n"
		rep := e.importFile(t, head+
			renum+";Dodi Rahman;PPPK;IX"+post+";1997-11-09\n"+ // the NI PPPK says the 10th
			"199501012022031021;Orang Baru;PNS;III/a"+post+";1980-05-05\n"+ // a new row
			old+";Dodi Rahman;PPPK;IX"+post+";09-12-1997\n", false) // its own NIP, another date
		if len(rep.Rows) != 3 {
			t.Fatalf("report = %+v", rep)
		}
		for i, want := range [][2]string{{"9 November 1997", "10 November 1997"}, {"5 Mei 1980", "1 Januari 1995"}, {"9 Desember 1997", "9 November 1997"}} {
			r := rep.Rows[i]
			if r.Action != importer.ActionReject || r.Column != "TANGGAL_LAHIR" || !strings.Contains(r.Reason, want[0]+" bertentangan") ||
				!strings.Contains(r.Reason, "berarti "+want[1]) || !strings.Contains(r.Reason, "yang disimpan "+want[1]) {
				t.Errorf("row %d = %+v", i+2, r)
			}
		}
		rep = e.importFile(t, head+old+";Dodi Rahman;PPPK;IX"+post+";09-11-1997\n", false)
		if r := rep.Rows[0]; r.Action != importer.ActionUnchanged {
			t.Errorf("a row that agrees = %+v", r)
		}
		got, _ := s.EmployeeByNIP(ctx, e.o.Instansi.ID, old)
		if got.BirthDate != "1997-11-09" {
			t.Errorf("stored birth date = %q", got.BirthDate)
		}
		if _, err := s.EmployeeByNIP(ctx, e.o.Instansi.ID, renum); err == nil {
			t.Error("the refused row was saved")
		}

		// A record without a stored birth date gets the NIP's, and the
		// preview lists it, with the NIP change.
		staff, _ := s.Employee(ctx, e.o.Staff1.ID)
		staff.BirthDate = ""
		if err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			_, err := tx.UpdateEmployee(ctx, staff)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		const fixed = "199003032015031009"
		rep = e.importFile(t, personHeader+fixed+";Andi Pratama;;PNS;III/a;KOMINFO-APL;Pranata Komputer Ahli Pertama\n", false)
		if rep.Updated != 1 || !strings.Contains(strings.Join(rep.Rows[0].Changes, "|"), "Tanggal lahir: — → 3 Maret 1990") {
			t.Errorf("birth date not listed = %+v", rep)
		}
	})
}
