package web

import "net/http"

// needsRoutes adds the pages of development needs and resource constraints.
func (u *ui) needsRoutes(page func(string, func(w http.ResponseWriter, r *http.Request, b base) error)) {
}
