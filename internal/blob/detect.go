package blob

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// textPlain is the content type of plain text, CSV included.
const textPlain = "text/plain; charset=utf-8"

// Allowed names the kinds of files accepted as evidence, for messages.
func Allowed() string {
	return "PDF, JPEG, PNG, HEIC, WebP, GIF, Word, Excel, PowerPoint, OpenDocument, teks"
}

// Detect tells the content type and extension of a file from its first
// bytes (512 are enough for everything but office documents, which are zip
// archives or OLE compound files and need the whole file: Put looks into
// those). It returns a *TypeError for content not accepted. A text file is
// judged on head alone; Put also checks the rest of it.
func Detect(head []byte) (contentType, ext string, err error) {
	switch {
	case len(head) == 0:
		return "", "", &TypeError{Detected: "berkas kosong"}
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return "application/pdf", ".pdf", nil
	case bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF}):
		return "image/jpeg", ".jpg", nil
	case bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")):
		return "image/png", ".png", nil
	case bytes.HasPrefix(head, []byte("GIF87a")), bytes.HasPrefix(head, []byte("GIF89a")):
		return "image/gif", ".gif", nil
	case len(head) >= 12 && bytes.Equal(head[:4], []byte("RIFF")) && bytes.Equal(head[8:12], []byte("WEBP")):
		return "image/webp", ".webp", nil
	case len(head) >= 12 && bytes.Equal(head[4:8], []byte("ftyp")):
		// ISO base media: the major brand tells a photo from a video.
		switch string(head[8:12]) {
		case "heic", "heix", "hevc", "hevx", "heim", "heis":
			return "image/heic", ".heic", nil
		case "mif1", "msf1":
			return "image/heif", ".heif", nil
		case "avif":
			return "image/avif", ".avif", nil
		}
		return "", "", &TypeError{Detected: "video atau media lain"}
	case bytes.HasPrefix(head, oleMagic):
		return "application/msword", ".doc", nil
	case bytes.HasPrefix(head, []byte("MZ")):
		return "", "", &TypeError{Detected: "program Windows"}
	case bytes.HasPrefix(head, []byte("\x7fELF")):
		return "", "", &TypeError{Detected: "program Linux"}
	case bytes.HasPrefix(head, []byte{0xCF, 0xFA, 0xED, 0xFE}), bytes.HasPrefix(head, []byte{0xCE, 0xFA, 0xED, 0xFE}),
		bytes.HasPrefix(head, []byte{0xFE, 0xED, 0xFA, 0xCE}), bytes.HasPrefix(head, []byte{0xFE, 0xED, 0xFA, 0xCF}),
		bytes.HasPrefix(head, []byte{0xCA, 0xFE, 0xBA, 0xBE}):
		return "", "", &TypeError{Detected: "program macOS atau Java"}
	case bytes.HasPrefix(head, []byte("#!")):
		return "", "", &TypeError{Detected: "skrip"}
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "", "", &TypeError{Detected: "arsip zip"} // office documents are told apart by detectFile
	}
	if !looksText(head) {
		return "", "", &TypeError{Detected: "jenis tidak dikenal"}
	}
	t := strings.ToLower(strings.TrimSpace(string(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")))))
	if isMarkup(t) {
		return "", "", &TypeError{Detected: "halaman web atau XML"}
	}
	if isScript(t) {
		return "", "", &TypeError{Detected: "skrip"}
	}
	return textPlain, ".txt", nil
}

// isMarkup reports whether lowercased text t is HTML, SVG or XML: it opens
// with a tag, a comment or a declaration (as browsers sniff HTML), or
// carries the tags that make a page active.
func isMarkup(t string) bool {
	if len(t) >= 2 && t[0] == '<' {
		c := t[1]
		if c == '!' || c == '?' || c == '/' || c >= 'a' && c <= 'z' {
			return true
		}
	}
	for _, tag := range []string{"<script", "<html", "<svg", "<iframe", "<object", "<embed"} {
		if strings.Contains(t, tag) {
			return true
		}
	}
	return false
}

// isScript reports whether lowercased text t opens like JavaScript, a
// Windows batch file or PowerShell. Text is kept as text/plain and never
// run, but a script is not evidence of work and is refused to be plain.
func isScript(t string) bool {
	for _, p := range []string{
		"function ", "function(", "async function", "var ", "let ", "const ", "import ", "export ",
		"'use strict'", `"use strict"`, "(function", "(()", "!function", "document.", "window.",
		"eval(", "require(", "module.exports", "@echo off", "param(", "set-executionpolicy",
	} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// looksText reports whether head is UTF-8 text without NUL or other binary
// control characters (a cut at the end of the sample is allowed).
func looksText(head []byte) bool {
	for i := 0; i < len(head); {
		r, size := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && size <= 1 {
			return len(head)-i < utf8.UTFMax && !utf8.FullRune(head[i:]) // a character cut by the sample's end
		}
		if !textRune(r) {
			return false
		}
		i += size
	}
	return true
}

// textRune reports whether r belongs in plain text.
func textRune(r rune) bool {
	return r >= 0x20 && r != 0x7f || r == '\n' || r == '\r' || r == '\t' || r == '\f'
}

// textScan is an io.Writer that follows a whole upload and tells whether
// all of it is text by the rule of looksText, without keeping it.
type textScan struct {
	carry  []byte // the start of a character cut by the end of a write
	binary bool
}

func (t *textScan) Write(p []byte) (int, error) {
	if t.binary {
		return len(p), nil
	}
	b := p
	if len(t.carry) > 0 {
		b = append(t.carry, p...)
		t.carry = nil
	}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			if !utf8.FullRune(b[i:]) {
				t.carry = append([]byte(nil), b[i:]...)
				break
			}
			t.binary = true
			break
		}
		if !textRune(r) {
			t.binary = true
			break
		}
		i += size
	}
	return len(p), nil
}

// valid reports whether everything written was text.
func (t *textScan) valid() bool { return !t.binary && len(t.carry) == 0 }

// detectFile detects the type of a whole file of size n: zip archives are
// opened to tell office documents from other archives, and OLE compound
// files to tell Word, Excel and PowerPoint apart.
func detectFile(f *os.File, n int64) (string, string, error) {
	head := make([]byte, 512)
	m, err := f.ReadAt(head, 0)
	if err != nil && err != io.EOF {
		return "", "", err
	}
	head = head[:m]
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return detectZip(f, n)
	case bytes.HasPrefix(head, oleMagic):
		return detectOLE(f, n)
	}
	return Detect(head)
}

