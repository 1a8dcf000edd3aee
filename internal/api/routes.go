package api

// routes is the API's one route table: every route with its handler and
// its OpenAPI description, grouped by feature. The handlers live in the
// feature's file (skp.go, progress.go, needs.go ...), named as in app,
// store and web.
func routes() []route {
	var all []route
	for _, part := range [][]route{
		coreRoutes(), accountRoutes(),
		yearRoutes(), skpRoutes(), matrixRoutes(), monitoringRoutes(), pkRoutes(),
		progressRoutes(), deskRoutes(), realisasiRoutes(), feedbackRoutes(), evidenceRoutes(), eventRoutes(),
		teamRoutes(), coachingRoutes(), needsRoutes(), notificationRoutes(),
		transferRoutes(), assessmentRoutes(), calibrationRoutes(), followUpRoutes(), reportRoutes(), unitPerformanceRoutes(), objectionRoutes(), assessmentDocRoutes(),
		signInLimitRoutes(), totpRoutes(),
	} {
		all = append(all, part...)
	}
	return all
}

// coreRoutes are the organisation, people, access and audit routes.
func coreRoutes() []route {
	return []route{
		{method: "GET", path: "/api/v1/openapi.json", summary: "This OpenAPI document", public: true, handle: (*handler).openAPI,
			doc: op{tag: "meta", response: "object"}},
		{method: "POST", path: "/api/v1/auth/login", summary: "Sign in and receive a bearer token", public: true, handle: (*handler).login,
			doc: op{tag: "auth", body: "LoginRequest", response: "LoginResponse", errors: []int{401, 403, 422, 429}}},
		{method: "POST", path: "/api/v1/auth/logout", summary: "Revoke the token of this request", handle: (*handler).logout,
			doc: op{tag: "auth", status: 204}},
		{method: "GET", path: "/api/v1/me", summary: "The signed-in user", handle: (*handler).me,
			doc: op{tag: "auth", response: "Me"}},
		{method: "PATCH", path: "/api/v1/me", summary: "Change the user's language or how notifications reach them by e-mail (each field optional)", handle: (*handler).patchMe,
			doc: op{tag: "auth", body: "MePatch", response: "Me", errors: []int{422}}},
		{method: "POST", path: "/api/v1/me/password", summary: "Change one's own password (other sessions are revoked)", handle: (*handler).changePassword,
			doc: op{tag: "auth", body: "PasswordChange", status: 204, errors: []int{422}}},
		{method: "GET", path: "/api/v1/sessions", summary: "Active sessions of the user (an account admin may pass ?user=)", handle: (*handler).sessions,
			doc: op{tag: "auth", query: []string{"user", "limit", "cursor"}, response: "SessionList", errors: []int{403, 404, 422}}},
		{method: "DELETE", path: "/api/v1/sessions/{id}", summary: "Revoke a session", handle: (*handler).revokeSession,
			doc: op{tag: "auth", params: []string{"id"}, status: 204, errors: []int{404}}},
		{method: "GET", path: "/api/v1/units", summary: "The unit tree of the instansi, flat", handle: (*handler).units,
			doc: op{tag: "organisation", query: []string{"parent", "limit", "cursor"}, response: "UnitList", errors: []int{404, 422}}},
		{method: "GET", path: "/api/v1/units/{id}", summary: "One unit", handle: (*handler).unit,
			doc: op{tag: "organisation", params: []string{"id"}, response: "UnitDetail", errors: []int{404}}},
		{method: "GET", path: "/api/v1/units/{id}/positions", summary: "A unit's posts, each with its first holders and how many hold it, a page at a time", handle: (*handler).unitPositions,
			doc: op{tag: "organisation", params: []string{"id"}, query: []string{"limit", "cursor"}, response: "UnitPositionList", errors: []int{404, 422}}},
		{method: "GET", path: "/api/v1/units/{id}/positions/{pid}/holders", summary: "Everyone holding a post of the unit today, a page at a time: the definitive holders first, then the Plt, then the Plh, each marked", handle: (*handler).postHolders,
			doc: op{tag: "organisation", params: []string{"id", "pid"}, query: []string{"limit", "cursor"}, response: "HolderList", errors: []int{404, 422}}},
		{method: "GET", path: "/api/v1/employees", summary: "The employee directory, by name, a page at a time", handle: (*handler).employees,
			doc: op{tag: "organisation", query: []string{"unit", "q", "active", "limit", "cursor"}, response: "EmployeeList", errors: []int{422}}},
		{method: "GET", path: "/api/v1/employees/{id}", summary: "One employee; personal data only for those who may read the full record", handle: (*handler).employee,
			doc: op{tag: "organisation", params: []string{"id"}, response: "EmployeeDetail", errors: []int{404}}},
		{method: "GET", path: "/api/v1/employees/{id}/team", summary: "The people an employee rates directly today, by name, a page at a time", handle: (*handler).employeeTeam,
			doc: op{tag: "organisation", params: []string{"id"}, query: []string{"limit", "cursor"}, response: "PersonRefList", errors: []int{404, 422}}},
		{method: "POST", path: "/api/v1/employees/{id}/placements", summary: "Place an employee in a position: definitif (a transfer), Plt or Plh (administrators)", handle: (*handler).placeEmployee,
			doc: op{tag: "organisation", params: []string{"id"}, body: "PlacementRequest", response: "Placement", status: 201, errors: []int{403, 404, 409, 422}}},
		{method: "POST", path: "/api/v1/employees/{id}/placements/{pid}/end", summary: "End a placement on a date", handle: (*handler).endPlacement,
			doc: op{tag: "organisation", params: []string{"id", "pid"}, body: "EndRequest", status: 204, errors: []int{403, 404, 409, 422}}},
		{method: "POST", path: "/api/v1/employees/{id}/placements/{pid}/cancel", summary: "Cancel a placement that has not started yet (with the SKP of its Plt/Plh post); 409 once it has started", handle: (*handler).cancelPlacement,
			doc: op{tag: "organisation", params: []string{"id", "pid"}, status: 204, errors: []int{403, 404, 409, 422}}},
		{method: "GET", path: "/api/v1/employees/{id}/rater-overrides", summary: "Substitute raters of an employee (administrators)", handle: (*handler).raterOverrides,
			doc: op{tag: "organisation", params: []string{"id"}, query: []string{"limit", "cursor"}, response: "RaterOverrideList", errors: []int{403, 404, 422}}},
		{method: "POST", path: "/api/v1/employees/{id}/rater-overrides", summary: "Name a substitute pejabat penilai (and atasan) from a date, with a reason", handle: (*handler).overrideRater,
			doc: op{tag: "organisation", params: []string{"id"}, body: "RaterOverrideRequest", response: "RaterOverride", status: 201, errors: []int{403, 404, 409, 422}}},
		{method: "POST", path: "/api/v1/employees/{id}/rater-overrides/{oid}/end", summary: "End a substitute rater on a date", handle: (*handler).endOverride,
			doc: op{tag: "organisation", params: []string{"id", "oid"}, body: "EndRequest", status: 204, errors: []int{403, 404, 409, 422}}},
		{method: "POST", path: "/api/v1/employees/{id}/end", summary: "End someone's employment from the TMT of the SK (pensiun, meninggal, berhenti, diberhentikan, pindah instansi, perjanjian kerja berakhir)", handle: (*handler).endEmployment,
			doc: op{tag: "organisation", params: []string{"id"}, body: "EmploymentEndRequest", response: "EmployeeDetail", errors: []int{403, 404, 409, 422}}},
		{method: "POST", path: "/api/v1/employees/{id}/end/cancel", summary: "Cancel an end of employment recorded by mistake", handle: (*handler).cancelEmploymentEnd,
			doc: op{tag: "organisation", params: []string{"id"}, response: "EmployeeDetail", errors: []int{403, 404, 409}}},
		{method: "POST", path: "/api/v1/employees/{id}/merge", summary: "Merge this employee record into another record of the same person (BKPSDM)", handle: (*handler).mergeEmployee,
			doc: op{tag: "organisation", params: []string{"id"}, body: "MergeRequest", response: "EmployeeDetail", errors: []int{403, 404, 409, 422}}},
		{method: "POST", path: "/api/v1/imports/employees", summary: "Import employees from a SIASN-style CSV or XLSX file: a dry run unless apply=true", handle: (*handler).importEmployees,
			doc: op{tag: "organisation", body: "ImportUpload", response: "ImportReport", errors: []int{403, 413, 422}}},
		{method: "GET", path: "/api/v1/audit", summary: "Audit log entries, newest first (administrators and auditors)", handle: (*handler).audit,
			doc: op{tag: "audit", query: []string{"entity_type", "entity_id", "actor", "limit", "cursor"}, response: "AuditList", errors: []int{403, 422}}},
	}
}

