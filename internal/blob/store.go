// Package blob keeps evidence files (bukti dukung) on the local disk,
// addressed by the SHA-256 of their content: the same file attached twice
// is stored once, and a name can never point outside the store. The type of
// a file is detected from its content, never from its name, and only the
// kinds people attach as evidence are kept (PDF, images including phone
// photos in HEIC, office documents, plain text).
//
// The store knows nothing of who may read a file; the caller keeps the
// records that point at a file and checks access.
package blob

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/kinerja-id/kinerja/internal/model"
)

// Store is a directory of content-addressed files.
type Store struct {
	dir string
}

// Blob describes a stored file.
type Blob struct {
	SHA256      string // lowercase hex
	Size        int64
	ContentType string
	Ext         string // a safe extension for downloads, e.g. ".pdf"
}

// TypeError refuses content of a kind that is not accepted as evidence.
type TypeError struct {
	Detected string // what the content looks like, e.g. "program Windows"
}

func (e *TypeError) Error() string {
	return fmt.Sprintf("file type not accepted as evidence (%s)", e.Detected)
}

// Open returns the store kept in dir, creating the directory if needed.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(filepath.Join(dir, "tmp"), 0o750); err != nil {
		return nil, fmt.Errorf("evidence store %s: %w", dir, err)
	}
	return &Store{dir: dir}, nil
}

// Dir is the directory the store keeps its files in.
func (s *Store) Dir() string { return s.dir }

func (s *Store) path(sum string) (string, error) {
	if len(sum) != 64 {
		return "", fmt.Errorf("blob %q: %w", sum, model.ErrNotFound)
	}
	if _, err := hex.DecodeString(sum); err != nil || sum != lower(sum) {
		return "", fmt.Errorf("blob %q: %w", sum, model.ErrNotFound)
	}
	return filepath.Join(s.dir, sum[:2], sum[2:4], sum), nil
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// Put stores the content read from r, at most maxBytes of it. A larger
// file is refused with an error wrapping model.ErrTooLarge, content of a
// kind not accepted with a *TypeError; either way nothing is kept.
func (s *Store) Put(ctx context.Context, r io.Reader, maxBytes int64) (Blob, error) {
	tmp, err := os.CreateTemp(filepath.Join(s.dir, "tmp"), "upload-*")
	if err != nil {
		return Blob{}, fmt.Errorf("evidence upload: %w", err)
	}
	keep := false
	defer func() {
		if !keep {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), io.LimitReader(readerCtx{ctx, r}, maxBytes+1))
	if err != nil {
		return Blob{}, fmt.Errorf("evidence upload: %w", err)
	}
	if n > maxBytes {
		return Blob{}, fmt.Errorf("evidence larger than %d bytes: %w", maxBytes, model.ErrTooLarge)
	}
	if n == 0 {
		return Blob{}, &TypeError{Detected: "berkas kosong"}
	}
	ct, ext, err := detectFile(tmp, n)
	if err != nil {
		return Blob{}, err
	}
	if err := tmp.Sync(); err != nil {
		return Blob{}, err
	}
	if err := tmp.Close(); err != nil {
		return Blob{}, err
	}
	b := Blob{SHA256: hex.EncodeToString(h.Sum(nil)), Size: n, ContentType: ct, Ext: ext}
	final, _ := s.path(b.SHA256)
	if _, err := os.Stat(final); err == nil {
		return b, nil // the same content is stored already
	}
	if err := os.MkdirAll(filepath.Dir(final), 0o750); err != nil {
		return Blob{}, err
	}
	if err := os.Rename(tmp.Name(), final); err != nil {
		return Blob{}, fmt.Errorf("evidence store: %w", err)
	}
	keep = true
	return b, nil
}

// Open opens a stored file for reading.
func (s *Store) Open(sum string) (*os.File, error) {
	p, err := s.path(sum)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("blob %s: %w", sum, model.ErrNotFound)
	}
	return f, err
}

// Exists reports whether a file is stored.
func (s *Store) Exists(sum string) bool {
	p, err := s.path(sum)
	if err != nil {
		return false
	}
	_, err = os.Stat(p)
	return err == nil
}

// Remove deletes a stored file; the caller decides that no record uses it.
func (s *Store) Remove(sum string) error {
	p, err := s.path(sum)
	if err != nil {
		return err
	}
	if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

// readerCtx stops a long upload when the request is cancelled.
type readerCtx struct {
	ctx context.Context
	r   io.Reader
}

func (r readerCtx) Read(p []byte) (int, error) {
	if err := r.ctx.Err(); err != nil {
		return 0, err
	}
	return r.r.Read(p)
}
