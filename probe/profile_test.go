package probe

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

func TestCheckProfilesEmbeddedCarryTheKnownFigures(t *testing.T) {
	set := ckSet(t)
	want := []string{"zorin-18-core", "zorin-18-education", "zorin-17-core", "zorin-17-education",
		"zorin-18-lite", "zorin-17-lite", "zorin-18-pro", "zorin-17-pro"}
	if got := set.Targets(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("targets in preference order = %v, want %v", got, want)
	}
	byName := map[string]Profile{}
	for _, p := range set.Profiles {
		byName[p.Target] = p
	}
	figures := []struct {
		target, what string
		got, want    float64
	}{
		{"zorin-18-core", "ram_min_gb", byName["zorin-18-core"].RAMMinGB.Value, 2},
		{"zorin-18-core", "ram_recommended_gb", byName["zorin-18-core"].RAMRecGB.Value, 4},
		{"zorin-18-core", "storage_min_gb", byName["zorin-18-core"].StorageGB.Value, 15},
		{"zorin-18-core", "cpu_min_cores", byName["zorin-18-core"].CPUMinCores.Value, 2},
		{"zorin-18-core", "cpu_min_mhz", byName["zorin-18-core"].CPUMinMHz.Value, 1000},
		{"zorin-18-core", "display_min_width", byName["zorin-18-core"].DisplayMinW.Value, 800},
		{"zorin-18-core", "display_min_height", byName["zorin-18-core"].DisplayMinH.Value, 600},
		{"zorin-18-education", "storage_min_gb", byName["zorin-18-education"].StorageGB.Value, 35},
		{"zorin-18-pro", "storage_min_gb", byName["zorin-18-pro"].StorageGB.Value, 40},
		{"zorin-17-core", "ram_min_gb", byName["zorin-17-core"].RAMMinGB.Value, 2},
		{"zorin-17-core", "storage_min_gb", byName["zorin-17-core"].StorageGB.Value, 15},
		{"zorin-17-pro", "storage_min_gb", byName["zorin-17-pro"].StorageGB.Value, 40},
	}
	for _, f := range figures {
		if f.got != f.want {
			t.Errorf("%s %s = %v, want %v", f.target, f.what, f.got, f.want)
		}
	}
	for _, p := range set.Profiles {
		if !p.CPU64Bit.Value {
			t.Errorf("%s: every Zorin OS 17 and 18 edition is 64-bit only", p.Target)
		}
	}
	// Zorin OS 18's figures given by the 2025 public sources (issue 14) are
	// confirmed; Education's storage, which none of them gives, is not.
	for _, target := range []string{"zorin-18-core", "zorin-18-education", "zorin-18-pro"} {
		p := byName[target]
		for what, f := range map[string]Figure{"cpu_min_cores": p.CPUMinCores, "cpu_min_mhz": p.CPUMinMHz,
			"ram_min_gb": p.RAMMinGB, "ram_recommended_gb": p.RAMRecGB, "display_min_width": p.DisplayMinW} {
			if !f.Firm() || !strings.Contains(f.Source, "zorin.com") || !strings.Contains(f.Source, ";") {
				t.Errorf("%s %s: confirmed %v, source %q: want confirmed, zorin.com and a public source", target, what, f.Firm(), f.Source)
			}
		}
	}
	for target, firm := range map[string]bool{"zorin-18-core": true, "zorin-18-pro": true, "zorin-18-education": false} {
		if s := byName[target].StorageGB; s.Firm() != firm || !strings.Contains(s.Source, "zorin.com") {
			t.Errorf("%s storage: confirmed %v (want %v), source %q", target, s.Firm(), firm, s.Source)
		}
	}
	if byName["zorin-18-lite"].EditionConfirmed.Value {
		t.Error("zorin-18-lite must stay marked unconfirmed until Zorin publishes it")
	}
	kepler := byName["zorin-18-core"].NVIDIA.OpenOnly.Generations
	if !strings.Contains(strings.Join(kepler, ","), "Kepler") {
		t.Errorf("zorin-18-core open-driver-only generations %v lack Kepler", kepler)
	}
	if set.Policy.HandoverRAMGB.Value != 4 || !set.Policy.HandoverSSD.Value || set.Policy.BatteryMinPct.Value != 60 {
		t.Errorf("house policy = %+v", set.Policy)
	}
	if n := len(set.Grades.Grades); n != 4 || set.Grades.Grades[0].Grade != "A" {
		t.Errorf("grade grid = %+v", set.Grades.Grades)
	}
}

// Every number in every embedded file sits in an object that names its
// source, and every unconfirmed figure says why.
func TestCheckProfilesEveryNumberHasASource(t *testing.T) {
	files, err := fs.Glob(embedded, "profiles/*.json")
	if err != nil || len(files) < 10 {
		t.Fatalf("embedded files %v, %v", files, err)
	}
	for _, name := range files {
		data, _ := fs.ReadFile(embedded, name)
		var doc any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		numbers := 0
		var walk func(v any, path string, sourced bool)
		walk = func(v any, path string, sourced bool) {
			switch x := v.(type) {
			case map[string]any:
				if s, ok := x["source"].(string); ok && strings.TrimSpace(s) != "" {
					sourced = true
				}
				if c, ok := x["confirmed"].(bool); ok && !c {
					if n, _ := x["note"].(string); strings.TrimSpace(n) == "" {
						t.Errorf("%s %s: unconfirmed without a note", name, path)
					}
				}
				for k, e := range x {
					walk(e, path+"."+k, sourced)
				}
			case []any:
				for i, e := range x {
					walk(e, path+"["+string(rune('0'+i%10))+"]", sourced)
				}
			case float64:
				numbers++
				if !sourced {
					t.Errorf("%s %s = %v has no source", name, path, x)
				}
			}
		}
		walk(doc, "", false)
		if numbers == 0 {
			t.Errorf("%s: no number at all", name)
		}
	}
}

func ckWriteFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func ckEmbeddedFile(t *testing.T, name string) map[string]any {
	t.Helper()
	data, err := fs.ReadFile(embedded, "profiles/"+name)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestCheckProfilesAssociationFolderOverrides(t *testing.T) {
	dir := t.TempDir()
	core := ckEmbeddedFile(t, "zorin-18-core.json")
	core["storage_min_gb"] = map[string]any{"value": 64, "source": "PC solidaire: room for user files"}
	b, _ := json.Marshal(core)
	ckWriteFile(t, dir, "zorin-18-core.json", string(b))
	pol := ckEmbeddedFile(t, "house-policy.json")
	pol["battery_min_health_percent"] = map[string]any{"value": 70, "source": "PC solidaire board, 2026"}
	b, _ = json.Marshal(pol)
	ckWriteFile(t, dir, "policy.json", string(b))

	set, err := LoadProfiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	if set.Origin != "embedded + "+dir {
		t.Errorf("origin %q", set.Origin)
	}
	r := ckModernLaptop()
	r.Disks[0].SizeBytes = 60e9
	r.Batteries[0].HealthPercent = 65
	core18 := ckTarget(t, checkIn(r, set, i18n.EN), "zorin-18-core")
	if core18.Fits != FitsNo {
		t.Errorf("60 GB disk under a 64 GB override: fits %q", core18.Fits)
	}
	ckWant(t, "reasons", core18.Reasons, "holds 60 GB: Zorin OS 18 Core needs 64 GB")
	ckWant(t, "reasons", core18.Reasons, "battery at 65 %: the house policy asks for 70 % or more")
	if got := len(set.Profiles); got != 8 {
		t.Errorf("%d profiles after override, want 8", got)
	}

	// One file instead of a folder works too.
	one, err := LoadProfiles(filepath.Join(dir, "policy.json"))
	if err != nil || one.Policy.BatteryMinPct.Value != 70 {
		t.Errorf("single file: %v %+v", err, one.Policy.BatteryMinPct)
	}
}

func TestCheckProfilesStrictErrorsNameFileAndField(t *testing.T) {
	core := ckEmbeddedFile(t, "zorin-18-core.json")
	mutate := func(f func(m map[string]any)) string {
		m := map[string]any{}
		b, _ := json.Marshal(core)
		json.Unmarshal(b, &m)
		f(m)
		b, _ = json.MarshalIndent(m, "", "  ")
		return string(b)
	}
	cases := []struct {
		name, content, want string
	}{
		{"typo.json", mutate(func(m map[string]any) { m["ram_min_gbb"] = 2 }), `unknown field "ram_min_gbb"`},
		{"nosource.json", mutate(func(m map[string]any) { m["ram_min_gb"] = map[string]any{"value": 3} }), `field "ram_min_gb": this figure has no source`},
		{"nonote.json", mutate(func(m map[string]any) {
			m["storage_min_gb"] = map[string]any{"value": 20, "source": "x", "confirmed": false}
		}), `field "storage_min_gb": an unconfirmed figure needs a note`},
		{"noram.json", mutate(func(m map[string]any) { delete(m, "ram_min_gb") }), `field "ram_min_gb" is required`},
		{"type.json", mutate(func(m map[string]any) { m["ram_min_gb"] = map[string]any{"value": "two", "source": "x"} }), `field "ram_min_gb.value": a string where a float64 is expected`},
		{"kind.json", `{"kind": "profil"}`, `field "kind": "profil" is not profile, policy or grades`},
		{"syntax.json", "{\n  \"kind\": \"profile\",\n  \"target\": \"x\"\n  \"name\": 1\n}", `syntax.json line 4: not valid JSON`},
		{"target.json", mutate(func(m map[string]any) { m["target"] = "Zorin 18" }), `"Zorin 18" is not a valid name`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			ckWriteFile(t, dir, c.name, c.content)
			_, err := LoadProfiles(dir)
			if err == nil {
				t.Fatal("accepted")
			}
			var pe *ProfileError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T %v is not a ProfileError", err, err)
			}
			if !strings.Contains(err.Error(), c.name) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q should name %s and say %q", err, c.name, c.want)
			}
			if fr := pe.Text(i18n.FR); fr == err.Error() {
				t.Errorf("no French text: %q", fr)
			}
		})
	}
	if _, err := LoadProfiles(filepath.Join(t.TempDir(), "missing")); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("missing folder: %v", err)
	}
}

func TestCheckProfileSetOnly(t *testing.T) {
	set := ckSet(t)
	only, err := set.Only([]string{"zorin-17-lite", "ZORIN-18-CORE"})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(only.Targets(), ","); got != "zorin-18-core,zorin-17-lite" {
		t.Errorf("Only = %s", got)
	}
	_, err = set.Only([]string{"ubuntu-24"})
	if err == nil || !strings.Contains(err.Error(), `unknown target "ubuntu-24": choose among zorin-18-core`) {
		t.Errorf("unknown target: %v", err)
	}
}
