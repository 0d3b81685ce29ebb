package wipe

import "fmt"

// IOError is one byte range the wipe could not write, read or confirm.
type IOError struct {
	Op    string `json:"op"` // write, read, verify, firmware
	Start int64  `json:"start"`
	End   int64  `json:"end"` // exclusive
	Err   string `json:"error"`
}

func (e IOError) String() string {
	if e.End > e.Start {
		return fmt.Sprintf("%s %d-%d: %s", e.Op, e.Start, e.End, e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Op, e.Err)
}

// errorLog collects ranges, merging neighbours of the same kind so a bad
// zone of a thousand sectors is one line, not a thousand.
type errorLog struct {
	list []IOError
	max  int
}

func (l *errorLog) add(e IOError) {
	if n := len(l.list); n > 0 {
		last := &l.list[n-1]
		if last.Op == e.Op && last.End == e.Start && last.Err == e.Err {
			last.End = e.End
			return
		}
	}
	l.list = append(l.list, e)
}

func (l *errorLog) full() bool { return l.max > 0 && len(l.list) >= l.max }

func (l *errorLog) sorted() []IOError {
	return append([]IOError{}, l.list...)
}
