// Package browsertest drives Debian's chromium, headless, for the tests of
// the hub's web pages (issue 12): a fresh profile per test, no network
// beyond loopback, a phone's or a desktop's viewport, screenshots saved as
// test artifacts. Under CI=true a missing browser fails the test (.ci/run
// installs chromium); elsewhere it skips.
package browsertest

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

// Viewport is a screen the pages must work on.
type Viewport struct {
	Name          string // in screenshot names: "phone", "desktop"
	Width, Height int64
	Scale         float64
	Mobile        bool
}

// Phone is a small phone held upright (390×844 CSS pixels, touch);
// Desktop a laptop's window.
var (
	Phone   = Viewport{Name: "phone", Width: 390, Height: 844, Scale: 2, Mobile: true}
	Desktop = Viewport{Name: "desktop", Width: 1280, Height: 800, Scale: 1}
)

// Chromium is the browser's path.
func Chromium(t testing.TB) string {
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

// New starts a fresh headless chromium showing v, in French first, and
// stops it when the test ends.
func New(t testing.TB, v Viewport) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test (-short)")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(Chromium(t)),
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
		chromedp.WindowSize(int(v.Width), int(v.Height)),
	}
	base, cancelTimeout := context.WithTimeout(context.Background(), 5*time.Minute)
	actx, cancelAlloc := chromedp.NewExecAllocator(base, opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc(); cancelTimeout() })
	if err := Show(ctx, v); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// Show switches the page to viewport v.
func Show(ctx context.Context, v Viewport) error {
	opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(v.Scale)}
	if v.Mobile {
		opts = append(opts, chromedp.EmulateMobile)
	}
	return chromedp.Do(ctx, chromedp.EmulateViewport(v.Width, v.Height, opts...))
}

// ArtifactDir is where screenshots go: $ATELIER_ARTIFACTS/web, else
// atelier-artifacts/web under the temporary folder (named in the log).
func ArtifactDir(t testing.TB) string {
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

// Screenshot saves the whole page as NAME.png in ArtifactDir.
func Screenshot(t testing.TB, ctx context.Context, name string) string {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	p := filepath.Join(ArtifactDir(t), name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", p)
	return p
}

// Text is the text of the first element sel matches.
func Text(t testing.TB, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

// StepTimeout bounds one Do: a selector that never shows fails the test
// in seconds, naming the step, rather than at the browser's deadline.
const StepTimeout = 45 * time.Second

// Do runs steps, failing the test with what was being done.
func Do(t testing.TB, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, StepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// Enter presses Enter in the focused field, as a person sends a form from
// the keyboard. The form's navigation may replace the page before the
// browser has answered for the key's release ("Inspected target navigated
// or closed"): that is the form being sent, not a failure; the next step
// waits for the page that follows.
func Enter(t testing.TB, ctx context.Context, what string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, StepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\r")); err != nil && !navigatedAway(err) {
		t.Fatalf("%s: %v", what, err)
	}
}

// Send fills a form as a person does (typing, then Enter) and waits for
// what the next page shows.
func Send(t testing.TB, ctx context.Context, what string, typing, next chromedp.Action[chromedp.Void]) {
	t.Helper()
	Do(t, ctx, what+" (typing)", typing)
	Enter(t, ctx, what)
	Do(t, ctx, what+" (next page)", next)
}

func navigatedAway(err error) bool {
	return strings.Contains(err.Error(), "navigated or closed")
}

// WaitURL waits until the page's address holds part: a form sent with
// Enter navigates, and the old page's elements match until it has.
func WaitURL(t testing.TB, ctx context.Context, part string) {
	t.Helper()
	for start := time.Now(); time.Since(start) < 30*time.Second; time.Sleep(50 * time.Millisecond) {
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil && navigatedAway(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(loc, part) {
			return
		}
	}
	t.Fatalf("the page never reached an address with %q", part)
}
