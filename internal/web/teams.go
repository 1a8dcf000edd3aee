package web

import (
	"errors"
	"net/http"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

func (u *ui) teamRoutes(page func(string, func(w http.ResponseWriter, r *http.Request, b base) error)) {
	page("GET /tim", u.showTeams)
	page("POST /tim", u.createTeam)
	page("GET /tim/{id}", u.showTeam)
	page("POST /tim/{id}/anggota", u.addTeamMember)
	page("POST /tim/{id}/rhk", u.linkTeamRHK)
	page("POST /tim/{id}/apresiasi", u.giveKudos)
}

// teamsPage lists the actor's teams with the form to start one.
type teamsPage struct {
	base
	Teams    []app.TeamItem
	CanStart bool
	Form     model.Team
	Errors   map[string]string
}

func (u *ui) showTeams(w http.ResponseWriter, r *http.Request, b base) error {
	return u.renderTeams(w, r, b, http.StatusOK, model.Team{}, nil)
}

func (u *ui) renderTeams(w http.ResponseWriter, r *http.Request, b base, status int, form model.Team, errs map[string]string) error {
	list, err := u.a.WorkTeams(r.Context(), *b.Actor, u.today(r).Time().Year())
	if err != nil {
		return err
	}
	p := teamsPage{base: b, Teams: list, CanStart: u.a.CanStartTeam(r.Context(), *b.Actor), Form: form, Errors: errs}
	p.Title, p.Nav = b.T("team.title"), "team"
	u.render(w, r, status, "teams", p)
	return nil
}

func (u *ui) createTeam(w http.ResponseWriter, r *http.Request, b base) error {
	form := model.Team{Name: r.PostFormValue("name"), Goal: r.PostFormValue("goal")}
	t, err := u.a.CreateTeam(r.Context(), *b.Actor, form)
	if ve, ok := isValidation(err); ok {
		return u.renderTeams(w, r, b, http.StatusUnprocessableEntity, form, b.Errs(ve))
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/tim/"+t.ID, http.StatusSeeOther)
	return nil
}

// teamPage is one team.
type teamPage struct {
	base
	V      app.TeamView
	Errors map[string]string
	MaxMin int
}

func (u *ui) showTeam(w http.ResponseWriter, r *http.Request, b base) error {
	return u.renderTeam(w, r, b, http.StatusOK, nil)
}

func (u *ui) renderTeam(w http.ResponseWriter, r *http.Request, b base, status int, errs map[string]string) error {
	v, err := u.a.WorkTeam(r.Context(), *b.Actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	// Older kudos a page at a time (?apresiasi=); a cursor edited by hand
	// shows the newest again.
	if c := r.URL.Query().Get("apresiasi"); c != "" {
		page, err := u.a.TeamKudos(r.Context(), *b.Actor, v.Team.ID, c)
		if _, bad := isValidation(err); !bad && err != nil {
			return err
		} else if err == nil {
			v.Kudos, v.KudosNext = page.Items, page.NextCursor
		}
	}
	// Older entries a page at a time (?progres=), likewise.
	if c := r.URL.Query().Get("progres"); c != "" {
		items, next, err := u.a.TeamRecent(r.Context(), *b.Actor, v.Team.ID, c)
		if _, bad := isValidation(err); !bad && err != nil {
			return err
		} else if err == nil {
			v.Recent, v.RecentNext = items, next
		}
	}
	p := teamPage{base: b, V: v, Errors: errs, MaxMin: 1}
	for _, t := range v.Progress {
		p.MaxMin = max(p.MaxMin, t.Minutes)
	}
	p.Title, p.Nav = v.Team.Name, "team"
	u.render(w, r, status, "team", p)
	return nil
}

// teamAction runs a change from the team page and shows the page again.
func (u *ui) teamAction(w http.ResponseWriter, r *http.Request, b base, do func() error) error {
	err := do()
	if ve, ok := isValidation(err); ok {
		return u.renderTeam(w, r, b, http.StatusUnprocessableEntity, b.Errs(ve))
	}
	if errors.Is(err, model.ErrForbidden) {
		return u.renderTeam(w, r, b, http.StatusForbidden, map[string]string{"team": b.T("team.err.forbidden")})
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/tim/"+r.PathValue("id"), http.StatusSeeOther)
	return nil
}

func (u *ui) addTeamMember(w http.ResponseWriter, r *http.Request, b base) error {
	return u.teamAction(w, r, b, func() error {
		return u.a.AddTeamMemberByNIP(r.Context(), *b.Actor, r.PathValue("id"), r.PostFormValue("nip"))
	})
}

func (u *ui) linkTeamRHK(w http.ResponseWriter, r *http.Request, b base) error {
	return u.teamAction(w, r, b, func() error {
		return u.a.LinkTeamRHK(r.Context(), *b.Actor, r.PathValue("id"), r.PostFormValue("rhk_id"))
	})
}

func (u *ui) giveKudos(w http.ResponseWriter, r *http.Request, b base) error {
	return u.teamAction(w, r, b, func() error {
		_, err := u.a.GiveKudos(r.Context(), *b.Actor, r.PathValue("id"), r.PostFormValue("to_id"), r.PostFormValue("kind"), r.PostFormValue("body"))
		return err
	})
}