func progressRoutes() []route {
	return []route{
		{method: "POST", path: "/api/v1/progress", summary: "Record the actor's progress of a working day; it goes to the pejabat penilai at once", handle: (*handler).submitProgress,
			doc: op{tag: "work", body: "ProgressRequest", response: "Progress", status: 201, errors: []int{403, 422}}},
		{method: "GET", path: "/api/v1/progress", summary: "Progress entries: the actor's own, one employee's (their line and admins), or the actor's team (team=1)", handle: (*handler).progressList,
			doc: op{tag: "work", query: []string{"employee", "team", "status", "from", "to", "rhk", "limit", "cursor"}, response: "ProgressList", errors: []int{404, 422}}},
		{method: "GET", path: "/api/v1/progress/options", summary: "What the actor's progress form offers on a date: the RHK of the approved SKP revision in force (none while the SKP was never approved), and why the date takes no entry when it is still to come (on the instansi's clock), more than two months back, or in a closed or locked period", handle: (*handler).progressOptions,
			doc: op{tag: "work", query: []string{"date"}, response: "ProgressOptions", errors: []int{404, 422}}},
		{method: "GET", path: "/api/v1/progress/{id}", summary: "One progress entry", handle: (*handler).progressEntry,
			doc: op{tag: "work", params: []string{"id"}, response: "Progress", errors: []int{404}}},
		{method: "PUT", path: "/api/v1/progress/{id}", summary: "Fix a returned entry and send it again, with the version read", handle: (*handler).resubmitProgress,
			doc: op{tag: "work", params: []string{"id"}, body: "ProgressRequest", response: "Progress", errors: []int{403, 404, 409, 422}}},
		{method: "POST", path: "/api/v1/progress/{id}/approve", summary: "Approve a waiting entry (the pejabat penilai or above), with the version read", handle: (*handler).approveProgress,
			doc: op{tag: "work", params: []string{"id"}, body: "VersionRequest", response: "Progress", errors: []int{403, 404, 409, 422}}},
		{method: "POST", path: "/api/v1/progress/{id}/return", summary: "Return a waiting entry with a required note, with the version read", handle: (*handler).returnProgress,
			doc: op{tag: "work", params: []string{"id"}, body: "ReturnRequest", response: "Progress", errors: []int{403, 404, 409, 422}}},
		{method: "POST", path: "/api/v1/progress/approve", summary: "Approve several waiting entries at once; those not waiting or not the actor's to review are skipped", handle: (*handler).approveProgressBatch,
			doc: op{tag: "work", body: "ProgressBatch", response: "ProgressBatchResult", errors: []int{422}}},
	}
}

