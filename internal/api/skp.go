package api

import (
	"bytes"
	"net/http"
	"strconv"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// planningSchemas are the schemas of the planning routes.
func planningSchemas() map[string]any {
	all := map[string]any{}
	for _, part := range []map[string]any{yearSchemas(), skpSchemas(), matrixSchemas(), monitoringSchemas()} {
		for k, v := range part {
			all[k] = v
		}
	}
	return all
}

type indicatorJSON struct {
	ID          string       `json:"id"`
	Aspect      string       `json:"aspect"`
	Description string       `json:"description"`
	Target      string       `json:"target"`
	Unit        string       `json:"unit"`
	Can         indicatorCan `json:"can"`
}

// indicatorCan is what the actor may do with an indicator of an SKP now
// (app.IndicatorRights): change it (PATCH /indicators/{id}) or remove it
// (DELETE /indicators/{id}).
type indicatorCan struct {
	Edit   bool `json:"edit"`
	Delete bool `json:"delete"`
}

type rhkJSON struct {
	ID            string          `json:"id"`
	Kind          string          `json:"kind"`
	Description   string          `json:"description"`
	ParentRHKID   *string         `json:"parent_rhk_id"`
	ParentRHKText *string         `json:"parent_rhk_text,omitempty"`
	ParentText    string          `json:"parent_text"`
	PenugasanDari string          `json:"penugasan_dari"`
	Perspektif    string          `json:"perspektif"`
	PKSasaranID   *string         `json:"pk_sasaran_id"`
	Indicators    []indicatorJSON `json:"indicators"`
	Can           rhkCan          `json:"can"`
}

// rhkCan is what the actor may do with an RHK now (app.RHKRights): change
// it (PATCH /rhk/{id}), add an indicator (POST /rhk/{id}/indicators) or
// remove it (DELETE /rhk/{id}).
type rhkCan struct {
	Edit         bool `json:"edit"`
	AddIndicator bool `json:"add_indicator"`
	Delete       bool `json:"delete"`
}

// skpCan is what the actor may do with an SKP now (app.SKPRights).
type skpCan struct {
	Edit     bool `json:"edit"`
	Submit   bool `json:"submit"`
	Approve  bool `json:"approve"`
	Return   bool `json:"return"`
	Revise   bool `json:"revise"`
	Expect   bool `json:"expect"`
	Dialogue bool `json:"dialogue"`
}

type behaviourJSON struct {
	CoreValue   string   `json:"core_value"`
	Guides      []string `json:"guides"`
	Expectation string   `json:"expectation"`
}

// skpHeadJSON is what every answer about an SKP shows: the SKP without
// its RHK and behaviours, with the actor's rights on it.
type skpHeadJSON struct {
	ID          string               `json:"id"`
	EmployeeID  string               `json:"employee_id"`
	Year        int                  `json:"year"`
	PeriodStart string               `json:"period_start"`
	PeriodEnd   string               `json:"period_end"`
	Approach    string               `json:"approach"`
	Format      string               `json:"format"`
	Status      string               `json:"status"`
	Version     int                  `json:"version"`
	Revision    int                  `json:"revision"`
	ReturnNote  string               `json:"return_note"`
	SubmittedAt *time.Time           `json:"submitted_at"`
	ApprovedAt  *time.Time           `json:"approved_at"`
	Employee    model.PersonSnapshot `json:"employee"`
	Rater       model.PersonSnapshot `json:"rater"`
	UpperRater  model.PersonSnapshot `json:"upper_rater"`
	Lampiran    model.Lampiran       `json:"lampiran"`
	Position    *skpPositionJSON     `json:"position"`
	Acting      *string              `json:"acting"`
	Can         skpCan               `json:"can"`
}

// skpPositionJSON is the post an SKP plans: the definitive position, or
// one held as Plt or Plh, named as the document names it.
type skpPositionJSON struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Unit  string `json:"unit"`
}

// skpJSON is the whole SKP, with its RHK and behaviours.
type skpJSON struct {
	skpHeadJSON
	RHK        []rhkJSON       `json:"rhk"`
	Behaviours []behaviourJSON `json:"behaviours"`
	// RevisionInForce is, on GET /skps/{id}, the approved revision that
	// stays in force while this one is drafted, submitted or returned.
	RevisionInForce *int `json:"revision_in_force,omitempty"`
	// RatedNow is, on GET /skps/{id}, who rates the SKP today when that is
	// not the rater it names (an approved SKP keeps its snapshot).
	RatedNow *model.PersonSnapshot `json:"rated_now,omitempty"`
	// Transfer is, on GET /skps/{id} of an SKP a transfer closed or that
	// follows one, what the SKP page says of it (GET /skps/{id}/transfer
	// gives the RHK to take over too).
	Transfer *skpTransferJSON `json:"transfer,omitempty"`
	// Realisasi is, on GET /skps/{id}, whether the SKP holds realisasi to
	// open (GET /skps/{id}/realisasi), as the SKP page links to them.
	Realisasi *bool `json:"realisasi,omitempty"`
}

