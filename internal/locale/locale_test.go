package locale

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
)

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"": "id", "id": "id", "en": "en", "EN": "en", " en-US ": "en", "en_GB": "en", "id-ID": "id", "fr": "id", "-en": "id",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLookups(t *testing.T) {
	if got := T("en", "home.greeting", "Andi"); got != "Welcome, Andi" {
		t.Errorf("English greeting = %q", got)
	}
	if got := T("id", "home.greeting", "Andi"); got != "Selamat datang, Andi" {
		t.Errorf("Indonesian greeting = %q", got)
	}
	// A word the same in both languages lives only in the Indonesian catalog.
	if got := T("en", "emp.nip"); got != "NIP" {
		t.Errorf("fallback to Indonesian = %q", got)
	}
	if got := T("en", "no.such.key"); got != "no.such.key" {
		t.Errorf("a missing key shows as %q", got)
	}
	if _, ok := Lookup("en", "no.such.key"); ok {
		t.Error("Lookup found a missing key")
	}
	if got, ok := Lookup("en", "action.user.update"); !ok || got != "Account changed" {
		t.Errorf("Lookup(action.user.update) = %q, %v", got, ok)
	}
}

func TestCatalogsAgree(t *testing.T) {
	for key, en := range catalogs["en"] {
		if _, ok := importColumnsEN[key]; ok {
			continue // the Indonesian notes are the importer's own
		}
		id, ok := catalogs["id"][key]
		if !ok {
			t.Errorf("%q has English text but no Indonesian", key)
			continue
		}
		if strings.Count(id, "%") != strings.Count(en, "%") {
			t.Errorf("%q: the two languages take different arguments: %q / %q", key, id, en)
		}
	}
	for key, msg := range catalogs["id"] {
		if strings.TrimSpace(msg) == "" {
			t.Errorf("%q is empty", key)
		}
	}
}

// A period's name is rendered in the reader's language.
func TestPeriodNames(t *testing.T) {
	cases := []struct {
		p      model.Period
		id, en string
	}{
		{model.Period{Kind: model.PeriodMonthly, Number: 1, Year: 2027}, "Januari 2027", "January 2027"},
		{model.Period{Kind: model.PeriodMonthly, Number: 12, Year: 2026}, "Desember 2026", "December 2026"},
		{model.Period{Kind: model.PeriodQuarterly, Number: 2, Year: 2027}, "Triwulan II 2027", "Quarter II 2027"},
		{model.Period{Kind: model.PeriodAnnual, Year: 2027}, "Tahunan 2027", "Annual 2027"},
	}
	for _, c := range cases {
		l := c.p.Label()
		if got := T("id", l.Key, l.Args...); got != c.id || got != c.p.Name() {
			t.Errorf("%+v in Indonesian = %q, want %q (Name %q)", c.p, got, c.id, c.p.Name())
		}
		if got := T("en", l.Key, l.Args...); got != c.en {
			t.Errorf("%+v in English = %q, want %q", c.p, got, c.en)
		}
	}
}

// A name that ends with a dot closes the sentence itself: the message's
// own full stop is not doubled, wherever the name stands.
func TestNoDoubleDotAfterAName(t *testing.T) {
	got := T("id", "invalid.placement.position.held", "Kepala Sekolah", "Kartini, S.Pd., M.Pd.")
	if strings.Contains(got, "..") || !strings.Contains(got, "oleh Kartini, S.Pd., M.Pd. Satu jabatan") {
		t.Errorf("id: %q", got)
	}
	got = T("en", "invalid.placement.position.held", "Head teacher", "Kartini, S.Pd., M.Pd.")
	if strings.Contains(got, "..") || !strings.Contains(got, "by Kartini, S.Pd., M.Pd. This position") {
		t.Errorf("en: %q", got)
	}
	// A name without a dot keeps the message's.
	if got := T("id", "invalid.placement.position.held", "Kepala Sekolah", "Budi Santoso"); !strings.Contains(got, "oleh Budi Santoso. Satu") {
		t.Errorf("plain name: %q", got)
	}
	for _, c := range []struct{ msg, want string }{
		{"Hadir %d%% oleh %s.", "Hadir 5% oleh Ir. A."},
		{"%s. lalu %s.", "dr. lalu B."},
		{"%q.", `"x."` + "."},
	} {
		var args []any
		switch c.msg {
		case "Hadir %d%% oleh %s.":
			args = []any{5, "Ir. A."}
		case "%s. lalu %s.":
			args = []any{"dr.", "B."}
		default:
			args = []any{"x."}
		}
		if got := fmt.Sprintf(noDoubleDot(c.msg, args), args...); got != c.want {
			t.Errorf("%q with %v = %q, want %q", c.msg, args, got, c.want)
		}
	}
}