// detectZip tells OpenDocument and Office Open XML files from other zip
// archives by their entries; only the central directory and the small
// mimetype entry are read.
func detectZip(f io.ReaderAt, n int64) (string, string, error) {
	zr, err := zip.NewReader(f, n)
	if err != nil {
		return "", "", &TypeError{Detected: "arsip rusak"}
	}
	if len(zr.File) > 0 && zr.File[0].Name == "mimetype" {
		if rc, err := zr.File[0].Open(); err == nil {
			b, _ := io.ReadAll(io.LimitReader(rc, 100))
			rc.Close()
			switch string(b) {
			case "application/vnd.oasis.opendocument.text":
				return string(b), ".odt", nil
			case "application/vnd.oasis.opendocument.spreadsheet":
				return string(b), ".ods", nil
			case "application/vnd.oasis.opendocument.presentation":
				return string(b), ".odp", nil
			}
		}
	}
	var types, macros bool
	kind := ""
	for _, zf := range zr.File {
		switch {
		case zf.Name == "[Content_Types].xml":
			types = true
		case strings.HasSuffix(zf.Name, "/vbaProject.bin"):
			macros = true
		case strings.HasPrefix(zf.Name, "word/"):
			kind = "docx"
		case strings.HasPrefix(zf.Name, "xl/"):
			kind = "xlsx"
		case strings.HasPrefix(zf.Name, "ppt/"):
			kind = "pptx"
		}
	}
	if !types || kind == "" {
		return "", "", &TypeError{Detected: "arsip zip"}
	}
	if macros {
		// Saved as .docx a macro document would not even open; as .docm it
		// carries code. Either way it is not kept.
		return "", "", &TypeError{Detected: "dokumen Office bermakro"}
	}
	switch kind {
	case "docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", nil
	case "xlsx":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", nil
	default:
		return "application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx", nil
	}
}

