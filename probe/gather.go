package probe

import (
	"context"
	"os"
	"strings"
	"time"
)

// Options says where Gather reads its facts from.
//
// With no Root, DMIDecode or Smartctl, Gather reads the live system. As soon
// as one of them is given, only the given sources are read: a report built
// from captured data never mixes in facts from the machine atelier runs on.
type Options struct {
	Root        string   // a directory or a .tar.gz holding sys/ and proc/ (ghw snapshots included); "" = live
	DMIDecode   string   // a dmidecode text dump
	Smartctl    []string // smartctl --json outputs, one per disk
	ToolVersion string   // recorded in Report.Tool, e.g. "0.1.0"
	Capture     string   // write a .tar.gz of everything read, replayable with Root
	// NoTools stops a live probe from running dmidecode and smartctl.
	NoTools bool
}

// Gather builds one Report from the sources in o. A fact that cannot be read
// is left unknown and named in Report.Warnings; only an unusable source (a
// root that does not exist, a dump that is not dmidecode output) or a failed
// capture is an error.
func Gather(ctx context.Context, o Options) (*Report, error) {
	s, err := openSource(ctx, o)
	if err != nil {
		return nil, err
	}
	defer s.close()

	r := newReport(o)
	r.Source = s.describe(o)

	s.startDMIDecode(ctx)
	if s.readsTree() {
		s.gatherTree(ctx, r)
	}
	if err := s.gatherDMIDecode(ctx, o, r); err != nil {
		return nil, err
	}
	if err := s.gatherSmartctl(ctx, o, r); err != nil {
		return nil, err
	}
	s.finish(r)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if o.Capture != "" {
		if err := s.capture(ctx, o.Capture); err != nil {
			return nil, s.errorf(err, "probe.err.capture", o.Capture, err)
		}
	}
	return r, nil
}

func newReport(o Options) *Report {
	tool := "atelier"
	if o.ToolVersion != "" {
		tool += " " + o.ToolVersion
	}
	return &Report{
		Schema:         Schema,
		ProbedAt:       time.Now().UTC().Truncate(time.Second),
		Tool:           tool,
		System:         System{Vendor: Unknown, Product: Unknown, Version: Unknown, Serial: Unknown, SKU: Unknown, Chassis: Unknown},
		Firmware:       Firmware{BootMode: Unknown, SecureBoot: Unknown, BIOSVendor: Unknown, BIOSVersion: Unknown, BIOSDate: Unknown},
		CPU:            CPU{Model: Unknown, Vendor: Unknown},
		Virtualization: Unknown,
	}
}

// describe names the sources for Report.Source: "live", or the given files
// joined by "+".
func (s *source) describe(o Options) string {
	if s.live {
		return "live"
	}
	var parts []string
	if o.Root != "" {
		parts = append(parts, "root:"+o.Root)
	}
	if o.DMIDecode != "" {
		parts = append(parts, "dmidecode:"+o.DMIDecode)
	}
	for _, f := range o.Smartctl {
		parts = append(parts, "smartctl:"+f)
	}
	return strings.Join(parts, "+")
}

// finish fills what is still unknown with warnings and makes every list
// non-nil, so the JSON form always has the same shape.
func (s *source) finish(r *Report) {
	if !s.tree {
		s.warn("probe.warn.notree")
	}
	if r.System.Chassis == Unknown {
		s.warn("probe.warn.chassis")
	}
	if r.Memory.TotalBytes == 0 {
		s.warn("probe.warn.memory")
	}
	if r.CPU.Model == Unknown {
		s.warn("probe.warn.cpu")
	}
	if len(r.Disks) == 0 {
		s.warn("probe.warn.nodisk")
	}
	if r.Disks == nil {
		r.Disks = []Disk{}
	}
	if r.GPUs == nil {
		r.GPUs = []GPU{}
	}
	if r.Network == nil {
		r.Network = []NIC{}
	}
	if r.Batteries == nil {
		r.Batteries = []Battery{}
	}
	if r.CPU.Flags == nil {
		r.CPU.Flags = []string{}
	}
	if r.CPU.FlagsSource == "" {
		r.CPU.FlagsSource = FlagsNone
	}
	r.Warnings = append(r.Warnings, s.warnings...)
	if r.Warnings == nil {
		r.Warnings = []Note{}
	}
}

// isRoot reports whether atelier runs with the rights dmidecode and
// smartctl need.
func isRoot() bool { return os.Geteuid() == 0 }