func deskRoutes() []route {
	return []route{
		{method: "GET", path: "/api/v1/desk", summary: "The supervisor's desk: the team's entries waiting for review (oldest first, a page at a time with limit and cursor, and how many wait in all), who has not reported today or this week, each person's time per RHK this month, and the latest feedback on the team's work", handle: (*handler).desk,
			doc: op{tag: "work", query: []string{"limit", "cursor"}, response: "Desk", errors: []int{422}}},
		{method: "GET", path: "/api/v1/desk/people", summary: "The people on the supervisor's desk (those the actor rates, who has not reported today first) with their time per RHK this month, a page at a time", handle: (*handler).deskPeople,
			doc: op{tag: "work", query: []string{"limit", "cursor"}, response: "DeskPersonList", errors: []int{422}}},
		{method: "GET", path: "/api/v1/desk/skps", summary: "The SKPs waiting on the supervisor's desk for approval, oldest submission first, a page at a time", handle: (*handler).deskSKPs,
			doc: op{tag: "work", query: []string{"limit", "cursor"}, response: "SKPHeadList", errors: []int{422}}},
	}
}

func realisasiRoutes() []route {
	return []route{
		{method: "PUT", path: "/api/v1/skps/{id}/realisasi", summary: "Fill the realisasi of one indicator in one open period, with its basis and the version read (0 for a first one)", handle: (*handler).saveRealisasi,
			doc: op{tag: "work", params: []string{"id"}, body: "RealisasiRequest", response: "Realisasi", errors: []int{403, 404, 409, 422}}},
		{method: "PUT", path: "/api/v1/skps/{id}/realisasi/{pid}", summary: "Fill the realisasi of many indicators of period pid at once, all or nothing, each with the version read; answers the period's realisasi (its first page: GET /skps/{id}/realisasi?period=pid with cursor for the rest)", handle: (*handler).saveRealisasiPeriod,
			doc: op{tag: "work", params: []string{"id", "pid"}, body: "RealisasiPeriodRequest", response: "RealisasiList", errors: []int{403, 404, 409, 422}}},
		{method: "GET", path: "/api/v1/skps/{id}/realisasi", summary: "The realisasi of an SKP in a period (default: the period of today while the SKP is in force, the last period it was in force once closed)", handle: (*handler).realisasiList,
			doc: op{tag: "work", params: []string{"id"}, query: []string{"period", "limit", "cursor"}, response: "RealisasiList", errors: []int{404, 422}}},
		{method: "GET", path: "/api/v1/skps/{id}/realisasi/{pid}", summary: "The realisasi of an SKP in period pid, at its own address as the web's /realisasi/{id}?periode=pid (the same answer as GET /skps/{id}/realisasi?period=pid)", handle: (*handler).realisasiOfPeriod,
			doc: op{tag: "work", params: []string{"id", "pid"}, query: []string{"limit", "cursor"}, response: "RealisasiList", errors: []int{404, 422}}},
	}
}

