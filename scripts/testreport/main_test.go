package main

import (
	"bytes"
	"strings"
	"testing"
)

// stream is what go test -json prints for a package with a passing test, a
// failing one, a skipped one and a skipped testscript, and for a package
// that does not build.
const stream = `{"Action":"start","Package":"ex/a"}
{"Action":"run","Package":"ex/a","Test":"TestGood"}
{"Action":"output","Package":"ex/a","Test":"TestGood","Output":"=== RUN   TestGood\n"}
{"Action":"pass","Package":"ex/a","Test":"TestGood","Elapsed":0}
{"Action":"run","Package":"ex/a","Test":"TestBad"}
{"Action":"output","Package":"ex/a","Test":"TestBad","Output":"=== RUN   TestBad\n"}
{"Action":"output","Package":"ex/a","Test":"TestBad","Output":"    a_test.go:9: got 2, want 3\n"}
{"Action":"output","Package":"ex/a","Test":"TestBad","Output":"--- FAIL: TestBad (0.00s)\n"}
{"Action":"fail","Package":"ex/a","Test":"TestBad","Elapsed":0}
{"Action":"run","Package":"ex/a","Test":"TestTool"}
{"Action":"output","Package":"ex/a","Test":"TestTool","Output":"=== RUN   TestTool\n"}
{"Action":"output","Package":"ex/a","Test":"TestTool","Output":"    a_test.go:20: openssl is not installed (Debian package openssl)\n"}
{"Action":"output","Package":"ex/a","Test":"TestTool","Output":"--- SKIP: TestTool (0.00s)\n"}
{"Action":"skip","Package":"ex/a","Test":"TestTool","Elapsed":0}
{"Action":"output","Package":"ex/a","Test":"TestScripts/deploy_loop","Output":"        > [!needroot] skip 'needs root for loop devices'\n"}
{"Action":"output","Package":"ex/a","Test":"TestScripts/deploy_loop","Output":"        PASS\n"}
{"Action":"skip","Package":"ex/a","Test":"TestScripts/deploy_loop","Elapsed":0}
{"Action":"output","Package":"ex/a","Test":"TestScripts/probe_root","Output":"        > [!corpora] skip 'corpora absent'\n"}
{"Action":"output","Package":"ex/a","Test":"TestScripts/probe_root","Output":"        FAIL: testdata/script/probe_root.txtar:4: bad condition \"corpora\": corpora missing, and CI=true\n"}
{"Action":"fail","Package":"ex/a","Test":"TestScripts/probe_root","Elapsed":0}
{"Action":"output","Package":"ex/a","Test":"TestNA","Output":"    a_test.go:30: not applicable: this kernel has no device-mapper\n"}
{"Action":"skip","Package":"ex/a","Test":"TestNA","Elapsed":0}
{"Action":"output","Package":"ex/a","Output":"FAIL\n"}
{"Action":"fail","Package":"ex/a","Elapsed":0.5}
{"ImportPath":"ex/b","Action":"build-output","Output":"b.go:3:1: syntax error\n"}
{"ImportPath":"ex/b","Action":"build-fail"}
{"Action":"start","Package":"ex/b"}
{"Action":"output","Package":"ex/b","Output":"FAIL\tex/b [build failed]\n"}
{"Action":"fail","Package":"ex/b","Elapsed":0,"FailedBuild":"ex/b"}
`

func TestReportListsFailuresAndSkipsWithReasons(t *testing.T) {
	var out bytes.Buffer
	r := newReport(&out)
	if err := r.read(strings.NewReader(stream)); err != nil {
		t.Fatal(err)
	}
	if r.summary(false) {
		t.Error("a run with failures reported ok")
	}
	got := out.String()
	for _, want := range []string{
		"a_test.go:9: got 2, want 3", // the failing test's output, as it fails
		"b.go:3:1: syntax error",
		"Failed (3):\n  ex/a.TestBad: a_test.go:9: got 2, want 3\n" +
			"  ex/a.TestScripts/probe_root: FAIL: testdata/script/probe_root.txtar:4: bad condition \"corpora\": corpora missing, and CI=true\n" +
			"  ex/b: build failed (ex/b)\n",
		"Skipped (3):\n",
		"  ex/a.TestNA: a_test.go:30: not applicable: this kernel has no device-mapper\n",
		"  ex/a.TestScripts/deploy_loop: > [!needroot] skip 'needs root for loop devices'\n",
		"  ex/a.TestTool: a_test.go:20: openssl is not installed (Debian package openssl)\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q:\n%s", want, got)
		}
	}
}

