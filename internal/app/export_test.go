package app

// EventStream exposes the options an event stream is served with, so the
// tests outside the package can read what a stream would send.
var EventStream = (*App).eventStream
