package model

// OneHolder reports whether a position is held definitively by one person
// at a time. A jabatan struktural (pimpinan tinggi, administrator,
// pengawas) and the kepala daerah are one chair each; so is any post that
// leads a unit or is the superior post of another, whatever its kind (a
// kepala sekolah is a guru with an additional task), because the pejabat
// penilai of everyone below it is its holder and a chair with two holders
// would leave that undecided. A jabatan pelaksana or fungsional is a
// formasi: several people hold it at once (twenty guru of one school hold
// the same post).
func OneHolder(p Position, leads bool) bool {
	switch p.Kind {
	case PositionKepalaDaerah, PositionJPTMadya, PositionJPTPratama, PositionAdministrator, PositionPengawas:
		return true
	}
	return leads
}

// EndsBeforeStart reports whether end comes before start, both dates as Kinerja
// stores them (YYYY-MM-DD); an empty end (still in force) never does.
func EndsBeforeStart(start, end Date) bool {
	return end != "" && end < start
}

// EarliestPlacement is the earliest date a placement starts or ends on:
// nobody serving today was placed before it, so an earlier date is a typo
// (a year 0202 or 1900).
const EarliestPlacement Date = "1950-01-01"

// CheckPlacementDate refuses a placement date outside what can be meant:
// before EarliestPlacement, or more than a year after today (the
// instansi's today: an SK may be issued ahead of its TMT, not years
// ahead). The message gives both bounds. A date that does not parse is
// left to the parse check.
func CheckPlacementDate(d, today Date) error {
	if _, err := ParseDate(string(d)); err != nil {
		return nil
	}
	last := Date(today.Time().AddDate(1, 0, 0).Format("2006-01-02"))
	if d < EarliestPlacement || d > last {
		return Msg("invalid.placement.date.range", d, EarliestPlacement, last)
	}
	return nil
}
