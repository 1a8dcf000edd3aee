package api

import (
	"net/http"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
)

// Capaian kinerja organisasi: per OPD and period, set by the leader above
// the OPD and recommended by BKPSDM, Bappeda and the Inspektorat
// (app/unit_performance.go says who).

// unitPerformanceRoutes are the routes of capaian kinerja organisasi.
func unitPerformanceRoutes() []route {
	return []route{
		{method: "GET", path: "/api/v1/unit-performance", summary: "Every OPD the actor may read with its capaian kinerja organisasi in a period, its recommendations and what the actor may do. BKPSDM, leaders, auditors, the setter and the recommending heads read every OPD; an OPD's head and admins their own. One page: next_cursor is always null", handle: (*handler).unitPerformances,
			doc: op{tag: "penilaian", query: []string{"period", "limit", "cursor"}, response: "UnitPerformanceList", errors: []int{403, 404, 422},
				queryDocs: map[string]string{"period": "A period id; the open one by default." + filterRule}}},
		{method: "GET", path: "/api/v1/unit-performance/settings", summary: "Who sets the capaian kinerja organisasi (kepala_daerah or sekda) and which OPDs recommend as BKPSDM, Bappeda and the Inspektorat", handle: (*handler).unitPerformanceSettings,
			doc: op{tag: "penilaian", response: "UnitPerformanceSettings"}},
		{method: "PUT", path: "/api/v1/unit-performance/settings", summary: "Change who sets the capaian kinerja organisasi and which OPDs (by id or code, \"\" for none) recommend (BKPSDM)", handle: (*handler).putUnitPerformanceSettings,
			doc: op{tag: "penilaian", body: "UnitPerformanceSettings", response: "UnitPerformanceSettings", errors: []int{403, 422}}},
		{method: "GET", path: "/api/v1/units/{id}/performance/{period_id}", summary: "The capaian kinerja organisasi of an OPD in a period, with its recommendations, the OPD head's rating hasil kerja it implies and what the actor may do", handle: (*handler).unitPerformance,
			doc: op{tag: "penilaian", params: []string{"id", "period_id"}, response: "UnitPerformance", errors: []int{404, 422}}},
		{method: "PUT", path: "/api/v1/units/{id}/performance/{period_id}", summary: "Set or change the capaian kinerja organisasi of an OPD in a period with its basis: the kepala daerah, or the Sekda when the instansi says so (never for the OPD they lead). version is 0 for the first; a stale one is a 409. A locked period, and an OPD whose calibration for the period is final, are refused with a 409 that says so. A change re-derives the OPD head's rated or sent rating hasil kerja; the OPD head (and their rater) are notified", handle: (*handler).setUnitPerformance,
			doc: op{tag: "penilaian", params: []string{"id", "period_id"}, body: "UnitPerformanceRequest", response: "UnitPerformance", errors: []int{403, 404, 409, 422}}},
		{method: "POST", path: "/api/v1/units/{id}/performance/{period_id}/recommendations", summary: "Recommend a capaian kinerja organisasi for an OPD in a period: each body its own (the head or an OPD admin of the OPD the instansi names as BKPSDM, Bappeda or the Inspektorat; a BKPSDM admin for BKPSDM; an auditor for the Inspektorat). A BKPSDM admin may record Bappeda's or the Inspektorat's on its behalf (the sources in can.on_behalf) only with a basis, the letter it came in (required then, 422 without; refused with one's own); it is shown as recorded on the body's behalf, the body's head is notified, and it is refused (409) once the body has recorded its own on the OPD and period, whose own later recommendation replaces it (superseded_by). Another body's source is a 403; a locked period a 422; an OPD whose calibration for the period is final a 409", handle: (*handler).recommendUnitPerformance,
			doc: op{tag: "penilaian", params: []string{"id", "period_id"}, body: "UnitRecommendationRequest", response: "UnitPerformance", status: 201, errors: []int{403, 404, 409, 422}}},
	}
}

