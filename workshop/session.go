package workshop

import (
	"context"
	"fmt"
	"time"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/internal/i18n"
)

// Message is something a session tells the operator, as a catalogue key
// and its arguments (i18n.Msg): the session never picks a language, the
// command translates. An argument that is an error is translated too (a
// ledger or certificate refusal quoted inside a note).
type Message = i18n.Msg

// Error is a session's refusal, keyed like Message; the command says it in
// the operator's language.
type Error struct{ Message }

func (e *Error) Error() string { return fmt.Sprint(e.Key, e.Args) }

func refuse(m Message) error { return &Error{m} }

// Guard finds a disk and refuses what the safety guard refuses (the system
// disk, a mounted or held disk...), in the operator's language: imaging's
// Inspect and Refusal at the edge, a fake in workflow tests.
type Guard interface {
	Check(ctx context.Context, path string) (imaging.BlockDevice, error)
}

// Prompt is the operator at the bench. Interactive says whether anyone can
// answer; Confirm is the guard's typed confirmation before a disk is
// written (--yes, or the serial's last characters); YesNo asks a question.
type Prompt interface {
	Interactive() bool
	Confirm(d imaging.BlockDevice) error
	YesNo(q Message) bool
}

// Clock is where a session reads the time: a wipe's start and end (its
// certificate's times and duration) and a deploy's duration come from it,
// so that tests can fix time. nil is the system clock. Ledger events are
// stamped by the ledger's own clock (inventory.Ledger.SetClock).
type Clock func() time.Time

// now is the time in UTC, as certificates and the ledger write it.
func (c Clock) now() time.Time {
	if c == nil {
		return time.Now().UTC()
	}
	return c().UTC()
}
