package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/blob"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// filling finds a demo ASN, other than the one reporting gives, whose
// approved SKP takes realisasi now in an open period, with a count and a
// percentage among its indicators in force.
func filling(t *testing.T) (asn model.Employee, v app.RealisasiPeriod, count, percent model.Indicator) {
	t.Helper()
	ctx := context.Background()
	taken, _ := reporting(t)
	admin := actorOf(t, "admin")
	in := mustInstansi(t)
	list, err := server.Store.SKPs(ctx, store.SKPFilter{InstansiID: in, Year: server.App.Today(ctx, in).Time().Year(), Status: model.SKPApproved})
	if err != nil {
		t.Fatal(err)
	}
	for i := len(list) - 1; i >= 0; i-- {
		s := list[i]
		if s.Format != model.FormatJAJF || s.EmployeeID == taken.ID {
			continue
		}
		e, _ := server.Store.Employee(ctx, s.EmployeeID)
		if e.NIP == "" {
			continue
		}
		v, err := server.App.Realisasi(ctx, admin, s.ID, "")
		if err != nil || v.Period.ID == "" || v.Period.Status != model.PeriodOpen || v.Refused.Key != "" || v.AfterTMT {
			continue
		}
		count, percent = model.Indicator{}, model.Indicator{}
		for _, r := range v.SKP.RHK {
			for _, x := range r.Indicators {
				switch {
				case model.IsPercentUnit(x.Unit) && percent.ID == "":
					percent = x
				case !model.IsPercentUnit(x.Unit) && model.CheckRealisasi(x, "1") == nil && count.ID == "":
					count = x
				}
			}
		}
		if count.ID != "" && percent.ID != "" {
			return e, v, count, percent
		}
	}
	t.Fatal("the demo has no ASN whose realisasi is open now")
	return
}

// TestRealisasiOfAPeriodInOneForm: on a phone, the ASN types the
// realisasi of two indicators and saves once; a percentage of -5 brings the
// form back with the error beside it and nothing lost, and once fixed both
// are saved together, with the year's running total beside the target.
func TestRealisasiOfAPeriodInOneForm(t *testing.T) {
	ctx := browser(t)
	asn, v, count, percent := filling(t)
	signIn(t, ctx, asn.NIP)
	page := server.URL + "/realisasi/" + v.SKP.ID + "?periode=" + v.Period.ID
	do(t, ctx, "open the realisasi of the period",
		chromedp.Navigate(page),
		chromedp.WaitVisible(chromedp.CSS(`#value-`+count.ID)),
	)
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('button[type="submit"][form="realisasi-form"]').length`)); err != nil || n != 1 {
		fail(t, ctx, "one save button for the whole period", err)
	}
	basis := "Tiga dokumen selesai " + time.Now().Format("150405")
	do(t, ctx, "type both and a percentage of -5",
		setValue(`#value-`+count.ID, ""),
		chromedp.SendKeys(chromedp.CSS(`#value-`+count.ID), "3"),
		setValue(`#basis-`+count.ID, ""),
		chromedp.SendKeys(chromedp.CSS(`#basis-`+count.ID), basis),
		setValue(`#value-`+percent.ID, ""),
		chromedp.SendKeys(chromedp.CSS(`#value-`+percent.ID), "-5"),
	)
	before, _ := server.Store.RealisasiOf(context.Background(), v.SKP.ID, v.Period.ID)
	clickToNewPage(t, ctx, `button[type="submit"][form="realisasi-form"]`)
	if got := text(t, ctx, `#value-err-`+percent.ID); !strings.Contains(got, percent.Description) || !strings.Contains(got, "tidak boleh kurang dari 0") {
		t.Errorf("the error beside the percentage = %q", got)
	}
	kept := map[string]string{`#value-` + count.ID: "3", `#basis-` + count.ID: basis, `#value-` + percent.ID: "-5"}
	for sel, want := range kept {
		if got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('`+sel+`').value`)); err != nil || got != want {
			t.Errorf("%s after the refusal = %q, want %q (%v)", sel, got, want, err)
		}
	}
	after, _ := server.Store.RealisasiOf(context.Background(), v.SKP.ID, v.Period.ID)
	if after[count.ID] != before[count.ID] {
		t.Error("a refused form saved the count")
	}
	fits(t, ctx, "the refused form")

	do(t, ctx, "fix the percentage", setValue(`#value-`+percent.ID, "95"))
	clickToNewPage(t, ctx, `button[type="submit"][form="realisasi-form"]`)
	do(t, ctx, "saved", chromedp.WaitVisible(chromedp.CSS(`.alert.ok`)))
	saved, _ := server.Store.RealisasiOf(context.Background(), v.SKP.ID, v.Period.ID)
	if saved[count.ID].Value != "3" || saved[count.ID].Basis != basis || saved[percent.ID].Value != "95" {
		t.Errorf("saved = %+v / %+v", saved[count.ID], saved[percent.ID])
	}
	if got := text(t, ctx, `[data-total="`+count.ID+`"]`); !strings.Contains(got, "Sampai periode ini:") || !strings.Contains(got, "dari target setahun "+count.Target+" "+count.Unit) {
		t.Errorf("the running total = %q", got)
	}
	if got := text(t, ctx, `[data-total="`+percent.ID+`"]`); !strings.Contains(got, "Terakhir tercatat: 95 %") {
		t.Errorf("the latest percentage = %q", got)
	}
	fits(t, ctx, "the saved page")
}

