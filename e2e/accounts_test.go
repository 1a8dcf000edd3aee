package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/kinerja-id/kinerja/internal/model"
)

// TestImportedEmployeeSignsInAfterAnActivationLink is the whole journey
// of an account at a phone's size: an imported employee has none; the
// admin finds them on the Akun page from the menu, creates the account,
// gets the one-time link and signs out; the employee opens the link, sets
// a password, lands signed in, and signs in again with it later.
func TestImportedEmployeeSignsInAfterAnActivationLink(t *testing.T) {
	ctx := browser(t)
	nip, name := "199602022023032011", "Nadia Putri Aktivasi"
	importEmployee(t, nip, name)

	signIn(t, ctx, "admin")
	do(t, ctx, "open Akun from the menu",
		chromedp.Click(chromedp.CSS(`.menu > summary`)),
		chromedp.Click(chromedp.CSS(`nav a[href="/akun"]`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/akun"] input[name="q"]`)),
		chromedp.SendKeys(chromedp.CSS(`form[action="/akun"] input[name="q"]`), nip+"\n"),
		chromedp.WaitVisible(chromedp.CSS(`tr[data-nip="`+nip+`"] form[action="/akun/buat"] button`)),
	)
	fitsThePhone(t, ctx, "the accounts page")
	screenshot(t, ctx, "akun")
	if got := text(t, ctx, `tr[data-nip="`+nip+`"]`); !strings.Contains(got, "Belum punya akun") {
		t.Errorf("the imported employee's row reads %q, want no account yet", got)
	}
	do(t, ctx, "create the account",
		chromedp.Click(chromedp.CSS(`tr[data-nip="`+nip+`"] form[action="/akun/buat"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-issued-link] a[data-link]`)),
	)
	fitsThePhone(t, ctx, "the link page")
	screenshot(t, ctx, "akun-tautan")
	attr, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(`a[data-link]`), "href"))
	if err != nil {
		fail(t, ctx, "read the link", err)
	}
	link := attr.Value
	if !strings.HasPrefix(link, server.URL+"/aktivasi?token=") {
		t.Fatalf("the activation link is %q", link)
	}
	if slip := text(t, ctx, `[data-issued-link]`); !strings.Contains(slip, nip) || !strings.Contains(slip, name) {
		t.Errorf("the printable slip lacks the username or the name: %q", slip)
	}
	do(t, ctx, "open the account",
		chromedp.Click(chromedp.CSS(`[data-issued-link] ~ div a[href^="/akun/"]`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action$="/tautan"] button`)),
	)
	fitsThePhone(t, ctx, "the account page")
	screenshot(t, ctx, "akun-detail")
	if got := text(t, ctx, "main"); !strings.Contains(got, "Menunggu aktivasi") {
		t.Errorf("the account page does not say it awaits activation: %q", got)
	}
	do(t, ctx, "the admin signs out",
		chromedp.Click(chromedp.CSS(`form[action="/keluar"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`input[name="password"]`)),
	)

	password := "padi menguning di sawahlunto"
	do(t, ctx, "open the link",
		chromedp.Navigate(link),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/aktivasi"] input[name="password"]`)),
	)
	fitsThePhone(t, ctx, "the activation page")
	screenshot(t, ctx, "aktivasi")
	do(t, ctx, "set a password",
		chromedp.SendKeys(chromedp.CSS(`form[action="/aktivasi"] input[name="password"]`), password),
		chromedp.Click(chromedp.CSS(`form[action="/aktivasi"] button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/keluar"]`)),
	)
	if got := text(t, ctx, ".who .name"); !strings.Contains(got, name) {
		t.Errorf("after activation the header names %q, want %q", got, name)
	}

	do(t, ctx, "the link works once",
		chromedp.Navigate(link),
		chromedp.WaitVisible(chromedp.CSS(`main .alert.error`)),
	)
	do(t, ctx, "sign out and in again with the new password",
		chromedp.Navigate(server.URL+"/"),
		chromedp.Click(chromedp.CSS(`form[action="/keluar"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`input[name="username"]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name="username"]`), nip),
		chromedp.SendKeys(chromedp.CSS(`input[name="password"]`), password),
		chromedp.Click(chromedp.CSS(`form[action="/masuk"] button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/keluar"]`)),
	)
	if got := text(t, ctx, ".who .name"); !strings.Contains(got, name) {
		t.Errorf("signed in again as %q, want %q", got, name)
	}
	do(t, ctx, "sign out", chromedp.Click(chromedp.CSS(`form[action="/keluar"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`a[href="/lupa-sandi"]`)))
	do(t, ctx, "Lupa kata sandi leads to who can help",
		chromedp.Click(chromedp.CSS(`a[href="/lupa-sandi"]`)),
		chromedp.WaitVisible(chromedp.CSS(`main h1`)),
	)
	if got := text(t, ctx, "main"); !strings.Contains(got, "BKPSDM") {
		t.Errorf("without e-mail, Lupa kata sandi does not say whom to ask: %q", got)
	}
	screenshot(t, ctx, "lupa-sandi")
}

// importEmployee imports one employee into the demo city's first OPD,
// as the import does: without an account.
func importEmployee(t *testing.T, nip, name string) {
	t.Helper()
	ctx := context.Background()
	instansi := mustInstansi(t)
	units, err := server.Store.Units(ctx, instansi)
	if err != nil {
		t.Fatal(err)
	}
	var code string
	for _, u := range units {
		if u.Kind == model.UnitOPD {
			code = u.Code
			break
		}
	}
	csv := "NIP;NAMA;STATUS;GOLONGAN;UNOR_ID;JABATAN_NAMA;JENIS_JABATAN\n" +
		nip + ";" + name + ";PNS;III/a;" + code + ";Analis Sumber Daya Manusia Aparatur Ahli Pertama;Fungsional\n"
	rep, err := server.App.ImportEmployees(ctx, model.SystemActor(instansi, "e2e"), "pegawai.csv", []byte(csv), true)
	if err != nil || rep.Created != 1 {
		t.Fatalf("import %s: %+v, %v", nip, rep, err)
	}
	if _, err := server.Store.UserByUsername(ctx, nip); err == nil {
		t.Fatal("the import created an account")
	}
}

// fitsThePhone fails the test when the page scrolls sideways.
func fitsThePhone(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	fits, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth <= window.innerWidth`))
	if err != nil {
		fail(t, ctx, "measure "+what, err)
	}
	if !fits {
		width, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		t.Errorf("%s scrolls sideways on a phone: %d px wide", what, width)
	}
}

// screenshot saves the page, at the phone's size and at a laptop's, into
// the folder KINERJA_SCREENSHOTS names (nothing when it is not set), for
// a person to look at.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("KINERJA_SCREENSHOTS")
	if dir == "" {
		return
	}
	for _, size := range []struct {
		label         string
		width, height int64
	}{{"390", 390, 844}, {"1366", 1366, 768}} {
		do(t, ctx, "resize for a screenshot", chromedp.EmulateViewport(size.width, size.height))
		shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100: PNG
		if err != nil {
			t.Errorf("screenshot %s: %v", name, err)
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, name+"-"+size.label+".png"), shot, 0o644); err != nil {
			t.Error(err)
		}
	}
	do(t, ctx, "back to the phone", chromedp.EmulateViewport(390, 844))
}
