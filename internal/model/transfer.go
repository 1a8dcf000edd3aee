package model

// RHKTakeOver records that an RHK of an SKP begun after a transfer (mutasi)
// was taken over from an RHK of the SKP the transfer closed: the RHK and
// its indicators were copied, and what was recorded after the TMT on the
// old RHK now belongs to the copy.
type RHKTakeOver struct {
	RHKID     string // the copy, on the new SKP
	SKPID     string // the new SKP
	FromRHKID string // the RHK of the closed SKP
	FromSKPID string // the closed SKP
}
