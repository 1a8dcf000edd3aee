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
	"sort"
	"strings"
	"sync"
	"time"
)

// Sentinel errors shared by every layer. Handlers translate them to a page or
// a problem+json response once, at the edge.
var (
	ErrNotFound        = errors.New("not found")
	ErrForbidden       = errors.New("forbidden")
	ErrUnauthenticated = errors.New("unauthenticated")
	ErrConflict        = errors.New("conflict")
	// ErrStale is the conflict of a write sent with a version older than
	// the record's: someone changed it since it was read. It wraps
	// ErrConflict, so both answer 409; only this one says "changed".
	ErrStale             = fmt.Errorf("changed since it was read: %w", ErrConflict)
	ErrInvalidTransition = errors.New("invalid transition")
	ErrRateLimited       = errors.New("rate limited")
	ErrTooLarge          = errors.New("too large")
)

// Message is a text for a person: a key of the locale catalogs and the
// arguments its text takes. It is rendered in the reader's language only
// where it is shown (a page, a problem document, a notification), never
// composed into prose below that edge. A Message is also an error, so a
// rule that fails can say why without choosing a language.
type Message struct {
	Key  string
	Args []any
}

// Msg returns the message key with its arguments.
func Msg(key string, args ...any) Message { return Message{Key: key, Args: args} }

// MessageKey returns the key and arguments, so that a Message given as an
// argument of another is rendered in the same language.
func (m Message) MessageKey() (string, []any) { return m.Key, m.Args }

// Error implements error with the key and its arguments, for logs.
func (m Message) Error() string {
	if len(m.Args) == 0 {
		return m.Key
	}
	return m.Key + fmt.Sprint(m.Args)
}

// StateError is a state conflict that says why: the act does not apply
// to the record as it is now (the period is locked, an objection is open,
// the result is final ...). Its Message names the reason for the reader;
// it is Err (ErrInvalidTransition unless told otherwise), so it answers
// 409 wherever a state conflict does.
type StateError struct {
	Message
	Err error
}

// Refused is the state conflict of an act that does not apply now, with
// the message key (and arguments) of its reason.
func Refused(key string, args ...any) error {
	return &StateError{Message: Msg(key, args...), Err: ErrInvalidTransition}
}

// Error implements error with the sentinel and the reason's key, for logs.
func (e *StateError) Error() string { return e.Err.Error() + ": " + e.Message.Error() }

// Unwrap gives the reason and the sentinel, so that errors.As finds the
// Message and errors.Is the sentinel.
func (e *StateError) Unwrap() []error { return []error{e.Message, e.Err} }

// ValidationError reports invalid input, field by field. Each field holds
// a message key of the locale catalogs and, in Args, the arguments of its
// text, so that the web UI and the API render it in the reader's language.
type ValidationError struct {
	Fields map[string]string // field -> message key
	Args   map[string][]any  // field -> the arguments of its message, if any
}

// Error implements error.
func (e *ValidationError) Error() string {
	parts := make([]string, 0, len(e.Fields))
	for k := range e.Fields {
		parts = append(parts, k+": "+e.Message(k).Error())
	}
	sort.Strings(parts)
	return "invalid input: " + strings.Join(parts, "; ")
}

// Add records the message key (with its arguments) for field, keeping the
// first one given.
func (e *ValidationError) Add(field, key string, args ...any) {
	if e.Fields == nil {
		e.Fields = map[string]string{}
	}
	if _, ok := e.Fields[field]; ok {
		return
	}
	e.Fields[field] = key
	if len(args) > 0 {
		if e.Args == nil {
			e.Args = map[string][]any{}
		}
		e.Args[field] = args
	}
}

// AddErr records err for field: a Message (or an error wrapping one)
// keeps its key and arguments; any other error gives its text.
func (e *ValidationError) AddErr(field string, err error) {
	var m Message
	if errors.As(err, &m) {
		e.Add(field, m.Key, m.Args...)
		return
	}
	e.Add(field, err.Error())
}

// Message returns the message of field.
func (e *ValidationError) Message(field string) Message {
	return Message{Key: e.Fields[field], Args: e.Args[field]}
}

// Merge adds other's field messages, with their arguments, to e, keeping
// a field's first message. other may be nil.
func (e *ValidationError) Merge(other *ValidationError) {
	if other == nil {
		return
	}
	for f, key := range other.Fields {
		e.Add(f, key, other.Args[f]...)
	}
}

// Err returns e when it holds at least one field message, nil otherwise.
func (e *ValidationError) Err() error {
	if e == nil || len(e.Fields) == 0 {
		return nil
	}
	return e
}

// Invalid is a shorthand for a ValidationError with one field, its message
// key and the key's arguments.
func Invalid(field, key string, args ...any) error {
	var v ValidationError
	v.Add(field, key, args...)
	return &v
}

// InvalidErr is Invalid with the message of err (see AddErr).
func InvalidErr(field string, err error) error {
	var v ValidationError
	v.AddErr(field, err)
	return &v
}

var idState struct {
	sync.Mutex
	last int64
	seq  uint16
}

// NewID returns a new identifier: 32 lowercase hexadecimal digits that sort
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
		return "", Msg("invalid.date", s)
	}
	return Date(t.Format(time.DateOnly)), nil
}

// Time returns the date at midnight UTC.
func (d Date) Time() time.Time {
	t, _ := time.Parse(time.DateOnly, string(d))
	return t
}

// IsID reports whether s has the shape of an identifier NewID makes: 32
// lowercase hexadecimal digits. A reference of another shape names
// nothing, and is refused as invalid input before anything is looked up.
func IsID(s string) bool {
	if len(s) != 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// NoVersion is the version of a write that named none. No record has it
// (versions start at 1), so such a write passes every check of who may act
// and then conflicts, never overwriting anything; the API answers that
// conflict as the missing version it is.
const NoVersion = -1
