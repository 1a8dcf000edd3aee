package api

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
)

type periodJSON struct {
	ID             string    `json:"id"`
	Kind           string    `json:"kind"`
	Number         int       `json:"number"`
	Name           string    `json:"name"`
	Start          string    `json:"start"`
	End            string    `json:"end"`
	ReportDeadline string    `json:"report_deadline"`
	Status         string    `json:"status"`
	Can            periodCan `json:"can"`
	DeadlinePassed bool      `json:"deadline_passed"`
	periodRefusals
}

// periodCan is what the actor may do with a period now (app.PeriodRights).
type periodCan struct {
	Edit   bool `json:"edit"`
	Open   bool `json:"open"`
	Reopen bool `json:"reopen"`
	Close  bool `json:"close"`
	Lock   bool `json:"lock"`
	Unlock bool `json:"unlock"`
}

// periodRefusals say, beside can, why a move the period's status allows
// is refused now: its last day has not passed, or periods of its year
// stand in the way (named). Each is left out while its move is offered.
type periodRefusals struct {
	OpenRefused   string `json:"open_refused,omitempty"`
	ReopenRefused string `json:"reopen_refused,omitempty"`
	CloseRefused  string `json:"close_refused,omitempty"`
	LockRefused   string `json:"lock_refused,omitempty"`
	UnlockRefused string `json:"unlock_refused,omitempty"`
}

// periodCanOf is the rights of a period, and why a move is refused, in
// the reader's language.
func periodCanOf(lang string, c app.PeriodRights) (periodCan, periodRefusals) {
	say := func(m model.Message) string {
		if m.Key == "" {
			return ""
		}
		return locale.T(lang, m.Key, m.Args...)
	}
	return periodCan{Edit: c.Edit, Open: c.Open, Reopen: c.Reopen, Close: c.Close, Lock: c.Lock, Unlock: c.Unlock},
		periodRefusals{OpenRefused: say(c.OpenRefused), ReopenRefused: say(c.ReopenRefused), CloseRefused: say(c.CloseRefused),
			LockRefused: say(c.LockRefused), UnlockRefused: say(c.UnlockRefused)}
}

func periodsJSON(v app.YearView, lang string) list[periodJSON] {
	out := list[periodJSON]{Items: []periodJSON{}}
	for _, p := range v.Periods {
		can, refused := periodCanOf(lang, p.Can)
		out.Items = append(out.Items, periodJSON{ID: p.ID, Kind: string(p.Kind), Number: p.Number, Name: locale.T(lang, p.Label().Key, p.Label().Args...),
			Start: string(p.Start), End: string(p.End), ReportDeadline: string(p.ReportDeadline), Status: string(p.Status),
			Can: can, DeadlinePassed: p.DeadlinePassed, periodRefusals: refused})
	}
	return out
}

type yearJSON struct {
	Year       int     `json:"year"`
	PeriodKind *string `json:"period_kind"`
	Open       bool    `json:"open"`
	Can        yearCan `json:"can"`
}

// yearCan is what the actor may do with a performance year now
// (app.YearItemRights).
type yearCan struct {
	Open bool `json:"open"`
}

