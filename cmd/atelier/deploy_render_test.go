package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/pcsolidaire/atelier/imaging/deploy"
	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/workshop"
)

// Issue 14 (bench day): deploy's step lines keep their columns whatever
// the status word ("[attention]" is wider than "[ok]") and the step name
// ("nom d'hôte" has an accent), French units follow one spacing rule, and
// the summary's average rate is the one the progress line ends on.
func TestDeployOutputAlignsAndAgrees(t *testing.T) {
	res := deploy.Result{Status: "passed", Device: "/dev/loop7", WrittenBytes: 2_100_000, Seconds: 3,
		Verification: "read-back", Steps: []deploy.Step{
			{Name: "write", Status: "ok", Detail: "2.1 MB written"},
			{Name: "hostname", Status: "warn", Detail: "no hostname set"},
			{Name: "read-back", Status: "failed", Detail: "mismatch"},
		}}
	for _, tc := range []struct {
		lang     string
		l        i18n.Lang
		badSpace *regexp.Regexp // a number and its unit apart by an ordinary space
	}{
		{"en", i18n.EN, nil},
		{"fr", i18n.FR, regexp.MustCompile(`\d (s|ms|min|o|ko|Mo|Go|Mo/s)\b`)},
	} {
		var out bytes.Buffer
		g := &globals{stdout: &out, stderr: &bytes.Buffer{}, langFlag: tc.lang}
		renderDeployResult(g, res, &workshop.DeploySession{Disk: "SN1"})
		lines := strings.Split(out.String(), "\n")
		nameCol, detailCol := -1, -1
		for i, s := range res.Steps {
			name := stepWord(tc.l, s.Name)
			at := strings.Index(lines[i], name)
			n := utf8.RuneCountInString(lines[i][:at])
			d := utf8.RuneCountInString(lines[i][:strings.Index(lines[i], s.Detail)])
			if i == 0 {
				nameCol, detailCol = n, d
			}
			if n != nameCol || d != detailCol {
				t.Errorf("%s: step line %q: columns %d/%d, first line's %d/%d", tc.lang, lines[i], n, d, nameCol, detailCol)
			}
		}
		summary := lines[len(res.Steps)]
		progressEnd := doneIn(tc.l, 3*time.Second, res.WrittenBytes) // what the progress line ends on
		rate := regexp.MustCompile(`[\d,.]+.M[Bo]/s`).FindString(progressEnd)
		if rate == "" || !strings.Contains(summary, rate) {
			t.Errorf("%s: summary %q does not say the progress line's rate %q (%q)", tc.lang, summary, rate, progressEnd)
		}
		if tc.badSpace != nil {
			for _, s := range []string{out.String(), progressEnd} {
				if m := tc.badSpace.FindString(s); m != "" {
					t.Errorf("%s: %q: ordinary space between number and unit in %q", tc.lang, m, s)
				}
			}
		}
	}
}
