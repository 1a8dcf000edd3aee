package web

import (
	"net/http"

	"github.com/kinerja-id/kinerja/internal/model"
)

// The instansi's map from capaian kinerja organisasi to the unit head's
// rating hasil kerja, on the year page's settings (BKPSDM).

// leaderRow is one capaian of the map: the rating in force and the
// regulation's.
type leaderRow struct {
	Capaian         model.Capaian
	Rating, Default model.Rating
	Ratings         []model.Rating
}

// LeaderRows lists the map by capaian, from Istimewa down.
func (p yearPage) LeaderRows() []leaderRow {
	out := make([]leaderRow, 0, len(model.Capaians))
	for _, c := range model.Capaians {
		out = append(out, leaderRow{Capaian: c, Rating: p.Settings.LeaderMap[c], Default: p.Settings.LeaderDefault[c], Ratings: model.Ratings})
	}
	return out
}

// setLeaderMap saves the map sent (leader.<capaian> = rating), or restores
// the regulation's (reset=1); a map refused shows the page with why.
func (u *ui) setLeaderMap(w http.ResponseWriter, r *http.Request, b base) error {
	var m model.LeaderMap
	if r.PostFormValue("reset") != "1" {
		m = model.LeaderMap{}
		for _, c := range model.Capaians {
			m[c] = model.Rating(r.PostFormValue("leader." + string(c)))
		}
	}
	err := u.a.SetLeaderMap(r.Context(), *b.Actor, m)
	if ve, ok := isValidation(err); ok {
		p, perr := u.yearPage(r, b)
		if perr != nil {
			return perr
		}
		for _, msg := range b.Errs(ve) {
			p.Error = msg
		}
		u.render(w, r, http.StatusUnprocessableEntity, "year", p)
		return nil
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/tahun?ok=pimpinan#pimpinan", http.StatusSeeOther)
	return nil
}
