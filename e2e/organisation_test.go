package e2e

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/demo"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// school is a demo school: its head's post and holder, and a teacher with
// an approved SKP.
type school struct {
	head       model.Position
	kepala     model.Employee
	teacher    model.Employee
	teacherSKP model.SKP
}

// schoolWithTeacher finds the demo school whose head post has the code
// DISDIKBUD-SDN<nn>-KEPALA, with its head and a teacher whose SKP of the
// year is approved.
func schoolWithTeacher(t *testing.T, nn string) school {
	t.Helper()
	ctx := context.Background()
	a, db := server.App, server.Store
	in := mustInstansi(t)
	chart, err := a.OrgChart(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	positions, err := db.Positions(ctx, in, "")
	if err != nil {
		t.Fatal(err)
	}
	var sc school
	for _, p := range positions {
		if p.Code == "DISDIKBUD-SDN"+nn+"-KEPALA" {
			sc.head = p
		}
	}
	if sc.head.ID == "" {
		t.Fatalf("the demo has no post DISDIKBUD-SDN%s-KEPALA", nn)
	}
	if sc.kepala, err = db.Employee(ctx, chart.Holder(sc.head.ID)); err != nil {
		t.Fatalf("the head of SD %s: %v", nn, err)
	}
	for _, id := range chart.Team(sc.kepala.ID) {
		list, err := db.SKPs(ctx, store.SKPFilter{InstansiID: in, EmployeeIDs: []string{id}, Year: a.Today(ctx, in).Time().Year(), Status: model.SKPApproved})
		if err != nil {
			t.Fatal(err)
		}
		if len(list) == 0 {
			continue
		}
		sc.teacher, _ = db.Employee(ctx, id)
		if sc.teacherSKP, err = db.SKP(ctx, list[0].ID); err != nil {
			t.Fatal(err)
		}
		break
	}
	if sc.teacher.ID == "" {
		t.Fatalf("no teacher of SD %s has an approved SKP", nn)
	}
	return sc
}

// TestPltTakesOverASchool: the BKPSDM admin transfers the head of a school
// and makes the head of another school Plt of the post, on the web; from
// her desk the Plt approves the teacher's waiting progress entry and the
// teacher's waiting SKP, which then names her as pejabat penilai, in its
// document too. The head who left is offered neither.
func TestPltTakesOverASchool(t *testing.T) {
	adminCtx := browser(t)
	ctx := context.Background()
	a := server.App
	in := mustInstansi(t)
	left, other := schoolWithTeacher(t, "11"), schoolWithTeacher(t, "12")
	plt := other.kepala

	// The teacher sends a progress entry and a change to her SKP, both of
	// which wait for her head.
	teacher := actorOf(t, left.teacher.NIP)
	what := "Menyusun modul ajar kelas IV"
	entry, err := a.SubmitProgress(ctx, teacher, model.Progress{WorkDate: a.Today(ctx, in), RHKID: left.teacherSKP.RHK[0].ID,
		Description: what, Minutes: 120})
	if err != nil {
		t.Fatal(err)
	}
	revised, err := a.ReviseSKP(ctx, teacher, left.teacherSKP.ID, left.teacherSKP.Version)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.SubmitSKP(ctx, teacher, revised.ID, revised.Version); err != nil {
		t.Fatal(err)
	}

	// The admin moves the head to a vacant post and names the Plt.
	vacant := postNamed(t, "Pengawas Sekolah")
	signIn(t, adminCtx, account(t, "bkpsdm").Username)
	place := func(who model.Employee, code, kind string) {
		do(t, adminCtx, "place "+who.Name+" as "+kind+" of "+code,
			chromedp.Navigate(server.URL+"/pegawai/"+who.ID),
			chromedp.WaitVisible(chromedp.CSS(`#position_code`)),
			chromedp.SendKeys(chromedp.CSS(`#position_code`), code),
			chromedp.SetValue(chromedp.CSS(`#kind`), kind),
			chromedp.SetValue(chromedp.CSS(`#start`), string(a.Today(ctx, in))),
			chromedp.SendKeys(chromedp.CSS(`#decree`), "821.2/17/BKPSDM/"+string(a.Today(ctx, in)[:4])),
		)
		clickToNewPage(t, adminCtx, `form[action$="/penempatan"] button[type="submit"]`)
		if got := text(t, adminCtx, "main"); !strings.Contains(got, "Penempatan disimpan") {
			fail(t, adminCtx, "place "+who.Name, fmt.Errorf("the page says %.400q", got))
		}
	}
	place(left.kepala, vacant.Code, "definitif")
	place(plt, left.head.Code, "plt")
	if d, err := a.Employee(ctx, actorOf(t, "admin"), left.teacher.ID); err != nil || d.Rater == nil || d.Rater.ID != plt.ID {
		t.Fatalf("the teacher's rater after the placements: %+v, %v", d.Rater, err)
	}

	// The Plt approves the entry from her desk, then the SKP the desk lists.
	pltCtx := browser(t)
	signIn(t, pltCtx, plt.NIP)
	// The desk lists the oldest first, a page at a time: page on to it.
	do(t, pltCtx, "open the desk", chromedp.Navigate(server.URL+"/meja"), chromedp.WaitVisible(chromedp.CSS(`#waiting`), chromedp.NodeReady))
	for page := 1; ; page++ {
		found, err := chromedp.Run(pltCtx, chromedp.Evaluate[bool](`document.getElementById(`+jsString("progress-"+entry.ID)+`) !== null`))
		if err != nil {
			fail(t, pltCtx, "look for the entry on the desk", err)
		}
		if found {
			break
		}
		if page > 40 {
			fail(t, pltCtx, "find the entry on the desk", fmt.Errorf("not on %d pages", page))
		}
		clickToNewPage(t, pltCtx, `a[rel="next"]`)
	}
	clickToNewPage(t, pltCtx, `#progress-`+entry.ID+` form[action$="/setujui"] button`)
	if got, err := a.ProgressEntry(ctx, teacher, entry.ID); err != nil || got.Status != model.ProgressApproved {
		t.Errorf("the entry after the Plt's approval: %+v, %v", got.Status, err)
	}
	do(t, pltCtx, "open the waiting SKP from the desk",
		chromedp.Navigate(server.URL+"/meja"),
		chromedp.WaitVisible(chromedp.CSS(`[data-desk-skps] a[href="/skp/`+revised.ID+`"]`)),
		chromedp.Click(chromedp.CSS(`[data-desk-skps] a[href="/skp/`+revised.ID+`"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-skp-approve] button`)),
	)
	clickToNewPage(t, pltCtx, `[data-skp-approve] button`)
	if got := text(t, pltCtx, "dl.facts"); !strings.Contains(got, plt.FullName()) {
		t.Errorf("the SKP page does not name the Plt: %q", got)
	}
	doc := fetchPDFText(t, pltCtx, "/skp/"+revised.ID+"/dokumen.pdf")
	if !strings.Contains(doc, plt.NIP) || strings.Contains(doc, left.kepala.NIP) {
		t.Errorf("the SKP document names %q; want the Plt %s, not the head who left %s", doc, plt.NIP, left.kepala.NIP)
	}

	// The head who left is offered nothing of the school's work.
	gone := actorOf(t, left.kepala.NIP)
	if v, err := a.ProgressOne(ctx, gone, entry.ID); err == nil && (v.Can.Approve || v.Can.Return) {
		t.Errorf("the head who left may still review: %+v", v.Can)
	}
}

// actorOf signs username in with the demo password and returns the actor.
func actorOf(t *testing.T, username string) model.Actor {
	t.Helper()
	ctx := context.Background()
	res, err := server.App.Login(ctx, app.LoginRequest{Username: username, Password: demo.Password, Kind: "api", IP: "127.0.0.1"})
	if err != nil {
		t.Fatalf("sign in %s: %v", username, err)
	}
	actor, err := server.App.Authenticate(ctx, res.Token, "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	return actor
}

// postNamed finds a post whose name starts with name: a formasi, which
// several people may hold at once.
func postNamed(t *testing.T, name string) model.Position {
	t.Helper()
	positions, err := server.Store.Positions(context.Background(), mustInstansi(t), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range positions {
		if strings.HasPrefix(p.Name, name) {
			return p
		}
	}
	t.Fatalf("the demo has no post %q", name)
	return model.Position{}
}

// fetchPDFText downloads path in the browser's session and returns the
// text its content streams show.
func fetchPDFText(t *testing.T, ctx context.Context, path string) string {
	t.Helper()
	b64, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch(`+jsString(path)+`).then(r => r.arrayBuffer()).then(b => {
		let s = ''; const u = new Uint8Array(b); for (let i = 0; i < u.length; i++) s += String.fromCharCode(u[i]); return btoa(s); })`, chromedp.EvalAwaitPromise))
	if err != nil {
		fail(t, ctx, "download "+path, err)
	}
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	for _, m := range streamRe.FindAllSubmatch(raw, -1) {
		r, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			out.Write(m[1])
			continue
		}
		b, _ := io.ReadAll(r)
		out.Write(b)
	}
	return out.String()
}

var streamRe = regexp.MustCompile(`(?s)stream\r?\n(.*?)\r?\nendstream`)