func feedbackRoutes() []route {
	return []route{
		{method: "POST", path: "/api/v1/feedback", summary: "Add umpan balik to a thread on an skp, rhk, progress, realisasi or assessment; the other party, earlier authors and people mentioned (@NIP, @Name) are told at once, those who may read the thread only. A thread on an assessment is read and written by those who see its ratings: its rater, the OPD head and BKPSDM who calibrate, and the rated employee once the result is sent to them (404 before, as to anyone else)", handle: (*handler).addFeedback,
			doc: op{tag: "work", body: "FeedbackRequest", response: "Feedback", status: 201, errors: []int{403, 404, 422}}},
		{method: "GET", path: "/api/v1/feedback", summary: "The thread on a target (skp, rhk, progress, realisasi, assessment), oldest first, with whether the actor may write in it; 404 for a target the actor may not read (an assessment: those who do not see its ratings, the rated employee before it is sent)", handle: (*handler).feedbackThread,
			doc: op{tag: "work", query: []string{"target_type", "target_id", "limit", "cursor"}, response: "FeedbackList", errors: []int{404, 422}}},
	}
}

func eventRoutes() []route {
	return []route{
		{method: "GET", path: "/api/v1/events", summary: "The actor's live events as Server-Sent Events (feedback.created, progress.submitted, progress.reviewed, skp.submitted, skp.reviewed, notification); reconnect with Last-Event-ID to miss nothing", handle: (*handler).events,
			doc: op{tag: "work", query: []string{"lastEventId"}, response: "sse", errors: []int{403, 422}}},
	}
}

// evidenceRoutes are the routes of bukti dukung.
func evidenceRoutes() []route {
	return []route{
		{method: "POST", path: "/api/v1/evidence", summary: "Attach evidence to a record of the actor's work: multipart file (type checked from the content, size within the instansi's limit), or url for a link", handle: (*handler).addEvidence,
			doc: op{tag: "work", body: "EvidenceUpload", response: "Evidence", status: 201, errors: []int{403, 404, 409, 413, 422}}},
		{method: "GET", path: "/api/v1/evidence", summary: "The evidence on a target", handle: (*handler).evidenceList,
			doc: op{tag: "work", query: []string{"target_type", "target_id", "limit", "cursor"}, response: "EvidenceList", errors: []int{404, 422}}},
		{method: "GET", path: "/api/v1/evidence/{id}", summary: "The evidence file, to those who may see its target", handle: (*handler).evidenceFile,
			doc: op{tag: "work", params: []string{"id"}, response: "file", errors: []int{404}}},
		{method: "DELETE", path: "/api/v1/evidence/{id}", summary: "Remove evidence from the actor's work; the file goes when no other record uses it", handle: (*handler).deleteEvidence,
			doc: op{tag: "work", params: []string{"id"}, status: 204, errors: []int{403, 404, 409}}},
	}
}

// yearRoutes are the routes of the performance year: its periods and the
// instansi's settings kept on the year page.
func yearRoutes() []route {
	return []route{
		{method: "GET", path: "/api/v1/years", summary: "The instansi's performance years, newest first: every year opened (with its period kind) and the current year while it is not", handle: (*handler).years,
			doc: op{tag: "planning", query: []string{"limit", "cursor"}, response: "YearList", errors: []int{403, 422}}},
		{method: "POST", path: "/api/v1/years", summary: "Open a performance year with its periods (BKPSDM)", handle: (*handler).openYear,
			doc: op{tag: "planning", body: "YearRequest", response: "PeriodList", status: 201, errors: []int{403, 409, 422}}},
		{method: "GET", path: "/api/v1/years/{year}/periods", summary: "The periods of a year", handle: (*handler).periods,
			doc: op{tag: "planning", params: []string{"year"}, query: []string{"limit", "cursor"}, response: "PeriodList", errors: []int{404, 422}}},
		{method: "PATCH", path: "/api/v1/periods/{id}", summary: "Adjust a period's dates or move its status (BKPSDM); unlocking needs a reason. A period has no version: it is written as sent, without a version, and the last write wins", handle: (*handler).patchPeriod,
			doc: op{tag: "planning", params: []string{"id"}, body: "PeriodPatch", response: "Period", errors: []int{403, 404, 409, 422}}},
		{method: "GET", path: "/api/v1/settings", summary: "The instansi's settings (the evidence size limit, the time zone); everyone signed in reads them", handle: (*handler).settings,
			doc: op{tag: "planning", response: "Settings"}},
		{method: "PATCH", path: "/api/v1/settings", summary: "Change the instansi's settings (BKPSDM); written as sent, without a version", handle: (*handler).patchSettings,
			doc: op{tag: "planning", body: "SettingsPatch", response: "Settings", errors: []int{403, 422}}},
	}
}

