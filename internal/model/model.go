// Package model holds Kinerja's domain types and the pure rules that act on
// them. It does no I/O and imports nothing else of Kinerja's.
//
// Domain words stay Indonesian where the regulation names them:
//
//   - ASN (Aparatur Sipil Negara): a civil servant, either PNS (civil servant
//     with tenure) or PPPK (government employee on contract).
//   - Instansi: the government body that employs people, e.g. "Pemerintah Kota
//     Sawahlunto". Everything in Kinerja is scoped to one instansi.
//   - Unit (unit organisasi, unor): a node of the organisation tree: a
//     perangkat daerah (OPD), its bidang, sub-bagian and seksi, a UPT, a
//     puskesmas, a school, a kecamatan or a kelurahan.
//   - Jabatan (position): a post in a unit, of a kind (JPT, administrator,
//     pengawas, pelaksana, fungsional) with a superior position.
//   - Pejabat penilai: the employee who rates someone, normally the holder of
//     the superior position. Atasan pejabat penilai: the one above that.
//   - Plt / Plh: acting holders of a position (pelaksana tugas / harian).
package model

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

// Sentinel errors shared by every layer. Handlers translate them to a page or
// a problem+json response once, at the edge.
var (
	ErrNotFound          = errors.New("not found")
	ErrForbidden         = errors.New("forbidden")
	ErrUnauthenticated   = errors.New("unauthenticated")
	ErrConflict          = errors.New("conflict")
	ErrInvalidTransition = errors.New("invalid transition")
	ErrRateLimited       = errors.New("rate limited")
	ErrTooLarge          = errors.New("too large")
)

// ValidationError reports invalid input, field by field. Messages are
// message ids of the locale catalogs (or plain Indonesian text when no id
// fits) so that the web UI and the API can show them in the user's language.
type ValidationError struct {
	Fields map[string]string
}

// Error implements error.
func (e *ValidationError) Error() string {
	parts := make([]string, 0, len(e.Fields))
	for k, v := range e.Fields {
		parts = append(parts, k+": "+v)
	}
	return "invalid input: " + strings.Join(parts, "; ")
}

// Add records a message for field, keeping the first one given.
func (e *ValidationError) Add(field, msg string) {
	if e.Fields == nil {
		e.Fields = map[string]string{}
	}
	if _, ok := e.Fields[field]; !ok {
		e.Fields[field] = msg
	}
}

// Err returns e when it holds at least one field message, nil otherwise.
func (e *ValidationError) Err() error {
	if e == nil || len(e.Fields) == 0 {
		return nil
	}
	return e
}

// Invalid is a shorthand for a ValidationError with one field.
func Invalid(field, msg string) error {
	return &ValidationError{Fields: map[string]string{field: msg}}
}

var idState struct {
	sync.Mutex
	last int64
	seq  uint16
}

// NewID returns a new identifier: 26 lowercase hex-like characters that sort
// by creation time (a UUIDv7-style layout without dashes), so that cursors
// over ids follow creation order.
func NewID() string {
	idState.Lock()
	ms := time.Now().UnixMilli()
	if ms <= idState.last {
		ms = idState.last
		idState.seq++
		if idState.seq == 0 {
			ms++
		}
	} else {
		idState.seq = 0
	}
	idState.last = ms
	seq := idState.seq
	idState.Unlock()

	var b [16]byte
	b[0] = byte(ms >> 40)
	b[1] = byte(ms >> 32)
	b[2] = byte(ms >> 24)
	b[3] = byte(ms >> 16)
	b[4] = byte(ms >> 8)
	b[5] = byte(ms)
	b[6] = byte(seq >> 8)
	b[7] = byte(seq)
	if _, err := rand.Read(b[8:]); err != nil {
		panic(fmt.Sprintf("model: random source failed: %v", err))
	}
	return hex.EncodeToString(b[:])
}

// Date is a calendar date without time of day, written YYYY-MM-DD.
type Date string

// ParseDate checks that s is a real calendar date in YYYY-MM-DD form.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return "", fmt.Errorf("tanggal %q tidak valid (format YYYY-MM-DD)", s)
	}
	return Date(t.Format(time.DateOnly)), nil
}

// Time returns the date at midnight UTC.
func (d Date) Time() time.Time {
	t, _ := time.Parse(time.DateOnly, string(d))
	return t
}
