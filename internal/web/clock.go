package web

import (
	"html/template"
	"maps"
	"net/http"
	"sync"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/httpx"
	"github.com/kinerja-id/kinerja/internal/model"
)

// Pages show times on the clock of the reader's instansi (WIB, WITA or
// WIT), with the zone's name after the time. The pages are parsed once
// per zone, the first time a reader of that zone asks for one, so that a
// template writes {{date .At}} and never needs to know the reader.

// zonedPages holds the pages parsed for the zones other than WIB.
type zonedPages struct {
	mu    sync.Mutex
	pages map[model.TimeZone]map[string]*template.Template
}

// actorOf is the signed-in reader (the zero actor for a visitor).
func actorOf(r *http.Request) model.Actor {
	a, _ := httpx.ActorFrom(r.Context())
	return a
}

// zone is the time zone of the reader's instansi; WIB for a visitor.
func (u *ui) zone(r *http.Request) model.TimeZone {
	if a := actorOf(r); a.InstansiID != "" {
		return u.a.TimeZone(r.Context(), a.InstansiID)
	}
	return model.DefaultTimeZone
}

// today is the date on the clock of the reader's instansi.
func (u *ui) today(r *http.Request) model.Date {
	return u.a.Today(r.Context(), actorOf(r).InstansiID)
}

// pagesFor gives the pages that write times on the reader's clock.
func (u *ui) pagesFor(r *http.Request) map[string]*template.Template {
	z := u.zone(r)
	if z == model.DefaultTimeZone {
		return u.pages
	}
	u.zoned.mu.Lock()
	defer u.zoned.mu.Unlock()
	if p, ok := u.zoned.pages[z]; ok {
		return p
	}
	if u.zoned.pages == nil {
		u.zoned.pages = map[model.TimeZone]map[string]*template.Template{}
	}
	p := parsePages(funcsIn(z))
	u.zoned.pages[z] = p
	return p
}

// funcsIn is the template functions with times written on zone z's clock.
func funcsIn(z model.TimeZone) template.FuncMap {
	fm := maps.Clone(funcs)
	loc := z.Location()
	fm["date"] = func(t time.Time) string {
		if t.IsZero() {
			return "—"
		}
		return t.In(loc).Format("02-01-2006 15:04 MST") // the zone's name: WIB, WITA or WIT
	}
	return fm
}

// zoneOption is one time zone as the settings form offers it.
type zoneOption struct {
	Value, Label string
	Selected     bool
}

// zoneLabels are the message keys of the time zones' names.
var zoneLabels = map[model.TimeZone]string{model.ZoneWIB: "zone.wib", model.ZoneWITA: "zone.wita", model.ZoneWIT: "zone.wit"}

// zoneOptions lists the zones the instansi may choose, its own selected.
func zoneOptions(b base, s app.InstansiSettings) []zoneOption {
	out := make([]zoneOption, 0, len(s.Zones))
	for _, z := range s.Zones {
		out = append(out, zoneOption{Value: string(z), Label: b.T(zoneLabels[z]), Selected: z == s.TimeZone})
	}
	return out
}

// setTimeZone changes the time zone the instansi works by.
func (u *ui) setTimeZone(w http.ResponseWriter, r *http.Request, b base) error {
	err := u.a.SetTimeZone(r.Context(), *b.Actor, r.PostFormValue("time_zone"))
	if ve, ok := isValidation(err); ok {
		p, perr := u.yearPage(r, b)
		if perr != nil {
			return perr
		}
		p.Error = b.Errs(ve)["time_zone"]
		u.render(w, r, http.StatusUnprocessableEntity, "year", p)
		return nil
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/tahun?ok=zona", http.StatusSeeOther)
	return nil
}