// skpTransferJSON is what an SKP shows of the transfer that closed it or
// that it follows.
type skpTransferJSON struct {
	Previous         *skpLinkJSON `json:"previous"`
	Next             *skpLinkJSON `json:"next"`
	AfterTMT         int          `json:"after_tmt"`
	PreviousAfterTMT int          `json:"previous_after_tmt"`
}

// skpSummaryJSON is an SKP as the list of SKPs shows it: without its RHK
// and behaviours, with how many RHK it has.
type skpSummaryJSON struct {
	skpHeadJSON
	RHKCount int `json:"rhk_count"`
}

// skpHeadOf is an SKP's head as the API shows it, with the actor's rights
// on it.
func skpHeadOf(s model.SKP, can app.SKPRights) skpHeadJSON {
	j := skpHeadJSON{ID: s.ID, EmployeeID: s.EmployeeID, Year: s.Year, PeriodStart: string(s.PeriodStart), PeriodEnd: string(s.PeriodEnd),
		Approach: string(s.Approach), Format: string(s.Format), Status: string(s.Status), Version: s.Version, Revision: s.Revision,
		ReturnNote: s.ReturnNote, SubmittedAt: timeOrNil(s.SubmittedAt), ApprovedAt: timeOrNil(s.ApprovedAt),
		Employee: s.Employee, Rater: s.Rater, UpperRater: s.UpperRater, Lampiran: s.Lampiran,
		Can: skpCan{Edit: can.Edit, Submit: can.Submit, Approve: can.Approve, Return: can.Return, Revise: can.Revise, Expect: can.Expect, Dialogue: can.Dialogue}}
	if s.PositionID != "" {
		j.Position = &skpPositionJSON{ID: s.PositionID, Title: s.Employee.Position, Unit: s.Employee.Unit}
	}
	if s.Acting != "" {
		j.Acting = ptr(string(s.Acting))
	}
	for _, l := range []*[]string{&j.Lampiran.DukunganSumberDaya, &j.Lampiran.SkemaPertanggungjawaban, &j.Lampiran.Konsekuensi} {
		if *l == nil {
			*l = []string{}
		}
	}
	return j
}

// skpOf is an SKP as the API shows it, with the actor's rights on it. An
// approved version is shown with no rights: it is history.
func skpOf(s model.SKP, can app.SKPRights) skpJSON {
	j := skpJSON{skpHeadJSON: skpHeadOf(s, can), RHK: []rhkJSON{}, Behaviours: []behaviourJSON{}}
	for _, r := range s.RHK {
		j.RHK = append(j.RHK, rhkOf(r, can))
	}
	for _, b := range s.Behaviours {
		j.Behaviours = append(j.Behaviours, behaviourJSON{CoreValue: string(b.Value), Guides: b.Guides[:], Expectation: b.Expectation})
	}
	return j
}

func rhkOf(r model.RHK, can app.SKPRights) rhkJSON {
	j := rhkJSON{ID: r.ID, Kind: string(r.Kind), Description: r.Description, ParentRHKID: ptr(r.ParentRHKID), ParentText: r.ParentText,
		PenugasanDari: r.PenugasanDari, Perspektif: r.Perspektif, PKSasaranID: ptr(r.PKSasaranID), Indicators: []indicatorJSON{},
		Can: rhkCan{Edit: can.RHK().Edit, AddIndicator: can.RHK().AddIndicator, Delete: can.RHK().Delete}}
	for _, in := range r.Indicators {
		j.Indicators = append(j.Indicators, indicatorJSON{ID: in.ID, Aspect: string(in.Aspect), Description: in.Description, Target: in.Target, Unit: in.Unit,
			Can: indicatorCan{Edit: can.Indicator().Edit, Delete: can.Indicator().Delete}})
	}
	return j
}

// skpViewOf is the whole SKP as GET /skps/{id} answers it: with the text
// of every RHK its RHK intervene.
func skpViewOf(v app.SKPView) skpJSON {
	j := skpOf(v.SKP, v.Can)
	if v.InForce > 0 {
		j.RevisionInForce = &v.InForce
	}
	j.RatedNow = v.RatedNow
	takes := v.Realisasi || v.Transfer.Realisasi
	j.Realisasi = &takes
	if t := v.Transfer; t.Previous != nil || t.Next != nil {
		j.Transfer = &skpTransferJSON{Previous: skpLinkOf(t.Previous), Next: skpLinkOf(t.Next), AfterTMT: t.AfterTMT, PreviousAfterTMT: t.PreviousAfterTMT}
	}
	for i := range j.RHK {
		if id := j.RHK[i].ParentRHKID; id != nil {
			if text, ok := v.ParentText[*id]; ok {
				j.RHK[i].ParentRHKText = &text
			}
		}
	}
	return j
}

