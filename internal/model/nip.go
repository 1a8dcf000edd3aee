package model

import (
	"fmt"
	"time"
)

// NIP is the 18-digit Nomor Induk Pegawai of a PNS or PPPK. It is built as
//
//	YYYYMMDD  birth date
//	YYYYMM    TMT (date of first appointment, month precision); a PPPK's
//	          number (NI PPPK) writes 21 in place of the month
//	G         gender: 1 male, 2 female
//	NNN       sequence number
type NIP struct {
	BirthDate time.Time
	TMT       time.Time // the first day of the TMT month (January for a PPPK number)
	PPPK      bool      // the number is an NI PPPK (month 21)
	Female    bool
	Sequence  string
}

// ParseNIP validates s as a NIP and returns its parts. Error messages are
// written for a BKPSDM admin reading an import report.
func ParseNIP(s string) (NIP, error) {
	if len(s) != 18 {
		return NIP{}, Msg("invalid.nip.length", len([]rune(s)))
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return NIP{}, Msg("invalid.nip.digits")
		}
	}
	birth, err := time.Parse("20060102", s[0:8])
	if err != nil || birth.Year() < 1900 {
		return NIP{}, Msg("invalid.nip.birth", s[0:8])
	}
	pppk := s[12:14] == "21"
	tmtText := s[8:14]
	if pppk {
		tmtText = s[8:12] + "01"
	}
	tmt, err := time.Parse("200601", tmtText)
	if err != nil || tmt.Year() < 1900 {
		return NIP{}, Msg("invalid.nip.tmt", s[8:14])
	}
	if !tmt.After(birth) && !(pppk && tmt.Year() > birth.Year()) {
		return NIP{}, Msg("invalid.nip.tmt.birth", s[8:14])
	}
	var female bool
	switch s[14] {
	case '1':
	case '2':
		female = true
	default:
		return NIP{}, Msg("invalid.nip.sex", s[14])
	}
	return NIP{BirthDate: birth, TMT: tmt, PPPK: pppk, Female: female, Sequence: s[15:18]}, nil
}

// String formats the parts back into the 18 digits.
func (n NIP) String() string {
	g := '1'
	if n.Female {
		g = '2'
	}
	tmt := n.TMT.Format("200601")
	if n.PPPK {
		tmt = n.TMT.Format("2006") + "21"
	}
	return fmt.Sprintf("%s%s%c%s", n.BirthDate.Format("20060102"), tmt, g, n.Sequence)
}
