package api

// needsRoutes are the routes of development needs and resource constraints.
func needsRoutes() []route { return nil }

func needsSchemas() map[string]any { return map[string]any{} }
