package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/kinerja-id/kinerja/internal/demo"
	"github.com/kinerja-id/kinerja/internal/model"
)

// account returns a demo account whose role description contains role.
func account(t *testing.T, role string) demo.Account {
	t.Helper()
	accounts, err := demo.Accounts(context.Background(), server.Store, server.App)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range accounts {
		if strings.Contains(strings.ToLower(a.Role), role) {
			return a
		}
	}
	t.Fatalf("no demo account with role %q in %+v", role, accounts)
	return demo.Account{}
}

func signIn(t *testing.T, ctx context.Context, username string) {
	t.Helper()
	do(t, ctx, "sign in as "+username,
		chromedp.Navigate(server.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`input[name="username"]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name="username"]`), username),
		chromedp.SendKeys(chromedp.CSS(`input[name="password"]`), demo.Password),
		chromedp.Click(chromedp.CSS(`form[action="/masuk"] button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/keluar"]`)),
	)
}

func TestASNSignsInFindsAColleagueAndSignsOut(t *testing.T) {
	ctx := browser(t)
	staff := account(t, "staf")
	boss := account(t, "kepala bidang")
	signIn(t, ctx, staff.Username)

	if got := text(t, ctx, "main"); !strings.Contains(got, firstWords(staff.Name, 2)) {
		t.Errorf("beranda does not greet %q: %q", staff.Name, got)
	}

	// Search the directory for the supervisor by name.
	query := firstWords(boss.Name, 2)
	do(t, ctx, "search the directory",
		chromedp.Navigate(server.URL+"/pegawai"),
		chromedp.WaitVisible(chromedp.CSS(`input[name="q"]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name="q"]`), query+"\n"),
		// The directory lists everyone before the search: wait for the
		// answer to the search itself.
		chromedp.WaitVisible(chromedp.CSS(`input[name="q"][value]:not([value=""])`)),
		chromedp.WaitVisible(chromedp.CSS(`a[href^="/pegawai/"]`)),
	)
	if got := text(t, ctx, "main"); !strings.Contains(got, query) {
		t.Fatalf("directory results for %q: %q", query, got)
	}
	do(t, ctx, "open the colleague's page",
		chromedp.Click(chromedp.CSS(`main a[href^="/pegawai/"]`)),
		chromedp.WaitVisible(chromedp.CSS(`h1`)),
	)
	if got := text(t, ctx, "h1"); !strings.Contains(got, query) {
		t.Errorf("employee page heading = %q, want %q", got, query)
	}

	do(t, ctx, "sign out",
		chromedp.Click(chromedp.CSS(`form[action="/keluar"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`input[name="password"]`)),
		chromedp.Navigate(server.URL+"/pegawai"),
		chromedp.WaitVisible(chromedp.CSS(`input[name="password"]`)),
	)
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	if !strings.Contains(loc, "/masuk") {
		t.Errorf("after signing out the directory went to %s, want the sign-in page", loc)
	}
}

func TestAdminImportsWithARejectedRow(t *testing.T) {
	ctx := browser(t)
	units, err := server.Store.Units(context.Background(), mustInstansi(t))
	if err != nil {
		t.Fatal(err)
	}
	var unit model.Unit
	for _, u := range units {
		if u.Kind == model.UnitOPD {
			unit = u
			break
		}
	}
	newNIP := "199501012022031999"
	csv := "NIP;NAMA;STATUS;GOLONGAN;UNOR_ID;JABATAN_NAMA;JENIS_JABATAN\n" +
		newNIP + ";Rahmat Hidayat Uji;PNS;III/a;" + unit.Code + ";Analis Kebijakan Ahli Pertama;Fungsional\n" +
		"12345;Baris Salah;PNS;III/a;" + unit.Code + ";Pengadministrasi Umum;Pelaksana\n"
	path := filepath.Join(t.TempDir(), "pegawai.csv")
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}

	signIn(t, ctx, "admin")
	do(t, ctx, "upload the file for a dry run",
		chromedp.Navigate(server.URL+"/impor"),
		chromedp.WaitVisible(chromedp.CSS(`input[type="file"]`)),
		chromedp.SetUploadFiles(chromedp.CSS(`input[type="file"]`), []string{path}),
		chromedp.Click(chromedp.CSS(`form[enctype="multipart/form-data"] button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-import-preview]`)),
	)
	preview := text(t, ctx, "main")
	for _, want := range []string{"12345", "18 digit", "Rahmat Hidayat Uji"} {
		if !strings.Contains(preview, want) {
			t.Errorf("the preview lacks %q:\n%s", want, preview)
		}
	}
	if col := text(t, ctx, `[data-rejected-row="3"] [data-rejected-column]`); col != "NIP" {
		t.Errorf("the rejected row names the column %q, want NIP", col)
	}
	screenshot(t, ctx, "import-preview-rejected")
	if _, err := server.Store.EmployeeByNIP(context.Background(), mustInstansi(t), newNIP); err == nil {
		t.Fatal("the dry run created the employee")
	}
	do(t, ctx, "apply the import",
		chromedp.Click(chromedp.CSS(`[data-import-apply] button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-import-result]`)),
	)
	e, err := server.Store.EmployeeByNIP(context.Background(), mustInstansi(t), newNIP)
	if err != nil || e.Name != "Rahmat Hidayat Uji" {
		t.Fatalf("after applying: %+v, %v", e, err)
	}
	if _, err := server.Store.EmployeeByNIP(context.Background(), mustInstansi(t), "12345"); err == nil {
		t.Error("the rejected row was imported")
	}
	entries, _ := server.Store.AuditEntries(context.Background(), model.AuditFilter{InstansiID: mustInstansi(t), EntityType: "employee", EntityID: e.ID})
	if len(entries) == 0 || entries[len(entries)-1].ActorName == "" {
		t.Errorf("the import is not in the audit log with its actor: %+v", entries)
	}
}

func mustInstansi(t *testing.T) string {
	t.Helper()
	all, err := server.Store.AllInstansi(context.Background())
	if err != nil || len(all) != 1 {
		t.Fatalf("instansi: %v, %v", all, err)
	}
	return all[0].ID
}

// firstWords returns the first n words of a name without academic titles.
func firstWords(name string, n int) string {
	name, _, _ = strings.Cut(name, ",")
	var words []string
	for _, w := range strings.Fields(name) {
		if strings.HasSuffix(w, ".") {
			continue // a title such as dr. or Ir.
		}
		words = append(words, w)
	}
	if len(words) > n {
		words = words[:n]
	}
	return strings.Join(words, " ")
}