// writeSKP answers the SKP as the actor may now see it, after a change.
func (h *handler) writeSKP(w http.ResponseWriter, r *http.Request, actor model.Actor, id string, status int) error {
	s, err := h.a.SKP(r.Context(), actor, id)
	if err != nil {
		return err
	}
	return h.answerSKP(w, r, actor, s, status)
}

// answerSKP answers s with what the actor may now do with it.
func (h *handler) answerSKP(w http.ResponseWriter, r *http.Request, actor model.Actor, s model.SKP, status int) error {
	can, err := h.a.SKPRights(r.Context(), actor, s)
	if err != nil {
		return err
	}
	return writeJSON(w, status, skpOf(s, can))
}

func (h *handler) createSKP(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		EmployeeID string `json:"employee_id"`
		PositionID string `json:"position_id"`
		Year       int    `json:"year" range:"year"`
		Approach   string `json:"approach"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	if req.EmployeeID == "" {
		req.EmployeeID = actor.EmployeeID
	}
	s, err := h.a.CreateSKPOn(r.Context(), actor, req.EmployeeID, req.PositionID, req.Year, model.Approach(req.Approach))
	if err != nil {
		return err
	}
	return h.answerSKP(w, r, actor, s, http.StatusCreated)
}

// skpPostJSON is a post an employee may plan an SKP for (app.SKPPost).
type skpPostJSON struct {
	PositionID string  `json:"position_id"`
	Title      string  `json:"title"`
	Unit       string  `json:"unit"`
	Acting     *string `json:"acting"`
	Start      string  `json:"start"`
	End        string  `json:"end"`
	OpenSKPID  *string `json:"open_skp_id"`
	Can        struct {
		Create bool `json:"create"`
	} `json:"can"`
}

// skpPosts answers GET /api/v1/skp-posts: the posts the employee (the
// actor by default) may plan in the year.
func (h *handler) skpPosts(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if _, err := limitParam(r); err != nil {
		return err
	}
	year, err := h.yearParam(r)
	if err != nil {
		return err
	}
	employee := r.URL.Query().Get("employee")
	if employee == "" {
		employee = actor.EmployeeID
	}
	posts, err := h.a.SKPPosts(r.Context(), actor, employee, year)
	if err != nil {
		return err
	}
	items := make([]skpPostJSON, 0, len(posts))
	for _, p := range posts {
		j := skpPostJSON{PositionID: p.PositionID, Title: p.Title, Unit: p.Unit, Acting: ptr(string(p.Acting)), Start: string(p.Start), End: string(p.End)}
		if p.Open != nil {
			j.OpenSKPID = &p.Open.ID
		}
		j.Can.Create = p.Can.Create
		items = append(items, j)
	}
	out, err := pageAt(items, r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) skps(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	q := r.URL.Query()
	year, err := app.ParseYear(q.Get("year"), 0)
	if err != nil {
		return err
	}
	status := model.SKPStatus(q.Get("status"))
	switch status {
	case "", model.SKPDraft, model.SKPSubmitted, model.SKPReturned, model.SKPApproved, model.SKPClosed:
	default:
		return model.Invalid("status", "invalid.skp.status")
	}
	skps, err := h.a.SKPSummaries(r.Context(), actor, q.Get("employee"), year, status)
	if err != nil {
		return err
	}
	// The list is newest first; a cursor is the id of the last SKP sent.
	// Each SKP comes without its RHK and behaviours (GET /skps/{id}).
	items := make([]skpSummaryJSON, 0, len(skps))
	for _, s := range skps {
		items = append(items, skpSummaryJSON{skpHeadJSON: skpHeadOf(s.SKP, s.Can), RHKCount: s.RHKCount})
	}
	out, err := pageOf(items, func(s skpSummaryJSON) string { return s.ID }, r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) skp(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	v, err := h.a.SKPView(r.Context(), actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, skpViewOf(v))
}

type interventionOptionsJSON struct {
	SKPID           string          `json:"skp_id"`
	Format          string          `json:"format"`
	SupervisorSKPID *string         `json:"supervisor_skp_id"`
	RHK             []rhkJSON       `json:"rhk"`
	PKSasaran       []pkSasaranJSON `json:"pk_sasaran"`
}

func (h *handler) interventionOptions(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	o, err := h.a.InterventionOptions(r.Context(), actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	out := interventionOptionsJSON{SKPID: r.PathValue("id"), Format: string(o.Format), SupervisorSKPID: ptr(o.SupervisorSKPID),
		RHK: []rhkJSON{}, PKSasaran: []pkSasaranJSON{}}
	// The supervisor's RHK are read here, not acted on.
	for _, rhk := range o.SupervisorRHK {
		out.RHK = append(out.RHK, rhkOf(rhk, app.SKPRights{}))
	}
	for _, ps := range o.PerjanjianKinerja {
		out.PKSasaran = append(out.PKSasaran, pkSasaranOf(ps, app.PKSasaranRights{}))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) addRHK(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Version       *int   `json:"version"`
		Kind          string `json:"kind"`
		Description   string `json:"description"`
		ParentRHKID   string `json:"parent_rhk_id"`
		ParentText    string `json:"parent_text"`
		PenugasanDari string `json:"penugasan_dari"`
		Perspektif    string `json:"perspektif"`
		PKSasaranID   string `json:"pk_sasaran_id"`
	}
	version, err := decodeVersioned(w, r, &req, &req.Version)
	if err != nil {
		return err
	}
	id := r.PathValue("id")
	_, err = h.a.SaveRHK(r.Context(), actor, version, model.RHK{SKPID: id, Kind: model.RHKKind(req.Kind), Description: req.Description,
		ParentRHKID: req.ParentRHKID, ParentText: req.ParentText, PenugasanDari: req.PenugasanDari, Perspektif: req.Perspektif, PKSasaranID: req.PKSasaranID})
	if err != nil {
		return err
	}
	return h.writeSKP(w, r, actor, id, http.StatusCreated)
}

// changeRHK answers PATCH /api/v1/rhk/{id}: a change to an RHK of a
// draft or returned SKP, each field optional, with the SKP's version.
func (h *handler) changeRHK(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Version       *int    `json:"version"`
		Kind          *string `json:"kind"`
		Description   *string `json:"description"`
		ParentRHKID   *string `json:"parent_rhk_id"`
		ParentText    *string `json:"parent_text"`
		PenugasanDari *string `json:"penugasan_dari"`
		Perspektif    *string `json:"perspektif"`
	}
	version, err := decodeVersioned(w, r, &req, &req.Version)
	if err != nil {
		return err
	}
	c := app.RHKChange{Description: req.Description, ParentRHKID: req.ParentRHKID, ParentText: req.ParentText,
		PenugasanDari: req.PenugasanDari, Perspektif: req.Perspektif}
	if req.Kind != nil {
		kind := model.RHKKind(*req.Kind)
		c.Kind = &kind
	}
	rhk, err := h.a.ChangeRHK(r.Context(), actor, version, r.PathValue("id"), c)
	if err != nil {
		return err
	}
	return h.writeSKP(w, r, actor, rhk.SKPID, http.StatusOK)
}

func (h *handler) addIndicator(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Version     *int   `json:"version"`
		Aspect      string `json:"aspect"`
		Description string `json:"description"`
		Target      string `json:"target"`
		Unit        string `json:"unit"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	rhk, err := h.a.RHK(r.Context(), actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	version := requiredVersion(r, req.Version)
	if _, err := h.a.AddIndicator(r.Context(), actor, version, model.Indicator{RHKID: rhk.ID, Aspect: model.Aspect(req.Aspect),
		Description: req.Description, Target: req.Target, Unit: req.Unit}); err != nil {
		return err
	}
	return h.writeSKP(w, r, actor, rhk.SKPID, http.StatusCreated)
}

// changeIndicator answers PATCH /api/v1/indicators/{id}: a change to an
// indicator of a draft or returned SKP, each field optional, with the
// SKP's version.
func (h *handler) changeIndicator(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Version     *int    `json:"version"`
		Aspect      *string `json:"aspect"`
		Description *string `json:"description"`
		Target      *string `json:"target"`
		Unit        *string `json:"unit"`
	}
	version, err := decodeVersioned(w, r, &req, &req.Version)
	if err != nil {
		return err
	}
	c := app.IndicatorChange{Description: req.Description, Target: req.Target, Unit: req.Unit}
	if req.Aspect != nil {
		aspect := model.Aspect(*req.Aspect)
		c.Aspect = &aspect
	}
	in, err := h.a.ChangeIndicator(r.Context(), actor, version, r.PathValue("id"), c)
	if err != nil {
		return err
	}
	rhk, err := h.a.RHK(r.Context(), actor, in.RHKID)
	if err != nil {
		return err
	}
	return h.writeSKP(w, r, actor, rhk.SKPID, http.StatusOK)
}