// skpRoutes are the routes of the SKP: its RHK and indicators, the
// workflow, the dialogues, the versions and the document.
func skpRoutes() []route {
	return []route{
		{method: "POST", path: "/api/v1/skps", summary: "Start the draft SKP of an employee for a year, with the seven core values", handle: (*handler).createSKP,
			doc: op{tag: "planning", body: "SKPRequest", response: "SKP", status: 201, errors: []int{403, 404, 409, 422}}},
		{method: "GET", path: "/api/v1/skp-posts", summary: "The posts an employee (the actor by default) may plan an SKP for in a year: their definitive position and each post held as Plt or Plh, with the SKP open on each", handle: (*handler).skpPosts,
			doc: op{tag: "planning", query: []string{"employee", "year", "limit", "cursor"}, response: "SKPPostList", errors: []int{403, 404, 422}}},
		{method: "GET", path: "/api/v1/skps", summary: "SKPs the actor may read: of one employee, their own and their team's, or all (administrators); each without its RHK and behaviours, with how many RHK it has (GET /skps/{id} gives the whole SKP)", handle: (*handler).skps,
			doc: op{tag: "planning", query: []string{"employee", "year", "status", "limit", "cursor"}, response: "SKPSummaryList", errors: []int{422}}},
		{method: "GET", path: "/api/v1/skps/{id}", summary: "One SKP with its RHK, indicators, behaviours and snapshots, and what the actor may do with it (can)", handle: (*handler).skp,
			doc: op{tag: "planning", params: []string{"id"}, response: "SKP", errors: []int{404}}},
		{method: "GET", path: "/api/v1/skps/{id}/intervention-options", summary: "What this SKP's RHK may intervene: the approved RHK of the pejabat penilai (JA/JF) or the unit's PK sasaran (JPT)", handle: (*handler).interventionOptions,
			doc: op{tag: "planning", params: []string{"id"}, response: "InterventionOptions", errors: []int{404}}},
		{method: "POST", path: "/api/v1/skps/{id}/rhk", summary: "Add a Rencana Hasil Kerja; parent_rhk_id is an RHK of the supervisor's approved SKP", handle: (*handler).addRHK,
			doc: op{tag: "planning", params: []string{"id"}, body: "RHKRequest", response: "SKP", status: 201, errors: []int{403, 404, 409, 422}}},
		{method: "PATCH", path: "/api/v1/rhk/{id}", summary: "Change an RHK of a draft or returned SKP (each field optional, with the SKP's version): its kind, description, or the RHK of the pejabat penilai it intervenes", handle: (*handler).changeRHK,
			doc: op{tag: "planning", params: []string{"id"}, body: "RHKChangeRequest", response: "SKP", errors: []int{403, 404, 409, 422}}},
		{method: "DELETE", path: "/api/v1/rhk/{id}", summary: "Remove an RHK and its indicators from a draft SKP; one that other records depend on is a 409", handle: (*handler).deleteRHK,
			doc: op{tag: "planning", params: []string{"id"}, body: "VersionRequest", response: "SKP", errors: []int{403, 404, 409, 422}}},
		{method: "POST", path: "/api/v1/rhk/{id}/indicators", summary: "Add an indicator (IKI) with its target to an RHK", handle: (*handler).addIndicator,
			doc: op{tag: "planning", params: []string{"id"}, body: "IndicatorRequest", response: "SKP", status: 201, errors: []int{403, 404, 409, 422}}},
		{method: "PATCH", path: "/api/v1/indicators/{id}", summary: "Change an indicator (IKI) of a draft or returned SKP (each field optional, with the SKP's version): its aspect, description, target or unit", handle: (*handler).changeIndicator,
			doc: op{tag: "planning", params: []string{"id"}, body: "IndicatorChangeRequest", response: "SKP", errors: []int{403, 404, 409, 422}}},
		{method: "DELETE", path: "/api/v1/indicators/{id}", summary: "Remove an indicator from a draft or returned SKP; one with realisasi, or the last of its RHK (an RHK needs one to be submitted), is a 409 naming the reason", handle: (*handler).deleteIndicator,
			doc: op{tag: "planning", params: []string{"id"}, body: "VersionRequest", response: "SKP", errors: []int{403, 404, 409, 422}}},
		{method: "POST", path: "/api/v1/skps/{id}/expectations", summary: "The pejabat penilai writes the ekspektasi khusus for a core value", handle: (*handler).setExpectation,
			doc: op{tag: "planning", params: []string{"id"}, body: "ExpectationRequest", response: "SKP", errors: []int{403, 404, 409, 422}}},
		{method: "POST", path: "/api/v1/skps/{id}/submit", summary: "Submit the SKP to the pejabat penilai", handle: (*handler).submitSKP,
			doc: op{tag: "planning", params: []string{"id"}, body: "VersionRequest", response: "SKP", errors: []int{403, 404, 409, 422}}},
		{method: "POST", path: "/api/v1/skps/{id}/approve", summary: "Approve a submitted SKP (its pejabat penilai only)", handle: (*handler).approveSKP,
			doc: op{tag: "planning", params: []string{"id"}, body: "VersionRequest", response: "SKP", errors: []int{403, 404, 409, 422}}},
		{method: "POST", path: "/api/v1/skps/{id}/return", summary: "Return a submitted SKP with a required note", handle: (*handler).returnSKP,
			doc: op{tag: "planning", params: []string{"id"}, body: "ReturnRequest", response: "SKP", errors: []int{403, 404, 409, 422}}},
		{method: "POST", path: "/api/v1/skps/{id}/revise", summary: "Start a change to an approved SKP: a new revision to approve again", handle: (*handler).reviseSKP,
			doc: op{tag: "planning", params: []string{"id"}, body: "VersionRequest", response: "SKP", errors: []int{403, 404, 409, 422}}},
		{method: "PUT", path: "/api/v1/skps/{id}/lampiran", summary: "Replace the lampiran of a draft SKP", handle: (*handler).setLampiran,
			doc: op{tag: "planning", params: []string{"id"}, body: "LampiranRequest", response: "SKP", errors: []int{403, 404, 409, 422}}},
		{method: "GET", path: "/api/v1/skps/{id}/dialogues", summary: "The dialog kinerja recorded on an SKP", handle: (*handler).dialogues,
			doc: op{tag: "planning", params: []string{"id"}, query: []string{"limit", "cursor"}, response: "DialogueList", errors: []int{404, 422}}},
		{method: "POST", path: "/api/v1/skps/{id}/dialogues", summary: "Record a dialog kinerja (the ASN or the pejabat penilai)", handle: (*handler).addDialogue,
			doc: op{tag: "planning", params: []string{"id"}, body: "DialogueRequest", response: "Dialogue", status: 201, errors: []int{403, 404, 422}}},
		{method: "GET", path: "/api/v1/skps/{id}/history", summary: "The SKP's steps, oldest first: made, submitted, returned, approved, revised, handed to other raters by a change in the organisation, closed", handle: (*handler).skpHistory,
			doc: op{tag: "planning", params: []string{"id"}, query: []string{"limit", "cursor"}, response: "SKPEventList", errors: []int{404, 422}}},
		{method: "GET", path: "/api/v1/skps/{id}/versions", summary: "Every approved revision of an SKP, as it was approved", handle: (*handler).skpVersions,
			doc: op{tag: "planning", params: []string{"id"}, query: []string{"limit", "cursor"}, response: "SKPList", errors: []int{404, 422}}},
		{method: "GET", path: "/api/v1/skps/{id}/document.pdf", summary: "The SKP document as the regulation lays it out; with revision, an approved revision as it was approved", handle: (*handler).skpDocument,
			doc: op{tag: "planning", params: []string{"id"}, query: []string{"revision"}, response: "pdf", errors: []int{404, 422}}},
	}
}

