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
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

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

// Error tells that the file was refused and what it looks like.
func (e *TypeError) Error() string {
	return fmt.Sprintf("file type not accepted as evidence (%s)", e.Detected)
}

// staleUpload is how old a temporary file must be before Open removes it:
// far longer than any upload takes, so only leftovers of a crash go.
const staleUpload = 24 * time.Hour

// Open returns the store kept in dir, creating the directory (mode 0o750)
// if needed, and removes temporary files left by uploads a crash cut short.
func Open(dir string) (*Store, error) {
	tmp := filepath.Join(dir, "tmp")
	if err := os.MkdirAll(tmp, 0o750); err != nil {
		return nil, fmt.Errorf("evidence store %s: %w", dir, err)
	}
	if entries, err := os.ReadDir(tmp); err == nil {
		for _, e := range entries {
			if info, err := e.Info(); err == nil && info.Mode().IsRegular() && time.Since(info.ModTime()) > staleUpload {
				os.Remove(filepath.Join(tmp, e.Name()))
			}
		}
	}
	return &Store{dir: dir}, nil
}

// Dir is the directory the store keeps its files in.
func (s *Store) Dir() string { return s.dir }

// path is where the file of a hash lives. Only 64 lowercase hex digits are
// a hash, so no name can reach outside the store.
func (s *Store) path(sum string) (string, error) {
	if len(sum) != 64 || strings.Trim(sum, "0123456789abcdef") != "" {
		return "", fmt.Errorf("blob %q: %w", sum, model.ErrNotFound)
	}
	return filepath.Join(s.dir, sum[:2], sum[2:4], sum), nil
}

// Put stores the content read from r, at most maxBytes of it. The content
// streams to a temporary file in the store while it is hashed, its type is
// told from the content, and it is synced and renamed into place. A larger
// file is refused with an error wrapping model.ErrTooLarge, content of a
// kind not accepted with a *TypeError; either way nothing is kept. Content
// stored already is reported as it is and not written again.
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
	var text textScan
	limit := maxBytes
	if limit < math.MaxInt64 {
		limit++ // one byte more than allowed tells a file that is too large
	}
	n, err := io.Copy(io.MultiWriter(tmp, h, &text), io.LimitReader(readerCtx{ctx, r}, limit))
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
	if ct == textPlain && !text.valid() {
		// The start read as text, but further on there is binary content.
		return Blob{}, &TypeError{Detected: "berkas biner"}
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
	// Two uploads of the same content may both get here: the later rename
	// replaces the file with identical bytes, so either way one file stays.
	if err := os.Rename(tmp.Name(), final); err != nil {
		return Blob{}, fmt.Errorf("evidence store: %w", err)
	}
	keep = true
	syncDir(filepath.Dir(final))
	return b, nil
}

// syncDir makes a rename in dir durable. It is best effort: the file is in
// place already, and some systems cannot sync a directory.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// Open opens a stored file for reading. A hash that is not 64 lowercase hex
// digits, or that no file has, gives an error wrapping model.ErrNotFound.
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
// Removing a file that is not there is not an error.
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