// deleteIndicator answers DELETE /api/v1/indicators/{id}, with the SKP's
// version in the body.
func (h *handler) deleteIndicator(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req versionRequest
	version, err := decodeVersioned(w, r, &req, &req.Version)
	if err != nil {
		return err
	}
	s, err := h.a.RemoveIndicator(r.Context(), actor, version, r.PathValue("id"))
	if err != nil {
		return err
	}
	return h.answerSKP(w, r, actor, s, http.StatusOK)
}

func (h *handler) deleteRHK(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req versionRequest
	version, err := decodeVersioned(w, r, &req, &req.Version)
	if err != nil {
		return err
	}
	s, err := h.a.DeleteRHK(r.Context(), actor, version, r.PathValue("id"))
	if err != nil {
		return err
	}
	return h.answerSKP(w, r, actor, s, http.StatusOK)
}

func (h *handler) setExpectation(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Version     *int   `json:"version"`
		CoreValue   string `json:"core_value"`
		Expectation string `json:"expectation"`
	}
	version, err := decodeVersioned(w, r, &req, &req.Version)
	if err != nil {
		return err
	}
	if err := h.a.SetExpectation(r.Context(), actor, r.PathValue("id"), version, model.CoreValue(req.CoreValue), req.Expectation); err != nil {
		return err
	}
	return h.writeSKP(w, r, actor, r.PathValue("id"), http.StatusOK)
}