// matrixRoutes are the routes of the matriks peran hasil: the
// supervisor's RHK with the subordinates' RHK that support them, and the
// RHK a supervisor proposes to a subordinate, who accepts or declines it.
func matrixRoutes() []route {
	return []route{
		{method: "GET", path: "/api/v1/matrix", summary: "The signed-in supervisor's matriks peran hasil for a year", handle: (*handler).matrix,
			doc: op{tag: "planning", query: []string{"year", "limit", "cursor"}, response: "Matrix", errors: []int{403, 422}}},
		{method: "POST", path: "/api/v1/proposals", summary: "Propose, from one of the actor's RHK, an RHK to someone they rate", handle: (*handler).proposeRHK,
			doc: op{tag: "planning", body: "ProposalRequest", response: "Proposal", status: 201, errors: []int{403, 422}}},
		{method: "GET", path: "/api/v1/proposals", summary: "The open RHK proposals to the signed-in employee for a year", handle: (*handler).proposals,
			doc: op{tag: "planning", query: []string{"year", "limit", "cursor"}, response: "ProposalList", errors: []int{422}}},
		{method: "POST", path: "/api/v1/proposals/{id}/accept", summary: "Take a proposed RHK into one's draft SKP, as an RHK utama intervening the supervisor's", handle: (*handler).acceptProposal,
			doc: op{tag: "planning", params: []string{"id"}, body: "ProposalAccept", response: "SKP", status: 201, errors: []int{403, 404, 409, 422}}},
		{method: "POST", path: "/api/v1/proposals/{id}/decline", summary: "Set a proposed RHK aside", handle: (*handler).declineProposal,
			doc: op{tag: "planning", params: []string{"id"}, status: 204, errors: []int{404, 409}}},
	}
}

// monitoringRoutes are the routes of the filling dashboard.
func monitoringRoutes() []route {
	return []route{
		{method: "GET", path: "/api/v1/monitoring/skps", summary: "How far each OPD (or each unit of one OPD) is with the year's SKP", handle: (*handler).filling,
			doc: op{tag: "planning", query: []string{"year", "opd", "limit", "cursor"}, response: "Filling", errors: []int{403, 422}}},
		{method: "GET", path: "/api/v1/monitoring/skps/units/{id}", summary: "The employees counted on a unit's line of its OPD's view (those placed in the unit itself) whose SKP for the year is not approved", handle: (*handler).behind,
			doc: op{tag: "planning", params: []string{"id"}, query: []string{"year", "limit", "cursor"}, response: "Behind", errors: []int{403, 404, 422}}},
		{method: "POST", path: "/api/v1/monitoring/skps/units/{id}/remind", summary: "Remind every employee counted on a unit's line (those placed in the unit itself) whose SKP for the year is not approved", handle: (*handler).remindBehind,
			doc: op{tag: "planning", params: []string{"id"}, body: "RemindRequest", response: "Reminded", errors: []int{403, 404, 422}}},
	}
}

