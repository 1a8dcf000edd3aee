package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// pkView is a unit's Perjanjian Kinerja for one year on the unit page.
type pkView struct {
	Year      int
	Years     []int
	Sasaran   []app.PKSasaranItem
	CanManage bool
	Errors    map[string]string
	Form      model.PKSasaran
	Saved     bool
}

// unitPK loads the PK shown on the unit page for the year asked (?tahun=).
func (u *ui) unitPK(r *http.Request, b base, unitID string) (pkView, error) {
	today := u.today(r).Time().Year()
	v := pkView{Year: today, Years: []int{today - 1, today, today + 1}}
	if y, err := app.ParseYear(r.FormValue("tahun"), today); err == nil {
		v.Year = y
	}
	pk, err := u.a.PerjanjianKinerja(r.Context(), *b.Actor, unitID, v.Year)
	if err != nil {
		return v, err
	}
	v.Sasaran, v.CanManage = pk.Sasaran, pk.Can.Manage
	v.Saved = r.URL.Query().Get("ok") == "pk"
	v.Form.Indicators = make([]model.PKIndicator, 3)
	return v, nil
}

// addPKSasaran adds a sasaran with up to three indicators from the form.
func (u *ui) addPKSasaran(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	year, _ := app.ParseYear(r.PostFormValue("tahun"), 0) // an unreadable year is 0, which the use case refuses with its message
	s := model.PKSasaran{UnitID: id, Year: year, Description: r.PostFormValue("description")}
	for i := range 3 {
		n := strconv.Itoa(i)
		s.Indicators = append(s.Indicators, model.PKIndicator{Description: r.PostFormValue("indicator" + n),
			Target: r.PostFormValue("target" + n), Unit: r.PostFormValue("unit" + n)})
	}
	form := s
	if _, err := u.a.AddPKSasaran(r.Context(), *b.Actor, s); err != nil {
		ve, ok := isValidation(err)
		if !ok {
			return err
		}
		return u.renderUnit(w, r, b, id, http.StatusUnprocessableEntity, func(v *pkView) {
			v.Errors, v.Form = b.Errs(ve), form
			for len(v.Form.Indicators) < 3 {
				v.Form.Indicators = append(v.Form.Indicators, model.PKIndicator{})
			}
		})
	}
	http.Redirect(w, r, "/unit/"+id+"?tahun="+strconv.Itoa(year)+"&ok=pk#pk", http.StatusSeeOther)
	return nil
}

// deletePKSasaran removes a sasaran that no RHK is taken from.
func (u *ui) deletePKSasaran(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	err := u.a.DeletePKSasaran(r.Context(), *b.Actor, r.PathValue("sid"))
	if errors.Is(err, model.ErrConflict) {
		return u.renderUnit(w, r, b, id, http.StatusConflict, func(v *pkView) {
			v.Errors = map[string]string{"sasaran": b.T("pk.err.used")}
		})
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/unit/"+id+"?tahun="+r.PostFormValue("tahun")+"#pk", http.StatusSeeOther)
	return nil
}