// With CI=true a skip fails the run, unless the test said it does not apply.
func TestReportInCIFailsOnSkips(t *testing.T) {
	run := func(s string) (bool, string) {
		var out bytes.Buffer
		r := newReport(&out)
		r.read(strings.NewReader(s))
		return r.summary(true), out.String()
	}
	pass := `{"Action":"pass","Package":"ex/a","Elapsed":0.1}` + "\n"
	if ok, out := run(pass); !ok {
		t.Errorf("a clean run failed:\n%s", out)
	}
	skip := `{"Action":"output","Package":"ex/a","Test":"TestTool","Output":"    a_test.go:20: openssl is not installed\n"}
{"Action":"skip","Package":"ex/a","Test":"TestTool","Elapsed":0}
` + pass
	if ok, out := run(skip); ok || !strings.Contains(out, "CI=true: 1 test(s) skipped") {
		t.Errorf("CI=true with a skip: ok=%v\n%s", ok, out)
	}
	na := `{"Action":"output","Package":"ex/a","Test":"TestNA","Output":"    a_test.go:30: not applicable: no device-mapper\n"}
{"Action":"skip","Package":"ex/a","Test":"TestNA","Elapsed":0}
` + pass
	if ok, out := run(na); !ok {
		t.Errorf("CI=true with a not-applicable skip failed:\n%s", out)
	}
	// Logged before a skip for a missing tool, the words are no reason.
	logged := `{"Action":"output","Package":"ex/a","Test":"TestTool","Output":"    a_test.go:19: case 3: not applicable: no NVMe here\n"}
` + skip
	if ok, out := run(logged); ok || !strings.Contains(out, "CI=true: 1 test(s) skipped") {
		t.Errorf("CI=true, a skip for a missing tool after a logged 'not applicable:': ok=%v\n%s", ok, out)
	}
	script := `{"Action":"output","Package":"ex/a","Test":"TestScripts/init_basic","Output":"        > [postgres] skip 'not applicable: SQLite only'\n"}
{"Action":"output","Package":"ex/a","Test":"TestScripts/init_basic","Output":"        PASS\n"}
{"Action":"skip","Package":"ex/a","Test":"TestScripts/init_basic","Elapsed":0}
` + pass
	if ok, out := run(script); !ok {
		t.Errorf("CI=true with a not-applicable script skip failed:\n%s", out)
	}
	if ok, _ := run(""); ok {
		t.Error("no package tested, yet ok")
	}
}

// The run ends on one plain tally line ("N passed, N failed, N skipped"),
// the form CI reads when the go test lines scroll away.
func TestSummaryEndsWithTally(t *testing.T) {
	var out strings.Builder
	r := newReport(&out)
	for _, e := range []event{
		{Action: "pass", Package: "p", Test: "TestA"},
		{Action: "pass", Package: "p", Test: "TestB"},
		{Action: "output", Package: "p", Test: "TestC", Output: "    x_test.go:1: not applicable: no such bus\n"},
		{Action: "skip", Package: "p", Test: "TestC"},
		{Action: "pass", Package: "p"},
	} {
		r.event(e)
	}
	r.summary(false)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if last := lines[len(lines)-1]; last != "2 passed, 0 failed, 1 skipped" {
		t.Fatalf("last line %q", last)
	}
}

// A loop device whose backing file lies under the run's TMPDIR, present or
// deleted, is a leak; another one (a bench script's, another run's) is not.
func TestLeakedLoopsAreThoseUnderTheRunsTmp(t *testing.T) {
	listing := "/dev/loop0 /tmp/atelier-test-1/TestDeploy123/002/disk.img\n" +
		"/dev/loop1 /var/tmp/atelier-bench-deploy.8blWoT/disk\n" +
		"/dev/loop2 /tmp/atelier-test-1/script-wipe/loopfile.img (deleted)\n" +
		"/dev/loop3 /tmp/atelier-test-10/x/disk.img\n" +
		"/dev/loop4 \n"
	got := leakedLoops(listing, "/tmp/atelier-test-1/")
	want := []loop{
		{"/dev/loop0", "/tmp/atelier-test-1/TestDeploy123/002/disk.img"},
		{"/dev/loop2", "/tmp/atelier-test-1/script-wipe/loopfile.img (deleted)"},
	}
	if len(got) != len(want) {
		t.Fatalf("leakedLoops = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("leak %d = %v, want %v", i, got[i], want[i])
		}
	}
}
