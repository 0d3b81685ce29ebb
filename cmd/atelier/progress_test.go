package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// Issue 14.6: wipe and deploy share one display; outside a terminal it
// names the disk and each step, and ends on the total time and average
// speed, even for a run too short to ever show a live speed.
func TestProgressEndsWithTimeAndSpeed(t *testing.T) {
	for _, tc := range []struct{ lang, step, done string }{
		{"en", "/dev/loop7: writing…", "/dev/loop7: done in "},
		{"fr", "/dev/loop7\u202f: écriture…", "/dev/loop7\u202f: terminé en "},
	} {
		var errOut bytes.Buffer
		g := &globals{stderr: &errOut, stdout: &bytes.Buffer{}, langFlag: tc.lang}
		ui := newProgress(g)
		bar := newDeployBar(g, ui, "/dev/loop7")
		bar.Phase("write", 4<<20)
		bar.Add(4 << 20)
		bar.Phase("verify", 4<<20)
		bar.Add(4 << 20)
		bar.bar.finish(true)
		ui.wait()
		out := errOut.String()
		if !strings.Contains(out, tc.step) || !strings.Contains(out, tc.done) {
			t.Errorf("%s: progress output %q lacks %q or %q", tc.lang, out, tc.step, tc.done)
		}
		last := strings.TrimSpace(out[strings.LastIndex(strings.TrimSpace(out), "\n")+1:])
		if !strings.Contains(last, "/s") || strings.Contains(last, "0:00") {
			t.Errorf("%s: last line %q: no average speed, or a time left", tc.lang, last)
		}
	}
}

func TestDoneInSaysTimeAndSpeed(t *testing.T) {
	for _, tc := range []struct {
		lang  i18n.Lang
		d     time.Duration
		bytes int64
		want  string
	}{
		{i18n.FR, 3 * time.Second, 1536e6, "terminé en 3\u202fs, 512\u202fMo/s"},
		{i18n.EN, 3 * time.Second, 1536e6, "done in 3\u00a0s, 512 MB/s"},
		{i18n.EN, 40 * time.Millisecond, 2e6, "done in 40\u00a0ms, 50 MB/s"},
		{i18n.FR, 125 * time.Second, 125e6, "terminé en 2\u202fmin\u202f05\u202fs, 1,0\u202fMo/s"},
		{i18n.EN, 90 * time.Minute, 0, "done in 1\u00a0h\u00a030\u00a0min"},
	} {
		if got := doneIn(tc.lang, tc.d, tc.bytes); got != tc.want {
			t.Errorf("doneIn(%s, %v, %d) = %q, want %q", tc.lang, tc.d, tc.bytes, got, tc.want)
		}
	}
}
