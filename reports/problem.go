package reports

import (
	"errors"

	"github.com/pcsolidaire/atelier/internal/fsread"
	"github.com/pcsolidaire/atelier/internal/i18n"
)

// Problem is a reason, in words a person understands, why a certificate or
// a key is refused. Its Key is a message of internal/i18n/cert.go, so the
// command can say it in French or English; Error() is the English text.
type Problem struct {
	Key  string
	Args []any
}

func problem(key string, args ...any) *Problem { return &Problem{Key: key, Args: args} }

func (p *Problem) Error() string { return i18n.EN.T(p.Key, p.Args...) }

// In says the problem in language l.
func (p *Problem) In(l i18n.Lang) string { return l.T(p.Key, p.Args...) }

// Message says err in language l when it is (or wraps) a Problem or a
// refused file, and as Go wrote it otherwise.
func Message(err error, l i18n.Lang) string {
	var p *Problem
	if errors.As(err, &p) {
		return p.In(l)
	}
	return fsread.Text(err, l)
}
