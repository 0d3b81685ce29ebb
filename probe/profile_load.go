package probe

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/pcsolidaire/atelier/internal/fsread"
	"github.com/pcsolidaire/atelier/internal/i18n"
)

// embedded holds the profiles shipped in the binary: one file per target,
// the house policy and the grade grid (see probe/profiles/README.md).
//
//go:embed profiles/*.json
var embedded embed.FS

// ProfileError is a problem in a profile, policy or grade file, named by
// file and field so that the person who edited it can fix it. Error() is in
// English; Text gives the user's language.
type ProfileError struct {
	File  string
	Field string
	Key   string // i18n key
	Args  []any
}

func (e *ProfileError) Error() string { return e.Text(i18n.EN) }

// Text is the message in lang.
func (e *ProfileError) Text(lang i18n.Lang) string {
	args := slices.Clone(e.Args)
	for i, a := range args {
		if fe, ok := a.(*fsread.Error); ok {
			args[i] = fe.In(lang)
		}
	}
	return lang.T(e.Key, args...)
}

// LoadProfiles reads the embedded profiles, then, when dir is not empty, the
// association's own files from dir (a folder of *.json, or one .json file),
// which replace embedded ones: a profile replaces the embedded profile of the
// same target (or adds a target), a policy or grade file replaces the
// embedded one. Decoding is strict: an unknown field, a number without its
// source or a missing requirement is an error naming the file and the field.
func LoadProfiles(dir string) (ProfileSet, error) {
	var acc loader
	if err := acc.loadFS(embedded, "profiles", "embedded:"); err != nil {
		return ProfileSet{}, err
	}
	acc.set.Origin = "embedded"
	if dir != "" {
		if err := acc.loadPath(dir); err != nil {
			return ProfileSet{}, err
		}
		acc.set.Origin = "embedded + " + dir
	}
	return acc.finish()
}

type loader struct {
	set        ProfileSet
	fromFile   map[string]string // target -> file that defined it
	policyFile string
	gradesFile string
}

func (l *loader) loadFS(fsys fs.FS, dir, prefix string) error {
	names, err := fs.Glob(fsys, path.Join(dir, "*.json"))
	if err != nil {
		return err
	}
	slices.Sort(names)
	for _, n := range names {
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			return &ProfileError{File: prefix + n, Key: "check.err.profile_read", Args: []any{prefix + n, err.Error()}}
		}
		if err := l.add(prefix+n, data, prefix == "embedded:"); err != nil {
			return err
		}
	}
	return nil
}

func (l *loader) loadPath(p string) error {
	st, err := os.Stat(p)
	if err != nil {
		return &ProfileError{File: p, Key: "check.err.profile_read", Args: []any{p, errText(err)}}
	}
	if st.IsDir() {
		names, err := filepath.Glob(filepath.Join(p, "*.json"))
		if err != nil {
			return err
		}
		if len(names) == 0 {
			return &ProfileError{File: p, Key: "check.err.profile_empty_dir", Args: []any{p}}
		}
		slices.Sort(names)
		for _, n := range names {
			if err := l.loadFile(n); err != nil {
				return err
			}
		}
		return nil
	}
	return l.loadFile(p)
}

func (l *loader) loadFile(name string) error {
	// A profile is a few KiB of JSON; 1 MiB is far past any real one.
	data, err := fsread.ReadFile(name, maxProfileBytes)
	if err != nil {
		return &ProfileError{File: name, Key: "check.err.profile_read", Args: []any{name, errText(err)}}
	}
	return l.add(name, data, false)
}

// maxProfileBytes bounds one file of check --profiles.
const maxProfileBytes = 1 << 20

