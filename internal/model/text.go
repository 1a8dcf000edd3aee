package model

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxInt is the largest whole number a client may send for any field (a
// version, a year, a score, a number of days): the largest value of the
// databases' integer column. Larger ones are refused where they are read,
// never handed to a database.
const MaxInt = 1<<31 - 1

// What people type is refused or cleaned by one rule, TextFault, wherever
// it enters: JSON bodies, urlencoded and multipart forms, and the import.
//
//   - Typed text (names, usernames, descriptions, notes, messages, every
//     form or JSON field) holding a refused character is refused, with the
//     field named: the writer sees what was wrong and nothing is altered
//     behind their back.
//   - File names (evidence uploads, import files) and the cells of an
//     imported file come from someone's disk or spreadsheet, where
//     invisible characters are common and meaningless: they are removed
//     (CleanCell).
//
// Refused: bytes that are not UTF-8; control characters (C0 and C1, DEL),
// except tab, line feed and carriage return in text that may span lines;
// the line and paragraph separators; characters that change the direction
// of the text shown (embeddings, overrides, isolates and the direction
// marks: U+202E makes "gpj.exe" read as "exe.jpg"); and zero-width and
// other invisible format characters (U+200B–U+200D, U+2060–U+2064,
// U+FEFF, U+FFF9–U+FFFB), which make two names that look the same differ.

// TextFault returns the first character of s that text may not hold, or
// -1 when there is none; bytes that are not UTF-8 report utf8.RuneError.
// Tab, line feed and carriage return are allowed only when multiline.
func TextFault(s string, multiline bool) rune {
	for i, c := range s {
		if c == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return c
			}
		}
		if refusedRune(c, multiline) {
			return c
		}
	}
	return -1
}

// refusedRune reports whether text may not hold c (see TextFault).
func refusedRune(c rune, multiline bool) bool {
	switch {
	case c == '\t' || c == '\n' || c == '\r':
		return !multiline
	case c < 0x20, c >= 0x7f && c <= 0x9f:
		return true // C0 and C1 control characters, DEL
	case c == 0x061c, c >= 0x200b && c <= 0x200f, c >= 0x2028 && c <= 0x202e,
		c >= 0x2060 && c <= 0x2064, c >= 0x2066 && c <= 0x2069:
		return true // direction controls, zero-width and separators
	case c == 0xfeff, c >= 0xfff9 && c <= 0xfffb:
		return true // zero-width no-break space (BOM), annotations
	}
	return false
}

// CleanCell removes from a value read from an imported file what text may
// not hold (see TextFault), tab and line breaks included, and bytes that
// are not UTF-8; it trims the spaces around what remains.
func CleanCell(s string) string {
	s = strings.ToValidUTF8(s, "")
	if TextFault(s, false) < 0 {
		return strings.TrimSpace(s)
	}
	return strings.TrimSpace(strings.Map(func(c rune) rune {
		if c == '\t' || c == '\n' || c == '\r' {
			return ' '
		}
		if refusedRune(c, false) {
			return -1
		}
		return c
	}, s))
}

// CheckText records on field the first character of s that text may not
// hold (see TextFault), named by its code point so that the writer can
// find a character they cannot see. Tab and line breaks are allowed only
// when multiline.
func (e *ValidationError) CheckText(field, s string, multiline bool) {
	if c := TextFault(s, multiline); c >= 0 {
		e.Add(field, "invalid.field.badtext.char", fmt.Sprintf("U+%04X", c))
	}
}

// TextError is CheckText for one field: nil when s may be kept.
func TextError(field, s string, multiline bool) error {
	var v ValidationError
	v.CheckText(field, s, multiline)
	return v.Err()
}
