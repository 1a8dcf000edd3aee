package model

import "time"

// TimeZone is the clock an instansi works by: one of Indonesia's three
// time zones (Keppres 41/1987), named as IANA names them.
// Its "today", a late entry, a date still to come, the period deadlines
// and the reminders all follow it.
//
// Indonesia keeps no daylight saving time, so each zone is a fixed offset
// from UTC: Kinerja needs no time zone database at run time.
type TimeZone string

// Indonesia's time zones (Keppres 41/1987): WIB (UTC+7) in Sumatra, Java
// and West and Central Kalimantan; WITA (UTC+8) in Bali, Nusa Tenggara,
// East, South and North Kalimantan and Sulawesi; WIT (UTC+9) in Maluku and
// Papua.
const (
	ZoneWIB  TimeZone = "Asia/Jakarta"
	ZoneWITA TimeZone = "Asia/Makassar"
	ZoneWIT  TimeZone = "Asia/Jayapura"
)

// DefaultTimeZone is the zone of an instansi that never chose one.
const DefaultTimeZone = ZoneWIB

// TimeZones lists Indonesia's time zones from west to east.
var TimeZones = []TimeZone{ZoneWIB, ZoneWITA, ZoneWIT}

var zoneLocations = map[TimeZone]*time.Location{
	ZoneWIB:  time.FixedZone("WIB", 7*3600),
	ZoneWITA: time.FixedZone("WITA", 8*3600),
	ZoneWIT:  time.FixedZone("WIT", 9*3600),
}

// WIB is Western Indonesian Time (UTC+7), the clock of an instansi that
// never chose another.
var WIB = ZoneWIB.Location()

// ParseTimeZone reads a time zone by its IANA name (Asia/Jakarta,
// Asia/Makassar, Asia/Jayapura); anything else is a field error on
// "time_zone" that names the three.
func ParseTimeZone(s string) (TimeZone, error) {
	z := TimeZone(s)
	if !z.Valid() {
		return "", Invalid("time_zone", "invalid.timezone", s)
	}
	return z, nil
}

// Valid reports whether z is one of Indonesia's time zones.
func (z TimeZone) Valid() bool {
	_, ok := zoneLocations[z]
	return ok
}

// Location is the zone as a fixed offset from UTC; an unknown or empty
// zone is WIB.
func (z TimeZone) Location() *time.Location {
	if l, ok := zoneLocations[z]; ok {
		return l
	}
	return zoneLocations[DefaultTimeZone]
}

// Abbrev is the zone's Indonesian name: WIB, WITA or WIT.
func (z TimeZone) Abbrev() string { return z.Location().String() }

// Today is the date in the zone at the instant now.
func (z TimeZone) Today(now time.Time) Date {
	return Date(now.In(z.Location()).Format(time.DateOnly))
}

// EndOfDay is the last second of day d on the zone's clock.
func (z TimeZone) EndOfDay(d Date) time.Time {
	t := d.Time()
	return time.Date(t.Year(), t.Month(), t.Day(), 23, 59, 59, 0, z.Location())
}

// DeadlinePassed reports whether, at the instant now, the report deadline
// of period p has passed on the zone's clock: reports are due by the end
// of that day.
func (z TimeZone) DeadlinePassed(p Period, now time.Time) bool {
	return p.ReportDeadline != "" && now.After(z.EndOfDay(p.ReportDeadline))
}
