package hub

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// maxChallengesPerAddress bounds the challenges one address may take in one
// challenge lifetime. Asking needs no key, so without it one client could
// hold every pending challenge and stop every bench's sync; an association
// behind one router (its benches and scripts share an address) takes a few
// per sync, far below this (the hub end-to-end tests, every bench on one
// loopback address, take a few hundred).
const maxChallengesPerAddress = 1000

// addressLimit counts the challenges each address took in the current window
// (one challenge lifetime long). It lives in the process: with several serve
// processes each has its own count, which only makes the bound per process.
type addressLimit struct {
	mu      sync.Mutex
	windows map[string]addressWindow
}

type addressWindow struct {
	start time.Time
	taken int
}

// allow counts one challenge for r's address and says whether it may have it.
func (a *addressLimit) allow(r *http.Request, now time.Time) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.windows == nil {
		a.windows = map[string]addressWindow{}
	}
	if len(a.windows) > maxPendingChallenges { // old windows go; the map stays small
		for k, w := range a.windows {
			if now.Sub(w.start) >= challengeTTL {
				delete(a.windows, k)
			}
		}
	}
	w := a.windows[host]
	if now.Sub(w.start) >= challengeTTL {
		w = addressWindow{start: now}
	}
	if w.taken >= maxChallengesPerAddress {
		return false
	}
	w.taken++
	a.windows[host] = w
	return true
}
