package web

import (
	"strings"

	"github.com/kinerja-id/kinerja/internal/model"
)

// browsers and systems are checked in order: the first match wins, so the
// more specific names (Edge and Opera also say "Chrome", Chrome also says
// "Safari", Android also says "Linux") come first.
var browsers = []struct{ token, name string }{
	{"Edg/", "Edge"}, {"EdgA/", "Edge"}, {"OPR/", "Opera"}, {"SamsungBrowser/", "Samsung Internet"},
	{"UCBrowser/", "UC Browser"}, {"Firefox/", "Firefox"}, {"FxiOS/", "Firefox"}, {"CriOS/", "Chrome"},
	{"Chromium/", "Chromium"}, {"Chrome/", "Chrome"}, {"Safari/", "Safari"},
	{"curl/", "curl"}, {"Go-http-client/", "Go"}, {"python-requests/", "Python"},
}

var systems = []struct{ token, name string }{
	{"Android", "Android"}, {"iPhone", "iPhone"}, {"iPad", "iPad"}, {"Windows", "Windows"},
	{"CrOS", "ChromeOS"}, {"Mac OS X", "macOS"}, {"Macintosh", "macOS"}, {"Linux", "Linux"},
}

// describeDevice shortens a User-Agent header to a browser and a system,
// e.g. "Firefox" and "Linux". Either is empty when not recognised.
func describeDevice(ua string) (browser, system string) {
	for _, b := range browsers {
		if strings.Contains(ua, b.token) {
			browser = b.name
			break
		}
	}
	for _, s := range systems {
		if strings.Contains(ua, s.token) {
			system = s.name
			break
		}
	}
	return browser, system
}

// Device names the device of a session the way a person recognises it:
// "Chrome di Android", or the shortened header when nothing matches.
func (b base) Device(s model.Session) string {
	browser, system := describeDevice(s.UserAgent)
	switch {
	case browser != "" && system != "":
		return b.T("sessions.on", browser, system)
	case browser != "":
		return browser
	case system != "":
		return system
	case s.UserAgent != "":
		ua := []rune(s.UserAgent)
		if len(ua) > 40 {
			return string(ua[:40]) + "…"
		}
		return s.UserAgent
	case s.Kind == "api":
		return b.T("sessions.api")
	default:
		return b.T("sessions.unknown")
	}
}
