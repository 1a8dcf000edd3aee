package web

import "net/http"

// coachingRoutes adds the pages of bimbingan kinerja (coaching, mentoring, counselling).
func (u *ui) coachingRoutes(page func(string, func(w http.ResponseWriter, r *http.Request, b base) error)) {
}
