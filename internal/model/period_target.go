package model

import (
	"math"
	"strconv"
	"strings"
)

// PeriodTarget is the part of an indicator's yearly target due in a
// period, as PeriodStanding compares it: the whole target for a level or
// for a share of 1 or more, else the target times the share, rounded up
// to a whole number when the target is whole (a yearly 12 is 1 a month).
// A range gives a range ("1-2"). False when the target is not a number or
// the share is not positive.
func PeriodTarget(target string, share float64, level bool) (string, bool) {
	lo, hi, ok := parseTarget(target)
	if !ok || share <= 0 {
		return "", false
	}
	if !level && share < 1 {
		part := func(x float64) float64 {
			y := x * share
			if x == math.Trunc(x) {
				y = math.Ceil(y - 1e-9)
			}
			return y
		}
		lo, hi = part(lo), part(hi)
	}
	if lo == hi {
		return formatAmount(lo), true
	}
	return formatAmount(lo) + "-" + formatAmount(hi), true
}

// formatAmount writes a number as Indonesians read it: a comma for the
// decimal mark, at most two decimals.
func formatAmount(v float64) string {
	return strings.Replace(strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64), ".", ",", 1)
}
