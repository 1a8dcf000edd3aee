package blob_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/kinerja-id/kinerja/internal/blob"
	"github.com/kinerja-id/kinerja/internal/model"
)

func zipOf(t *testing.T, names ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, n := range names {
		f, _ := w.Create(n)
		f.Write([]byte("<x/>"))
	}
	w.Close()
	return buf.Bytes()
}

func odt(t *testing.T) []byte {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	f, _ := w.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	f.Write([]byte("application/vnd.oasis.opendocument.text"))
	g, _ := w.Create("content.xml")
	g.Write([]byte("<x/>"))
	w.Close()
	return buf.Bytes()
}

func heic() []byte {
	b := []byte{0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c'}
	return append(b, bytes.Repeat([]byte{7, 1, 200}, 300)...)
}

func TestAcceptedKinds(t *testing.T) {
	s, err := blob.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	png := append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0}, 64)...)
	for _, c := range []struct {
		name    string
		content []byte
		ct, ext string
	}{
		{"pdf", blob.SamplePDF("Laporan", "baris satu"), "application/pdf", ".pdf"},
		{"jpeg", blob.SampleJPEG(32, 24, 1), "image/jpeg", ".jpg"},
		{"png", png, "image/png", ".png"},
		{"heic photo", heic(), "image/heic", ".heic"},
		{"docx", zipOf(t, "[Content_Types].xml", "word/document.xml"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"},
		{"xlsx", zipOf(t, "[Content_Types].xml", "xl/workbook.xml"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"},
		{"odt", odt(t), "application/vnd.oasis.opendocument.text", ".odt"},
		{"text", []byte("Daftar hadir rapat\nSenin, 2 Maret\n"), "text/plain; charset=utf-8", ".txt"},
	} {
		b, err := s.Put(context.Background(), bytes.NewReader(c.content), 1<<20)
		if err != nil || b.ContentType != c.ct || b.Ext != c.ext || b.Size != int64(len(c.content)) {
			t.Errorf("%s: %+v, %v", c.name, b, err)
			continue
		}
		f, err := s.Open(b.SHA256)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(f)
		f.Close()
		if !bytes.Equal(got, c.content) {
			t.Errorf("%s: stored content differs", c.name)
		}
	}
}

func TestRefusedKinds(t *testing.T) {
	dir := t.TempDir()
	s, _ := blob.Open(dir)
	for name, content := range map[string][]byte{
		"exe renamed .pdf": append([]byte("MZ\x90\x00\x03"), bytes.Repeat([]byte{0}, 200)...),
		"elf":              append([]byte("\x7fELF\x02\x01\x01"), bytes.Repeat([]byte{0}, 200)...),
		"shell script":     []byte("#!/bin/sh\nrm -rf /\n"),
		"html":             []byte("<!DOCTYPE html><html><body>hai</body></html>"),
		"svg":              []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`),
		"plain zip":        zipOf(t, "a.txt", "b.txt"),
		"binary":           {0x00, 0x01, 0x02, 0xfe, 0xff, 0x10, 0x00},
		"empty":            {},
	} {
		_, err := s.Put(context.Background(), bytes.NewReader(content), 1<<20)
		var te *blob.TypeError
		if !errors.As(err, &te) {
			t.Errorf("%s: %v", name, err)
		}
	}
	// Too large: refused, nothing left behind.
	_, err := s.Put(context.Background(), bytes.NewReader(blob.SamplePDF("besar", string(bytes.Repeat([]byte("x"), 5000)))), 1000)
	if !errors.Is(err, model.ErrTooLarge) {
		t.Errorf("too large: %v", err)
	}
	var files []string
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if len(files) != 0 {
		t.Errorf("refused uploads left files: %v", files)
	}
	for _, bad := range []string{"../../etc/passwd", "", "ZZ" + string(bytes.Repeat([]byte("a"), 62)), string(bytes.Repeat([]byte("A"), 64))} {
		if _, err := s.Open(bad); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("Open(%q): %v", bad, err)
		}
	}
}

func TestSameContentIsStoredOnce(t *testing.T) {
	dir := t.TempDir()
	s, _ := blob.Open(dir)
	photo := blob.SampleJPEG(40, 30, 7)
	var wg sync.WaitGroup
	sums := make([]string, 8)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b, err := s.Put(context.Background(), bytes.NewReader(photo), 1<<20)
			if err != nil {
				t.Error(err)
			}
			sums[i] = b.SHA256
		}()
	}
	wg.Wait()
	for _, sum := range sums {
		if sum != sums[0] || !s.Exists(sum) {
			t.Fatalf("sums = %v", sums)
		}
	}
	n := 0
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			n++
		}
		return nil
	})
	if n != 1 {
		t.Errorf("%d files for one content", n)
	}
	if err := s.Remove(sums[0]); err != nil || s.Exists(sums[0]) {
		t.Errorf("remove: %v", err)
	}
}
