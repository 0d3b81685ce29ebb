package probe

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// Figure is one number of a requirement or of the house policy, with where
// it comes from. A figure nobody could confirm says so (Confirmed false and
// a Note), so that a volunteer reading a verdict knows how firm it is.
type Figure struct {
	Value     float64 `json:"value"`
	Source    string  `json:"source"`
	Note      string  `json:"note,omitempty"`
	Confirmed *bool   `json:"confirmed,omitempty"` // nil means confirmed
}

// Set reports whether the figure was given at all (a zero figure is "no
// requirement").
func (f Figure) Set() bool { return f.Value > 0 }

// Firm reports whether the figure was confirmed by its source.
func (f Figure) Firm() bool { return f.Confirmed == nil || *f.Confirmed }

// Flag is a yes/no requirement or policy with its source.
type Flag struct {
	Value     bool   `json:"value"`
	Source    string `json:"source"`
	Note      string `json:"note,omitempty"`
	Confirmed *bool  `json:"confirmed,omitempty"`
}

// Firm reports whether the flag was confirmed by its source.
func (f Flag) Firm() bool { return f.Confirmed == nil || *f.Confirmed }

// Profile is what one target (an OS release and edition) asks of a machine.
// RAM figures are in GiB (what a "2 GB" module holds); storage figures are
// in GB (10^9 bytes, as disk vendors and OS publishers count).
type Profile struct {
	Kind    string `json:"kind"`    // "profile"
	Target  string `json:"target"`  // "zorin-18-core"
	Name    string `json:"name"`    // "Zorin OS 18 Core"
	Release string `json:"release"` // "18"
	Edition string `json:"edition"` // "Core"
	// EditionConfirmed is false when the edition itself (not only a figure)
	// could not be confirmed as published; Check then never says plain "yes".
	EditionConfirmed Flag     `json:"edition_confirmed"`
	Sources          []string `json:"sources"`
	Notes            []string `json:"notes,omitempty"`

	CPU64Bit    Flag   `json:"cpu_64bit"`
	CPUMinCores Figure `json:"cpu_min_cores"`
	CPUMinMHz   Figure `json:"cpu_min_mhz"`
	RAMMinGB    Figure `json:"ram_min_gb"`
	RAMRecGB    Figure `json:"ram_recommended_gb"`
	StorageGB   Figure `json:"storage_min_gb"`
	DisplayMinW Figure `json:"display_min_width"`
	DisplayMinH Figure `json:"display_min_height"`

	NVIDIA NVIDIARules `json:"nvidia"`
}

// NVIDIARules say which NVIDIA generations have which driver on a release.
type NVIDIARules struct {
	// OpenOnly lists generations with no proprietary driver on this release:
	// only the open nouveau driver works.
	OpenOnly GenerationList `json:"open_driver_only"`
	// LastBranch lists generations whose proprietary driver is a frozen,
	// last branch (still works, no new features).
	LastBranch []BranchRule `json:"last_branch,omitempty"`
}

// GenerationList is a list of NVIDIA generations with its source.
type GenerationList struct {
	Generations []string `json:"generations"`
	Source      string   `json:"source"`
	Note        string   `json:"note,omitempty"`
	Confirmed   *bool    `json:"confirmed,omitempty"`
}

// BranchRule is one set of generations and the last driver branch for them.
type BranchRule struct {
	Generations []string `json:"generations"`
	Branch      Figure   `json:"branch"`
}

// Policy is the association's own bar for a handover, above what the OS
// needs. It never makes a target "no": it adds warnings and advice.
type Policy struct {
	Kind             string   `json:"kind"` // "policy"
	Name             string   `json:"name"`
	Sources          []string `json:"sources"`
	Notes            []string `json:"notes,omitempty"`
	PreferredTargets []string `json:"preferred_targets"`
	HandoverRAMGB    Figure   `json:"handover_min_ram_gb"`
	HandoverSSD      Flag     `json:"handover_requires_ssd"`
	HandoverSSDGB    Figure   `json:"handover_min_ssd_gb"`
	BatteryMinPct    Figure   `json:"battery_min_health_percent"`
}

