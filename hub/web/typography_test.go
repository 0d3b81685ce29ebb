package web

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

var (
	hiddenParts = regexp.MustCompile(`(?s)<(script|style)\b.*?</(script|style)>|<!--.*?-->`)
	// Attributes a person reads (a field's hint, a button's name).
	shownAttrs = regexp.MustCompile(`\b(?:placeholder|title|aria-label|alt)="([^"]*)"`)
	tags       = regexp.MustCompile(`<[^>]*>`)
)

// shownText is what a person reads on an HTML page: its text and the
// attributes read aloud or shown, entities decoded, one piece a line.
func shownText(page string) []string {
	page = hiddenParts.ReplaceAllString(page, "")
	var out []string
	for _, m := range shownAttrs.FindAllStringSubmatch(page, -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	for _, piece := range tags.Split(page, -1) {
		if s := strings.TrimSpace(html.UnescapeString(piece)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// TestFrenchPagesFollowFrenchTypography renders every page of the hub in
// French (the catalogue's words and what the templates put around them:
// values, labels, dates) and checks the text a person reads.
func TestFrenchPagesFollowFrenchTypography(t *testing.T) {
	f := newFixture(t)
	pages := map[string]string{}
	anon := f.browser()
	anon.lang = "fr-FR,fr"
	pages["login"] = anon.get("/login").body
	pages["notfound"] = anon.get("/nothing-here").body
	bad := anon.tryLogin("mdh-v2", "wrong password")
	pages["login refused"] = bad.body

	mdh := f.loggedIn("mdh-v2")
	mdh.lang = "fr-FR,fr"
	pages["home"] = mdh.get("/").body
	pages["home search"] = mdh.get("/?q=latitude").body
	pages["unit"] = mdh.get("/u/" + f.ids["v2"]).body
	pages["unit given"] = mdh.get("/u/" + f.ids["given"]).body
	tok := mdh.csrf("/u/" + f.ids["v2"])
	refused := mdh.post("/u/"+f.ids["v2"]+"/handover", url.Values{"csrf": {tok}, "beneficiary": {"Jean Dupont"}})
	wantStatus(t, refused, http.StatusUnprocessableEntity)
	pages["handover refused"] = refused.body

	admin := f.loggedIn("admin")
	admin.lang = "fr-FR,fr"
	pages["accounts"] = admin.get("/accounts").body
	pages["home admin"] = admin.get("/").body

	for name, body := range pages {
		if !strings.Contains(body, `lang="fr"`) {
			t.Errorf("%s: not a French page", name)
		}
		for _, text := range shownText(body) {
			for _, what := range i18n.FrenchTypographyFaults(text) {
				t.Errorf("%s page: %s in %q", name, what, text)
			}
		}
	}
}
