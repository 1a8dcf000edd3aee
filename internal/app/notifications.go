package app

import (
	"context"

	"github.com/kinerja-id/kinerja/internal/model"
)

// Notifications returns the actor's newest in-app notifications and marks
// them read.
func (a *App) Notifications(ctx context.Context, actor model.Actor) ([]model.Notification, error) {
	if actor.EmployeeID == "" {
		return nil, nil
	}
	list, err := a.Store.Notifications(ctx, actor.EmployeeID, 50)
	if err != nil {
		return nil, err
	}
	return list, a.Store.MarkNotificationsRead(ctx, actor.EmployeeID, a.Now())
}

// UnreadNotifications counts the actor's unread notifications.
func (a *App) UnreadNotifications(ctx context.Context, actor model.Actor) (int, error) {
	if actor.EmployeeID == "" {
		return 0, nil
	}
	return a.Store.UnreadNotifications(ctx, actor.EmployeeID)
}
