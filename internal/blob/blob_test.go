package blob_test

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf16"

	"github.com/kinerja-id/kinerja/internal/blob"
	"github.com/kinerja-id/kinerja/internal/model"
)

// zipOf is a zip archive holding the named entries.
func zipOf(t *testing.T, names ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, n := range names {
		f, err := w.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte("<x/>"))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// openDocument is an OpenDocument file of the given mimetype: the mimetype
// entry first and stored, as the standard requires.
func openDocument(t *testing.T, mimetype string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	f, err := w.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte(mimetype))
	g, _ := w.Create("content.xml")
	g.Write([]byte("<x/>"))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// ole is a minimal OLE compound file (MS-CFB, 512-byte sectors): sector 0
// holds the FAT, sector 1 the directory with a root entry of class id
// clsid and the named streams (three at most).
func ole(t *testing.T, clsid []byte, streams ...string) []byte {
	t.Helper()
	le := binary.LittleEndian
	out := make([]byte, 3*512)
	h := out[:512]
	copy(h, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	le.PutUint16(h[24:], 0x3E)
	le.PutUint16(h[26:], 3)
	le.PutUint16(h[28:], 0xFFFE)
	le.PutUint16(h[30:], 9)
	le.PutUint16(h[32:], 6)
	le.PutUint32(h[44:], 1)          // one FAT sector
	le.PutUint32(h[48:], 1)          // the directory starts at sector 1
	le.PutUint32(h[56:], 4096)       // mini stream cutoff
	le.PutUint32(h[60:], 0xFFFFFFFE) // no mini FAT
	le.PutUint32(h[68:], 0xFFFFFFFE) // no DIFAT sectors
	for i := range 109 {
		le.PutUint32(h[76+4*i:], 0xFFFFFFFF)
	}
	le.PutUint32(h[76:], 0) // the FAT is sector 0
	fat := out[512:1024]
	for i := range 128 {
		le.PutUint32(fat[4*i:], 0xFFFFFFFF)
	}
	le.PutUint32(fat[0:], 0xFFFFFFFD) // sector 0 is a FAT sector
	le.PutUint32(fat[4:], 0xFFFFFFFE) // the directory is one sector
	dir := out[1024:]
	entry := func(i int, name string, typ byte) []byte {
		e := dir[128*i : 128*(i+1)]
		u := utf16.Encode([]rune(name))
		for j, c := range u {
			le.PutUint16(e[2*j:], c)
		}
		le.PutUint16(e[64:], uint16(2*len(u)+2))
		e[66] = typ
		for _, off := range []int{68, 72, 76} {
			le.PutUint32(e[off:], 0xFFFFFFFF) // no siblings, no child
		}
		return e
	}
	copy(entry(0, "Root Entry", 5)[80:96], clsid)
	if len(streams) > 0 {
		le.PutUint32(dir[76:], 1) // the root's child
	}
	for i, s := range streams {
		entry(i+1, s, 2)
	}
	return out
}

var msiCLSID = []byte{0x84, 0x10, 0x0C, 0x00, 0x00, 0x00, 0x00, 0x00, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46}

// ftyp is an ISO base media file with the given major and compatible
// brands, followed by some bytes.
func ftyp(major string, compatible ...string) []byte {
	box := []byte("ftyp" + major + "\x00\x00\x00\x00" + strings.Join(compatible, ""))
	b := binary.BigEndian.AppendUint32(nil, uint32(4+len(box)))
	b = append(b, box...)
	return append(b, bytes.Repeat([]byte{7, 1, 200, 0}, 300)...)
}

func gifImage(t *testing.T) []byte {
	t.Helper()
	img := image.NewPaletted(image.Rect(0, 0, 8, 8), color.Palette{color.White, color.Black})
	img.SetColorIndex(3, 3, 1)
	var buf bytes.Buffer
	if err := gif.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// webp is a RIFF WebP header with a lossless chunk of filler bytes.
func webp() []byte {
	body := append([]byte("WEBPVP8L"), binary.LittleEndian.AppendUint32(nil, 64)...)
	body = append(body, bytes.Repeat([]byte{0x2f, 0x01}, 32)...)
	return append(append([]byte("RIFF"), binary.LittleEndian.AppendUint32(nil, uint32(len(body)))...), body...)
}

// randomBytes is n bytes of seeded noise.
func randomBytes(n int, seed uint64) []byte {
	rng := rand.New(rand.NewPCG(seed, seed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(rng.UintN(256))
	}
	return b
}

// files lists the regular files under dir.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func openStore(t *testing.T) (*blob.Store, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "bukti")
	s, err := blob.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s, dir
}

func TestPutAcceptsEvidence(t *testing.T) {
	const (
		docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
		xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
		pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
		text = "text/plain; charset=utf-8"
	)
	// Long enough to span several reads, with characters of 2 and 3 bytes.
	longText := strings.Repeat("Rapat koordinasi — peserta hadir: 12 orang, café 3×.\n", 2000)
	for _, c := range []struct {
		name    string
		content []byte
		oneByte bool // read the content a byte at a time
		ct, ext string
	}{
		{name: "pdf", content: blob.SamplePDF("Laporan", "baris satu"), ct: "application/pdf", ext: ".pdf"},
		{name: "jpeg", content: blob.SampleJPEG(32, 24, 1), ct: "image/jpeg", ext: ".jpg"},
		{name: "png", content: blob.SamplePNG(32, 24, 1), ct: "image/png", ext: ".png"},
		{name: "gif", content: gifImage(t), ct: "image/gif", ext: ".gif"},
		{name: "webp", content: webp(), ct: "image/webp", ext: ".webp"},
		{name: "iphone heic", content: ftyp("heic", "mif1", "miaf", "MiHB", "heic"), ct: "image/heic", ext: ".heic"},
		{name: "heix", content: ftyp("heix", "mif1", "heix"), ct: "image/heic", ext: ".heic"},
		{name: "heif mif1", content: ftyp("mif1", "mif1", "heic"), ct: "image/heif", ext: ".heif"},
		{name: "docx", content: zipOf(t, "[Content_Types].xml", "_rels/.rels", "word/document.xml"), ct: docx, ext: ".docx"},
		{name: "xlsx", content: zipOf(t, "[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"), ct: xlsx, ext: ".xlsx"},
		{name: "pptx", content: zipOf(t, "[Content_Types].xml", "ppt/presentation.xml"), ct: pptx, ext: ".pptx"},
		{name: "odt", content: openDocument(t, "application/vnd.oasis.opendocument.text"), ct: "application/vnd.oasis.opendocument.text", ext: ".odt"},
		{name: "ods", content: openDocument(t, "application/vnd.oasis.opendocument.spreadsheet"), ct: "application/vnd.oasis.opendocument.spreadsheet", ext: ".ods"},
		{name: "odp", content: openDocument(t, "application/vnd.oasis.opendocument.presentation"), ct: "application/vnd.oasis.opendocument.presentation", ext: ".odp"},
		{name: "legacy word", content: ole(t, nil, "WordDocument", "1Table"), ct: "application/msword", ext: ".doc"},
		{name: "legacy excel", content: ole(t, nil, "Workbook"), ct: "application/vnd.ms-excel", ext: ".xls"},
		{name: "legacy powerpoint", content: ole(t, nil, "PowerPoint Document", "Current User"), ct: "application/vnd.ms-powerpoint", ext: ".ppt"},
		{name: "other ole file", content: ole(t, nil, "__substg1.0_0037001F"), ct: "application/msword", ext: ".doc"},
		{name: "text", content: []byte("Daftar hadir rapat\nSenin, 2 Maret\n"), ct: text, ext: ".txt"},
		{name: "csv", content: []byte("nip,nama,hadir\r\n198001012005011001,Budi Santoso,ya\r\n"), ct: text, ext: ".txt"},
		{name: "text with bom", content: []byte("\xEF\xBB\xBFCatatan lapangan"), ct: text, ext: ".txt"},
		{name: "long text", content: []byte(longText), ct: text, ext: ".txt"},
		{name: "long text a byte at a time", content: []byte(longText[:3000]), oneByte: true, ct: text, ext: ".txt"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, _ := openStore(t)
			var r io.Reader = bytes.NewReader(c.content)
			if c.oneByte {
				r = iotest.OneByteReader(r)
			}
			b, err := s.Put(context.Background(), r, 1<<20)
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(c.content)
			want := blob.Blob{SHA256: hex.EncodeToString(sum[:]), Size: int64(len(c.content)), ContentType: c.ct, Ext: c.ext}
			if b != want {
				t.Fatalf("Put = %+v, want %+v", b, want)
			}
			f, err := s.Open(b.SHA256)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			got, err := io.ReadAll(f)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, c.content) {
				t.Error("stored content differs from what was put")
			}
		})
	}
}

func TestPutRefusesOtherContent(t *testing.T) {
	s, dir := openStore(t)
	// An executable renamed "laporan.pdf": the name never reaches the store,
	// only the content does, and that says MZ.
	exe := append([]byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00"), bytes.Repeat([]byte{0}, 400)...)
	copy(exe[0x80:], "PE\x00\x00")
	for _, c := range []struct {
		name     string
		content  []byte
		detected string
	}{
		{"exe renamed .pdf", exe, "program Windows"},
		{"elf", append([]byte("\x7fELF\x02\x01\x01"), bytes.Repeat([]byte{0}, 200)...), "program Linux"},
		{"mach-o", append([]byte{0xCF, 0xFA, 0xED, 0xFE, 7, 0, 0, 1}, bytes.Repeat([]byte{0}, 200)...), "program macOS atau Java"},
		{"shell script", []byte("#!/bin/sh\nrm -rf /\n"), "skrip"},
		{"html", []byte("<html><body>hai</body></html>"), "halaman web atau XML"},
		{"html doctype", []byte("\n  <!DOCTYPE html><title>x</title>"), "halaman web atau XML"},
		{"html comment first", []byte("<!-- laporan --><div onclick=x>hai</div>"), "halaman web atau XML"},
		{"html after text", []byte("Laporan kegiatan\n<script>fetch('/api')</script>"), "halaman web atau XML"},
		{"svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), "halaman web atau XML"},
		{"xml", []byte(`<?xml version="1.0"?><laporan/>`), "halaman web atau XML"},
		{"javascript", []byte("function steal() { return document.cookie }\n"), "skrip"},
		{"javascript iife", []byte("(function(){ alert(1) })()"), "skrip"},
		{"batch file", []byte("@echo off\r\ndel /q C:\\*\r\n"), "skrip"},
		{"plain zip", zipOf(t, "a.txt", "b.txt"), "arsip zip"},
		{"zip with content types only", zipOf(t, "[Content_Types].xml", "payload.exe"), "arsip zip"},
		{"macro word document", zipOf(t, "[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"), "dokumen Office bermakro"},
		{"windows installer", ole(t, msiCLSID), "penginstal Windows"},
		{"mp4 video", ftyp("isom", "isom", "mp41"), "video atau media lain"},
		{"random binary", randomBytes(4096, 1), "jenis tidak dikenal"},
		{"text then binary", append([]byte(strings.Repeat("Catatan harian. ", 60)), 0, 1, 2, 0xff), "berkas biner"},
		{"utf-16 text", []byte("\xFF\xFEL\x00a\x00p\x00o\x00r\x00a\x00n\x00"), "jenis tidak dikenal"},
		{"empty", nil, "berkas kosong"},
	} {
		t.Run(c.name, func(t *testing.T) {
			b, err := s.Put(context.Background(), bytes.NewReader(c.content), 1<<20)
			var te *blob.TypeError
			if !errors.As(err, &te) {
				t.Fatalf("Put = %+v, %v; want a *blob.TypeError", b, err)
			}
			if te.Detected != c.detected {
				t.Errorf("Detected = %q, want %q", te.Detected, c.detected)
			}
			if !strings.HasPrefix(err.Error(), "file type not accepted as evidence") {
				t.Errorf("Error() = %q", err.Error())
			}
		})
	}
	if left := files(t, dir); len(left) != 0 {
		t.Errorf("refused uploads left files: %v", left)
	}
}

func TestPutSizeLimit(t *testing.T) {
	s, dir := openStore(t)
	photo := blob.SampleJPEG(64, 48, 2)
	max := int64(len(photo))

	_, err := s.Put(context.Background(), bytes.NewReader(photo), max-1)
	if !errors.Is(err, model.ErrTooLarge) {
		t.Fatalf("one byte over the limit: %v, want model.ErrTooLarge", err)
	}
	if left := files(t, dir); len(left) != 0 {
		t.Fatalf("a refused upload left files: %v", left)
	}
	// A large stream is cut off at the limit, not read to its end.
	endless := io.MultiReader(bytes.NewReader(photo), iotest.ErrReader(errors.New("read past the limit")))
	if _, err := s.Put(context.Background(), endless, 100); !errors.Is(err, model.ErrTooLarge) {
		t.Fatalf("stream over the limit: %v, want model.ErrTooLarge", err)
	}
	b, err := s.Put(context.Background(), bytes.NewReader(photo), max)
	if err != nil || b.Size != max {
		t.Fatalf("exactly at the limit: %+v, %v", b, err)
	}
	if left := files(t, dir); len(left) != 1 {
		t.Errorf("files after one accepted upload: %v", left)
	}
}

func TestPutCancelled(t *testing.T) {
	s, dir := openStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Put(ctx, bytes.NewReader(blob.SamplePDF("x")), 1<<20); !errors.Is(err, context.Canceled) {
		t.Fatalf("Put with a cancelled context: %v", err)
	}
	if left := files(t, dir); len(left) != 0 {
		t.Errorf("a cancelled upload left files: %v", left)
	}
}

func TestSameContentIsStoredOnce(t *testing.T) {
	s, dir := openStore(t)
	report := blob.SamplePDF("Laporan bulanan", "Sama persis")
	first, err := s.Put(context.Background(), bytes.NewReader(report), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	second, err := s.Put(context.Background(), bytes.NewReader(report), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if first != second {
		t.Errorf("second Put = %+v, first %+v", second, first)
	}
	sum := first.SHA256
	want := []string{filepath.Join(dir, sum[:2], sum[2:4], sum)}
	if got := files(t, dir); len(got) != 1 || got[0] != want[0] {
		t.Errorf("files = %v, want %v", got, want)
	}
}

func TestConcurrentPutsOfTheSameContent(t *testing.T) {
	s, dir := openStore(t)
	photo := blob.SampleJPEG(40, 30, 7)
	sum := sha256.Sum256(photo)
	want := hex.EncodeToString(sum[:])
	var wg sync.WaitGroup
	sums := make([]string, 8)
	errs := make([]error, 8)
	for i := range 8 {
		wg.Go(func() {
			b, err := s.Put(context.Background(), bytes.NewReader(photo), 1<<20)
			sums[i], errs[i] = b.SHA256, err
		})
	}
	wg.Wait()
	for i := range 8 {
		if errs[i] != nil || sums[i] != want {
			t.Errorf("Put %d = %s, %v; want %s", i, sums[i], errs[i], want)
		}
	}
	if got := files(t, dir); len(got) != 1 {
		t.Errorf("files = %v, want one", got)
	}
}

func TestOpenExistsRemove(t *testing.T) {
	s, _ := openStore(t)
	b, err := s.Put(context.Background(), bytes.NewReader(blob.SamplePNG(8, 8, 1)), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if !s.Exists(b.SHA256) {
		t.Fatal("Exists after Put = false")
	}
	absent := strings.Repeat("ab", 32)
	for _, bad := range []string{
		"../../etc/passwd",
		"",
		absent[:62] + "/x",
		"../" + absent[3:],
		strings.ToUpper(b.SHA256),
		"zz" + b.SHA256[2:],
		b.SHA256 + "0",
		absent, // well formed, but no such file
	} {
		if f, err := s.Open(bad); !errors.Is(err, model.ErrNotFound) {
			if f != nil {
				f.Close()
			}
			t.Errorf("Open(%q) = %v, want model.ErrNotFound", bad, err)
		}
		if s.Exists(bad) {
			t.Errorf("Exists(%q) = true", bad)
		}
	}
	if err := s.Remove("../../etc/passwd"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("Remove of a path: %v, want model.ErrNotFound", err)
	}
	if err := s.Remove(b.SHA256); err != nil {
		t.Fatal(err)
	}
	if s.Exists(b.SHA256) {
		t.Error("Exists after Remove = true")
	}
	if _, err := s.Open(b.SHA256); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("Open after Remove: %v, want model.ErrNotFound", err)
	}
	if err := s.Remove(b.SHA256); err != nil {
		t.Errorf("Remove of a removed file: %v", err)
	}
}

func TestOpenClearsStaleUploads(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "bukti")
	if _, err := blob.Open(dir); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(dir)
	if err != nil || info.Mode().Perm() != 0o750 {
		t.Fatalf("store directory: %v, %v; want mode 0750", info.Mode(), err)
	}
	stale := filepath.Join(dir, "tmp", "upload-stale")
	fresh := filepath.Join(dir, "tmp", "upload-fresh")
	for _, p := range []string{stale, fresh} {
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-48 * time.Hour)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	if _, err := blob.Open(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale upload kept: %v", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("upload in progress removed: %v", err)
	}
}

func TestDetect(t *testing.T) {
	for _, c := range []struct {
		head    string
		ct, ext string // empty: refused
	}{
		{"%PDF-1.7\n", "application/pdf", ".pdf"},
		{"\xFF\xD8\xFF\xE0\x00\x10JFIF", "image/jpeg", ".jpg"},
		{"GIF89a\x01\x00", "image/gif", ".gif"},
		{"Laporan kegiatan Januari", "text/plain; charset=utf-8", ".txt"},
		{"Nilai < 70 perlu dibina", "text/plain; charset=utf-8", ".txt"},
		{"Kata terpotong: caf\xC3", "text/plain; charset=utf-8", ".txt"}, // the sample ends inside é
		{"MZ\x90\x00", "", ""},
		{"<a href=x>", "", ""},
		{"Rusak \xC3\x28 di tengah", "", ""},
		{"", "", ""},
	} {
		ct, ext, err := blob.Detect([]byte(c.head))
		if ct != c.ct || ext != c.ext {
			t.Errorf("Detect(%q) = %q, %q, %v; want %q, %q", c.head, ct, ext, err, c.ct, c.ext)
		}
		var te *blob.TypeError
		if refused := errors.As(err, &te); refused != (c.ct == "") {
			t.Errorf("Detect(%q) error = %v", c.head, err)
		}
	}
}

func TestSamples(t *testing.T) {
	for name, gen := range map[string]func(w, h int, seed uint64) []byte{"png": blob.SamplePNG, "jpeg": blob.SampleJPEG} {
		a, b, c := gen(20, 10, 5), gen(20, 10, 5), gen(20, 10, 6)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: same seed, different images", name)
		}
		if bytes.Equal(a, c) {
			t.Errorf("%s: different seeds, same image", name)
		}
		var img image.Image
		var err error
		if name == "png" {
			img, err = png.Decode(bytes.NewReader(a))
		} else {
			img, err = jpeg.Decode(bytes.NewReader(a))
		}
		if err != nil || img.Bounds() != image.Rect(0, 0, 20, 10) {
			t.Errorf("%s: decodes to %v, %v", name, img, err)
		}
	}
	pdf := blob.SamplePDF("Laporan", "isi")
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.Contains(pdf, []byte("(Laporan)")) || !bytes.HasSuffix(bytes.TrimSpace(pdf), []byte("%%EOF")) {
		t.Errorf("SamplePDF is not a PDF holding its title: %.80q", pdf)
	}
}