// GradeRules is the association's grid, best grade first. A machine gets
// the first grade whose every criterion it meets; the last rule should have
// no criterion so that every machine gets a grade.
type GradeRules struct {
	Kind    string      `json:"kind"` // "grades"
	Name    string      `json:"name"`
	Sources []string    `json:"sources"`
	Notes   []string    `json:"notes,omitempty"`
	Grades  []GradeRule `json:"grades"`
}

// GradeRule is one grade's criteria. Zero numbers and empty lists are "no
// criterion". Every number in a rule comes from the rule's Source.
type GradeRule struct {
	Grade         string   `json:"grade"`
	Meaning       Text     `json:"meaning"`
	Source        string   `json:"source"`
	MinRAMGB      float64  `json:"min_ram_gb,omitempty"`
	SSD           bool     `json:"ssd,omitempty"`
	MinStorageGB  float64  `json:"min_storage_gb,omitempty"`
	Require64Bit  bool     `json:"cpu_64bit,omitempty"`
	MinCores      int      `json:"min_cores,omitempty"`
	MinThreads    int      `json:"min_threads,omitempty"`
	CPUFlags      []string `json:"cpu_flags,omitempty"`
	MinBatteryPct float64  `json:"min_battery_percent,omitempty"`
}

// Text is a short text in both languages, for data files.
type Text struct {
	EN string `json:"en"`
	FR string `json:"fr"`
}

// In is the text in l (English when the French is missing).
func (t Text) In(l i18n.Lang) string {
	if l == i18n.FR && t.FR != "" {
		return t.FR
	}
	return t.EN
}

// ProfileSet is everything Check judges against: the targets (in the house
// policy's order of preference), the policy and the grade grid.
type ProfileSet struct {
	Origin   string     `json:"origin"` // "embedded", or "embedded + DIR"
	Profiles []Profile  `json:"profiles"`
	Policy   Policy     `json:"policy"`
	Grades   GradeRules `json:"grades"`
}

// Targets names every target, in order of preference.
func (s ProfileSet) Targets() []string {
	out := make([]string, len(s.Profiles))
	for i, p := range s.Profiles {
		out[i] = p.Target
	}
	return out
}

// Only keeps the named targets (case-insensitive), in preference order. An
// unknown name is an error listing the known ones.
func (s ProfileSet) Only(names []string) (ProfileSet, error) {
	if len(names) == 0 {
		return s, nil
	}
	want := map[string]bool{}
	for _, n := range names {
		n = strings.ToLower(strings.TrimSpace(n))
		if !slices.ContainsFunc(s.Profiles, func(p Profile) bool { return p.Target == n }) {
			return s, &ProfileError{Key: "check.err.target_unknown", Args: []any{n, strings.Join(s.Targets(), ", ")}}
		}
		want[n] = true
	}
	out := s
	out.Profiles = nil
	for _, p := range s.Profiles {
		if want[p.Target] {
			out.Profiles = append(out.Profiles, p)
		}
	}
	return out, nil
}

// order sorts profiles by the policy's preference; targets the policy does
// not name come after, by name, newest release first.
func (s *ProfileSet) order() {
	rank := func(t string) int {
		if i := slices.Index(s.Policy.PreferredTargets, t); i >= 0 {
			return i
		}
		return len(s.Policy.PreferredTargets)
	}
	slices.SortStableFunc(s.Profiles, func(a, b Profile) int {
		if ra, rb := rank(a.Target), rank(b.Target); ra != rb {
			return ra - rb
		}
		if a.Release != b.Release {
			return strings.Compare(b.Release, a.Release)
		}
		return strings.Compare(a.Target, b.Target)
	})
}

func (s ProfileSet) String() string {
	return fmt.Sprintf("%d targets from %s", len(s.Profiles), s.Origin)
}