// pkRoutes are the routes of a unit's Perjanjian Kinerja.
func pkRoutes() []route {
	return []route{
		{method: "GET", path: "/api/v1/units/{id}/pk", summary: "The Perjanjian Kinerja of a unit for a year: its sasaran with indicators and targets", handle: (*handler).perjanjianKinerja,
			doc: op{tag: "planning", params: []string{"id"}, query: []string{"year"}, response: "PerjanjianKinerja", errors: []int{404, 422}}},
		{method: "POST", path: "/api/v1/units/{id}/pk", summary: "Add a sasaran to a unit's Perjanjian Kinerja (the head of the unit or an admin)", handle: (*handler).addPKSasaran,
			doc: op{tag: "planning", params: []string{"id"}, body: "PKSasaranRequest", response: "PKSasaran", status: 201, errors: []int{403, 404, 422}}},
		{method: "DELETE", path: "/api/v1/pk/{id}", summary: "Remove a sasaran no RHK is taken from", handle: (*handler).deletePKSasaran,
			doc: op{tag: "planning", params: []string{"id"}, status: 204, errors: []int{403, 404, 409}}},
	}
}

// teamRoutes are the routes of tim kerja.
func teamRoutes() []route {
	return []route{
		{method: "GET", path: "/api/v1/teams", summary: "The teams the actor is in (administrators: every team of the year)", handle: (*handler).teams,
			doc: op{tag: "work", query: []string{"year", "limit", "cursor"}, response: "TeamList", errors: []int{422}}},
		{method: "POST", path: "/api/v1/teams", summary: "Start a team sharing a result (a supervisor leads it; BKPSDM may name a lead)", handle: (*handler).createTeam,
			doc: op{tag: "work", body: "TeamRequest", response: "Team", status: 201, errors: []int{403, 422}}},
		{method: "GET", path: "/api/v1/teams/{id}", summary: "A team: members with their linked RHK and progress this month, thanks and offers of help", handle: (*handler).team,
			doc: op{tag: "work", params: []string{"id"}, response: "Team", errors: []int{404}}},
		{method: "GET", path: "/api/v1/teams/{id}/members", summary: "A team's members with their linked RHK and progress this month, a page at a time", handle: (*handler).teamMembers,
			doc: op{tag: "work", params: []string{"id"}, query: []string{"limit", "cursor"}, response: "TeamMemberList", errors: []int{404, 422}}},
		{method: "POST", path: "/api/v1/teams/{id}/members", summary: "Add a member from any unit (the lead)", handle: (*handler).addTeamMember,
			doc: op{tag: "work", params: []string{"id"}, body: "TeamMemberRequest", response: "Team", status: 201, errors: []int{403, 404, 409, 422}}},
		{method: "PUT", path: "/api/v1/teams/{id}/link", summary: "Link an RHK of the actor's own SKP to the team's result (empty rhk_id unlinks)", handle: (*handler).linkTeamRHK,
			doc: op{tag: "work", params: []string{"id"}, body: "TeamLinkRequest", response: "Team", errors: []int{403, 404, 422}}},
		{method: "GET", path: "/api/v1/teams/{id}/progress", summary: "The latest entries on the members' linked RHK, newest first, a page at a time", handle: (*handler).teamProgress,
			doc: op{tag: "work", params: []string{"id"}, query: []string{"limit", "cursor"}, response: "TeamProgressList", errors: []int{404, 422}}},
		{method: "GET", path: "/api/v1/teams/{id}/kudos", summary: "A team's thanks and offers of help, newest first, a page at a time", handle: (*handler).teamKudos,
			doc: op{tag: "work", params: []string{"id"}, query: []string{"limit", "cursor"}, response: "KudosList", errors: []int{404, 422}}},
		{method: "POST", path: "/api/v1/teams/{id}/kudos", summary: "Thank or offer help to another member", handle: (*handler).giveKudos,
			doc: op{tag: "work", params: []string{"id"}, body: "KudosRequest", response: "Kudos", status: 201, errors: []int{403, 404, 422}}},
	}
}

