package model

import (
	"errors"
	"testing"
	"time"
)

func TestTimeZones(t *testing.T) {
	at := time.Date(2026, 3, 1, 16, 15, 0, 0, time.UTC) // 23:15 WIB, 00:15 WITA, 01:15 WIT
	for _, c := range []struct {
		zone   TimeZone
		abbrev string
		today  Date
	}{{ZoneWIB, "WIB", "2026-03-01"}, {ZoneWITA, "WITA", "2026-03-02"}, {ZoneWIT, "WIT", "2026-03-02"}, {"", "WIB", "2026-03-01"}} {
		if got := c.zone.Today(at); got != c.today || c.zone.Abbrev() != c.abbrev {
			t.Errorf("%q: today %s %s, want %s %s", c.zone, got, c.zone.Abbrev(), c.today, c.abbrev)
		}
	}
	if _, off := ZoneWITA.EndOfDay("2026-02-27").Zone(); off != 8*3600 {
		t.Errorf("WITA's offset = %d", off)
	}
	for _, ok := range []string{"Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"} {
		if z, err := ParseTimeZone(ok); err != nil || string(z) != ok {
			t.Errorf("ParseTimeZone(%s) = %s, %v", ok, z, err)
		}
	}
	for _, bad := range []string{"", "WIB", "UTC", "Asia/Pontianak", "asia/jakarta"} {
		var v *ValidationError
		if _, err := ParseTimeZone(bad); !errors.As(err, &v) || v.Fields["time_zone"] != "invalid.timezone" {
			t.Errorf("ParseTimeZone(%q) = %v", bad, err)
		}
	}
	p := Period{ReportDeadline: "2026-02-05"}
	wib, wit := time.Date(2026, 2, 5, 23, 59, 59, 0, ZoneWIB.Location()), time.Date(2026, 2, 6, 0, 0, 0, 0, ZoneWIT.Location())
	if ZoneWIB.DeadlinePassed(p, wib) || !ZoneWIT.DeadlinePassed(p, wit) || ZoneWIB.DeadlinePassed(p, wit) {
		t.Error("a report deadline passes at the end of its day on the instansi's clock")
	}
}