// oleMagic opens every OLE compound file: legacy Word, Excel and PowerPoint
// documents, but also Windows Installer packages.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// Class ids, as stored on disk, of the root of Windows Installer packages,
// patches and transforms ({000C1084-…}, {000C1086-…}, {000C1082-…}).
var installerCLSIDs = [][]byte{
	{0x84, 0x10, 0x0C, 0x00, 0x00, 0x00, 0x00, 0x00, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46},
	{0x86, 0x10, 0x0C, 0x00, 0x00, 0x00, 0x00, 0x00, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46},
	{0x82, 0x10, 0x0C, 0x00, 0x00, 0x00, 0x00, 0x00, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46},
}

// detectOLE reads the directory of an OLE compound file (MS-CFB) for the
// stream that names the application: WordDocument, Workbook (or Book) or
// PowerPoint Document. Installer packages are refused. A file whose
// directory cannot be read, or names none of these, stays a generic legacy
// Office document (application/msword).
func detectOLE(f io.ReaderAt, n int64) (string, string, error) {
	names, root := oleDirectory(f, n)
	for _, c := range installerCLSIDs {
		if bytes.Equal(root, c) {
			return "", "", &TypeError{Detected: "penginstal Windows"}
		}
	}
	switch {
	case names["WordDocument"]:
		return "application/msword", ".doc", nil
	case names["Workbook"], names["Book"]:
		return "application/vnd.ms-excel", ".xls", nil
	case names["PowerPoint Document"]:
		return "application/vnd.ms-powerpoint", ".ppt", nil
	}
	return "application/msword", ".doc", nil
}

// oleDirectory returns the names of the entries in an OLE compound file's
// directory and the class id of its root entry. It follows the directory's
// sector chain through the first 109 FAT sectors, which the header lists,
// and stops at anything out of the ordinary with what it has read so far.
func oleDirectory(f io.ReaderAt, n int64) (names map[string]bool, root []byte) {
	names = map[string]bool{}
	hdr := make([]byte, 512)
	if _, err := f.ReadAt(hdr, 0); err != nil {
		return names, nil
	}
	le := binary.LittleEndian
	shift := le.Uint16(hdr[30:])
	if shift != 9 && shift != 12 {
		return names, nil
	}
	size := int64(1) << shift
	perFAT := uint32(size / 4)
	sectorAt := func(s uint32) int64 { return (int64(s) + 1) * size }
	next := func(s uint32) uint32 {
		i := s / perFAT
		if i >= 109 {
			return 0xFFFFFFFE // beyond the header's FAT list: stop here
		}
		fat := le.Uint32(hdr[76+4*i:])
		var b [4]byte
		if _, err := f.ReadAt(b[:], sectorAt(fat)+int64(s%perFAT)*4); err != nil {
			return 0xFFFFFFFE
		}
		return le.Uint32(b[:])
	}
	sec := make([]byte, size)
	// A real directory is a few sectors long; a long or looping chain is a
	// damaged or hostile file, read no further.
	for s, visited := le.Uint32(hdr[48:]), 0; s < 0xFFFFFFFA && visited < 256; s, visited = next(s), visited+1 {
		if sectorAt(s)+size > n {
			break
		}
		if _, err := f.ReadAt(sec, sectorAt(s)); err != nil {
			break
		}
		for e := 0; e+128 <= len(sec); e += 128 {
			entry := sec[e : e+128]
			if root == nil && entry[66] == 5 { // the root storage
				root = append([]byte(nil), entry[80:96]...)
			}
			l := int(le.Uint16(entry[64:])) // in bytes, with the final NUL
			if l < 4 || l > 64 || l%2 != 0 {
				continue
			}
			name := make([]rune, 0, l/2-1)
			for i := 0; i < l-2; i += 2 {
				name = append(name, rune(le.Uint16(entry[i:])))
			}
			names[string(name)] = true
		}
	}
	return names, root
}
