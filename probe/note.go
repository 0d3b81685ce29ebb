package probe

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// Note is a warning or a health reason kept in a Report: a catalogue key and
// its arguments, so that a report saved by a French volunteer reads in
// English to the technician who opens it later, and the other way round.
// Reports written before atelier.probe/v2 hold sentences; such a Note keeps
// the sentence in Text and says it as it is.
//
// Its JSON form is {"key": ..., "args": [...], "text": "English sentence"}:
// the English text is there for scripts and people reading the JSON, and is
// ignored when the key is known.
type Note struct {
	Key  string
	Args []any // strings and numbers only, so that they survive JSON
	Text string
}

// note builds a Note. Arguments other than strings and numbers (errors, a
// panic's value) are kept as their text: nothing else survives the JSON
// form.
func note(key string, args ...any) Note {
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case string, int, int64, uint8, uint16, uint32, uint64, float64:
			out[i] = v
		case error:
			out[i] = v.Error()
		default:
			out[i] = fmt.Sprint(v)
		}
	}
	return Note{Key: key, Args: out}
}

// In says the note in l.
func (n Note) In(l i18n.Lang) string {
	if _, known := i18n.Lookup(n.Key); !known && n.Text != "" {
		return n.Text // a v1 sentence, or a key of a newer atelier
	}
	return l.T(n.Key, n.Args...)
}

// String is the English sentence (logs, %v).
func (n Note) String() string { return n.In(i18n.EN) }

// same reports whether two notes say the same thing.
func (n Note) same(o Note) bool {
	return n.Key == o.Key && n.Text == o.Text && reflect.DeepEqual(n.Args, o.Args)
}

type noteJSON struct {
	Key  string `json:"key"`
	Args []any  `json:"args,omitempty"`
	Text string `json:"text"`
}

func (n Note) MarshalJSON() ([]byte, error) {
	if n.Key == "" {
		return json.Marshal(n.Text)
	}
	return json.Marshal(noteJSON{Key: n.Key, Args: n.Args, Text: n.In(i18n.EN)})
}

// UnmarshalJSON reads a v2 note (an object) or a v1 sentence (a string).
// Whole numbers come back as int64 so that %d messages still format them.
func (n *Note) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		*n = Note{}
		return json.Unmarshal(b, &n.Text)
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var j noteJSON
	if err := d.Decode(&j); err != nil {
		return err
	}
	if j.Key == "" && j.Text == "" {
		return fmt.Errorf("note without key or text")
	}
	*n = Note{Key: j.Key, Text: j.Text}
	if j.Key == "" {
		return nil
	}
	for _, a := range j.Args {
		n.Args = append(n.Args, jsonArg(a))
	}
	return nil
}

// jsonArg turns a decoded argument back into what note stored: a string,
// an int64 or a float64.
func jsonArg(a any) any {
	num, ok := a.(json.Number)
	if !ok {
		if s, ok := a.(string); ok {
			return s
		}
		return fmt.Sprint(a) // objects, lists: never written by note
	}
	if i, err := num.Int64(); err == nil {
		return i
	}
	f, err := num.Float64()
	if err != nil || math.IsInf(f, 0) {
		return num.String()
	}
	return f
}

// NoteTexts says every note of list in l.
func NoteTexts(l i18n.Lang, list []Note) []string {
	out := make([]string, 0, len(list))
	for _, n := range list {
		out = append(out, n.In(l))
	}
	return out
}
