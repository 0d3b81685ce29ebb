package probe

import (
	"encoding/json"
	"errors"
	"maps"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// FuzzCheckReport feeds Check any report a file could hold (check --report
// reads them from disk): it must give a verdict for every target, never
// panic, and keep fits to yes, warn or no.
func FuzzCheckReport(f *testing.F) {
	for _, r := range []*Report{ckModernLaptop(), ckOldDesktop(), {}} {
		b, _ := json.Marshal(r)
		f.Add(b)
	}
	f.Add([]byte(`{"memory":{"total_bytes":-5,"slots_total":-1,"max_bytes":-3,"modules":[{"size_bytes":-1}]},"disks":[{"size_bytes":-9,"health":{"verdict":"failing"}}],"batteries":[{"health_percent":-40}]}`))
	f.Add([]byte(`{"cpu":{"cores":-2,"threads":-1,"max_mhz":-1},"display":{"width":-1,"height":5},"gpus":[{"pci_id":"10de:","generation":"Kepler"}]}`))
	set, err := LoadProfiles("")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var r Report
		if json.Unmarshal(data, &r) != nil {
			return
		}
		for _, l := range []i18n.Lang{i18n.EN, i18n.FR} {
			v := checkIn(&r, set, l)
			if len(v.Targets) != len(set.Profiles) {
				t.Fatalf("%d verdicts for %d targets", len(v.Targets), len(set.Profiles))
			}
			for _, tv := range v.Targets {
				if tv.Fits != FitsYes && tv.Fits != FitsWarn && tv.Fits != FitsNo {
					t.Fatalf("%s: fits %q", tv.Target, tv.Fits)
				}
			}
			if v.Grade == "" {
				t.Fatal("no grade")
			}
		}
	})
}

// FuzzLoadProfiles feeds the loader any file an association could write: it
// must load it or refuse it with a ProfileError, never panic; what loads
// must be usable by Check.
func FuzzLoadProfiles(f *testing.F) {
	for _, name := range []string{"zorin-18-core.json", "house-policy.json", "grades.json"} {
		b, err := embedded.ReadFile("profiles/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"kind":"profile","target":"x","ram_min_gb":{"value":1e400}}`))
	f.Add([]byte(`{"kind":"grades","grades":[{"grade":"A"}]}`))
	var base loader
	if err := base.loadFS(embedded, "profiles", "embedded:"); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		acc := base
		acc.set.Profiles = append([]Profile(nil), base.set.Profiles...)
		acc.fromFile = maps.Clone(base.fromFile)
		if err := acc.add("f.json", data, false); err != nil {
			var pe *ProfileError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T %v is not a ProfileError", err, err)
			}
			return
		}
		set, err := acc.finish()
		if err != nil {
			return
		}
		checkIn(ckModernLaptop(), set, i18n.EN)
	})
}
