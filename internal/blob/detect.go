package blob

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// Allowed names the kinds of files accepted as evidence, for messages.
func Allowed() string {
	return "PDF, JPEG, PNG, HEIC, WebP, GIF, Word, Excel, PowerPoint, OpenDocument, teks"
}

// Detect tells the content type and extension of a file from its first
// bytes (512 are enough for everything but office documents, which are zip
// archives and need the whole file: see detectFile). It returns a
// *TypeError for content not accepted.
func Detect(head []byte) (contentType, ext string, err error) {
	switch {
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
		switch string(head[8:12]) {
		case "heic", "heix", "hevc", "hevx", "heim", "heis":
			return "image/heic", ".heic", nil
		case "mif1", "msf1":
			return "image/heif", ".heif", nil
		case "avif":
			return "image/avif", ".avif", nil
		}
		return "", "", &TypeError{Detected: "video atau media lain"}
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return "application/msword", ".doc", nil
	case bytes.HasPrefix(head, []byte("MZ")):
		return "", "", &TypeError{Detected: "program Windows"}
	case bytes.HasPrefix(head, []byte("\x7fELF")):
		return "", "", &TypeError{Detected: "program Linux"}
	case bytes.HasPrefix(head, []byte{0xCF, 0xFA, 0xED, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xED, 0xFA, 0xCE}),
		bytes.HasPrefix(head, []byte{0xCA, 0xFE, 0xBA, 0xBE}):
		return "", "", &TypeError{Detected: "program macOS atau Java"}
	case bytes.HasPrefix(head, []byte("#!")):
		return "", "", &TypeError{Detected: "skrip"}
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "", "", &TypeError{Detected: "arsip zip"} // office documents are told apart by detectFile
	}
	if looksText(head) {
		t := strings.ToLower(strings.TrimSpace(string(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")))))
		for _, markup := range []string{"<!doctype", "<html", "<svg", "<?xml", "<script", "<head", "<body", "<iframe"} {
			if strings.HasPrefix(t, markup) || strings.Contains(t, "<script") {
				return "", "", &TypeError{Detected: "halaman web atau XML"}
			}
		}
		return "text/plain; charset=utf-8", ".txt", nil
	}
	return "", "", &TypeError{Detected: "jenis tidak dikenal"}
}

// looksText reports whether head is UTF-8 text without NUL or other binary
// control characters (a cut at the end of the sample is allowed).
func looksText(head []byte) bool {
	for i := 0; i < len(head); {
		r, size := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && size <= 1 {
			if len(head)-i < utf8.UTFMax {
				return true // a character cut by the sample's end
			}
			return false
		}
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			return false
		}
		i += size
	}
	return true
}

// detectFile detects the type of a whole file of size n: zip archives are
// opened to tell office documents from other archives.
func detectFile(f *os.File, n int64) (string, string, error) {
	head := make([]byte, 512)
	m, err := f.ReadAt(head, 0)
	if err != nil && err != io.EOF {
		return "", "", err
	}
	head = head[:m]
	if !bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		return Detect(head)
	}
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
	var types bool
	kind := ""
	for _, zf := range zr.File {
		switch {
		case zf.Name == "[Content_Types].xml":
			types = true
		case strings.HasPrefix(zf.Name, "word/"):
			kind = "docx"
		case strings.HasPrefix(zf.Name, "xl/"):
			kind = "xlsx"
		case strings.HasPrefix(zf.Name, "ppt/"):
			kind = "pptx"
		}
	}
	if types {
		switch kind {
		case "docx":
			return "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", nil
		case "xlsx":
			return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", nil
		case "pptx":
			return "application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx", nil
		}
	}
	return "", "", &TypeError{Detected: "arsip zip"}
}
