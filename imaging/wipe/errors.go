package wipe

import (
	"fmt"
	"sort"
	"sync"
)

// IOError is one byte range the wipe could not write, read or confirm.
type IOError struct {
	Op    string `json:"op"` // write, read, verify
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

// errorLog collects ranges from concurrent writers; sorted merges
// neighbours of the same kind so a bad zone of a thousand sectors is one
// line, not a thousand.
type errorLog struct {
	mu   sync.Mutex
	list []IOError
	max  int
}

func (l *errorLog) add(e IOError) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if n := len(l.list); n > 0 {
		last := &l.list[n-1]
		if last.Op == e.Op && last.End == e.Start && last.Err == e.Err && e.End > e.Start {
			last.End = e.End
			return
		}
	}
	l.list = append(l.list, e)
}

func (l *errorLog) len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.list)
}

func (l *errorLog) full() bool { return l.max > 0 && l.len() >= l.max }

// phase orders errors as they happen in a wipe: writes, then reads back.
func phase(op string) int {
	if op == "write" {
		return 0
	}
	return 1
}

func (l *errorLog) sorted() []IOError {
	l.mu.Lock()
	in := append([]IOError{}, l.list...)
	l.mu.Unlock()
	sort.SliceStable(in, func(i, j int) bool {
		if phase(in[i].Op) != phase(in[j].Op) {
			return phase(in[i].Op) < phase(in[j].Op)
		}
		return in[i].Start < in[j].Start
	})
	out := []IOError{}
	for _, e := range in {
		if n := len(out); n > 0 {
			last := &out[n-1]
			if last.Op == e.Op && last.End == e.Start && last.Err == e.Err && e.End > e.Start {
				last.End = e.End
				continue
			}
		}
		out = append(out, e)
	}
	return out
}
