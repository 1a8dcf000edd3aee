package model

import "testing"

func TestTextFault(t *testing.T) {
	for _, c := range []struct {
		s         string
		multiline bool
		want      rune
	}{
		{"Budi Santoso, S.Kom.", false, -1},
		{"Rapat\r\n\tnotulen", true, -1},
		{"Rapat\nnotulen", false, '\n'},
		{"Dinas Kesehatan 👩‍⚕️", false, 0x200d}, // the joiner inside an emoji too
		{"ok\x00", true, 0},
		{"ok\x1b[31m", true, 0x1b},
		{"ok\x7f", true, 0x7f},
		{"ok\u0085", true, 0x85},
		{"foto\u202Egpj.exe", false, 0x202e},
		{"a\u202Ab", false, 0x202a},
		{"a\u2066b\u2069", false, 0x2066},
		{"a\u200Fb", false, 0x200f},
		{"a\u061Cb", false, 0x061c},
		{"a\u200Bb", false, 0x200b},
		{"a\u2060b", false, 0x2060},
		{"\uFEFFa", false, 0xfeff},
		{"a\u2028b", true, 0x2028},
		{"a\xffb", true, 0xfffd},
		{"a\uFFFDb", true, -1}, // the replacement character itself is text
		{"Ibu Siti Nurhaliza — Kepala Bidang", false, -1},
	} {
		if got := TextFault(c.s, c.multiline); got != c.want {
			t.Errorf("TextFault(%q, %v) = %U, want %U", c.s, c.multiline, got, c.want)
		}
	}
}

func TestCleanCell(t *testing.T) {
	for in, want := range map[string]string{
		" Pegawai\u200B Baru\u202E ": "Pegawai Baru",
		"\uFEFFNIP":                  "NIP",
		"Baris\r\nkedua\tdan\x00":    "Baris  kedua dan",
		"a\xffb":                     "ab",
		"Siti":                       "Siti",
	} {
		if got := CleanCell(in); got != want || TextFault(got, false) >= 0 {
			t.Errorf("CleanCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCheckTextNamesTheCharacter(t *testing.T) {
	err := TextError("name", "x\u202Ey", false)
	ve, ok := err.(*ValidationError)
	if !ok || ve.Fields["name"] != "invalid.field.badtext.char" || len(ve.Args["name"]) != 1 || ve.Args["name"][0] != "U+202E" {
		t.Errorf("TextError = %#v", err)
	}
	if err := TextError("name", "Budi", false); err != nil {
		t.Errorf("clean text refused: %v", err)
	}
}
