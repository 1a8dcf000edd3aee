package api_test

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// ratingFields names what of a rating an assessment answer carries.
func ratingFields(a map[string]any) []string {
	var out []string
	for _, k := range []string{"hasil_kerja", "perilaku_kerja", "predikat"} {
		if a[k] != nil {
			out = append(out, fmt.Sprintf("%s=%v", k, a[k]))
		}
	}
	if a["note"] != "" && a["note"] != nil {
		out = append(out, fmt.Sprintf("note=%v", a["note"]))
	}
	return out
}

// draftFields names what of an assessment answer tells that a draft is
// written: read by one who may not see it, it is open, with no rater, no
// rating time and version 0, as before anyone rated it.
func draftFields(a map[string]any) []string {
	var out []string
	for k, want := range map[string]any{"status": "open", "version": float64(0), "rater": nil, "upper_rater": nil, "rated_at": nil} {
		if a[k] != want {
			out = append(out, fmt.Sprintf("%s=%v", k, a[k]))
		}
	}
	return out
}

var pdfStream = regexp.MustCompile(`(?s)stream\r?\n(.*?)\r?\nendstream`)

// pdfText is the text drawn by a PDF's content streams, inflated.
func pdfText(pdf []byte) string {
	var out strings.Builder
	for _, m := range pdfStream.FindAllSubmatch(pdf, -1) {
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

// The rated employee's API answers hold no rating before the pejabat
// penilai sends it (the assessment, its history, the lists, the two
// PDFs refused with a 409) and the values sent after; the rater reads
// the draft all along.
func TestUnsentResultAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		id, jan, send := apptest.RatedJanuaryResult(t, e.s, e.o, "Catatan yang belum dikirim")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		path := "/api/v1/assessments/" + id
		lists := []string{"/api/v1/assessments", "/api/v1/assessments?employee=" + url.QueryEscape(e.o.Staff1.ID),
			"/api/v1/assessments?period=" + url.QueryEscape(jan)}
		pdfs := []string{path + "/evaluation.pdf", path + "/document.pdf"}
		admin := e.login(t, "admin", "rahasia-admin")
		// report answers January's row of the Laporan Penilaian SKP:
		// hasil kerja, perilaku kerja, hasil akhir.
		report := func() []string {
			t.Helper()
			r := e.get(t, "/api/v1/reports/penilaian-skp.xlsx?year=2026", admin)
			if r.status != 200 {
				t.Fatalf("penilaian report: %d %s", r.status, r.body)
			}
			book, err := excelize.OpenReader(bytes.NewReader(r.body))
			if err != nil {
				t.Fatal(err)
			}
			rows, _ := book.GetRows("jan")
			if len(rows) != 2 || len(rows[1]) < 11 {
				t.Fatalf("jan = %q", rows)
			}
			return rows[1][8:11]
		}
		steps := func(detail map[string]any) []string {
			var out []string
			for _, h := range detail["history"].([]any) {
				h := h.(map[string]any)
				out = append(out, fmt.Sprintf("%v %v", h["action"], h["predikat"]))
			}
			return out
		}

		r := e.get(t, path, staff)
		if r.status != 200 {
			t.Fatalf("the employee's assessment: %d %s", r.status, r.body)
		}
		detail := r.json(t)
		suggestion, _ := detail["suggestion"].(map[string]any)
		if leaks := ratingFields(detail); len(leaks) > 0 || suggestion["rating"] != nil {
			t.Errorf("the employee's assessment before sending carries %v (suggestion %v)", leaks, detail["suggestion"])
		}
		if leaks := draftFields(detail); len(leaks) > 0 {
			t.Errorf("the employee's assessment before sending tells a draft is written: %v", leaks)
		}
		if got := steps(detail); len(got) != 0 {
			t.Errorf("the employee's history before sending = %q", got)
		}
		if can := detail["can"].(map[string]any); can["see_ratings"] != false {
			t.Errorf("the employee's rights before sending = %v", can)
		}
		for _, res := range detail["results"].([]any) {
			if u := res.(map[string]any)["umpan_balik"]; u != "" && u != nil {
				t.Errorf("the employee reads an umpan balik before sending: %v", u)
			}
		}
		for _, l := range lists {
			r := e.get(t, l, staff)
			if r.status != 200 {
				t.Fatalf("%s: %d %s", l, r.status, r.body)
			}
			items := r.json(t)["items"].([]any)
			if len(items) != 1 {
				t.Fatalf("%s: %d items", l, len(items))
			}
			if leaks := append(ratingFields(items[0].(map[string]any)), draftFields(items[0].(map[string]any))...); len(leaks) > 0 {
				t.Errorf("%s for the employee before sending carries %v", l, leaks)
			}
		}
		// The status filter selects by the status they read.
		for q, want := range map[string]int{"?status=rated": 0, "?status=open": 1, "?status=final": 0,
			"?status=rated&period=" + url.QueryEscape(jan): 0, "?status=open&employee=" + url.QueryEscape(e.o.Staff1.ID): 1} {
			r := e.get(t, "/api/v1/assessments"+q, staff)
			if n := len(r.json(t)["items"].([]any)); r.status != 200 || n != want {
				t.Errorf("%s for the employee before sending: %d, %d items, want %d", q, r.status, n, want)
			}
		}
		for q, want := range map[string]int{"?status=rated": 1, "?status=open": 0} {
			r := e.get(t, "/api/v1/assessments"+q+"&employee="+url.QueryEscape(e.o.Staff1.ID), kabid)
			if n := len(r.json(t)["items"].([]any)); r.status != 200 || n != want {
				t.Errorf("%s for the rater: %d, %d items, want %d", q, r.status, n, want)
			}
		}
		for _, p := range pdfs {
			problem(t, e.get(t, p, staff), 409)
		}
		if got := report(); fmt.Sprint(got) != "[- - -]" {
			t.Errorf("the report before sending = %q, want no result", got)
		}

		rater := e.get(t, path, kabid).json(t)
		if rater["predikat"] != "baik" || rater["note"] != "Catatan yang belum dikirim" {
			t.Errorf("the rater's assessment = %v", ratingFields(rater))
		}
		if can := rater["can"].(map[string]any); can["see_ratings"] != true {
			t.Errorf("the rater's rights = %v", can)
		}
		if got := steps(rater); len(got) != 1 || got[0] != "rate baik" {
			t.Errorf("the rater's history = %q", got)
		}
		for _, p := range pdfs {
			if r := e.get(t, p, kabid); r.status != 200 || !bytes.HasPrefix(r.body, []byte("%PDF-")) {
				t.Errorf("%s for the rater: %d", p, r.status)
			}
		}
		if text := pdfText(e.get(t, path+"/document.pdf", kabid).body); !strings.Contains(text, "Catatan yang belum dikirim") {
			t.Errorf("the rater's document.pdf lacks the draft's catatan")
		}

		send()
		if got := report(); got[2] != "BAIK" {
			t.Errorf("the report once sent = %q", got)
		}
		detail = e.get(t, path, staff).json(t)
		if detail["predikat"] != "baik" || detail["hasil_kerja"] != "sesuai" || detail["note"] != "Catatan yang belum dikirim" {
			t.Errorf("the employee's assessment once sent = %v", ratingFields(detail))
		}
		if detail["status"] != "final" || detail["version"] != rater["version"].(float64)+1 || detail["rated_at"] == nil || detail["rater"] == nil {
			t.Errorf("the employee's assessment once sent: status %v, version %v, rated_at %v, rater %v", detail["status"], detail["version"], detail["rated_at"], detail["rater"])
		}
		for q, want := range map[string]int{"?status=final": 1, "?status=open": 0} {
			if n := len(e.get(t, "/api/v1/assessments"+q, staff).json(t)["items"].([]any)); n != want {
				t.Errorf("%s for the employee once sent: %d items, want %d", q, n, want)
			}
		}
		if got := steps(detail); len(got) != 1 || got[0] != "finalize baik" {
			t.Errorf("the employee's history once sent = %q, want the sending alone", got)
		}
		for _, l := range lists {
			items := e.get(t, l, staff).json(t)["items"].([]any)
			if len(items) != 1 || items[0].(map[string]any)["predikat"] != "baik" {
				t.Errorf("%s for the employee once sent = %v", l, items)
			}
		}
		for _, p := range pdfs {
			r := e.get(t, p, staff)
			if r.status != 200 || !bytes.HasPrefix(r.body, []byte("%PDF-")) {
				t.Errorf("%s for the employee once sent: %d", p, r.status)
			}
			if text := pdfText(r.body); !strings.Contains(text, "BAIK") {
				t.Errorf("%s for the employee once sent lacks the predikat", p)
			}
		}
		if text := pdfText(e.get(t, path+"/document.pdf", staff).body); !strings.Contains(text, "Catatan yang belum dikirim") {
			t.Errorf("the employee's document.pdf once sent lacks the catatan")
		}
	})
}