type unitPerfCan struct {
	Set       bool     `json:"set"`
	Recommend bool     `json:"recommend"`
	Sources   []string `json:"sources"`
	OnBehalf  []string `json:"on_behalf"`
}

type unitRecommendationJSON struct {
	ID           string    `json:"id"`
	Source       string    `json:"source"`
	Capaian      string    `json:"capaian"`
	Note         string    `json:"note"`
	By           *userRef  `json:"by"`
	At           time.Time `json:"at"`
	OnBehalf     bool      `json:"on_behalf"`
	Basis        string    `json:"basis"`
	SupersededBy *string   `json:"superseded_by"`
}

type unitPerformanceJSON struct {
	UnitID          string                   `json:"unit_id"`
	UnitName        string                   `json:"unit_name"`
	PeriodID        string                   `json:"period_id"`
	PeriodName      string                   `json:"period_name"`
	PeriodStatus    string                   `json:"period_status"`
	Head            *personRef               `json:"head"`
	HeadActing      *string                  `json:"head_acting"`
	Setter          *personRef               `json:"setter"`
	Capaian         *string                  `json:"capaian"`
	Basis           string                   `json:"basis"`
	SetBy           *personRef               `json:"set_by"`
	SetAt           *time.Time               `json:"set_at"`
	Version         int                      `json:"version"`
	LeaderRating    *string                  `json:"leader_rating"`
	Recommendations []unitRecommendationJSON `json:"recommendations"`
	Can             unitPerfCan              `json:"can"`
}

func unitPerformanceOf(v app.UnitPerformanceView, lang string) unitPerformanceJSON {
	label := v.Period.Label()
	j := unitPerformanceJSON{UnitID: v.Unit.ID, UnitName: v.Unit.Name, PeriodID: v.Period.ID, PeriodName: locale.T(lang, label.Key, label.Args...),
		PeriodStatus: string(v.Period.Status), Head: refOf(v.Head), Setter: refOf(v.Setter), Version: v.Version,
		HeadActing:   ptr(v.HeadKind.Abbrev()),
		LeaderRating: ptr(string(v.LeaderRating)), Recommendations: []unitRecommendationJSON{},
		Can: unitPerfCan{Set: v.Can.Set, Recommend: v.Can.Recommend, Sources: []string{}, OnBehalf: []string{}}}
	if p := v.Performance; p != nil {
		j.Capaian, j.Basis, j.SetAt = ptr(string(p.Capaian)), p.Basis, timeOrNil(p.SetAt)
		j.SetBy = &personRef{ID: p.SetBy, Name: p.SetByName}
	}
	for _, r := range v.Recommendations {
		j.Recommendations = append(j.Recommendations, unitRecommendationJSON{ID: r.ID, Source: string(r.Source), Capaian: string(r.Capaian),
			Note: r.Note, By: userRefOf(r.By, r.ByName), At: r.At.UTC(), OnBehalf: r.OnBehalf, Basis: r.Basis, SupersededBy: ptr(r.SupersededBy)})
	}
	for _, s := range v.Can.Sources {
		j.Can.Sources = append(j.Can.Sources, string(s))
	}
	for _, s := range v.Can.OnBehalf {
		j.Can.OnBehalf = append(j.Can.OnBehalf, string(s))
	}
	return j
}

func (h *handler) unitPerformances(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if _, err := limitParam(r); err != nil {
		return err
	}
	period, err := idParam(r, "period")
	if err != nil {
		return err
	}
	l, err := h.a.UnitPerformances(r.Context(), actor, period)
	if err != nil {
		return err
	}
	lang := readerLang(r)
	var items []unitPerformanceJSON
	for _, v := range l.Items {
		items = append(items, unitPerformanceOf(v, lang))
	}
	out, err := pageAt(items, r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) unitPerformance(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	v, err := h.a.UnitPerformanceView(r.Context(), actor, r.PathValue("id"), r.PathValue("period_id"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, unitPerformanceOf(v, readerLang(r)))
}

func (h *handler) setUnitPerformance(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Capaian string `json:"capaian"`
		Basis   string `json:"basis"`
		Version *int   `json:"version"`
	}
	version, err := decodeVersioned(w, r, &req, &req.Version)
	if err != nil {
		return err
	}
	v, err := h.a.SetUnitPerformance(r.Context(), actor, r.PathValue("id"), r.PathValue("period_id"),
		app.UnitPerformanceRequest{Capaian: model.Capaian(req.Capaian), Basis: req.Basis, Version: version})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, unitPerformanceOf(v, readerLang(r)))
}

