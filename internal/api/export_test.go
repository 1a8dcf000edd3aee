package api

// RouteTable lists "METHOD /path" of every registered route, for tests.
func RouteTable() []string {
	var out []string
	for _, rt := range routes() {
		out = append(out, rt.method+" "+rt.path)
	}
	return out
}