type versionRequest struct {
	Version *int `json:"version"`
}

func (h *handler) transition(w http.ResponseWriter, r *http.Request, actor model.Actor,
	do func(id string, version int) (model.SKP, error)) error {
	var req versionRequest
	version, err := decodeVersioned(w, r, &req, &req.Version)
	if err != nil {
		return err
	}
	s, err := do(r.PathValue("id"), version)
	if err != nil {
		return err
	}
	return h.answerSKP(w, r, actor, s, http.StatusOK)
}

func (h *handler) submitSKP(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	return h.transition(w, r, actor, func(id string, v int) (model.SKP, error) { return h.a.SubmitSKP(r.Context(), actor, id, v) })
}

func (h *handler) approveSKP(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	return h.transition(w, r, actor, func(id string, v int) (model.SKP, error) { return h.a.ApproveSKP(r.Context(), actor, id, v) })
}

func (h *handler) reviseSKP(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	return h.transition(w, r, actor, func(id string, v int) (model.SKP, error) { return h.a.ReviseSKP(r.Context(), actor, id, v) })
}

func (h *handler) returnSKP(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Version *int   `json:"version"`
		Note    string `json:"note"`
	}
	version, err := decodeVersioned(w, r, &req, &req.Version)
	if err != nil {
		return err
	}
	s, err := h.a.ReturnSKP(r.Context(), actor, r.PathValue("id"), version, req.Note)
	if err != nil {
		return err
	}
	return h.answerSKP(w, r, actor, s, http.StatusOK)
}

// skpDocument answers the SKP document: the SKP as it is now, or with
// ?revision=N an approved revision as it was approved (the web's
// /skp/{id}/versi/{rev}); a revision that does not exist is a 404.
func (h *handler) skpDocument(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var buf bytes.Buffer
	id, name := r.PathValue("id"), "skp-"+r.PathValue("id")
	if q := r.URL.Query().Get("revision"); q != "" {
		rev, err := strconv.Atoi(q)
		if err != nil {
			return model.Invalid("revision", "invalid.skp.revision")
		}
		if err := h.a.WriteSKPVersionDocument(r.Context(), actor, id, rev, &buf); err != nil {
			return err
		}
		name += "-revision-" + strconv.Itoa(rev)
	} else if err := h.a.WriteSKPDocument(r.Context(), actor, id, &buf); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `inline; filename="`+name+`.pdf"`)
	_, err := w.Write(buf.Bytes())
	return err
}

func (h *handler) setLampiran(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Version                 *int     `json:"version"`
		DukunganSumberDaya      []string `json:"dukungan_sumber_daya"`
		SkemaPertanggungjawaban []string `json:"skema_pertanggungjawaban"`
		Konsekuensi             []string `json:"konsekuensi"`
	}
	version, err := decodeVersioned(w, r, &req, &req.Version)
	if err != nil {
		return err
	}
	err = h.a.SetLampiran(r.Context(), actor, r.PathValue("id"), version, model.Lampiran{DukunganSumberDaya: req.DukunganSumberDaya,
		SkemaPertanggungjawaban: req.SkemaPertanggungjawaban, Konsekuensi: req.Konsekuensi})
	if err != nil {
		return err
	}
	return h.writeSKP(w, r, actor, r.PathValue("id"), http.StatusOK)
}