// errText is why a file could not be read: a refusal of fsread as itself
// (Text says it in the user's language), else the system's words.
func errText(err error) any {
	var fe *fsread.Error
	if errors.As(err, &fe) {
		return fe
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// add decodes one file by its "kind" and merges it. Files of the same
// origin may not define a target twice; a later origin (the association's
// folder) replaces the embedded definition.
func (l *loader) add(name string, data []byte, embeddedFile bool) error {
	var head struct {
		Kind string `json:"kind"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return jsonError(name, data, err)
	}
	switch head.Kind {
	case "profile":
		var p Profile
		if err := strictDecode(name, data, &p); err != nil {
			return err
		}
		if err := validateProfile(name, &p); err != nil {
			return err
		}
		if l.fromFile == nil {
			l.fromFile = map[string]string{}
		}
		if i := slices.IndexFunc(l.set.Profiles, func(q Profile) bool { return q.Target == p.Target }); i >= 0 {
			prev := l.fromFile[p.Target]
			if embeddedFile || !strings.HasPrefix(prev, "embedded:") {
				return &ProfileError{File: name, Field: "target", Key: "check.err.profile_dup", Args: []any{name, p.Target, prev}}
			}
			l.set.Profiles[i] = p
		} else {
			l.set.Profiles = append(l.set.Profiles, p)
		}
		l.fromFile[p.Target] = name
	case "policy":
		var p Policy
		if err := strictDecode(name, data, &p); err != nil {
			return err
		}
		if err := validatePolicy(name, &p); err != nil {
			return err
		}
		if l.policyFile != "" && !strings.HasPrefix(l.policyFile, "embedded:") {
			return &ProfileError{File: name, Field: "kind", Key: "check.err.profile_dup_kind", Args: []any{name, "policy", l.policyFile}}
		}
		l.set.Policy, l.policyFile = p, name
	case "grades":
		var g GradeRules
		if err := strictDecode(name, data, &g); err != nil {
			return err
		}
		if err := validateGrades(name, &g); err != nil {
			return err
		}
		if l.gradesFile != "" && !strings.HasPrefix(l.gradesFile, "embedded:") {
			return &ProfileError{File: name, Field: "kind", Key: "check.err.profile_dup_kind", Args: []any{name, "grades", l.gradesFile}}
		}
		l.set.Grades, l.gradesFile = g, name
	default:
		return &ProfileError{File: name, Field: "kind", Key: "check.err.profile_kind", Args: []any{name, head.Kind}}
	}
	return nil
}

func (l *loader) finish() (ProfileSet, error) {
	s := l.set
	if len(s.Profiles) == 0 || l.policyFile == "" || l.gradesFile == "" {
		return ProfileSet{}, &ProfileError{Key: "check.err.profile_incomplete", Args: []any{s.Origin}}
	}
	for _, t := range s.Policy.PreferredTargets {
		if !slices.ContainsFunc(s.Profiles, func(p Profile) bool { return p.Target == t }) {
			return ProfileSet{}, &ProfileError{File: l.policyFile, Field: "preferred_targets",
				Key: "check.err.profile_pref", Args: []any{l.policyFile, t}}
		}
	}
	s.order()
	return s, nil
}

// strictDecode refuses unknown fields and trailing data.
func strictDecode(name string, data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(name, data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return &ProfileError{File: name, Key: "check.err.profile_trailing", Args: []any{name}}
	}
	return nil
}

// jsonError turns a decoding error into one naming the file, the line and,
// when known, the field.
func jsonError(name string, data []byte, err error) error {
	line := func(off int64) int {
		if off > int64(len(data)) {
			off = int64(len(data))
		}
		return 1 + bytes.Count(data[:off], []byte("\n"))
	}
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return &ProfileError{File: name, Key: "check.err.profile_syntax", Args: []any{name, line(syn.Offset), syn.Error()}}
	case errors.As(err, &typ):
		return &ProfileError{File: name, Field: typ.Field, Key: "check.err.profile_type",
			Args: []any{name, line(typ.Offset), typ.Field, typ.Value, typ.Type.String()}}
	}
	msg := err.Error()
	if f, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return &ProfileError{File: name, Field: strings.Trim(f, `"`), Key: "check.err.profile_unknown_field", Args: []any{name, strings.Trim(f, `"`)}}
	}
	return &ProfileError{File: name, Key: "check.err.profile_json", Args: []any{name, msg}}
}

var targetName = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]*$`)

func validateProfile(name string, p *Profile) error {
	missing := func(field string) error {
		return &ProfileError{File: name, Field: field, Key: "check.err.profile_missing", Args: []any{name, field}}
	}
	switch {
	case !targetName.MatchString(p.Target):
		return &ProfileError{File: name, Field: "target", Key: "check.err.profile_target", Args: []any{name, p.Target}}
	case p.Name == "":
		return missing("name")
	case p.Release == "":
		return missing("release")
	case len(p.Sources) == 0:
		return missing("sources")
	case !p.RAMMinGB.Set():
		return missing("ram_min_gb")
	case !p.StorageGB.Set():
		return missing("storage_min_gb")
	}
	if err := checkFlag(name, "edition_confirmed", p.EditionConfirmed); err != nil {
		return err
	}
	if err := checkFlag(name, "cpu_64bit", p.CPU64Bit); err != nil {
		return err
	}
	figs := map[string]Figure{
		"cpu_min_cores": p.CPUMinCores, "cpu_min_mhz": p.CPUMinMHz, "ram_min_gb": p.RAMMinGB,
		"ram_recommended_gb": p.RAMRecGB, "storage_min_gb": p.StorageGB,
		"display_min_width": p.DisplayMinW, "display_min_height": p.DisplayMinH,
	}
	for i, b := range p.NVIDIA.LastBranch {
		figs[fmt.Sprintf("nvidia.last_branch[%d].branch", i)] = b.Branch
		if len(b.Generations) == 0 {
			return missing(fmt.Sprintf("nvidia.last_branch[%d].generations", i))
		}
	}
	if err := checkFigures(name, figs); err != nil {
		return err
	}
	if o := p.NVIDIA.OpenOnly; len(o.Generations) > 0 {
		if err := checkSourced(name, "nvidia.open_driver_only", o.Source, o.Note, o.Confirmed); err != nil {
			return err
		}
	}
	return nil
}

func validatePolicy(name string, p *Policy) error {
	if len(p.Sources) == 0 {
		return &ProfileError{File: name, Field: "sources", Key: "check.err.profile_missing", Args: []any{name, "sources"}}
	}
	if err := checkFlag(name, "handover_requires_ssd", p.HandoverSSD); err != nil {
		return err
	}
	return checkFigures(name, map[string]Figure{
		"handover_min_ram_gb": p.HandoverRAMGB, "handover_min_ssd_gb": p.HandoverSSDGB,
		"battery_min_health_percent": p.BatteryMinPct,
	})
}

func validateGrades(name string, g *GradeRules) error {
	if len(g.Grades) == 0 {
		return &ProfileError{File: name, Field: "grades", Key: "check.err.profile_missing", Args: []any{name, "grades"}}
	}
	seen := map[string]bool{}
	for i, r := range g.Grades {
		field := fmt.Sprintf("grades[%d]", i)
		switch {
		case r.Grade == "":
			return &ProfileError{File: name, Field: field + ".grade", Key: "check.err.profile_missing", Args: []any{name, field + ".grade"}}
		case seen[r.Grade]:
			return &ProfileError{File: name, Field: field + ".grade", Key: "check.err.grade_dup", Args: []any{name, r.Grade}}
		case r.Source == "":
			return &ProfileError{File: name, Field: field + ".source", Key: "check.err.profile_source", Args: []any{name, field + ".source"}}
		case r.Meaning.EN == "" || r.Meaning.FR == "":
			return &ProfileError{File: name, Field: field + ".meaning", Key: "check.err.profile_missing", Args: []any{name, field + ".meaning.en/.fr"}}
		}
		seen[r.Grade] = true
	}
	return nil
}

func checkFigures(name string, figs map[string]Figure) error {
	keys := make([]string, 0, len(figs))
	for k := range figs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		f := figs[k]
		if f.Value < 0 {
			return &ProfileError{File: name, Field: k, Key: "check.err.profile_negative", Args: []any{name, k}}
		}
		if !f.Set() && f.Source == "" {
			continue // no requirement
		}
		if err := checkSourced(name, k, f.Source, f.Note, f.Confirmed); err != nil {
			return err
		}
	}
	return nil
}

func checkFlag(name, field string, f Flag) error {
	return checkSourced(name, field, f.Source, f.Note, f.Confirmed)
}

func checkSourced(name, field, source, note string, confirmed *bool) error {
	if strings.TrimSpace(source) == "" {
		return &ProfileError{File: name, Field: field, Key: "check.err.profile_source", Args: []any{name, field}}
	}
	if confirmed != nil && !*confirmed && strings.TrimSpace(note) == "" {
		return &ProfileError{File: name, Field: field, Key: "check.err.profile_note", Args: []any{name, field}}
	}
	return nil
}