// coachingRoutes are the routes of bimbingan kinerja.
func coachingRoutes() []route {
	return []route{
		{method: "GET", path: "/api/v1/coaching", summary: "Coaching sessions the actor may read: of one employee, or their own, those they gave and their line's (all, for administrators), newest first", handle: (*handler).coachingSessions,
			doc: op{tag: "coaching", query: []string{"employee", "limit", "cursor"}, response: "CoachingList", errors: []int{422}}},
		{method: "POST", path: "/api/v1/coaching", summary: "Record a coaching, mentoring or counselling session or a dialog kinerja (the pejabat penilai or someone above in the line)", handle: (*handler).recordCoaching,
			doc: op{tag: "coaching", body: "CoachingRequest", response: "CoachingSession", status: 201, errors: []int{403, 404, 422}}},
		{method: "GET", path: "/api/v1/coaching/{id}", summary: "One coaching session with its feedback (B.1.8) and competence evaluation (B.1.9)", handle: (*handler).coachingSession,
			doc: op{tag: "coaching", params: []string{"id"}, response: "CoachingSession", errors: []int{404}}},
		{method: "PUT", path: "/api/v1/coaching/{id}/feedback", summary: "The ASN answers the session feedback of format B.1.8, once", handle: (*handler).answerCoachingFeedback,
			doc: op{tag: "coaching", params: []string{"id"}, body: "CoachingFeedbackRequest", response: "CoachingSession", errors: []int{403, 404, 409, 422}}},
		{method: "PUT", path: "/api/v1/coaching/{id}/competence", summary: "The coach fills the competence evaluation of format B.1.9 (a later one replaces it)", handle: (*handler).evaluateCompetence,
			doc: op{tag: "coaching", params: []string{"id"}, body: "CompetenceRequest", response: "CoachingSession", errors: []int{403, 404, 422}}},
	}
}

// needsRoutes are the routes of development needs and resource constraints.
func needsRoutes() []route {
	return []route{
		{method: "POST", path: "/api/v1/needs", summary: "Record a development need or a resource constraint that holds back an employee's work: one's own (open, for the supervisor), or for someone in one's line (confirmed at once)", handle: (*handler).recordNeed,
			doc: op{tag: "needs", body: "NeedRequest", response: "Need", status: 201, errors: []int{403, 404, 422}}},
		{method: "GET", path: "/api/v1/needs", summary: "Needs the actor may read, newest first: their own and their line's, their OPD's (OPD admins), all (BKPSDM, leaders, auditors). status is open, confirmed, addressed, closed or outstanding (open and confirmed)", handle: (*handler).needs,
			doc: op{tag: "needs", query: []string{"year", "opd", "unit", "employee", "category", "kind", "status", "limit", "cursor"}, response: "NeedList", errors: []int{422}}},
		{method: "GET", path: "/api/v1/needs/summary", summary: "A year's needs counted by OPD and kind, each by status (or by unit within one OPD); OPD admins see their own OPD", handle: (*handler).needSummary,
			doc: op{tag: "needs", query: []string{"year", "opd", "category", "limit", "cursor"}, response: "NeedSummary", errors: []int{403, 422}}},
		{method: "GET", path: "/api/v1/needs/{id}", summary: "One need, with the steps the actor may take on it", handle: (*handler).need,
			doc: op{tag: "needs", params: []string{"id"}, response: "Need", errors: []int{404}}},
		{method: "POST", path: "/api/v1/needs/{id}/confirm", summary: "Confirm an open need (those above the employee in the line)", handle: (*handler).confirmNeed,
			doc: op{tag: "needs", params: []string{"id"}, body: "NeedVersionRequest", response: "Need", errors: []int{403, 404, 409, 422}}},
		{method: "POST", path: "/api/v1/needs/{id}/close", summary: "Close an open or confirmed need with the reason (those above the employee in the line)", handle: (*handler).closeNeed,
			doc: op{tag: "needs", params: []string{"id"}, body: "NeedCloseRequest", response: "Need", errors: []int{403, 404, 409, 422}}},
		{method: "POST", path: "/api/v1/needs/{id}/address", summary: "Record what was done about a confirmed need (OPD admins for their OPD, BKPSDM, leaders)", handle: (*handler).addressNeed,
			doc: op{tag: "needs", params: []string{"id"}, body: "NeedAddressRequest", response: "Need", errors: []int{403, 404, 409, 422}}},
	}
}

// notificationRoutes are the routes of the bell.
func notificationRoutes() []route {
	return []route{
		{method: "GET", path: "/api/v1/notifications", summary: "The signed-in person's notifications, newest first, rendered in their language, with how many are unread", handle: (*handler).notifications,
			doc: op{tag: "notifications", query: []string{"limit", "cursor"}, response: "NotificationList", errors: []int{422}}},
		{method: "POST", path: "/api/v1/notifications/read", summary: "Mark notifications read: those named by ids, or all of them when ids is left out; an empty list marks none and answers the unread count", handle: (*handler).readNotifications,
			doc: op{tag: "notifications", body: "NotificationsRead", response: "UnreadCount", errors: []int{403, 404, 422}}},
		{method: "POST", path: "/api/v1/notifications/{id}/read", summary: "Mark one notification read", handle: (*handler).readNotification,
			doc: op{tag: "notifications", params: []string{"id"}, response: "UnreadCount", errors: []int{403, 404}}},
	}
}
