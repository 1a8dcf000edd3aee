package api

// coachingRoutes are the routes of bimbingan kinerja.
func coachingRoutes() []route { return nil }

func coachingSchemas() map[string]any { return map[string]any{} }
