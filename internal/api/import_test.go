package api_test

import (
	"bytes"
	"mime/multipart"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

func upload(t *testing.T, e env, token, name, content string, fields map[string]string) response {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, v := range fields {
		w.WriteField(k, v)
	}
	if name != "" {
		f, _ := w.CreateFormFile("file", name)
		f.Write([]byte(content))
	}
	w.Close()
	return e.do(t, "POST", "/api/v1/imports/employees", token, w.FormDataContentType(), buf.Bytes())
}

func TestImportEndpoint(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		admin := e.login(t, "admin", "rahasia-admin")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		file := "NIP,NAMA,UNOR_ID,JABATAN_NAMA\n199501012022031001,Pegawai Baru,KOMINFO-APL,Staf Aplikasi\n12,Salah,KOMINFO,Staf\n"

		r := upload(t, e, admin, "p.csv", file, nil)
		rep := r.json(t)
		if r.status != 200 || rep["applied"] != false || rep["created"] != float64(1) || rep["rejected"] != float64(1) {
			t.Fatalf("dry run: %d %s", r.status, r.body)
		}
		rows := rep["rows"].([]any)
		if rows[1].(map[string]any)["row"] != float64(3) || !strings.Contains(rows[1].(map[string]any)["reason"].(string), "18 digit") {
			t.Errorf("rejected row = %v", rows[1])
		}
		if list := e.get(t, "/api/v1/employees?q=pegawai+baru", admin).json(t)["items"].([]any); len(list) != 0 {
			t.Fatal("the dry run created the employee")
		}
		r = upload(t, e, admin, "p.csv", file, map[string]string{"apply": "true"})
		if r.status != 200 || r.json(t)["applied"] != true {
			t.Fatalf("apply: %d %s", r.status, r.body)
		}
		if list := e.get(t, "/api/v1/employees?q=pegawai+baru", admin).json(t)["items"].([]any); len(list) != 1 {
			t.Fatal("the import did not create the employee")
		}

		problem(t, upload(t, e, staff, "p.csv", file, nil), 403)

		// An OPD admin imports into their OPD only.
		opd := e.login(t, "opd-kominfo", "rahasia-opd")
		mixed := "NIP,NAMA,UNOR_ID,JABATAN_NAMA\n199601012022031001,Staf Kominfo,KOMINFO-APL,Staf Aplikasi\n199701012022032001,Staf Dinkes,DINKES,Perawat\n"
		r = upload(t, e, opd, "campur.csv", mixed, nil)
		if rep := r.json(t); r.status != 200 || rep["created"] != float64(1) || rep["rejected"] != float64(1) {
			t.Errorf("OPD admin's dry run: %d %s", r.status, r.body)
		}

		// A file name that is not UTF-8 is reported as text.
		r = upload(t, e, admin, "daftar\xff.csv", file, nil)
		if name, _ := r.json(t)["file_name"].(string); r.status != 200 || !utf8.ValidString(name) || !strings.HasPrefix(name, "daftar") {
			t.Errorf("odd file name: %d %s", r.status, r.body)
		}
		problem(t, upload(t, e, admin, "", "", nil), 422)
		problem(t, upload(t, e, admin, "p.csv", "a,b\n1,2\n", nil), 422)
		problem(t, upload(t, e, admin, "p.csv", file, map[string]string{"apply": "maybe"}), 422)
		problem(t, upload(t, e, admin, "big.csv", strings.Repeat("x", 11<<20), nil), 413)
		problem(t, e.do(t, "POST", "/api/v1/imports/employees", admin, "application/json", []byte(`{}`)), 422)
	})
}
