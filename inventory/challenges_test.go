package inventory

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"
)

// A challenge stored in the ledger is answered once, from any process that
// opened the ledger, and not after it expires; the store stays bounded.
func TestChallengesSharedByProcesses(t *testing.T) {
	ctx := context.Background()
	a := newLedger(t)
	b := openSame(t, a) // a second hub process
	now := time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)
	exp := now.Add(2 * time.Minute)
	if ok, err := a.IssueChallenge(ctx, "c1", now, exp, 10); !ok || err != nil {
		t.Fatalf("issue: %v %v", ok, err)
	}
	if ok, err := b.ConsumeChallenge(ctx, "c1", now.Add(time.Minute)); !ok || err != nil {
		t.Fatalf("the other process refused a challenge issued by the first: %v %v", ok, err)
	}
	for _, l := range []*Ledger{a, b} {
		if ok, _ := l.ConsumeChallenge(ctx, "c1", now.Add(time.Minute)); ok {
			t.Fatal("a challenge was accepted twice")
		}
	}
	a.IssueChallenge(ctx, "c2", now, exp, 10)
	if ok, _ := b.ConsumeChallenge(ctx, "c2", exp.Add(time.Second)); ok {
		t.Fatal("an expired challenge was accepted")
	}
	if ok, _ := b.ConsumeChallenge(ctx, "never-issued", now); ok {
		t.Fatal("an unknown challenge was accepted")
	}
	// Bounded: the eleventh pending one is refused; expired ones make room.
	for i := 0; i < 10; i++ {
		if ok, err := a.IssueChallenge(ctx, fmt.Sprint("p", i), now, exp, 10); !ok || err != nil {
			t.Fatalf("issue %d: %v %v", i, ok, err)
		}
	}
	if ok, err := b.IssueChallenge(ctx, "p10", now, exp, 10); ok || err != nil {
		t.Fatalf("issue over the bound: %v %v", ok, err)
	}
	later := exp.Add(time.Second)
	if ok, err := b.IssueChallenge(ctx, "p11", later, later.Add(2*time.Minute), 10); !ok || err != nil {
		t.Fatalf("issue after expiry: %v %v", ok, err)
	}
}

// Many processes racing to consume one challenge: exactly one wins.
func TestChallengeConsumedOnceUnderRace(t *testing.T) {
	ctx := context.Background()
	a := newLedger(t)
	ls := []*Ledger{a, openSame(t, a), openSame(t, a), openSame(t, a)}
	now := time.Now()
	for round := 0; round < 20; round++ {
		c := fmt.Sprint("race", round)
		if ok, err := a.IssueChallenge(ctx, c, now, now.Add(time.Minute), 1000); !ok || err != nil {
			t.Fatal(ok, err)
		}
		var wg sync.WaitGroup
		var mu sync.Mutex
		wins := 0
		for i := 0; i < 8; i++ {
			wg.Add(1)
			go func(l *Ledger) {
				defer wg.Done()
				ok, err := l.ConsumeChallenge(ctx, c, now)
				if err != nil {
					t.Error(err)
				}
				if ok {
					mu.Lock()
					wins++
					mu.Unlock()
				}
			}(ls[i%len(ls)])
		}
		wg.Wait()
		if wins != 1 {
			t.Fatalf("round %d: %d processes accepted one challenge", round, wins)
		}
	}
}