func (h *handler) recommendUnitPerformance(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Source  string `json:"source"`
		Capaian string `json:"capaian"`
		Note    string `json:"note"`
		Basis   string `json:"basis"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	v, err := h.a.RecommendUnitPerformance(r.Context(), actor, r.PathValue("id"), r.PathValue("period_id"),
		app.UnitRecommendationRequest{Source: model.RecommendationSource(req.Source), Capaian: model.Capaian(req.Capaian), Note: req.Note,
			Basis: req.Basis})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, unitPerformanceOf(v, readerLang(r)))
}

type unitPerfSettingsJSON struct {
	CapaianSetter     string `json:"capaian_setter"`
	BKPSDMUnitID      string `json:"bkpsdm_unit_id"`
	BappedaUnitID     string `json:"bappeda_unit_id"`
	InspektoratUnitID string `json:"inspektorat_unit_id"`
}

func unitPerfSettingsOf(s model.UnitPerformanceSettings) unitPerfSettingsJSON {
	return unitPerfSettingsJSON{CapaianSetter: s.Setter, BKPSDMUnitID: s.BKPSDMUnitID, BappedaUnitID: s.BappedaUnitID,
		InspektoratUnitID: s.InspektoratUnitID}
}

func (h *handler) unitPerformanceSettings(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	s, err := h.a.UnitPerformanceSettings(r.Context(), actor)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, unitPerfSettingsOf(s))
}

func (h *handler) putUnitPerformanceSettings(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req unitPerfSettingsJSON
	if err := decode(w, r, &req); err != nil {
		return err
	}
	s, err := h.a.SetUnitPerformanceSettings(r.Context(), actor, model.UnitPerformanceSettings{Setter: req.CapaianSetter,
		BKPSDMUnitID: req.BKPSDMUnitID, BappedaUnitID: req.BappedaUnitID, InspektoratUnitID: req.InspektoratUnitID})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, unitPerfSettingsOf(s))
}

func unitPerformanceSchemas() map[string]any {
	var capaians, ratings, sources []string
	for _, c := range model.Capaians {
		capaians = append(capaians, string(c))
	}
	for _, r := range model.Ratings {
		ratings = append(ratings, string(r))
	}
	for _, s := range model.RecommendationSources {
		sources = append(sources, string(s))
	}
	person := map[string]any{"oneOf": []any{ref("PersonRef"), map[string]any{"type": "null"}}}
	user := map[string]any{"oneOf": []any{obj([]string{"id", "name"}, map[string]any{"id": map[string]any{"type": "string", "description": "User id"}, "name": str()}),
		map[string]any{"type": "null"}}}
	return map[string]any{
		"UnitRecommendation": obj([]string{"id", "source", "capaian", "note", "by", "at", "on_behalf", "basis", "superseded_by"}, map[string]any{
			"id": str(), "source": enum(sources...), "capaian": enum(capaians...), "note": str(),
			"by":        map[string]any{"oneOf": user["oneOf"], "description": "The user who recorded it: the body's own recorder, or the BKPSDM admin who recorded it on the body's behalf"},
			"at":        map[string]any{"type": "string", "format": "date-time"},
			"on_behalf": map[string]any{"type": "boolean", "description": "Recorded by a BKPSDM admin on behalf of the body named in source (shown as \"dicatat oleh <by> atas nama <source>: <basis>\")"},
			"basis":     map[string]any{"type": "string", "description": "What recording it on the body's behalf rests on (the body's letter); \"\" for the body's own"},
			"superseded_by": map[string]any{"type": []string{"string", "null"},
				"description": "For one recorded on the body's behalf: the id of the body's own later recommendation that replaces it (both are kept); null while none has"}}),
		"UnitPerformance": obj([]string{"unit_id", "period_id", "capaian", "version", "recommendations", "can"}, map[string]any{
			"unit_id": str(), "unit_name": str(), "period_id": str(), "period_name": str(),
			"period_status": enum("draft", "open", "closed", "locked"),
			"head":          person,
			"head_acting": map[string]any{"type": []string{"string", "null"}, "enum": []any{"Plt.", "Plh.", nil},
				"description": "\"Plt.\" or \"Plh.\" when the head leads the OPD as such, null for a definitive head"},
			"setter":  map[string]any{"oneOf": []any{ref("PersonRef"), map[string]any{"type": "null"}}, "description": "Who sets the capaian of this OPD now"},
			"capaian": map[string]any{"type": []string{"string", "null"}, "enum": append(anyOf(capaians), nil), "description": "null until it is set"},
			"basis":   map[string]any{"type": "string", "description": "The dasar: capaian Perjanjian Kinerja, a summary of the rencana aksi"},
			"set_by":  person, "set_at": map[string]any{"type": []string{"string", "null"}, "format": "date-time"},
			"version":         map[string]any{"type": "integer", "description": "0 until set; send it back with PUT"},
			"leader_rating":   map[string]any{"type": []string{"string", "null"}, "enum": append(anyOf(ratings), nil), "description": "The OPD head's rating hasil kerja the capaian implies"},
			"recommendations": map[string]any{"type": "array", "items": ref("UnitRecommendation"), "description": "Oldest first"},
			"can": obj([]string{"set", "recommend", "sources", "on_behalf"}, map[string]any{
				"set":       canField("Set or change the capaian (the leader above the OPD, while the period is not locked)"),
				"recommend": canField("Record a recommendation"),
				"sources":   map[string]any{"type": "array", "items": enum(sources...), "description": "The sources whose recommendation the actor may record"},
				"on_behalf": map[string]any{"type": "array", "items": enum(sources...), "description": "Those of sources the actor records only on the body's behalf, with a basis (a BKPSDM admin for Bappeda and the Inspektorat)"}})}),
		"UnitPerformanceList": listOf("UnitPerformance"),
		"UnitPerformanceRequest": obj([]string{"capaian", "basis", "version"}, map[string]any{
			"capaian": enum(capaians...),
			"basis":   map[string]any{"type": "string", "maxLength": model.UnitPerformanceBasisMax},
			"version": map[string]any{"type": "integer", "description": "The version last read: 0 for the first; a stale one is a 409"}}),
		"UnitRecommendationRequest": obj([]string{"source", "capaian"}, map[string]any{
			"source": enum(sources...), "capaian": enum(capaians...),
			"note": map[string]any{"type": "string", "maxLength": model.UnitRecommendationNoteMax},
			"basis": map[string]any{"type": "string", "maxLength": model.UnitRecommendationBasisMax,
				"description": "Required when recording another body's recommendation on its behalf (a source in can.on_behalf): the letter it came in, e.g. \"Surat Inspektorat No. 700/123/2026 tanggal 5 November 2026\"; refused with one's own"}}),
		"UnitPerformanceSettings": obj([]string{"capaian_setter"}, map[string]any{
			"capaian_setter":      enum(model.CapaianSetterKepalaDaerah, model.CapaianSetterSekda),
			"bkpsdm_unit_id":      map[string]any{"type": "string", "description": "The OPD whose head recommends as BKPSDM (its id; its code on PUT too)"},
			"bappeda_unit_id":     map[string]any{"type": "string", "description": "The OPD whose head recommends as Bappeda"},
			"inspektorat_unit_id": map[string]any{"type": "string", "description": "The OPD whose head recommends as the Inspektorat"}}),
	}
}

func anyOf(values []string) []any {
	out := make([]any, len(values))
	for i, v := range values {
		out[i] = v
	}
	return out
}
