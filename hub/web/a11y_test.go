package web

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/pcsolidaire/atelier/internal/browsertest"
)

// a11yScript walks the DOM: every visible form field has a label with text,
// and every element holding text has a contrast of at least 4.5:1 with the
// first opaque background behind it (WCAG 2 AA for normal text).
const a11yScript = `(() => {
  const out = [];
  for (const el of document.querySelectorAll('input, select, textarea')) {
    if (el.type === 'hidden') continue;
    const lab = el.id && document.querySelector('label[for="' + el.id + '"]');
    if (!(lab && lab.textContent.trim()) && !el.getAttribute('aria-label') && !el.closest('label')) {
      out.push('unlabelled field: ' + el.outerHTML);
    }
  }
  const parse = c => { const p = c.match(/rgba?\(([^)]+)\)/)[1].split(',').map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const bg = el => { for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c.a > 0) return c; } return {r: 255, g: 255, b: 255, a: 1}; };
  for (const el of document.querySelectorAll('body, body *')) {
    if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    const a = lum(parse(getComputedStyle(el).color)), b = lum(bg(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) out.push('contrast ' + ratio.toFixed(2) + ':1 on ' + el.tagName + ' "' + el.textContent.trim().slice(0, 40) + '"');
  }
  return out;
})()`

// focusScript names the focused element and whether its focus is drawn.
const focusScript = `(() => {
  const e = document.activeElement, s = getComputedStyle(e);
  return e.tagName + (e.id ? '#' + e.id : '') + '|' + s.outlineStyle + '|' + s.outlineWidth;
})()`

func TestBrowserAccessibility(t *testing.T) {
	f := newFixture(t)
	u, _ := f.l.FindUnit(t.Context(), f.ids["given"])
	f.serve(fakeStickers{"k7qzj3m4wxbd2p5r6y8t9n0v1c": u})
	ctx := newBrowser(t)
	check := func(path, ready string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(f.srv.URL+path), chromedp.WaitVisible(chromedp.CSS(ready))); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		problems, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](a11yScript))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, p := range problems {
			t.Errorf("%s: %s", path, p)
		}
		// Tab through the page: each stop shows where the focus is.
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('a[href], input:not([type=hidden]), select, button').length`))
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < n; i++ {
			if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
				t.Fatal(err)
			}
			got, err := chromedp.Run(ctx, chromedp.Evaluate[string](focusScript))
			if err != nil {
				t.Fatal(err)
			}
			parts := strings.Split(got, "|")
			w, _ := strconv.ParseFloat(strings.TrimSuffix(parts[2], "px"), 64)
			if parts[0] == "BODY" || parts[1] == "none" || w < 2 {
				t.Errorf("%s: focus stop %d not visible: %s", path, i+1, got)
			}
		}
	}
	check("/login", "#login")
	check("/s/k7qzj3m4wxbd2p5r6y8t9n0v1c", "#sentence")
	check("/s/unknown", "h1")
	browsertest.Do(t, ctx, "type the login", chromedp.Navigate(f.srv.URL+"/login"), chromedp.WaitVisible(chromedp.ID("login")),
		chromedp.SendKeys(chromedp.ID("login"), "mdh-v2"))
	browsertest.Send(t, ctx, "log in", chromedp.SendKeys(chromedp.ID("password"), testPassword), chromedp.WaitVisible(chromedp.ID("q")))
	check("/", "#q")
	check("/u/"+f.ids["v2"], "#beneficiary")
	check("/u/"+f.ids["given"], "#confirm")
	// A notice is drawn in readable colours too.
	check("/u/"+f.ids["given"]+"?done=returned.done", "#notice")
}

// The stylesheet's colour pairs (text on its background) reach 4.5:1, and
// the focus ring 3:1 against the page (WCAG 2 AA, non-text 1.4.11).
func TestStylesheetContrast(t *testing.T) {
	css, err := files.ReadFile("static/style.css")
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{}
	for _, m := range regexp.MustCompile(`--([a-z-]+):\s*(#[0-9a-f]{6})`).FindAllStringSubmatch(string(css), -1) {
		vars[m[1]] = m[2]
	}
	for _, p := range []struct {
		fg, bg string
		min    float64
	}{
		{"fg", "bg", 4.5}, {"muted", "bg", 4.5}, {"accent", "bg", 4.5}, {"accent-fg", "accent", 4.5},
		{"error", "error-bg", 4.5}, {"notice", "notice-bg", 4.5}, {"focus", "bg", 3}, {"border", "bg", 3},
	} {
		r := contrast(t, vars[p.fg], vars[p.bg])
		if r < p.min {
			t.Errorf("--%s on --%s: %.2f:1, want %.1f:1", p.fg, p.bg, r, p.min)
		}
	}
}

func contrast(t *testing.T, a, b string) float64 {
	t.Helper()
	lum := func(hex string) float64 {
		var r, g, bl int
		if _, err := fmt.Sscanf(hex, "#%02x%02x%02x", &r, &g, &bl); err != nil {
			t.Fatalf("colour %q: %v", hex, err)
		}
		f := func(v int) float64 {
			c := float64(v) / 255
			if c <= 0.03928 {
				return c / 12.92
			}
			return math.Pow((c+0.055)/1.055, 2.4)
		}
		return 0.2126*f(r) + 0.7152*f(g) + 0.0722*f(bl)
	}
	l1, l2 := lum(a), lum(b)
	return (math.Max(l1, l2) + 0.05) / (math.Min(l1, l2) + 0.05)
}
