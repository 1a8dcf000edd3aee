package importer_test

import (
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/importer"
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

func TestParseFormats(t *testing.T) {
	want := map[string]string{"nip": "199501012022031001", "nama": "Budi", "unit_code": "KOMINFO", "position_name": "Staf"}
	xlsx := func() []byte {
		f := excelize.NewFile()
		f.SetSheetRow("Sheet1", "A1", &[]any{"NIP", "Nama", "Unor ID", "Jabatan Nama"})
		f.SetSheetRow("Sheet1", "A2", &[]any{"199501012022031001", "Budi", "KOMINFO", "Staf"})
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	for name, data := range map[string][]byte{
		"comma":           []byte("NIP,NAMA,UNOR_ID,JABATAN_NAMA\n199501012022031001,Budi,KOMINFO,Staf\n"),
		"semicolon, BOM":  []byte("\xef\xbb\xbfnip;nama;kode_unit;nama jabatan\r\n199501012022031001;Budi;KOMINFO;Staf\r\n"),
		"tab, blank rows": []byte("\n\nNIP\tNAMA\tUNOR_ID\tJABATAN\n\n199501012022031001\tBudi\tKOMINFO\tStaf\n\n"),
		"quoted":          []byte("\"NIP\",\"NAMA\",\"UNOR_ID\",\"JABATAN_NAMA\"\n\"199501012022031001\",\"Budi\",\"KOMINFO\",\"Staf\"\n"),
		"xlsx":            xlsx(),
	} {
		rows, err := importer.Parse(data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(rows) != 1 {
			t.Errorf("%s: %d rows", name, len(rows))
			continue
		}
		for k, v := range want {
			if rows[0].Get(k) != v {
				t.Errorf("%s: %s = %q, want %q", name, k, rows[0].Get(k), v)
			}
		}
	}
}

func TestParseRefusesBadFiles(t *testing.T) {
	cases := map[string]struct {
		data []byte
		want string
	}{
		"empty":          {nil, "kosong"},
		"header only":    {[]byte("NIP,NAMA,UNOR_ID,JABATAN_NAMA\n"), "tanpa baris data"},
		"missing column": {[]byte("NIP,NAMA\n1,2\n"), "UNOR_ID, JABATAN_NAMA"},
		"not a table":    {[]byte("hello world"), "Kolom wajib"},
		"old excel":      {[]byte("\xD0\xCF\x11\xE0rest"), ".xls"},
		"broken zip":     {[]byte("PK\x03\x04garbage"), "XLSX tidak dapat dibaca"},
		"binary":         {[]byte("NIP,NAMA\x00\x01"), "bukan CSV"},
		"too large":      {bytes.Repeat([]byte("a"), importer.MaxFileSize+1), "terlalu besar"},
		"too many rows": {append([]byte("NIP;NAMA;UNOR_ID;JABATAN_NAMA\n"),
			bytes.Repeat([]byte("1;2;3;4\n"), importer.MaxRows+1)...), "lebih dari 50000 baris"},
	}
	for name, c := range cases {
		_, err := importer.Parse(c.data)
		var ve *model.ValidationError
		if !errors.As(err, &ve) || !strings.Contains(locale.T("id", ve.Fields["file"], ve.Args["file"]...), c.want) {
			t.Errorf("%s: err = %v, want a file error mentioning %q", name, err, c.want)
		}
	}
}

// parseSeeds are valid and broken files the random tests start from.
func parseSeeds(t testing.TB) [][]byte {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"NIP", "NAMA", "UNOR_ID", "JABATAN_NAMA", "TMT_JABATAN"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"199501012022031001", "Budi", "KOMINFO", "Staf", 46082})
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return [][]byte{
		[]byte("NIP;NAMA;UNOR_ID;JABATAN_NAMA\n199501012022031001;Budi;KOMINFO;Staf\n"),
		[]byte("PK\x03\x04\x14\x00\x00\x00"),
		[]byte("\"NIP\",\"NA"),
		buf.Bytes(),
	}
}

// FuzzParse: any file an administrator uploads is read into rows or
// refused as a whole with a file error; never a crash. Rows keep the
// order of their lines, and every value read holds only what text may
// hold (hidden characters copied along with a name are removed).
func FuzzParse(f *testing.F) {
	for _, s := range parseSeeds(f) {
		f.Add(s)
	}
	f.Add([]byte("\uFEFFNIP;NAMA;UNOR_ID;JABATAN_NAMA\r\n'1995 0101 2022 03 1 001;Pegawai\u200B Baru\u202E;KOMINFO-APL;Staf\r\n"))
	f.Add([]byte("NIP\tNAMA\tUNOR_ID\tJABATAN_NAMA\n1\t\x00\t\xff\tz\n\n\n2\ta\u0085\tb\tc\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := importer.Parse(data)
		var ve *model.ValidationError
		if err != nil && !errors.As(err, &ve) {
			t.Errorf("Parse error is not a file error: %v", err)
		}
		if err == nil && len(rows) == 0 {
			t.Error("Parse accepted a file without rows")
		}
		last := 0
		for _, r := range rows {
			if r.Line <= last {
				t.Fatalf("row on line %d after line %d", r.Line, last)
			}
			last = r.Line
			for col, v := range r.Values {
				if model.TextFault(v, false) >= 0 {
					t.Fatalf("line %d, %s = %q holds a hidden character", r.Line, col, v)
				}
			}
		}
	})
}

func TestParseNeverPanics(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	seeds := parseSeeds(t)
	for i := 0; i < 800; i++ {
		s := seeds[i%len(seeds)]
		b := append([]byte(nil), s[:rng.IntN(len(s)+1)]...)
		for j := 0; j < rng.IntN(8); j++ {
			if len(b) > 0 {
				b[rng.IntN(len(b))] = byte(rng.IntN(256))
			}
		}
		// Must return a file error or rows, never panic.
		rows, err := importer.Parse(b)
		var ve *model.ValidationError
		if (err != nil && !errors.As(err, &ve)) || (err == nil && len(rows) == 0) {
			t.Fatalf("Parse(%q) = %d rows, %v", b, len(rows), err)
		}
	}
}

type env struct {
	a     *app.App
	s     *store.Store
	o     storetest.Org
	admin model.Actor
}

func setup(t *testing.T, s *store.Store) env {
	t.Helper()
	o := storetest.SeedOrg(t, s)
	a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
	return env{a: a, s: s, o: o, admin: model.Actor{UserID: "u-admin", Name: "Admin BKPSDM", InstansiID: o.Instansi.ID,
		Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}}
}

func (e env) auditCount(t *testing.T) int {
	t.Helper()
	entries, err := e.s.AuditEntries(context.Background(), model.AuditFilter{InstansiID: e.o.Instansi.ID, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	return len(entries)
}

const header = "NIP;NAMA;GELAR_BELAKANG;STATUS;GOLONGAN;UNOR_ID;JABATAN_NAMA;JENIS_JABATAN;JENJANG;TMT_JABATAN\n"

func TestImportRows(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		file := header +
			// 2: a new employee in a new functional post
			"199501012022031001;Rahmat Hidayat;S.Kom.;PNS;3a;KOMINFO-APL;Pranata Komputer Ahli Muda;Fungsional;Ahli Muda;01-03-2026\n" +
			// 3: an existing employee promoted to III/b
			storetest.NIPStaff1 + ";Andi Pratama;;PNS;III/b;KOMINFO-APL;Pranata Komputer Ahli Pertama;;;\n" +
			// 4: an existing employee moved to the Dinkes nurse post
			storetest.NIPStaff2 + ";Dewi Lestari;;PPPK;IX;DINKES;Perawat Ahli Pertama;;;2026-02-01\n" +
			// 5: unchanged
			storetest.NIPStaff3 + ";Rudi Hartono;;PNS;III/a;KOMINFO-SEK;Pengadministrasi Perkantoran;;;\n" +
			// 6..: rejections
			"19950101202203100;Pendek;;PNS;III/a;KOMINFO;Staf;;;\n" +
			"199501012022031001;Kembar;;PNS;III/a;KOMINFO;Staf;;;\n" +
			"199601012022032002;Unit Salah;;PNS;III/a;NOPE;Staf;;;\n" +
			"199601012022032003;Status Salah;;HONORER;III/a;KOMINFO;Staf;;;\n" +
			"199601012022032004;Golongan Salah;;PNS;V/z;KOMINFO;Staf;;;\n" +
			"199601012022032005;Tanggal Salah;;PNS;III/a;KOMINFO;Staf;;;31-02-2026\n" +
			"199601012022032006;;;PNS;III/a;KOMINFO;Staf;;;\n"
		before := e.auditCount(t)
		rep, err := e.a.ImportEmployees(ctx, e.admin, "pegawai.csv", []byte(file), false)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Applied || rep.Total != 11 || rep.Created != 1 || rep.Updated != 2 || rep.Unchanged != 1 || rep.Rejected != 7 {
			t.Fatalf("dry run = %+v", rep)
		}
		if e.auditCount(t) != before {
			t.Fatal("the dry run wrote to the database")
		}
		reasons := map[int]string{}
		for _, r := range rep.Rows {
			reasons[r.Row] = r.Reason + strings.Join(r.Changes, "|")
		}
		for row, want := range map[int]string{
			3: "Golongan: III/a → III/b", 4: "Jabatan: Pranata Komputer Ahli Pertama → Perawat Ahli Pertama",
			6: "18 digit", 7: "baris 2", 8: "kode NOPE tidak ada", 9: "HONORER", 10: "V/z", 11: "31-02-2026", 12: "Nama kosong",
		} {
			if !strings.Contains(reasons[row], want) {
				t.Errorf("row %d: %q, want %q", row, reasons[row], want)
			}
		}

		if storetest.Analyzed(t, s, "employees") {
			t.Fatal("employees analyzed before any import was applied")
		}
		rep, err = e.a.ImportEmployees(ctx, e.admin, "pegawai.csv", []byte(file), true)
		if err != nil {
			t.Fatal(err)
		}
		if !rep.Applied || rep.Created != 1 || rep.Updated != 2 {
			t.Fatalf("apply = %+v", rep)
		}
		// An applied import refreshes the planner's statistics.
		if !storetest.Analyzed(t, s, "employees") {
			t.Error("no statistics of employees after the import was applied")
		}
		nw, err := s.EmployeeByNIP(ctx, e.o.Instansi.ID, "199501012022031001")
		if err != nil || nw.Golongan != "III/a" || nw.BackTitle != "S.Kom." || nw.PositionName != "Pranata Komputer Ahli Muda" || nw.UnitID != e.o.Aplikasi.ID || nw.Gender != "L" {
			t.Fatalf("new employee = %+v, %v", nw, err)
		}
		chart, _ := s.OrgChart(ctx, e.o.Instansi.ID, "2026-06-01")
		if chart.Rater(nw.ID) != e.o.Kabid.ID {
			t.Errorf("the new post reports to %s, want the unit head", chart.Rater(nw.ID))
		}
		if got, _ := s.Employee(ctx, e.o.Staff1.ID); got.Golongan != "III/b" {
			t.Errorf("promotion not applied: %s", got.Golongan)
		}
		moved, _ := s.Employee(ctx, e.o.Staff2.ID)
		hist, _ := s.Placements(ctx, e.o.Staff2.ID)
		if moved.UnitID != e.o.Dinkes.ID || len(hist) != 2 || hist[0].Start != "2026-02-01" || hist[1].End != "2026-01-31" {
			t.Errorf("move: unit %s, history %+v", moved.UnitID, hist)
		}
		entries, _ := s.AuditEntries(ctx, model.AuditFilter{InstansiID: e.o.Instansi.ID, EntityType: "import"})
		if len(entries) != 1 || entries[0].Action != "import.apply" || entries[0].ActorName != "Admin BKPSDM" {
			t.Errorf("import audit = %+v", entries)
		}

		// The same file again changes nothing and writes nothing.
		mid := e.auditCount(t)
		rep, err = e.a.ImportEmployees(ctx, e.admin, "pegawai.csv", []byte(file), true)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Created != 0 || rep.Updated != 0 || rep.Unchanged != 4 {
			t.Errorf("second apply = %+v", rep)
		}
		if e.auditCount(t) != mid {
			t.Error("the second apply wrote audit entries")
		}
	})
}

func TestImportScopeAndAccess(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		opd := model.Actor{UserID: "u-opd", InstansiID: e.o.Instansi.ID, Roles: []model.RoleGrant{{Role: model.RoleOPDAdmin, UnitID: e.o.Kominfo.ID}}}
		file := header +
			"199501012022031001;Di Kominfo;;PNS;III/a;KOMINFO-APL;Staf Aplikasi;;;\n" +
			"199601012022032002;Di Dinkes;;PNS;III/a;DINKES;Staf Kesehatan;;;\n" +
			storetest.NIPNurse + ";Rina Marlina;;PPPK;IX;KOMINFO;Staf Kominfo;;;\n"
		rep, err := e.a.ImportEmployees(ctx, opd, "f.csv", []byte(file), true)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Created != 1 || rep.Rejected != 2 || !strings.Contains(rep.Rows[1].Reason, "di luar perangkat daerah") ||
			!strings.Contains(rep.Rows[2].Reason, "sekarang berada di Dinas Kesehatan") {
			t.Errorf("OPD admin import = %+v", rep)
		}
		asn := model.Actor{UserID: "u-asn", InstansiID: e.o.Instansi.ID, EmployeeID: e.o.Staff1.ID, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
		if _, err := e.a.ImportEmployees(ctx, asn, "f.csv", []byte(file), false); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("an ASN imported: %v", err)
		}
	})
}

func TestImportIsAllOrNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		// A trigger makes the database refuse the third row's insert, after
		// the first two rows were written inside the transaction.
		stmts := map[string][]string{
			"sqlite": {`CREATE TRIGGER refuse_gagal BEFORE INSERT ON employees WHEN NEW.name = 'Gagal'
				BEGIN SELECT RAISE(ABORT, 'refused by test'); END`},
			"postgres": {`CREATE FUNCTION refuse_gagal() RETURNS trigger AS $$
				BEGIN IF NEW.name = 'Gagal' THEN RAISE EXCEPTION 'refused by test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
				`CREATE TRIGGER refuse_gagal BEFORE INSERT ON employees FOR EACH ROW EXECUTE FUNCTION refuse_gagal()`},
		}[s.Engine()]
		for _, q := range stmts {
			if _, err := s.DB().ExecContext(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		file := header +
			"199501012022031001;Satu;;PNS;III/a;KOMINFO-APL;Jabatan Baru;;;\n" +
			storetest.NIPStaff1 + ";Andi Pratama;;PNS;III/b;KOMINFO-APL;Pranata Komputer Ahli Pertama;;;\n" +
			"199601012022032002;Gagal;;PNS;III/a;KOMINFO;Staf;;;\n"
		before := e.auditCount(t)
		if _, err := e.a.ImportEmployees(ctx, e.admin, "f.csv", []byte(file), true); err == nil {
			t.Fatal("an import the database refused succeeded")
		}
		if e.auditCount(t) != before {
			t.Error("a failed import left audit entries behind")
		}
		if _, err := s.EmployeeByNIP(ctx, e.o.Instansi.ID, "199501012022031001"); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("the first row of a failed import was kept: %v", err)
		}
		if got, _ := s.Employee(ctx, e.o.Staff1.ID); got.Golongan != "III/a" {
			t.Errorf("the update of a failed import was kept: %s", got.Golongan)
		}
		positions, _ := s.Positions(ctx, e.o.Instansi.ID, e.o.Aplikasi.ID)
		for _, p := range positions {
			if p.Name == "Jabatan Baru" {
				t.Error("the new position of a failed import was kept")
			}
		}
	})
}

func TestImportNewPositions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		file := "NIP;NAMA;UNOR_ID;JABATAN_ID;JABATAN_NAMA;JENIS_JABATAN\n" +
			"199501012022031001;Satu;KOMINFO-APL;BARU-1;Analis Data;\n" +
			"199601012022032002;Dua;KOMINFO-SEK;BARU-1;Jabatan Lain;\n" + // same new code, another post
			"199601012022032003;Tiga;KOMINFO-APL;;analis data;\n" + // the same new post, other case
			"199601012022032004;Empat;KOMINFO-SEK;;Kepala Subbagian Umum;Pengawas\n"
		rep, err := e.a.ImportEmployees(ctx, e.admin, "f.csv", []byte(file), true)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Created != 3 || rep.Rejected != 1 || !strings.Contains(rep.Rows[1].Reason, "BARU-1 sudah dipakai di baris 2") ||
			!rep.Rows[0].NewPosition || rep.Rows[0].Position != "Analis Data" || rep.Rows[0].Unit != "KOMINFO-APL" {
			t.Fatalf("report = %+v", rep)
		}
		one, _ := s.EmployeeByNIP(ctx, e.o.Instansi.ID, "199501012022031001")
		three, _ := s.EmployeeByNIP(ctx, e.o.Instansi.ID, "199601012022032003")
		if one.PositionID == "" || one.PositionID != three.PositionID {
			t.Errorf("rows 2 and 4 should share one new post: %q, %q", one.PositionID, three.PositionID)
		}
		pos, err := s.PositionByCode(ctx, e.o.Instansi.ID, "BARU-1")
		if err != nil || pos.Kind != model.PositionPelaksana || pos.SuperiorPositionID != e.o.PosKabid.ID {
			t.Errorf("new post = %+v, %v", pos, err)
		}
		// In a unit whose head post is vacant the new post still reports
		// to that head post (Sekretaris) and does not become a second head.
		four, _ := s.EmployeeByNIP(ctx, e.o.Instansi.ID, "199601012022032004")
		sek, _ := s.Unit(ctx, e.o.Sekretariat.ID)
		positions, _ := s.Positions(ctx, e.o.Instansi.ID, e.o.Sekretariat.ID)
		for _, p := range positions {
			if p.ID == four.PositionID && (p.Kind != model.PositionPengawas || p.SuperiorPositionID != e.o.PosSekr.ID) {
				t.Errorf("new pengawas post = %+v", p)
			}
		}
		if sek.HeadPositionID != e.o.PosSekr.ID {
			t.Errorf("the Sekretariat head changed to %s", sek.HeadPositionID)
		}

		// A unit without any head post: the first structural post the file
		// creates there becomes its head; every new post reports to the
		// head of the unit above.
		var seksi model.Unit
		err = s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			seksi, err = tx.CreateUnit(ctx, model.Unit{InstansiID: e.o.Instansi.ID, ParentID: e.o.Aplikasi.ID,
				Code: "KOMINFO-DATA", Name: "Seksi Data", Kind: model.UnitSeksi})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		file = "NIP;NAMA;UNOR_ID;JABATAN_NAMA;JENIS_JABATAN\n" +
			"199701012022031001;Staf Data;KOMINFO-DATA;Pengelola Data;\n" +
			"199701012022031002;Kasi Data;KOMINFO-DATA;Kepala Seksi Data;Pengawas\n" +
			"199701012022031003;Kasi Lain;KOMINFO-DATA;Kepala Seksi Lain;Pengawas\n"
		if rep, err = e.a.ImportEmployees(ctx, e.admin, "f.csv", []byte(file), true); err != nil || rep.Created != 3 {
			t.Fatalf("import into a headless unit = %+v, %v", rep, err)
		}
		seksi, _ = s.Unit(ctx, seksi.ID)
		kasi, _ := s.EmployeeByNIP(ctx, e.o.Instansi.ID, "199701012022031002")
		if seksi.HeadPositionID == "" || seksi.HeadPositionID != kasi.PositionID {
			t.Errorf("head of the new seksi = %q, want the Kepala Seksi post %q", seksi.HeadPositionID, kasi.PositionID)
		}
		positions, _ = s.Positions(ctx, e.o.Instansi.ID, seksi.ID)
		for _, p := range positions {
			if p.SuperiorPositionID != e.o.PosKabid.ID {
				t.Errorf("%s reports to %q, want the Kabid post", p.Name, p.SuperiorPositionID)
			}
		}
	})
}

func TestStagedImport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		file := header + "199501012022031001;Baru;;PNS;III/a;KOMINFO-APL;Staf;;;\n"
		rep, err := e.a.StageImport(ctx, e.admin, "f.csv", []byte(file))
		if err != nil || rep.UploadID == "" || rep.Applied {
			t.Fatalf("stage = %+v, %v", rep, err)
		}
		other := e.admin
		other.UserID = "u-other"
		if _, err := e.a.ApplyStagedImport(ctx, other, rep.UploadID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("another user applied the staged file: %v", err)
		}
		done, err := e.a.ApplyStagedImport(ctx, e.admin, rep.UploadID)
		if err != nil || !done.Applied || done.Created != 1 {
			t.Fatalf("apply staged = %+v, %v", done, err)
		}
		if _, err := e.a.ApplyStagedImport(ctx, e.admin, rep.UploadID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a staged file applied twice: %v", err)
		}
	})
}

func TestParseLineNumbers(t *testing.T) {
	csvData := []byte("\nNIP,NAMA,UNOR_ID,JABATAN_NAMA\n" +
		"199501012022031001,\"Budi\nSantoso\",KOMINFO,Staf\n" + // a quoted field over two lines
		"\n" +
		"19950101 202203 1 002,Ani,KOMINFO,Staf\n")
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"NIP", "NAMA", "UNOR_ID", "JABATAN_NAMA"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"199501012022031001", "Budi", "KOMINFO", "Staf"})
	f.SetSheetRow("Sheet1", "A4", &[]any{"'199501012022031002", "Ani", "KOMINFO", "Staf"}) // row 3 empty
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"csv": csvData, "xlsx": buf.Bytes()} {
		rows, err := importer.Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want := map[string][]int{"csv": {3, 6}, "xlsx": {2, 4}}[name]
		if len(rows) != 2 || rows[0].Line != want[0] || rows[1].Line != want[1] {
			t.Errorf("%s: rows %+v, want lines %v", name, rows, want)
			continue
		}
		if rows[1].Get("nip") != "199501012022031002" {
			t.Errorf("%s: NIP not cleaned: %q", name, rows[1].Get("nip"))
		}
	}
}

func TestImportXLSXWithDates(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		f := excelize.NewFile()
		f.SetSheetRow("Sheet1", "A1", &[]any{"NIP Baru", "Nama", "Jenis Kelamin", "Jenis Pegawai", "Gol", "Kode Unit", "Kode Jabatan", "Nama Jabatan", "TMT Jabatan"})
		f.SetSheetRow("Sheet1", "A2", &[]any{"199502022022212001", "Sari Wulandari", "Perempuan", "PPPK", "IX", "DINKES", "DINKES-PERAWAT", "", nil})
		f.SetSheetRow("Sheet1", "A3", &[]any{storetest.NIPStaff3, "Rudi Hartono", "L", "PNS", "III/a", "KOMINFO-APL", "KOMINFO-PRAKOM", "", nil})
		style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		for _, cell := range []string{"I2", "I3"} {
			f.SetCellValue("Sheet1", cell, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
			f.SetCellStyle("Sheet1", cell, cell, style)
		}
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		rep, err := e.a.ImportEmployees(ctx, e.admin, "pegawai.xlsx", buf.Bytes(), true)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Created != 1 || rep.Updated != 1 || rep.Rejected != 0 {
			t.Fatalf("xlsx import = %+v", rep)
		}
		nw, err := s.EmployeeByNIP(ctx, e.o.Instansi.ID, "199502022022212001")
		if err != nil || nw.PositionID != e.o.PosNurse.ID || nw.Gender != "P" || nw.Status != model.StatusPPPK || nw.Golongan != "IX" {
			t.Fatalf("new employee = %+v, %v", nw, err)
		}
		hist, _ := s.Placements(ctx, e.o.Staff3.ID)
		if len(hist) != 2 || hist[0].Start != "2026-03-01" || hist[0].PositionID != e.o.PosStaff.ID {
			t.Errorf("move by position code: %+v", hist)
		}
	})
}

func TestImportMoreRejections(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		file := "NIP;NAMA;JENIS_KELAMIN;UNOR_ID;JABATAN_ID;JABATAN_NAMA;JENIS_JABATAN;JENJANG;EMAIL\n" +
			"1.99501E+17;Excel;;KOMINFO;;Staf;;;\n" +
			"199601012022032002;Kode Jabatan Asing;;KOMINFO;TIDAK-ADA;;;;\n" +
			"199601012022032003;Jabatan Unit Lain;;KOMINFO;DINKES-PERAWAT;;;;\n" +
			"199601012022032004;Kelamin;X;KOMINFO;;Staf;;;\n" +
			"199601012022032005;Jenis;;KOMINFO;;Staf;Eselon V;;\n" +
			"199601012022032006;Jenjang;;KOMINFO;;Staf;;Ahli Super;\n" +
			"199601012022032007;Jenjang Pelaksana;;KOMINFO;;Staf Baru;Pelaksana;Ahli Muda;\n" +
			"199601012022032008;Surel;;KOMINFO;;Staf;;;bukan-surel\n" +
			"199601012022032009;Tanpa Unit;;;;Staf;;;\n" +
			"199601012022032010;Tanpa Jabatan;;KOMINFO;;;;;\n" +
			"199601012022031011;NIP Perempuan;;KOMINFO;;Staf;;;\n" +
			"199601012022032012;" + strings.Repeat("Panjang ", 50) + ";;KOMINFO;;Staf;;;\n"
		rep, err := e.a.ImportEmployees(ctx, e.admin, "f.csv", []byte(file), false)
		if err != nil {
			t.Fatal(err)
		}
		want := map[int]string{
			2:  "terbaca sebagai angka",
			3:  "Jabatan dengan kode TIDAK-ADA tidak ada dan nama jabatan tidak diisi",
			4:  "Jabatan DINKES-PERAWAT tidak berada di unit KOMINFO",
			5:  "Jenis kelamin \"X\"",
			6:  "Jenis jabatan \"Eselon V\"",
			7:  "Jenjang \"Ahli Super\"",
			8:  "Jenjang hanya untuk jabatan fungsional",
			9:  "Alamat e-mail \"bukan-surel\"",
			10: "Kode unit (UNOR_ID) kosong",
			11: "Nama jabatan (JABATAN_NAMA) kosong",
			13: "Isi kolom NAMA terlalu panjang",
		}
		if rep.Rejected != len(want) || rep.Created != 1 {
			t.Errorf("report = %+v", rep)
		}
		for _, r := range rep.Rows {
			if w, ok := want[r.Row]; ok && (r.Action != importer.ActionReject || !strings.Contains(r.Reason, w)) {
				t.Errorf("row %d: %s %q, want a rejection with %q", r.Row, r.Action, r.Reason, w)
			}
		}
	})
}

func TestStagedImportExpires(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		file := header + "199501012022031001;Baru;;PNS;III/a;KOMINFO-APL;Staf;;;\n"
		rep, err := e.a.StageImport(ctx, e.admin, "f.csv", []byte(file))
		if err != nil {
			t.Fatal(err)
		}
		later := app.New(s, nil, app.Options{Now: func() time.Time { return time.Now().Add(3 * time.Hour) }})
		if _, err := later.ApplyStagedImport(ctx, e.admin, rep.UploadID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("an expired staged file was applied: %v", err)
		}
		if _, err := e.a.ApplyStagedImport(ctx, e.admin, "no-such-upload"); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("unknown upload: %v", err)
		}
		if _, err := s.EmployeeByNIP(ctx, e.o.Instansi.ID, "199501012022031001"); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("staging or a refused apply wrote the employee: %v", err)
		}
	})
}

func TestRefusedFileWritesNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		before := e.auditCount(t)
		for _, data := range []string{"NAMA;UNOR_ID\nBudi;KOMINFO\n", "", "PK\x03\x04broken"} {
			if _, err := e.a.ImportEmployees(ctx, e.admin, "f.csv", []byte(data), true); err == nil {
				t.Errorf("%q: accepted", data)
			}
			if _, err := e.a.StageImport(ctx, e.admin, "f.csv", []byte(data)); err == nil {
				t.Errorf("%q: staged", data)
			}
		}
		if e.auditCount(t) != before {
			t.Error("a refused file wrote to the database")
		}
	})
}

func TestImportBlankCellsKeepData(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		// Dewi is PPPK with golongan III/a in the fixture: blank STATUS and
		// GOLONGAN cells keep both, and a PPPK golongan is checked as PPPK.
		file := header +
			storetest.NIPStaff2 + ";Dewi Lestari;;;;KOMINFO-APL;Pranata Komputer Ahli Pertama;;;\n" +
			storetest.NIPNurse + ";Rina Marlina;;;XI;DINKES;Perawat Ahli Pertama;;;\n"
		rep, err := e.a.ImportEmployees(ctx, e.admin, "f.csv", []byte(file), true)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Unchanged != 1 || rep.Updated != 1 || len(rep.Rows[1].Changes) != 1 || rep.Rows[1].Changes[0] != "Golongan: IX → XI" {
			t.Fatalf("report = %+v", rep)
		}
		if got, _ := s.Employee(ctx, e.o.Staff2.ID); got.Status != model.StatusPPPK || got.Golongan != "IX" {
			t.Errorf("blank cells changed Dewi: %s %s", got.Status, got.Golongan)
		}
	})
}

func TestImportOneHeadPerUnit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		const cols = "NIP;NAMA;UNOR_ID;JABATAN_ID\n"
		// The Kadis post is held by Budi Santoso.
		rep, err := e.a.ImportEmployees(ctx, e.admin, "f.csv", []byte(cols+
			storetest.NIPStaff1+";Andi Pratama;KOMINFO;KOMINFO-KADIS\n"+
			// the vacant Sekretaris post, claimed twice
			storetest.NIPStaff2+";Dewi Lestari;KOMINFO-SEK;KOMINFO-SEKR\n"+
			storetest.NIPStaff3+";Rudi Hartono;KOMINFO-SEK;KOMINFO-SEKR\n"), false)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Rejected != 2 || rep.Updated != 1 ||
			!strings.Contains(rep.Rows[0].Reason, "masih dijabat oleh Budi Santoso") ||
			rep.Rows[1].Action != importer.ActionUpdate ||
			!strings.Contains(rep.Rows[2].Reason, "juga diisi oleh baris 3") {
			t.Fatalf("report = %+v", rep)
		}
		// A file that moves the holder away frees the post, whatever the
		// order of the rows.
		rep, err = e.a.ImportEmployees(ctx, e.admin, "f.csv", []byte(cols+
			storetest.NIPStaff1+";Andi Pratama;KOMINFO;KOMINFO-KADIS\n"+
			storetest.NIPKadis+";Budi Santoso;DINKES;DINKES-PERAWAT\n"), true)
		if err != nil || rep.Updated != 2 || rep.Rejected != 0 {
			t.Fatalf("handover = %+v, %v", rep, err)
		}
		holders, err := s.PositionHolders(ctx, e.o.PosKadis.ID)
		if err != nil || len(holders) != 1 || holders[0].ID != e.o.Staff1.ID {
			t.Errorf("Kadis post holders = %+v, %v", holders, err)
		}
	})
}

// TestImportStatusFromNumber: the number tells PNS from PPPK and PPPK
// paruh waktu; a file without STATUS takes the status from it, and a
// STATUS that contradicts the number refuses the row.
func TestImportStatusFromNumber(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		// No STATUS column.
		file := "NIP;NAMA;GOLONGAN;UNOR_ID;JABATAN_NAMA\n" +
			"199009132025242014;Sari Paruh Waktu;;DINKES;Staf Kesehatan\n" + // 2: NI PPPK paruh waktu (24)
			"199702142023212001;Tono Pppk;X;DINKES;Staf Gizi\n" + // 3: NI PPPK (21)
			"198503122010011001;Budi Pns;III/b;KOMINFO;Staf Umum\n" + // 4: NIP PNS
			"199702142023131001;Kode Salah;;DINKES;Staf Kesehatan\n" + // 5: 13 is neither a month nor a code
			"199009132025242015;Gol Salah;III/a;DINKES;Staf Kesehatan\n" // 6: a PNS golongan for a PPPK
		rep, err := e.a.ImportEmployees(ctx, e.admin, "pegawai.csv", []byte(file), true)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Created != 3 || rep.Rejected != 2 {
			t.Fatalf("report = %+v", rep)
		}
		why := map[int]string{}
		for _, r := range rep.Rows {
			why[r.Row] = r.Why.Key
		}
		if why[5] != "invalid.nip.code" || why[6] != "import.reject.golongan.pppk" {
			t.Errorf("rejections = %v", why)
		}
		for nip, want := range map[string]model.EmployeeStatus{
			"199009132025242014": model.StatusPPPKParuhWaktu, "199702142023212001": model.StatusPPPK, "198503122010011001": model.StatusPNS,
		} {
			got, err := s.EmployeeByNIP(ctx, e.o.Instansi.ID, nip)
			if err != nil || got.Status != want {
				t.Errorf("%s: status %q (%v), want %q", nip, got.Status, err, want)
			}
		}

		// A STATUS that contradicts the number refuses the row, with the reason.
		file = header +
			"199702142023211002;Pns Dengan Ni;;PNS;III/a;DINKES;Staf Kesehatan;;;\n" + // 2
			"198503122010011003;Pppk Dengan Nip;;PPPK;IX;DINKES;Staf Kesehatan;;;\n" + // 3
			"199009132025242016;Penuh Waktu Dengan Kode 24;;PPPK;IX;DINKES;Staf Kesehatan;;;\n" + // 4
			"199702142023211003;Paruh Waktu Dengan Kode 21;;PPPK Paruh Waktu;;DINKES;Staf Kesehatan;;;\n" + // 5
			"199009132025242017;Paruh Waktu;;PPPK Paruh Waktu;V;DINKES;Staf Kesehatan;;;\n" + // 6: agrees
			"198503122010011001;Budi Pns;;CPNS;III/b;KOMINFO;Staf Umum;;;\n" // 7: CPNS holds a NIP too
		rep, err = e.a.ImportEmployees(ctx, e.admin, "pegawai.csv", []byte(file), true)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Rejected != 4 || rep.Created != 1 || rep.Updated != 1 {
			t.Fatalf("report = %+v", rep)
		}
		for _, r := range rep.Rows[:4] {
			if r.Action != importer.ActionReject || r.Why.Key != "invalid.nip.status" || !strings.Contains(r.Reason, r.NIP) {
				t.Errorf("row %d: %+v, want refused as invalid.nip.status", r.Row, r)
			}
		}
		if !strings.Contains(rep.Rows[0].Reason, "adalah nomor PPPK, sedangkan statusnya PNS") {
			t.Errorf("reason = %q", rep.Rows[0].Reason)
		}

		// A record stored as PNS under an NI PPPK (saved before the number
		// was read) becomes PPPK; its PNS golongan must then be given anew.
		if _, err := s.DB().ExecContext(ctx, `UPDATE employees SET status = 'pns', golongan = 'III/a' WHERE nip = '199702142023212001'`); err != nil {
			t.Fatal(err)
		}
		file = "NIP;NAMA;UNOR_ID;JABATAN_NAMA\n199702142023212001;Tono Pppk;DINKES;Staf Gizi\n"
		rep, err = e.a.ImportEmployees(ctx, e.admin, "pegawai.csv", []byte(file), true)
		if err != nil || rep.Rejected != 1 || rep.Rows[0].Why.Key != "import.reject.golongan.pppk" {
			t.Fatalf("stale golongan: %+v, %v", rep, err)
		}
		file = "NIP;NAMA;GOLONGAN;UNOR_ID;JABATAN_NAMA\n199702142023212001;Tono Pppk;X;DINKES;Staf Gizi\n"
		rep, err = e.a.ImportEmployees(ctx, e.admin, "pegawai.csv", []byte(file), true)
		if err != nil || rep.Updated != 1 || !strings.Contains(strings.Join(rep.Rows[0].Changes, "|"), "Status: PNS → PPPK") {
			t.Fatalf("status from the number: %+v, %v", rep, err)
		}
		if got, _ := s.EmployeeByNIP(ctx, e.o.Instansi.ID, "199702142023212001"); got.Status != model.StatusPPPK || got.Golongan != "X" {
			t.Errorf("stored %s %s", got.Status, got.Golongan)
		}

		// An empty STATUS keeps a stored status the number allows (CPNS).
		file = "NIP;NAMA;UNOR_ID;JABATAN_NAMA\n198503122010011001;Budi Pns;KOMINFO;Staf Umum\n"
		if _, err := e.a.ImportEmployees(ctx, e.admin, "pegawai.csv", []byte(file), true); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.EmployeeByNIP(ctx, e.o.Instansi.ID, "198503122010011001"); got.Status != model.StatusCPNS {
			t.Errorf("CPNS became %q", got.Status)
		}
	})
}

func TestParseNameAndTitleSpellings(t *testing.T) {
	for _, head := range []string{
		"NIP_BARU;NAMA_LENGKAP;GELAR_DEPAN;GELAR_BELAKANG;UNOR_ID;JABATAN_NAMA",
		"NIP;NAMA;GLR_DEPAN;GLR_BELAKANG;UNOR_ID;JABATAN_NAMA",
		"nipBaru;nama;gelarDepan;gelarBelakang;unorId;jabatanNama",
		"NIP;NAMA ASN;GELAR DPN;GELAR BLK;KODE UNIT;NAMA JABATAN",
	} {
		rows, err := importer.Parse([]byte(head + "\n199501012022031001;Budi;Dr.;S.T.;KOMINFO;Staf\n"))
		if err != nil {
			t.Errorf("%s: %v", head, err)
			continue
		}
		for col, want := range map[string]string{"nama": "Budi", "gelar_depan": "Dr.", "gelar_belakang": "S.T."} {
			if got := rows[0].Get(col); got != want {
				t.Errorf("%s: %s = %q, want %q", head, col, got, want)
			}
		}
	}
}

func TestImportNameWithTitles(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		file := "NIP;NAMA_LENGKAP;GELAR_DEPAN;GELAR_BELAKANG;UNOR_ID;JABATAN_NAMA\n" +
			// the titles both in the name and in the GELAR columns
			"196807172000031011;Dr. H. Zulkifli Rangkuti, S.H., M.H.;Dr. H.;S.H., M.H.;KOMINFO-APL;Analis Hukum\n" +
			// the titles only in the name
			"198208122006042012;Hj. Siti Aminah, S.Kep., Ns.;;;KOMINFO-APL;Analis Hukum\n" +
			// a comma that is not a title
			"198503032010011003;Siregar, Budi;;S.E.;KOMINFO-APL;Analis Hukum\n"
		rep, err := e.a.ImportEmployees(ctx, e.admin, "siasn.csv", []byte(file), true)
		if err != nil || rep.Created != 3 {
			t.Fatalf("import = %+v, %v", rep, err)
		}
		for nip, want := range map[string][4]string{
			"196807172000031011": {"Zulkifli Rangkuti", "Dr. H.", "S.H., M.H.", "Dr. H. Zulkifli Rangkuti, S.H., M.H."},
			"198208122006042012": {"Siti Aminah", "Hj.", "S.Kep., Ns.", "Hj. Siti Aminah, S.Kep., Ns."},
			"198503032010011003": {"Siregar, Budi", "", "S.E.", "Siregar, Budi, S.E."},
		} {
			got, err := s.EmployeeByNIP(ctx, e.o.Instansi.ID, nip)
			if err != nil {
				t.Fatal(err)
			}
			if have := [4]string{got.Name, got.FrontTitle, got.BackTitle, got.FullName()}; have != want {
				t.Errorf("%s saved as %q, want %q", nip, have, want)
			}
		}
		// The same file again, and the name alone with blank GELAR
		// cells, change nothing: the titles are not given twice.
		again := file + "196807172000031011;DR. H. Zulkifli Rangkuti, S.H., M.H.;;;KOMINFO-APL;Analis Hukum\n"
		rep, err = e.a.ImportEmployees(ctx, e.admin, "siasn.csv", []byte(again), true)
		if err != nil || rep.Unchanged != 3 || rep.Rejected != 1 {
			t.Fatalf("second import = %+v, %v", rep, err)
		}
		rep, err = e.a.ImportEmployees(ctx, e.admin, "siasn.csv", []byte(
			"NIP;NAMA;UNOR_ID;JABATAN_NAMA\n196807172000031011;Dr. H. Zulkifli Rangkuti, S.H., M.H.;KOMINFO-APL;Analis Hukum\n"), true)
		if err != nil || rep.Unchanged != 1 {
			t.Fatalf("import of the name with titles = %+v, %v", rep, err)
		}
		got, _ := s.EmployeeByNIP(ctx, e.o.Instansi.ID, "196807172000031011")
		if got.FullName() != "Dr. H. Zulkifli Rangkuti, S.H., M.H." {
			t.Errorf("full name after the imports = %q", got.FullName())
		}
	})
}