func (h *handler) skpVersions(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if _, err := limitParam(r); err != nil {
		return err
	}
	versions, err := h.a.SKPVersions(r.Context(), actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	var items []skpJSON
	for _, v := range versions {
		items = append(items, skpOf(v, app.SKPRights{}))
	}
	out, err := pageAt(items, r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, out)
}

type dialogueJSON struct {
	ID           string `json:"id"`
	HeldOn       string `json:"held_on"`
	Notes        string `json:"notes"`
	Expectations string `json:"expectations"`
	AuthorID     string `json:"author_id"`
}

type skpEventJSON struct {
	At     time.Time `json:"at"`
	By     string    `json:"by"`
	Action string    `json:"action"`
	Note   string    `json:"note,omitempty"`
	From   string    `json:"from,omitempty"`
	To     string    `json:"to,omitempty"`
}

func (h *handler) skpHistory(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if _, err := limitParam(r); err != nil {
		return err
	}
	events, err := h.a.SKPHistory(r.Context(), actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	var items []skpEventJSON
	for _, e := range events {
		items = append(items, skpEventJSON{At: e.At, By: e.By, Action: e.Action, Note: e.Note, From: e.From, To: e.To})
	}
	out, err := pageAt(items, r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) dialogues(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if _, err := limitParam(r); err != nil {
		return err
	}
	ds, err := h.a.Dialogues(r.Context(), actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	var items []dialogueJSON
	for _, d := range ds {
		items = append(items, dialogueJSON{ID: d.ID, HeldOn: string(d.HeldOn), Notes: d.Notes, Expectations: d.Expectations, AuthorID: d.AuthorID})
	}
	out, err := pageOf(items, func(d dialogueJSON) string { return d.ID }, r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) addDialogue(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		HeldOn       string `json:"held_on"`
		Notes        string `json:"notes"`
		Expectations string `json:"expectations"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	d, err := h.a.AddDialogue(r.Context(), actor, r.PathValue("id"), model.Date(req.HeldOn), req.Notes, req.Expectations)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, dialogueJSON{ID: d.ID, HeldOn: string(d.HeldOn), Notes: d.Notes, Expectations: d.Expectations, AuthorID: d.AuthorID})
}

func skpSchemas() map[string]any {
	date := map[string]any{"type": "string", "format": "date"}
	person := obj([]string{"name", "nip"}, map[string]any{"employee_id": str(), "name": str(), "nip": str(), "golongan": str(),
		"pangkat": str(), "position": str(), "unit": str()})
	var values []string
	for _, cv := range model.CoreValues {
		values = append(values, string(cv.Value))
	}
	return map[string]any{
		"PersonSnapshot": person,
		"SKPPostList": obj([]string{"items", "next_cursor"}, map[string]any{"next_cursor": nullable("string"), "items": map[string]any{"type": "array", "items": obj(
			[]string{"position_id", "title", "unit", "acting", "start", "end", "open_skp_id", "can"}, map[string]any{
				"position_id": map[string]any{"type": "string", "description": "To name as position_id in POST /skps"},
				"title":       map[string]any{"type": "string", "description": "The post as documents name it (\"Plt. Kepala SD Negeri 05\")"},
				"unit":        str(),
				"acting":      map[string]any{"type": []string{"string", "null"}, "enum": []any{"plt", "plh", nil}, "description": "null for the definitive position"},
				"start":       date, "end": map[string]any{"type": "string", "format": "date", "description": "Within the year; an acting post's placement end"},
				"open_skp_id": map[string]any{"type": []string{"string", "null"}, "description": "The post's SKP of the year that is not closed"},
				"can":         obj([]string{"create"}, map[string]any{"create": canField("Start its SKP (POST /skps with position_id): the year is open and the post has no open SKP")})})}}),
		"SKPRequest": obj([]string{"year", "approach"}, map[string]any{"employee_id": map[string]any{"type": "string", "description": "The actor's own employee when empty"},
			"year": ranged("year"), "approach": enum("kuantitatif", "kualitatif"),
			"position_id": map[string]any{"type": "string", "description": "The post to plan: the employee's definitive position when empty, " +
				"or a post they hold as Plt or Plh in the year (an SKP of its own, from the placement's start to its end, rated by whoever rates that post); " +
				"one open SKP per year and post, a second answers 409"}}),
		"Indicator": obj([]string{"id", "aspect", "description", "target", "unit", "can"}, map[string]any{"id": str(),
			"aspect": enum("kuantitas", "kualitas", "waktu", "biaya"), "description": str(), "target": str(), "unit": str(),
			"can": obj([]string{"edit", "delete"}, map[string]any{"edit": canField("Change it (PATCH /indicators/{id}): aspect, description, target, unit"),
				"delete": canField("Remove it (DELETE /indicators/{id}); one with realisasi, or the last of its RHK, answers 409 naming the reason")})}),
		"RHK": obj([]string{"id", "kind", "description", "parent_rhk_id", "indicators", "can"}, map[string]any{"id": str(), "kind": enum("utama", "tambahan"),
			"description": str(), "parent_rhk_id": nullable("string"), "parent_text": str(), "penugasan_dari": str(), "perspektif": str(),
			"pk_sasaran_id": nullable("string"), "indicators": map[string]any{"type": "array", "items": ref("Indicator")},
			"parent_rhk_text": map[string]any{"type": "string", "description": "The text of the RHK intervened (GET /skps/{id} only)"},
			"can": obj([]string{"edit", "add_indicator", "delete"}, map[string]any{"edit": canField("Change it (PATCH /rhk/{id}): kind, description, the RHK it intervenes"),
				"add_indicator": canField("Add an indicator (POST /rhk/{id}/indicators)"),
				"delete":        canField("Remove it (DELETE /rhk/{id}); one that other records depend on answers 409 naming them")})}),
		"Behaviour": obj([]string{"core_value", "guides", "expectation"}, map[string]any{"core_value": enum(values...),
			"guides": map[string]any{"type": "array", "items": str()}, "expectation": str()}),
		"SKP": obj([]string{"id", "employee_id", "year", "status", "version", "rhk", "behaviours", "employee", "rater", "upper_rater", "can"},
			skpProps(map[string]any{"rhk": map[string]any{"type": "array", "items": ref("RHK")},
				"behaviours": map[string]any{"type": "array", "items": ref("Behaviour")},
				"rated_now": map[string]any{"allOf": []any{ref("PersonSnapshot")}, "description": "GET /skps/{id} only: who rates the SKP today, when that is not " +
					"the rater it names (an approved SKP keeps the raters it was approved with; dialogues, progress and assessment go to today's); absent otherwise"},
				"revision_in_force": map[string]any{"type": "integer", "minimum": 1, "description": "GET /skps/{id} only: the approved revision that stays in force " +
					"(its RHK intervened, progress and realisasi recorded on it) while this one is drafted, submitted or returned; absent otherwise"},
				"realisasi": map[string]any{"type": "boolean", "description": "GET /skps/{id} only: the SKP holds realisasi to open (GET /skps/{id}/realisasi): " +
					"a revision of it was approved, a transfer closed it, or realisasi moved to it with a take-over"},
				"transfer": map[string]any{"allOf": []any{ref("SKPTransfer")}, "description": "GET /skps/{id} only, of an SKP a transfer closed or that follows one: " +
					"the SKPs before and after it and the records dated after the TMT (GET /skps/{id}/transfer adds the RHK to take over); absent otherwise"}})),
		"SKPSummary": obj([]string{"id", "employee_id", "year", "status", "version", "rhk_count", "employee", "rater", "upper_rater", "can"},
			skpProps(map[string]any{"rhk_count": map[string]any{"type": "integer", "minimum": 0,
				"description": "How many RHK the SKP has; GET /skps/{id} gives them, with the behaviours"}})),
		"SKPHead": obj([]string{"id", "employee_id", "year", "status", "version", "employee", "rater", "upper_rater", "can"}, skpProps(map[string]any{})),
		"SKPRights": obj([]string{"edit", "submit", "approve", "return", "revise", "expect", "dialogue"}, map[string]any{
			"edit":   canField("Change RHK, indicators and lampiran (the owner, while draft or returned)"),
			"submit": canField("Submit to the pejabat penilai"), "approve": canField("Approve (the pejabat penilai, while submitted)"),
			"return": canField("Return with a note (the pejabat penilai, while submitted)"), "revise": canField("Start a new revision (the owner, once approved)"),
			"expect": canField("Write the ekspektasi khusus (the pejabat penilai, until approved)"), "dialogue": canField("Record a dialog kinerja")}),
		"InterventionOptions": obj([]string{"skp_id", "format", "supervisor_skp_id", "rhk", "pk_sasaran"}, map[string]any{"skp_id": str(),
			"format": enum("jpt", "ja_jf"), "supervisor_skp_id": nullable("string"),
			"rhk":        map[string]any{"type": "array", "items": ref("RHK"), "description": "JA/JF: the RHK of the pejabat penilai's approved SKP, to name as parent_rhk_id"},
			"pk_sasaran": map[string]any{"type": "array", "items": ref("PKSasaran"), "description": "JPT: the sasaran of the unit's Perjanjian Kinerja, to name as pk_sasaran_id"}}),
		"SKPList": listOf("SKP"),
		"SKPSummaryList": obj([]string{"items", "next_cursor"}, map[string]any{
			"items":       map[string]any{"type": "array", "items": ref("SKPSummary"), "description": "Each SKP without its RHK and behaviours"},
			"next_cursor": nullable("string")}),
		"RHKRequest": obj([]string{"version", "kind"}, map[string]any{"version": map[string]any{"type": "integer"},
			"kind": enum("utama", "tambahan"), "description": map[string]any{"type": "string", "description": "Taken from the PK sasaran when empty"},
			"parent_rhk_id": str(), "parent_text": str(), "penugasan_dari": str(), "perspektif": str(),
			"pk_sasaran_id": map[string]any{"type": "string", "description": "JPT: the sasaran of the unit's Perjanjian Kinerja this RHK is taken from; its indicators are copied"}}),
		"RHKChangeRequest": obj([]string{"version"}, map[string]any{"version": map[string]any{"type": "integer", "description": "The SKP's version"},
			"kind": enum("utama", "tambahan"), "description": str(),
			"parent_rhk_id": map[string]any{"type": "string", "description": "JA/JF: an RHK of the pejabat penilai's approved SKP (GET /skps/{id}/intervention-options); empty removes it"},
			"parent_text":   str(), "penugasan_dari": str(), "perspektif": str()}),
		"IndicatorChangeRequest": obj([]string{"version"}, map[string]any{"version": map[string]any{"type": "integer", "description": "The SKP's version"},
			"aspect": enum("kuantitas", "kualitas", "waktu", "biaya"), "description": str(), "target": str(), "unit": str()}),
		"IndicatorRequest": obj([]string{"version", "aspect", "description", "target"}, map[string]any{"version": map[string]any{"type": "integer"},
			"aspect": enum("kuantitas", "kualitas", "waktu", "biaya"), "description": str(), "target": str(), "unit": str()}),
		"ExpectationRequest": obj([]string{"version", "core_value", "expectation"}, map[string]any{"version": map[string]any{"type": "integer"},
			"core_value": enum(values...), "expectation": str()}),
		"Dialogue": obj([]string{"id", "held_on", "notes", "expectations", "author_id"}, map[string]any{"id": str(), "held_on": date,
			"notes": str(), "expectations": str(), "author_id": str()}),
		"DialogueList": listOf("Dialogue"),
		"SKPEvent": obj([]string{"at", "by", "action"}, map[string]any{"at": map[string]any{"type": "string", "format": "date-time"},
			"by":     map[string]any{"type": "string", "description": "Who took the step (for a change of the organisation: who made it, or Kinerja)"},
			"action": enum("create", "submit", "approve", "return", "revise", "close", "raters"),
			"note":   map[string]any{"type": "string", "description": "return: the note"},
			"from":   map[string]any{"type": "string", "description": "raters: the pejabat penilai before"},
			"to":     map[string]any{"type": "string", "description": "raters: the pejabat penilai after"}}),
		"SKPEventList":    listOf("SKPEvent"),
		"DialogueRequest": obj([]string{"held_on", "notes"}, map[string]any{"held_on": date, "notes": str(), "expectations": str()}),
		"LampiranRequest": obj([]string{"version"}, map[string]any{"version": map[string]any{"type": "integer"},
			"dukungan_sumber_daya": map[string]any{"type": "array", "items": str()}, "skema_pertanggungjawaban": map[string]any{"type": "array", "items": str()},
			"konsekuensi": map[string]any{"type": "array", "items": str()}}),
		"VersionRequest": obj([]string{"version"}, map[string]any{"version": map[string]any{"type": "integer", "description": "The version the client read; a stale one is a 409"}}),
		"ReturnRequest":  obj([]string{"version", "note"}, map[string]any{"version": map[string]any{"type": "integer"}, "note": str()}),
	}
}

// skpProps are the properties of an SKP that every schema of it has, with
// more added.
func skpProps(more map[string]any) map[string]any {
	date := map[string]any{"type": "string", "format": "date"}
	dateTime := map[string]any{"type": []string{"string", "null"}, "format": "date-time"}
	props := map[string]any{
		"id": str(), "employee_id": str(), "year": map[string]any{"type": "integer"}, "period_start": date, "period_end": date,
		"approach": enum("kuantitatif", "kualitatif"), "format": enum("jpt", "ja_jf"),
		"status": enum("draft", "submitted", "returned", "approved", "closed"), "version": map[string]any{"type": "integer"},
		"revision": map[string]any{"type": "integer"}, "return_note": str(), "submitted_at": dateTime, "approved_at": dateTime,
		"employee": ref("PersonSnapshot"), "rater": ref("PersonSnapshot"), "upper_rater": ref("PersonSnapshot"),
		"lampiran": obj(nil, map[string]any{"dukungan_sumber_daya": map[string]any{"type": "array", "items": str()},
			"skema_pertanggungjawaban": map[string]any{"type": "array", "items": str()}, "konsekuensi": map[string]any{"type": "array", "items": str()}}),
		"position": map[string]any{"type": []string{"object", "null"}, "required": []string{"id", "title", "unit"},
			"description": "The post the SKP plans, as the document names it (\"Plt. Kepala SD Negeri 05\" for an acting post)",
			"properties":  map[string]any{"id": str(), "title": str(), "unit": str()}},
		"acting": map[string]any{"type": []string{"string", "null"}, "enum": []any{"plt", "plh", nil},
			"description": "plt or plh for the SKP of a post held as Plt or Plh (beside the definitive one); null for the definitive position"},
		"can": ref("SKPRights")}
	for k, v := range more {
		props[k] = v
	}
	return props
}

// canField documents one right of a "can" object: always present, true
// when the actor may take that action now.
func canField(description string) map[string]any {
	return map[string]any{"type": "boolean", "description": description}
}