// years lists the instansi's performance years, as the year page offers
// them.
func (h *handler) years(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	ys, err := h.a.Years(r.Context(), actor)
	if err != nil {
		return err
	}
	items := make([]yearJSON, 0, len(ys))
	for _, y := range ys {
		items = append(items, yearJSON{Year: y.Year, PeriodKind: ptr(string(y.Kind)), Open: y.Open, Can: yearCan{Open: y.Can.Open}})
	}
	out, err := pageOf(items, func(y yearJSON) string { return strconv.Itoa(y.Year) }, r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) openYear(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Year       int    `json:"year" range:"open_year"`
		PeriodKind string `json:"period_kind"`
		ReportDays *int   `json:"report_days" range:"report_days"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	days := model.DefaultReportDays
	if req.ReportDays != nil {
		days = *req.ReportDays
	}
	kind := model.PeriodKind(req.PeriodKind)
	if kind == "" {
		kind = model.PeriodMonthly
	}
	if _, err := h.a.OpenYear(r.Context(), actor, req.Year, kind, days); err != nil {
		return err
	}
	v, err := h.a.YearView(r.Context(), actor, req.Year)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, periodsJSON(v, readerLang(r)))
}

func (h *handler) periods(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if _, err := limitParam(r); err != nil {
		return err
	}
	year, err := app.ParseYear(r.PathValue("year"), 0)
	if err != nil || year == 0 {
		return model.ErrNotFound
	}
	v, err := h.a.YearView(r.Context(), actor, year)
	if err != nil {
		return err
	}
	out, err := pageOf(periodsJSON(v, readerLang(r)).Items, func(p periodJSON) string { return p.ID }, r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) patchPeriod(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Start          string `json:"start"`
		End            string `json:"end"`
		ReportDeadline string `json:"report_deadline"`
		Status         string `json:"status"`
		Reason         string `json:"reason"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	p, err := h.a.Period(r.Context(), actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	for _, f := range []struct {
		v   string
		dst *model.Date
	}{{req.Start, &p.Start}, {req.End, &p.End}, {req.ReportDeadline, &p.ReportDeadline}} {
		if f.v != "" {
			*f.dst = model.Date(f.v)
		}
	}
	if req.Status != "" {
		p.Status = model.PeriodStatus(req.Status)
	}
	if err := h.a.MovePeriod(r.Context(), actor, p, req.Reason); err != nil {
		return err
	}
	v, err := h.a.YearView(r.Context(), actor, p.Year)
	if err != nil {
		return err
	}
	for _, pj := range periodsJSON(v, readerLang(r)).Items {
		if pj.ID == p.ID {
			return writeJSON(w, http.StatusOK, pj)
		}
	}
	return model.ErrNotFound
}

type settingsJSON struct {
	EvidenceMaxMB int64  `json:"evidence_max_mb"`
	TimeZone      string `json:"time_zone"`
	TimeZoneName  string `json:"time_zone_name"`
	// PeriodicObjections: periodic results may be objected to, not only
	// the annual one.
	PeriodicObjections bool `json:"periodic_objections"`
	// LeaderMap is the map in force from capaian organisasi to the unit
	// head's rating hasil kerja, LeaderMapDefault the regulation's.
	LeaderMap        model.LeaderMap `json:"leader_map"`
	LeaderMapDefault model.LeaderMap `json:"leader_map_default"`
	LeaderMapOwn     bool            `json:"leader_map_own"`
	// RequireTOTP: administrators and auditors must sign in with a
	// second factor.
	RequireTOTP bool        `json:"require_totp"`
	Can         settingsCan `json:"can"`
}

type settingsCan struct {
	Edit bool `json:"edit"`
}

func (h *handler) writeSettings(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	s, err := h.a.InstansiSettings(r.Context(), actor)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, settingsJSON{EvidenceMaxMB: s.EvidenceMaxMB, Can: settingsCan{Edit: s.Can.Edit},
		TimeZone: string(s.TimeZone), TimeZoneName: s.TimeZone.Abbrev(), PeriodicObjections: s.PeriodicObjections,
		LeaderMap: s.LeaderMap, LeaderMapDefault: s.LeaderDefault, LeaderMapOwn: s.OwnLeaderMap, RequireTOTP: s.RequireTOTP})
}

func (h *handler) settings(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	return h.writeSettings(w, r, actor)
}

func (h *handler) patchSettings(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		EvidenceMaxMB *int    `json:"evidence_max_mb" range:"evidence_mb"`
		TimeZone      *string `json:"time_zone"`
		Periodic      *bool   `json:"periodic_objections"`
		// LeaderMap is every capaian's rating, or null for the
		// regulation's; absent leaves it.
		LeaderMap   json.RawMessage `json:"leader_map"`
		RequireTOTP *bool           `json:"require_totp"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	var leader model.LeaderMap
	if req.LeaderMap != nil && string(req.LeaderMap) != "null" {
		if err := json.Unmarshal(req.LeaderMap, &leader); err != nil || leader == nil {
			return model.Invalid("leader_map", "invalid.leader.map")
		}
	}
	if req.EvidenceMaxMB == nil && req.TimeZone == nil && req.Periodic == nil && req.LeaderMap == nil && req.RequireTOTP == nil {
		// Nothing to change: no field is wrong, the request names none.
		return bad(http.StatusUnprocessableEntity, "validation", "problem.validation.title", "settings.err.empty")
	}
	if req.TimeZone != nil {
		// An unknown zone is refused before anything else is changed.
		if _, err := model.ParseTimeZone(*req.TimeZone); err != nil {
			return err
		}
	}
	if req.EvidenceMaxMB != nil {
		if err := h.a.SetEvidenceLimit(r.Context(), actor, *req.EvidenceMaxMB); err != nil {
			return err
		}
	}
	if req.TimeZone != nil {
		if err := h.a.SetTimeZone(r.Context(), actor, *req.TimeZone); err != nil {
			return err
		}
	}
	if req.LeaderMap != nil {
		// Checked before anything else is changed.
		if leader != nil {
			if err := model.LeaderMapProblems(leader, "leader_map"); err != nil {
				return err
			}
		}
	}
	if req.Periodic != nil {
		if err := h.a.SetPeriodicObjections(r.Context(), actor, *req.Periodic); err != nil {
			return err
		}
	}
	if req.LeaderMap != nil {
		if err := h.a.SetLeaderMap(r.Context(), actor, leader); err != nil {
			return err
		}
	}
	if req.RequireTOTP != nil {
		if err := h.a.SetRequireTOTP(r.Context(), actor, *req.RequireTOTP); err != nil {
			return err
		}
	}
	return h.writeSettings(w, r, actor)
}

// leaderMapSchema describes a map from each capaian to a rating.
func leaderMapSchema(description string) map[string]any {
	rating := enum("di_atas", "sesuai", "di_bawah")
	props := map[string]any{}
	names := make([]string, 0, len(model.Capaians))
	for _, c := range model.Capaians {
		props[string(c)] = rating
		names = append(names, string(c))
	}
	m := obj(names, props)
	m["description"] = description
	return m
}

func yearSchemas() map[string]any {
	date := map[string]any{"type": "string", "format": "date"}
	return map[string]any{
		"YearRequest": obj([]string{"year"}, map[string]any{"year": ranged("open_year"),
			"period_kind": enum("monthly", "quarterly"), "report_days": ranged("report_days")}),
		"Period": obj([]string{"id", "kind", "number", "start", "end", "status", "can"}, map[string]any{"id": str(),
			"kind": enum("monthly", "quarterly", "annual"), "number": map[string]any{"type": "integer"}, "name": str(),
			"start": date, "end": date, "report_deadline": date, "status": enum("draft", "open", "closed", "locked"),
			"deadline_passed": map[string]any{"type": "boolean", "description": "The report deadline has passed on the instansi's clock (reports are due by the end of that day)"},
			"can": obj([]string{"edit", "open", "reopen", "close", "lock", "unlock"}, map[string]any{
				"edit": canField("Adjust its dates (BKPSDM; not while locked)"), "open": canField("Open a draft period"),
				"reopen": canField("Open a closed period again (not a month or quarter while the annual period is closed or locked)"), "close": canField("Close an open period, once its last day has passed (the annual one once no period of its year is open): its assessments are created and its reports stop"),
				"lock": canField("Lock a closed period"), "unlock": canField("Unlock a locked period, with a reason")}),
			"open_refused":   map[string]any{"type": "string", "description": "While open is false for a draft period: why"},
			"reopen_refused": map[string]any{"type": "string", "description": "While reopen is false for a closed period: why (the annual period is closed or locked)"},
			"close_refused":  map[string]any{"type": "string", "description": "While close is false for an open period: why (its last day has not passed on the instansi's clock; for the annual period, the periods of its year still open, named)"},
			"lock_refused":   map[string]any{"type": "string", "description": "While lock is false for a closed period: why (for the annual period, the periods of its year not locked yet, named)"},
			"unlock_refused": map[string]any{"type": "string", "description": "While unlock is false for a locked period: why (the annual period is locked)"}}),
		"PeriodPatch": obj(nil, map[string]any{"start": date, "end": date, "report_deadline": date,
			"status": enum("draft", "open", "closed", "locked"), "reason": map[string]any{"type": "string", "description": "Required to unlock"}}),
		"PeriodList": listOf("Period"),
		"Year": obj([]string{"year", "period_kind", "open", "can"}, map[string]any{"year": map[string]any{"type": "integer"},
			"period_kind": map[string]any{"type": []string{"string", "null"}, "enum": []any{"monthly", "quarterly", nil}, "description": "null while the year is not opened"},
			"open":        map[string]any{"type": "boolean", "description": "Whether the year has been opened with its periods (POST /years)"},
			"can":         obj([]string{"open"}, map[string]any{"open": canField("Open it with its periods (BKPSDM, while not opened)")})}),
		"YearList": listOf("Year"),
		"Settings": obj([]string{"evidence_max_mb", "time_zone", "time_zone_name", "leader_map", "leader_map_default", "leader_map_own", "can"}, map[string]any{
			"evidence_max_mb": map[string]any{"type": "integer", "description": "The size limit of one evidence file, in MB"},
			"time_zone": map[string]any{"type": "string", "enum": timeZoneNames(),
				"description": "The clock the instansi works by: its today, late entries, dates still to come, report deadlines and reminders follow it"},
			"time_zone_name":      enum("WIB", "WITA", "WIT"),
			"periodic_objections": map[string]any{"type": "boolean", "description": "Periodic (monthly or quarterly) results may be objected to; the annual result always may be"},
			"leader_map":          leaderMapSchema("The map in force from capaian kinerja organisasi to the OPD head's rating hasil kerja (decision 6)"),
			"leader_map_default":  leaderMapSchema("The regulation's map"),
			"leader_map_own":      map[string]any{"type": "boolean", "description": "The instansi set its own map"},
			"require_totp":        map[string]any{"type": "boolean", "description": "Administrators (OPD, BKPSDM, system) and auditors must sign in with a second factor (TOTP); one without it is refused sign-in until they enrol on the web"},
			"can":                 obj([]string{"edit"}, map[string]any{"edit": canField("Change the settings (BKPSDM)")})}),
		"SettingsPatch": obj(nil, map[string]any{"evidence_max_mb": ranged("evidence_mb"),
			"leader_map":          map[string]any{"type": []string{"object", "null"}, "description": "BKPSDM: every capaian's rating hasil kerja for the OPD head (all five), or null for the regulation's; applies to ratings given after it, never to ratings made"},
			"periodic_objections": map[string]any{"type": "boolean", "description": "BKPSDM: let periodic results be objected to"},
			"require_totp":        map[string]any{"type": "boolean", "description": "BKPSDM: require a second factor of administrators and auditors"},
			"time_zone":           map[string]any{"type": "string", "enum": timeZoneNames(), "description": "BKPSDM: the instansi's time zone (Asia/Jakarta WIB, Asia/Makassar WITA, Asia/Jayapura WIT)"}}),
	}
}
