package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

func totpCode(t *testing.T, secret string, at time.Time) string {
	t.Helper()
	c, err := totp.GenerateCodeCustom(secret, at, totp.ValidateOpts{Period: 30, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// enrolAdmin turns on an authenticator for the administrator, confirmed
// with the code of the step before now (the sign-in's code is then of a
// later step), and answers its secret.
func enrolAdmin(t *testing.T, e env) string {
	t.Helper()
	ctx := context.Background()
	res, err := e.a.Login(ctx, app.LoginRequest{Username: "admin", Password: "rahasia-admin", Kind: "api"})
	if err != nil {
		t.Fatal(err)
	}
	en, err := e.a.StartTOTP(ctx, res.Actor)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.a.ConfirmTOTP(ctx, res.Actor, totpCode(t, en.Secret, time.Now().Add(-30*time.Second))); err != nil {
		t.Fatal(err)
	}
	return en.Secret
}

func cookieNamed(resp *http.Response, name string) *http.Cookie {
	for _, c := range resp.Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

func TestSignInWithASecondFactor(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		secret := enrolAdmin(t, e)
		b := e.browser(t)
		resp, _ := b.post("/masuk", url.Values{"username": {"admin"}, "password": {"rahasia-admin"}, "next": {"/audit"}})
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/masuk/kode?next=%2Faudit" {
			t.Fatalf("password step: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
		if cookieNamed(resp, "kinerja_session") != nil {
			t.Fatal("the password alone gave a session")
		}
		pending := cookieNamed(resp, "kinerja_pending")
		if pending == nil || !pending.HttpOnly || pending.Path != "/masuk" {
			t.Fatalf("pending cookie = %+v", pending)
		}
		// Half signed in, nothing opens; not even with the pending token
		// sent as a session.
		if resp, _ := b.get("/audit"); resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/masuk") {
			t.Errorf("a page while half signed in: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
		forged := e.browser(t)
		u, _ := url.Parse(e.url)
		forged.c.Jar.SetCookies(u, []*http.Cookie{{Name: "kinerja_session", Value: pending.Value}})
		if resp, _ := forged.get("/"); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("the pending token opens beranda as a session: %d", resp.StatusCode)
		}

		resp, body := b.get("/masuk/kode?next=%2Faudit")
		if resp.StatusCode != 200 || !strings.Contains(body, `action="/masuk/kode"`) || !strings.Contains(body, `name="next" value="/audit"`) {
			t.Fatalf("code page: %d", resp.StatusCode)
		}
		// The step is a form like any other: another site cannot send it.
		req, _ := http.NewRequest("POST", e.url+"/masuk/kode", strings.NewReader(url.Values{"code": {"123456"}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", "https://jahat.example")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		if resp, err := b.c.Do(req); err != nil || resp.StatusCode != http.StatusForbidden {
			t.Errorf("a cross-site code step: %v %v", resp.StatusCode, err)
		}

		resp, body = b.post("/masuk/kode", url.Values{"code": {"000000"}, "next": {"/audit"}})
		if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(body, "Kode salah") {
			t.Errorf("wrong code: %d", resp.StatusCode)
		}
		resp, _ = b.post("/masuk/kode", url.Values{"code": {totpCode(t, secret, time.Now().Add(30*time.Second))}, "next": {"/audit"}})
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/audit" || cookieNamed(resp, "kinerja_session") == nil {
			t.Fatalf("right code: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
		if resp, _ := b.get("/audit"); resp.StatusCode != 200 {
			t.Errorf("audit after the second step: %d", resp.StatusCode)
		}
		// The pending sign-in is spent.
		if resp, _ := b.get("/masuk/kode"); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("code page after signing in: %d", resp.StatusCode)
		}
	})
}

var secretOnPage = regexp.MustCompile(`data-totp-secret>([A-Z2-7 ]+)<`)

func TestRequiredSecondFactorIsEnrolledBeforeAnythingElse(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		adminBrowser := e.browser(t)
		adminBrowser.signIn("admin", "rahasia-admin")
		resp, body := adminBrowser.get("/tahun")
		if resp.StatusCode != 200 || !strings.Contains(body, `action="/tahun/dua-langkah"`) {
			t.Fatalf("the year page has no second-factor setting: %d", resp.StatusCode)
		}
		if resp, _ := adminBrowser.post("/tahun/dua-langkah", url.Values{"require": {"1"}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("require: %d", resp.StatusCode)
		}

		b := e.browser(t)
		resp, _ = b.post("/masuk", url.Values{"username": {"admin"}, "password": {"rahasia-admin"}, "next": {"/"}})
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/masuk/aktifkan-kode?next=%2F" || cookieNamed(resp, "kinerja_session") != nil {
			t.Fatalf("password step: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
		if resp, _ := b.get("/profil"); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("the profile opens before the enrolment: %d", resp.StatusCode)
		}
		resp, body = b.get("/masuk/aktifkan-kode?next=%2F")
		m := secretOnPage.FindStringSubmatch(body)
		if resp.StatusCode != 200 || m == nil || !strings.Contains(body, `src="data:image/png;base64,`) {
			t.Fatalf("enrolment page: %d, secret %v", resp.StatusCode, m)
		}
		// The key is never compressed beside the address's own text.
		if resp.Uncompressed || !strings.Contains(resp.Header.Get("Cache-Control"), "no-transform") {
			t.Errorf("the enrolment page was compressed (Cache-Control %q)", resp.Header.Get("Cache-Control"))
		}
		if resp, _ := b.get("/masuk"); !resp.Uncompressed {
			t.Error("the sign-in page is not compressed: the test would prove nothing")
		}
		secret := strings.ReplaceAll(m[1], " ", "")
		resp, body = b.post("/masuk/aktifkan-kode", url.Values{"code": {"000000"}, "next": {"/"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Kode salah") || !strings.Contains(body, m[1]) {
			t.Errorf("wrong first code: %d", resp.StatusCode)
		}
		resp, body = b.post("/masuk/aktifkan-kode", url.Values{"code": {totpCode(t, secret, time.Now())}, "next": {"/"}})
		if resp.StatusCode != 200 || strings.Count(body, "<li><code>") != 10 || cookieNamed(resp, "kinerja_session") == nil {
			t.Fatalf("enrolment: %d, %d codes", resp.StatusCode, strings.Count(body, "<li><code>"))
		}
		resp, body = b.get("/profil")
		if resp.StatusCode != 200 || !strings.Contains(body, "Kode pemulihan yang belum dipakai: 10 dari 10") || strings.Contains(body, `action="/profil/totp/matikan"`) {
			t.Errorf("profile after enrolling: %d", resp.StatusCode)
		}

		// The phone is lost: another administrator resets it, and the
		// administrator enrols again at the next sign-in.
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		if _, err := e.a.CreateUser(context.Background(), sys, app.NewUser{Username: "admin2", Password: "rahasia-admin2", Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}); err != nil {
			t.Fatal(err)
		}
		res, err := e.a.Login(context.Background(), app.LoginRequest{Username: "admin", Password: "rahasia-admin", OTP: totpCode(t, secret, time.Now().Add(30*time.Second)), Kind: "api"})
		if err != nil {
			t.Fatal(err)
		}
		other := e.browser(t)
		pending, _ := other.post("/masuk", url.Values{"username": {"admin2"}, "password": {"rahasia-admin2"}})
		if pending.Header.Get("Location") != "/masuk/aktifkan-kode?next=%2F" {
			t.Fatalf("admin2 is not asked to enrol: %s", pending.Header.Get("Location"))
		}
		_, body = other.get("/masuk/aktifkan-kode")
		m = secretOnPage.FindStringSubmatch(body)
		if m == nil {
			t.Fatal("no secret for admin2")
		}
		if resp, _ := other.post("/masuk/aktifkan-kode", url.Values{"code": {totpCode(t, strings.ReplaceAll(m[1], " ", ""), time.Now())}}); resp.StatusCode != 200 {
			t.Fatalf("admin2 enrols: %d", resp.StatusCode)
		}
		resp, body = other.get("/akun/" + res.Actor.UserID)
		if resp.StatusCode != 200 || !strings.Contains(body, `action="/akun/`+res.Actor.UserID+`/totp/atur-ulang"`) {
			t.Fatalf("account page: %d", resp.StatusCode)
		}
		if resp, _ := other.post("/akun/"+res.Actor.UserID+"/totp/atur-ulang", nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("reset: %d", resp.StatusCode)
		}
		resp, _ = e.browser(t).post("/masuk", url.Values{"username": {"admin"}, "password": {"rahasia-admin"}})
		if resp.Header.Get("Location") != "/masuk/aktifkan-kode?next=%2F" {
			t.Errorf("after the reset: %s", resp.Header.Get("Location"))
		}
	})
}

// TestAdministratorSignsInWithACodeInTheBrowser is the journey in
// Chromium: the password, then the code the test computes as the phone
// would; a wrong code keeps the user out.
func TestAdministratorSignsInWithACodeInTheBrowser(t *testing.T) {
	ctx := headless(t)
	e := setup(t, storetest.Open(t, "sqlite"), false)
	secret := enrolAdmin(t, e)
	must := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			loc, _ := chromedp.Run(ctx, chromedp.Location())
			t.Fatalf("%s: %v (at %s)", what, err, loc)
		}
	}
	must("password step",
		chromedp.Navigate(e.url+"/audit"),
		chromedp.WaitVisible(chromedp.CSS(`#username`)),
		chromedp.SendKeys(chromedp.CSS(`#username`), "admin"),
		chromedp.SendKeys(chromedp.CSS(`#password`), "rahasia-admin"),
		chromedp.Click(chromedp.CSS(`form[action="/masuk"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/masuk/kode"] #code`)),
	)
	must("open a page while half signed in",
		chromedp.Navigate(e.url+"/audit"),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/masuk"] #password`)),
	)
	must("back to the code step",
		chromedp.Navigate(e.url+"/masuk/kode?next=%2Faudit"),
		chromedp.WaitVisible(chromedp.CSS(`#code`)),
		chromedp.SendKeys(chromedp.CSS(`#code`), "000000"),
		chromedp.Click(chromedp.CSS(`form[action="/masuk/kode"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`#code-error`)),
	)
	if signedIn, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.querySelector('form[action="/keluar"]')`)); signedIn {
		t.Fatal("a wrong code signed in")
	}
	must("the right code",
		chromedp.SendKeys(chromedp.CSS(`#code`), totpCode(t, secret, time.Now().Add(30*time.Second))),
		chromedp.Click(chromedp.CSS(`form[action="/masuk/kode"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/keluar"]`)),
	)
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); !strings.HasSuffix(loc, "/audit") {
		t.Errorf("signed in at %s, want the page asked for", loc)
	}
}

func TestActivationLinkOfAnAccountWithASecondFactorSendsToSignIn(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		ctx := context.Background()
		staff, err := e.a.Login(ctx, app.LoginRequest{Username: storetest.NIPStaff1, Password: "rahasia-staf1", Kind: "api"})
		if err != nil {
			t.Fatal(err)
		}
		en, err := e.a.StartTOTP(ctx, staff.Actor)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.ConfirmTOTP(ctx, staff.Actor, totpCode(t, en.Secret, time.Now())); err != nil {
			t.Fatal(err)
		}
		admin, err := e.a.Login(ctx, app.LoginRequest{Username: "admin", Password: "rahasia-admin", Kind: "api"})
		if err != nil {
			t.Fatal(err)
		}
		l, err := e.a.IssueAccountLink(ctx, admin.Actor, staff.Actor.UserID)
		if err != nil {
			t.Fatal(err)
		}
		b := e.browser(t)
		resp, _ := b.post("/aktivasi", url.Values{"token": {l.Token}, "password": {"sawah lunto indah"}})
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/masuk?sandi=1" || cookieNamed(resp, "kinerja_session") != nil {
			t.Fatalf("activation: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
		if _, body := b.get("/masuk?sandi=1"); !strings.Contains(body, "Kata sandi sudah disimpan") {
			t.Error("the sign-in page does not say the password was saved")
		}
		resp, _ = b.post("/masuk", url.Values{"username": {storetest.NIPStaff1}, "password": {"sawah lunto indah"}})
		if resp.Header.Get("Location") != "/masuk/kode?next=%2F" {
			t.Errorf("sign-in with the new password: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
	})
}
