package app

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/trustelem/zxcvbn"
	"github.com/trustelem/zxcvbn/match"
	"golang.org/x/crypto/argon2"
)

// PasswordParams are the argon2id costs.
type PasswordParams struct {
	Memory  uint32 // KiB
	Time    uint32
	Threads uint8
}

// DefaultPasswordParams follow OWASP's argon2id guidance (19 MiB, 2
// iterations, 1 thread): about 20 ms a sign-in on a small server.
var DefaultPasswordParams = PasswordParams{Memory: 19 * 1024, Time: 2, Threads: 1}

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 8

// HashPassword returns an argon2id hash in the PHC string format.
func HashPassword(password string, p PasswordParams) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, 32)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.Memory, p.Time, p.Threads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key)), nil
}

// CheckPassword reports whether password matches hash.
func CheckPassword(password, hash string) bool {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var p PasswordParams
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return false
	}
	salt, err := base64.RawStdEncoding.DecodeString(parts[4])
	if err != nil {
		return false
	}
	want, err := base64.RawStdEncoding.DecodeString(parts[5])
	if err != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// checkPassword checks a password against its hash when the hash gate lets
// it, and tells the test hook.
func (a *App) checkPassword(ctx context.Context, password, hash string) (bool, error) {
	release, err := a.hashes.enter(ctx)
	if err != nil {
		return false, err
	}
	defer release()
	if a.onPasswordCheck != nil {
		a.onPasswordCheck()
	}
	return CheckPassword(password, hash), nil
}

// hashPassword hashes a new password with the application's cost when the
// hash gate lets it.
func (a *App) hashPassword(ctx context.Context, password string) (string, error) {
	release, err := a.hashes.enter(ctx)
	if err != nil {
		return "", err
	}
	defer release()
	return HashPassword(password, a.hashCost)
}

// MaxPasswordLength is the longest password accepted (a passphrase fits
// easily; the strength check's time grows with the length).
const MaxPasswordLength = 200

// minPasswordScore is the strength a new password needs on zxcvbn's scale
// of 0 to 4: 3 is "safely unguessable", more than 10^10 guesses.
const minPasswordScore = 3

// kinerjaWords are guessed first by anyone attacking this installation:
// the application's own name and the demo city's documented password.
var kinerjaWords = []string{"kinerja", "ekinerja", "sawahlunto", "bkpsdm", "katasandi"}

// ValidatePassword checks a new password's strength: its length; not only
// digits; not a common or leaked password, a sequence, a repetition or a
// keyboard row (zxcvbn's dictionaries hold some 30,000 passwords from
// public breach lists, besides names and words); and none of personal
// (the user's NIP, username, name).
func ValidatePassword(pw string, personal ...string) error {
	n := utf8.RuneCountInString(pw)
	if n < MinPasswordLength {
		return model.Msg("invalid.password.short", MinPasswordLength)
	}
	if n > MaxPasswordLength {
		return model.Msg("invalid.password.long", MaxPasswordLength)
	}
	if strings.Trim(pw, "0123456789 .-/") == "" {
		return model.Msg("invalid.password.digits")
	}
	folded := foldPassword(pw)
	var inputs []string
	for _, p := range personal {
		f := foldPassword(p)
		if len(f) < 3 {
			continue
		}
		// The password is part of the NIP, username or name (zxcvbn
		// below weighs one of them inside a longer password).
		if folded != "" && strings.Contains(f, folded) {
			return model.Msg("invalid.password.personal")
		}
		inputs = append(inputs, f)
		inputs = append(inputs, strings.Fields(strings.ToLower(p))...)
	}
	res := zxcvbn.PasswordStrength(pw, append(inputs, kinerjaWords...))
	if res.Score >= minPasswordScore {
		return nil
	}
	return model.Msg(weakness(res.Sequence))
}

// weakness names what makes a password guessable: the pattern of its
// largest part.
func weakness(seq []*match.Match) string {
	var worst *match.Match
	for _, m := range seq {
		if m.Pattern != "bruteforce" && (worst == nil || m.J-m.I > worst.J-worst.I) {
			worst = m
		}
	}
	switch {
	case worst == nil:
		return "invalid.password.weak"
	case worst.Pattern == "dictionary" && worst.DictionaryName == "user_inputs" && !slices.Contains(kinerjaWords, worst.MatchedWord):
		return "invalid.password.personal"
	case worst.Pattern == "dictionary" && worst.DictionaryName == "user_inputs":
		return "invalid.password.common"
	case worst.Pattern == "dictionary" && worst.DictionaryName == "passwords":
		return "invalid.password.common"
	case worst.Pattern == "sequence", worst.Pattern == "repeat", worst.Pattern == "spatial":
		return "invalid.password.pattern"
	case worst.Pattern == "date":
		return "invalid.password.date"
	}
	return "invalid.password.weak"
}

// foldPassword keeps the letters and digits of s, in lower case.
func foldPassword(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
