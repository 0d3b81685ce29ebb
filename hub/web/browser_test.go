package web

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Browser tests: Debian's chromium, headless, driven by chromedp against
// the handler on a real loopback listener. Under CI=true a missing browser
// is a failure (.ci/run installs chromium).

func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium not found: apt-get install -y chromium (.ci/run does)")
	}
	t.Skip("chromium not found: apt-get install -y chromium")
	return ""
}

// newBrowser starts a fresh headless chromium with a phone's window and
// its own profile, with nothing that reaches the network.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test (-short)")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("lang", "fr-FR"),
		chromedp.Flag("accept-lang", "fr-FR,fr"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(390, 844),
	}
	base, cancelTimeout := context.WithTimeout(context.Background(), 2*time.Minute)
	actx, cancelAlloc := chromedp.NewExecAllocator(base, opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc(); cancelTimeout() })
	// A phone: 390×844 CSS pixels, scale 2, touch.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile)); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// artifactDir is where screenshots go: $ATELIER_ARTIFACTS, else a fixed
// folder under the temporary directory (named in the test log).
func artifactDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("ATELIER_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "atelier-artifacts")
	}
	dir = filepath.Join(dir, "web")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	p := filepath.Join(artifactDir(t), name)
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", p)
}

func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

// An MDH staff member, keyboard only on a phone: log in, find a unit,
// hand it over, see its new state, log out.
func TestBrowserHandoverOnPhone(t *testing.T) {
	f := newFixture(t)
	ctx := newBrowser(t)
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	do("open the login page", chromedp.Navigate(f.srv.URL+"/login"), chromedp.WaitVisible(chromedp.ID("login")))
	screenshot(t, ctx, "login-phone.png")
	// Tab past the header's link to the login field, then the password.
	do("log in with the keyboard",
		chromedp.KeyEvent("\t\tmdh-v2\t"+testPassword+"\r"),
		chromedp.WaitVisible(chromedp.ID("q")))
	screenshot(t, ctx, "home-phone.png")
	do("search by serial", chromedp.SendKeys(chromedp.ID("q"), "SA1\r"))
	waitURL(t, ctx, "q=SA1")
	do("search result", chromedp.WaitVisible(chromedp.CSS(".unit a")))
	if got := text(t, ctx, ".units"); !strings.Contains(got, f.ids["v2"]) || strings.Contains(got, f.ids["given"]) {
		t.Fatalf("search result: %q", got)
	}
	do("open the unit", chromedp.Click(chromedp.CSS(".unit a")), chromedp.WaitVisible(chromedp.ID("beneficiary")))
	if got := text(t, ctx, "#sentence"); !strings.Contains(got, "réservé pour MDH Village 2") {
		t.Fatalf("before: %q", got)
	}
	screenshot(t, ctx, "unit-phone.png")
	do("refused reference", chromedp.SendKeys(chromedp.ID("beneficiary"), "06 12 34 56 78\r"), chromedp.WaitVisible(chromedp.ID("error")))
	if got := text(t, ctx, "#error"); !strings.Contains(got, "téléphone") {
		t.Fatalf("refusal: %q", got)
	}
	do("record the handover", chromedp.SendKeys(chromedp.ID("beneficiary"), "MDH-V2-2026-017\r"), chromedp.WaitVisible(chromedp.ID("notice")))
	if got := text(t, ctx, "#sentence"); !strings.Contains(got, "remis par MDH Village 2") {
		t.Fatalf("after: %q", got)
	}
	screenshot(t, ctx, "handover-done-phone.png")
	if f.state(f.ids["v2"]) != "handed_over" {
		t.Fatal("the ledger did not record the handover")
	}
	do("log out", chromedp.Click(chromedp.CSS(".logout button")), chromedp.WaitVisible(chromedp.ID("password")))
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil || !strings.HasSuffix(loc, "/login") {
		t.Fatalf("after logout at %q (%v)", loc, err)
	}
	do("home after logout", chromedp.Navigate(f.srv.URL+"/"), chromedp.WaitVisible(chromedp.ID("password")))
}

// waitURL waits until the page's address holds part: a form sent with
// Enter navigates, and the old page's elements match until it has.
func waitURL(t *testing.T, ctx context.Context, part string) {
	t.Helper()
	for start := time.Now(); time.Since(start) < 30*time.Second; time.Sleep(50 * time.Millisecond) {
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(loc, part) {
			return
		}
	}
	t.Fatalf("the page never reached an address with %q", part)
}
