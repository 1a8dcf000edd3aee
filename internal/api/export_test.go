package api

// RouteTable lists "METHOD /path" of every registered route, for tests.
func RouteTable() []string {
	var out []string
	for _, rt := range routes() {
		out = append(out, rt.method+" "+rt.path)
	}
	return out
}

// PublicRoutes tells, for every "METHOD /path" of the table, whether it is
// reachable without signing in.
func PublicRoutes() map[string]bool {
	out := map[string]bool{}
	for _, rt := range routes() {
		out[rt.method+" "+rt.path] = rt.public
	}
	return out
}

// DeclaredQuery gives, for every "METHOD /path" of the table, the query
// parameters the route declares (and takes).
func DeclaredQuery() map[string][]string {
	out := map[string][]string{}
	for _, rt := range routes() {
		out[rt.method+" "+rt.path] = rt.doc.query
	}
	return out
}
