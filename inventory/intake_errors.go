package inventory

import (
	"strings"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// intakeMaxListed is how many bad rows an aborted import names; past that a
// DSI technician has the wrong file or a systematic problem, and "and N more"
// says so without burying the terminal.
const intakeMaxListed = 20

// IntakeRowError is one bad row of a computer list: its line in the file
// (1-based, counted as a text editor does, header included) and why. Key and
// Args are an internal/i18n message, so the same error reads in French or
// English.
type IntakeRowError struct {
	Line int
	Key  string
	Args []any
}

func (e *IntakeRowError) Error() string { return e.Text(i18n.EN) }

// Text is the reason in language l, without file or line.
func (e *IntakeRowError) Text(l i18n.Lang) string {
	args := make([]any, len(e.Args))
	for i, a := range e.Args {
		if ie, ok := a.(*Error); ok { // a field refused by the privacy rules, said in l
			a = ie.In(l)
		}
		args[i] = a
	}
	return l.T(e.Key, args...)
}

// IntakeError refuses a whole computer list: either the file as a whole is
// unusable (Key set: empty, binary, no serial column...) or some rows are bad
// (Rows, the first intakeMaxListed of Total). Nothing of the file is imported.
type IntakeError struct {
	File  string
	Key   string
	Args  []any
	Rows  []IntakeRowError
	Total int
}

// Error is the English text: the summary line, then one line per bad row.
func (e *IntakeError) Error() string { return strings.Join(e.Lines(i18n.EN), "\n") }

// Summary is the one line atelier exits with.
func (e *IntakeError) Summary(l i18n.Lang) string {
	if e.Key != "" {
		return e.File + ": " + l.T(e.Key, e.Args...)
	}
	if e.Total == 1 {
		return l.T("intake.file.bad_row", e.File)
	}
	return l.T("intake.file.bad_rows", e.File, e.Total)
}

// RowLines are "FILE line N: reason", one per listed bad row, then
// "and N more" when the list was cut.
func (e *IntakeError) RowLines(l i18n.Lang) []string {
	out := make([]string, 0, len(e.Rows)+1)
	for i := range e.Rows {
		out = append(out, l.T("intake.row.at", e.File, e.Rows[i].Line, e.Rows[i].Text(l)))
	}
	if more := e.Total - len(e.Rows); more > 0 {
		out = append(out, l.T("intake.row.more", more))
	}
	return out
}

// Lines is the summary followed by the row lines.
func (e *IntakeError) Lines(l i18n.Lang) []string {
	return append([]string{e.Summary(l)}, e.RowLines(l)...)
}

// intakeRowErrors collects bad rows in file order, keeping the first
// intakeMaxListed and counting the rest.
type intakeRowErrors struct {
	rows  []IntakeRowError
	total int
}

func (c *intakeRowErrors) add(line int, key string, args ...any) {
	c.total++
	if len(c.rows) < intakeMaxListed {
		c.rows = append(c.rows, IntakeRowError{Line: line, Key: key, Args: args})
	}
}
