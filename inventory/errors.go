package inventory

import (
	"errors"
	"fmt"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// Sentinel errors, wrapped by *Error so that errors.Is works while the text
// stays a translated sentence.
var (
	ErrUnknownUnit   = errors.New("unknown unit")
	ErrUnknownSite   = errors.New("unknown site")
	ErrUnknownImage  = errors.New("unknown image")
	ErrUnknownState  = errors.New("unknown state")
	ErrRefused       = errors.New("refused by the lifecycle rules")
	ErrAmbiguous     = errors.New("reference matches several units")
	ErrNoLedger      = errors.New("no ledger")
	ErrNotLedger     = errors.New("not an atelier ledger")
	ErrNewerSchema   = errors.New("ledger written by a newer atelier")
	ErrInvalidInput  = errors.New("invalid input")
	ErrDuplicate     = errors.New("already exists")
	ErrChainBroken   = errors.New("event chain broken")
	ErrNotWritable   = errors.New("ledger folder not writable")
	ErrFolderMissing = errors.New("ledger folder missing")
	ErrNoBenchKey    = errors.New("bench key missing or not this bench's")
	ErrUnsigned      = errors.New("bench head not signed")
	ErrDamaged       = errors.New("ledger file damaged")
	// ErrDiskHandedOver: the disk is recorded on a unit handed over to a
	// beneficiary; filing it under another unit needs the operator's word.
	ErrDiskHandedOver  = fmt.Errorf("disk recorded on a handed-over unit: %w", ErrRefused)
	ErrUnknownBench    = errors.New("unknown bench")
	ErrUnknownConflict = errors.New("unknown conflict")
)

// Error is a user-facing ledger error: a message key of internal/i18n with
// its arguments, so the command layer can say it in the user's language.
// Error() is the English text.
type Error struct {
	Key  string
	Args []any
	Err  error // the sentinel, for errors.Is
}

func (e *Error) Error() string { return e.In(i18n.EN) }
func (e *Error) Unwrap() error { return e.Err }

// In says the error in lang; state names among the arguments are
// translated too.
func (e *Error) In(l i18n.Lang) string {
	args := make([]any, len(e.Args))
	for i, a := range e.Args {
		switch v := a.(type) {
		case State:
			args[i] = l.T("state." + string(v))
		case stateList:
			args[i] = v.in(l)
		case candidates:
			args[i] = v.in(l)
		case undoFact:
			args[i] = l.T(v.key())
		case stateNames:
			args[i] = v.String()
		case cannot:
			args[i] = v.in(l)
		case *Error:
			args[i] = v.In(l)
		default:
			args[i] = a
		}
	}
	return l.T(e.Key, args...)
}

func newErr(sentinel error, key string, args ...any) *Error {
	return &Error{Key: key, Args: args, Err: sentinel}
}
