package web_test

import (
	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// notificationBody is a stored notification's body as an Indonesian reader
// sees it.
func notificationBody(n model.Notification) string {
	_, body := app.RenderNotification("id", n)
	return body
}
