package web_test

import (
	"bytes"
	"io"
	"mime/multipart"
	"testing"
)

func multipartFile(t *testing.T, name, content string) (io.Reader, string) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	f, err := w.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte(content))
	w.Close()
	return &buf, w.FormDataContentType()
}