// TestUploadOverTheLimitOnAPhone: a file over the instansi's limit is
// refused in the browser before it is sent, with the limit beside it; a
// browser without JavaScript sends it, and the server answers with the
// limit and the rest of the form as typed.
func TestUploadOverTheLimitOnAPhone(t *testing.T) {
	ctx := browser(t)
	asn, v, count, _ := filling(t)
	limit := server.App.EvidenceLimit(context.Background(), mustInstansi(t))
	mb := limit >> 20
	big := filepath.Join(t.TempDir(), "scan-lengkap.jpg")
	if err := os.WriteFile(big, blob.SampleJPEG(64, 64, 3), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, limit+512<<10); err != nil {
		t.Fatal(err)
	}
	signIn(t, ctx, asn.NIP)
	page := server.URL + "/realisasi/" + v.SKP.ID + "?periode=" + v.Period.ID
	do(t, ctx, "choose a file over the limit",
		chromedp.Navigate(page),
		chromedp.WaitVisible(chromedp.CSS(`#file-`+count.ID)),
		setValue(`#value-`+count.ID, "4"),
		chromedp.SetUploadFiles(chromedp.CSS(`#file-`+count.ID), []string{big}),
		chromedp.WaitVisible(chromedp.CSS(`#file-err-`+count.ID)),
	)
	if got := text(t, ctx, `#file-err-`+count.ID); !strings.Contains(got, "paling besar "+itoa(mb)+" MB") {
		t.Errorf("the browser's refusal = %q", got)
	}
	// The input is invalid, so the browser does not send the form.
	mark(t, ctx)
	do(t, ctx, "press save", chromedp.Click(chromedp.CSS(`button[type="submit"][form="realisasi-form"]`)))
	held, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.kinerjaMarker === true && document.querySelector('#file-`+count.ID+`').validity.customError &&
		!document.getElementById('realisasi-form').checkValidity() && document.querySelector('#value-`+count.ID+`').value === "4"`))
	if err != nil || !held {
		t.Errorf("the form can be sent with a file over the limit (%v)", err)
	}

	// Without JavaScript the file reaches the server.
	do(t, ctx, "turn JavaScript off", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}))
	basis := "Rekap lengkap " + time.Now().Format("150405")
	do(t, ctx, "send the file anyway",
		chromedp.Navigate(page),
		chromedp.WaitVisible(chromedp.CSS(`#file-`+count.ID)),
		setValue(`#value-`+count.ID, "4"),
		setValue(`#basis-`+count.ID, basis),
		chromedp.SetUploadFiles(chromedp.CSS(`#file-`+count.ID), []string{big}),
		chromedp.Click(chromedp.CSS(`button[type="submit"][form="realisasi-form"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#kesalahan`)),
	)
	if got := text(t, ctx, `#file-err-`+count.ID); !strings.Contains(got, "paling besar "+itoa(mb)+" MB") {
		t.Errorf("the server's answer beside the file = %q", got)
	}
	if got := text(t, ctx, `main`); strings.Contains(got, "tidak dapat dibaca") {
		t.Error("an oversize file is still \"unreadable\"")
	}
	for sel, want := range map[string]string{`#value-` + count.ID: "4", `#basis-` + count.ID: basis} {
		if got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('`+sel+`').value`)); err != nil || got != want {
			t.Errorf("%s after the refusal = %q, want %q (%v)", sel, got, want, err)
		}
	}
	fits(t, ctx, "the refused upload")
}

// TestOutputAndTimeAsTyped: on a phone, an output without a number stays
// as typed and "2 jam" is two hours.
func TestOutputAndTimeAsTyped(t *testing.T) {
	ctx := browser(t)
	asn, _, _, _ := filling(t)
	signIn(t, ctx, asn.NIP)
	what := "Menyusun draf SOP pelayanan " + time.Now().Format("150405")
	do(t, ctx, "send an entry typed as people type",
		chromedp.Navigate(server.URL+"/progres"),
		chromedp.WaitVisible(chromedp.CSS(`#description`)),
		chromedp.SendKeys(chromedp.CSS(`#description`), what),
		chromedp.SendKeys(chromedp.CSS(`#output`), "draf SOP"),
		chromedp.SendKeys(chromedp.CSS(`#minutes`), "2 jam"),
	)
	clickToNewPage(t, ctx, `form[action="/progres"] button[type="submit"]`)
	do(t, ctx, "sent", chromedp.WaitVisible(chromedp.CSS(`.alert.ok`)))
	line, err := chromedp.Run(ctx, chromedp.Evaluate[string](`[...document.querySelectorAll('.entries li')].find(li => li.textContent.includes(`+jsString(what)+`)).textContent`))
	if err != nil {
		fail(t, ctx, "find the entry", err)
	}
	if !strings.Contains(line, "2:00 · draf SOP") || strings.Contains(line, "0 draf SOP") {
		t.Errorf("the entry reads %q", strings.Join(strings.Fields(line), " "))
	}
	fits(t, ctx, "the day's progress")
}

// fits checks the page does not scroll sideways.
func fits(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth <= window.innerWidth`))
	if err != nil {
		fail(t, ctx, "measure "+what, err)
	}
	if !ok {
		width, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		t.Errorf("%s scrolls sideways on a phone: %d px wide", what, width)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// setValue puts a value in a form field as a script would.
func setValue(sel, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Evaluate[bool](`(document.querySelector(`+jsString(sel)+`).value = `+jsString(value)+`) !== null`)(ctx, tg)
		return err
	})
}
