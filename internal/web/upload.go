package web

import (
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
)

// errBodyTooLarge is a form whose body went over the cap of formProblem
// before it was read to its end: the fields read before are kept.
var errBodyTooLarge = errors.New("form body over the limit")

// errUnreadable is a form that is not multipart as it says, or whose text
// no record can keep (see formProblem).
var errUnreadable = errors.New("form unreadable")

// maxTextField bounds one text field of a multipart form, and
// maxTextFields all of them together.
const (
	maxTextField  = 64 << 10
	maxTextFields = 1 << 20
)

// readMultipart reads a multipart form part by part, as it arrives, into
// r.PostForm and r.Form: each text field (at most 64 KB), and each file
// part handed to file with its field and file name while it streams, so
// that a file over the limit is refused by whoever stores it while the
// other fields stay readable. What file leaves unread of its part is
// skipped. A body over the cap stops the reading with errBodyTooLarge;
// the fields read until then are kept, so a form whose file inputs come
// last keeps everything typed. Only an error file returns stops it too.
func readMultipart(r *http.Request, file func(field, name string, part io.Reader) error) error {
	if r.PostForm == nil {
		r.PostForm = url.Values{}
	}
	if r.Form == nil {
		r.Form = url.Values{}
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return errUnreadable
	}
	text := 0
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return bodyErr(err)
		}
		name := part.FormName()
		if part.FileName() != "" {
			if err := file(name, part.FileName(), part); err != nil {
				return err
			}
			if _, err := io.Copy(io.Discard, part); err != nil {
				return bodyErr(err)
			}
			continue
		}
		v, err := readField(part)
		if err != nil {
			return err
		}
		if text += len(v); text > maxTextFields {
			return errUnreadable
		}
		r.PostForm.Add(name, v)
		r.Form.Add(name, v)
	}
}

// readField reads one text field of a multipart form.
func readField(part *multipart.Part) (string, error) {
	b, err := io.ReadAll(io.LimitReader(part, maxTextField+1))
	if err != nil {
		return "", bodyErr(err)
	}
	if len(b) > maxTextField || unreadableText(string(b)) {
		return "", errUnreadable
	}
	return strings.ReplaceAll(string(b), "\r\n", "\n"), nil
}

// bodyErr tells a body over the cap from an unreadable one.
func bodyErr(err error) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return errBodyTooLarge
	}
	return errUnreadable
}
