package model

import (
	"fmt"
	"strings"
)

// PKSasaran is one sasaran (target outcome) of a unit's Perjanjian Kinerja
// for a year: the agreement the head of the unit signs with the Kepala
// Daerah. A JPT takes the RHK of their SKP from these sasaran ("penugasan
// dari" the Kepala Daerah), and the PK's indicators become the RHK's
// indicators.
type PKSasaran struct {
	ID          string
	InstansiID  string
	UnitID      string
	Year        int
	Description string
	Position    int
	Indicators  []PKIndicator
}

// PKIndicator is an indicator of a PK sasaran with its yearly target.
type PKIndicator struct {
	ID          string
	SasaranID   string
	Description string
	Target      string
	Unit        string
	Position    int
}

// Validate checks a sasaran before it is stored: a description and at least
// one indicator, each with a target.
func (s PKSasaran) Validate() error {
	var v ValidationError
	if d := strings.TrimSpace(s.Description); d == "" || len(d) > 2000 {
		v.Add("description", "invalid.pk.sasaran.required")
	}
	if s.Year < FirstYear || s.Year > LastYear {
		v.Add("year", "invalid.field.year", FirstYear, LastYear)
	}
	if len(s.Indicators) == 0 {
		v.Add("indicators", "invalid.pk.indicators.required")
	}
	if len(s.Indicators) > 20 {
		v.Add("indicators", "invalid.pk.indicators.many")
	}
	for i, in := range s.Indicators {
		field := fmt.Sprintf("indicators[%d]", i)
		if strings.TrimSpace(in.Description) == "" || len(in.Description) > 1000 {
			v.Add(field, "invalid.pk.indicator.required")
		}
		if strings.TrimSpace(in.Target) == "" || len(in.Target) > 200 {
			v.Add(field, "invalid.pk.target.required")
		}
		if len(in.Unit) > 100 {
			v.Add(field, "invalid.pk.unit.long")
		}
	}
	return v.Err()
}
