package model

import (
	"math"
	"regexp"
	"strings"
)

// Realisasi is what an indicator reached in one period, with its basis
// (dasar realisasi). Every change is in the audit log, which is its
// history.
type Realisasi struct {
	ID          string
	SKPID       string
	PeriodID    string
	IndicatorID string
	Value       string
	Basis       string
	Version     int
	UpdatedBy   string
	UpdatedAt   string
}

// RealisasiMaxLen bounds the text of a realisasi value.
const RealisasiMaxLen = 200

// IsPercentUnit reports whether a satuan is a percentage ("%", "persen").
func IsPercentUnit(unit string) bool {
	u := strings.ToLower(strings.TrimSpace(unit))
	return u == "%" || u == "persen" || u == "percent"
}

// CheckRealisasi checks a realisasi value against its indicator and
// answers why it is refused, naming the indicator, or nil. A percentage is
// a number from 0 to 100; against a target that is a number, the value is a
// non-negative number written as people write it ("12", "12,5",
// "1.250"), whole when the target is whole, and at most ten times the
// yearly target (a larger one is a slip of the keyboard: 1e9, 1000000000);
// the unit may follow ("12 dokumen", "90%"). Against a narrative target
// any text is a realisasi.
func CheckRealisasi(in Indicator, value string) error {
	name := in.Description
	value = strings.TrimSpace(value)
	if value == "" || len(value) > RealisasiMaxLen {
		return Msg("invalid.realisasi.value.required", name)
	}
	percent := IsPercentUnit(in.Unit)
	lo, hi, numeric := parseTarget(in.Target)
	if !percent && !numeric {
		return nil
	}
	number := strings.TrimSpace(value)
	if u := strings.TrimSpace(in.Unit); u != "" && len(number) > len(u) && strings.EqualFold(number[len(number)-len(u):], u) {
		number = strings.TrimSpace(number[:len(number)-len(u)])
	}
	if percent {
		number = strings.TrimSpace(strings.TrimSuffix(number, "%"))
	}
	if strings.HasPrefix(number, "-") || strings.HasPrefix(number, "\u2212") {
		return Msg("invalid.realisasi.value.negative", name)
	}
	if !amountPattern.MatchString(number) {
		return Msg("invalid.realisasi.value.number", name)
	}
	v, ok := parseAmount(number)
	if !ok {
		return Msg("invalid.realisasi.value.number", name)
	}
	if percent {
		if v > 100 {
			return Msg("invalid.realisasi.value.percent", name)
		}
		return nil
	}
	if lo == math.Trunc(lo) && hi == math.Trunc(hi) && v != math.Trunc(v) {
		return Msg("invalid.realisasi.value.whole", name)
	}
	if v > math.Max(10*hi, 100) {
		return Msg("invalid.realisasi.value.large", name, strings.TrimSpace(in.Target+" "+in.Unit))
	}
	return nil
}

// amountPattern is a number as people write it: digits with at most two
// decimals after a comma or a point, or thousands grouped by points
// ("1.250" or "1.250,5"). No exponent, no sign.
var amountPattern = regexp.MustCompile(`^([0-9]{1,12}([.,][0-9]{1,2})?|[0-9]{1,3}(\.[0-9]{3}){1,3}(,[0-9]{1,2})?)$`)