// Text a person typed, embedded in a message and followed by its
// punctuation, never doubles the mark: also where the message names its
// arguments by index (a calibration move's reason), and in every catalog
// message that puts punctuation after an argument.
func TestTypedTextDoesNotDoubleTheMark(t *testing.T) {
	reason := "Predikat Sangat Baik tidak melampaui."
	for _, c := range []struct{ lang, want string }{
		{"id", "Alasan: Predikat Sangat Baik tidak melampaui. Hasil yang diubah"},
		{"en", "Reason: Predikat Sangat Baik tidak melampaui. You receive"},
	} {
		got := T(c.lang, "notif.assessment.moved.received.body", "Siti", "Januari 2026", reason)
		if strings.Contains(got, "..") || !strings.Contains(got, c.want) {
			t.Errorf("%s: %q", c.lang, got)
		}
		if got := T(c.lang, "notif.assessment.moved.received.body", "Siti", "Januari 2026", "Sesuai bukti"); !strings.Contains(got, "Sesuai bukti. ") {
			t.Errorf("%s, a reason without its stop: %q", c.lang, got)
		}
	}
	for _, c := range []struct {
		msg  string
		args []any
		want string
	}{
		{"%[2]s lalu %[1]s.", []any{"A.", "B"}, "B lalu A."},
		{"%[1]s: %[2]s. Isi", []any{"Andi", "Rapat bulanan?"}, "Andi: Rapat bulanan? Isi"},
		{"%[2]s, %s.", []any{"x", "Topik:", "Z!"}, "Topik:, Z!"},
		{"Alasan: %s; lalu", []any{"a;"}, "Alasan: a; lalu"},
		{"Judul %s, oleh", []any{"S.Kom.,"}, "Judul S.Kom., oleh"},
		{"%s: lanjut", []any{"Catatan:"}, "Catatan: lanjut"},
		{"%s.", []any{"Menunggu…"}, "Menunggu…"},
		{"%5.1f%%.", []any{2.5}, "  2.5%."},
	} {
		if got := fmt.Sprintf(noDoubleDot(c.msg, c.args), c.args...); got != c.want {
			t.Errorf("%q with %v = %q, want %q", c.msg, c.args, got, c.want)
		}
	}
	// Every message of both catalogs, each argument ending with its
	// mark: no mark doubled.
	for _, lang := range Supported {
		for key, msg := range catalogs[lang] {
			if !strings.Contains(msg, "%") {
				continue
			}
			args := make([]any, 8)
			for i := range args {
				args[i] = "teks."
			}
			got := T(lang, key, args...)
			if strings.Contains(got, "teks..") && !strings.Contains(msg, "..") {
				t.Errorf("%s %s doubles a stop: %q", lang, key, got)
			}
		}
	}
}

// A date in a message reads as people write it in the reader's language.
func TestDatesInMessagesReadAsWords(t *testing.T) {
	cases := []struct{ lang, want string }{
		{"id", "TMT harus sesudah 1 Desember 2026,"},
		{"en", "1 December 2026"},
	}
	for _, c := range cases {
		got := T(c.lang, "invalid.employment.date.beforeplacement", model.Date("2026-12-01"))
		if !strings.Contains(got, c.want) || strings.Contains(got, "2026-12-01") {
			t.Errorf("%s: %q", c.lang, got)
		}
	}
	// Inside a field error too, as the web and the API render them.
	ve := model.Invalid("date", "conflict.placement.duplicate", model.Date("2026-12-10"))
	var v *model.ValidationError
	if !errors.As(ve, &v) {
		t.Fatal("not a validation error")
	}
	if got := T("id", v.Fields["date"], v.Args["date"]...); !strings.Contains(got, "sejak 10 Desember 2026") {
		t.Errorf("field error: %q", got)
	}
}

// The refusal to record another body's recommendation names everyone the
// rule lets record each (app perfOrg.speaksFor; docs/penilaian-capaian-organisasi.md):
// the body's head and OPD admins, BKPSDM administrators for BKPSDM, the
// auditors for the Inspektorat, and a BKPSDM administrator on a body's
// behalf with a written basis.
func TestRecommendationRefusalNamesWhoRecords(t *testing.T) {
	for _, c := range []struct{ lang, want string }{
		{"id", "Rekomendasi BKPSDM dicatat oleh BKPSDM sendiri: kepala atau admin OPD-nya (untuk BKPSDM juga admin BKPSDM, untuk Inspektorat juga auditornya), atau admin BKPSDM atas namanya dengan dasar tertulis. Anda mencatat rekomendasi sebagai Bappeda."},
		{"en", "A recommendation of BKPSDM is recorded by BKPSDM itself: its head or its OPD administrators (for BKPSDM also the BKPSDM administrators, for the Inspektorat also its auditors), or a BKPSDM administrator on its behalf with a written basis. You record recommendations as Bappeda."},
	} {
		if got := T(c.lang, "forbidden.unitperf.source", "BKPSDM", "Bappeda"); got != c.want {
			t.Errorf("%s: %q", c.lang, got)
		}
	}
}

// A date typed wrong is echoed as typed in both languages, never shown as
// the zero date its parse left; a real date reads as people write it.
func TestDateArgEchoesInvalidText(t *testing.T) {
	for _, typed := range []string{"2026-13-01", "2026-02-30", "31-12-2026", "2026-00-10"} {
		for _, lang := range []string{"id", "en"} {
			got := T(lang, "invalid.placement.start.invalid", model.Date(typed))
			if !strings.Contains(got, typed) || strings.Contains(got, " 1 ") || strings.Contains(got, "\"1 ") {
				t.Errorf("%s %q: %q", lang, typed, got)
			}
		}
	}
	if got := T("id", "invalid.placement.start.invalid", model.Date("2026-12-02")); !strings.Contains(got, "2 Desember 2026") {
		t.Errorf("a real date: %q", got)
	}
}
