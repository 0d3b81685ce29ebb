package probe

import (
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pcsolidaire/atelier/internal/fsread"
)

// gatherSmartctl attaches disk health: --smartctl files, captured outputs,
// or (live, as root) smartctl run on every disk found.
func (s *source) gatherSmartctl(ctx context.Context, o Options, r *Report) error {
	type output struct {
		name string // where it came from, for messages
		data []byte
	}
	var outs []output
	switch {
	case len(o.Smartctl) > 0:
		for _, f := range o.Smartctl {
			b, err := fsread.ReadFile(f, maxCaptureFileBytes)
			if err != nil {
				return s.errorf(err, "probe.err.smartctl_read", fsText{err})
			}
			outs = append(outs, output{f, b})
		}
	case s.live:
		if s.noTools || len(r.Disks) == 0 {
			return nil
		}
		if !isRoot() {
			s.warn("probe.warn.smartctl_root")
			return nil
		}
		if _, err := exec.LookPath("smartctl"); err != nil {
			s.warn("probe.warn.smartctl_missing")
			return nil
		}
		if s.smartctlRuns == nil {
			s.startSmartctl(ctx, r.Disks)
		}
		for _, d := range r.Disks {
			run, ok := s.smartctlRuns[d.Name]
			if !ok {
				continue
			}
			b, err := run.wait()
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err != nil {
				s.warn("probe.warn.smartctl_run", d.Name, err)
				continue
			}
			s.smartctlOut[d.Name] = b
			outs = append(outs, output{"/dev/" + d.Name, b})
		}
	case s.tree:
		names := s.list(captureDir + "/smartctl")
		sort.Strings(names)
		for _, n := range names {
			if b, ok := s.capturedFile("smartctl/" + n); ok {
				s.smartctlOut[strings.TrimSuffix(n, ".json")] = b
				outs = append(outs, output{n, b})
			}
		}
	}
	for i, out := range outs {
		res, err := ParseSmartctl(out.data)
		if err != nil {
			if len(o.Smartctl) > 0 {
				return s.errorf(err, "probe.err.smartctl_parse", out.name, err)
			}
			s.warn("probe.warn.smartctl_parse", out.name, err)
			continue
		}
		if len(o.Smartctl) > 0 {
			s.smartctlOut[fmt.Sprintf("file%02d", i)] = out.data
		}
		if !res.HasDevice {
			if len(res.Errors) > 0 {
				s.warn("probe.warn.smartctl_error", out.name, strings.Join(res.Errors, "; "))
			} else {
				s.warn("probe.warn.smartctl_nodevice", out.name)
			}
			continue
		}
		s.attachHealth(r, out.name, res)
	}
	return nil
}

// attachHealth puts a smartctl result on the disk with the same serial (or,
// live, the same device name). A result matching no disk is added as a disk
// of its own, with what smartctl knows of it.
func (s *source) attachHealth(r *Report, from string, res *SmartctlResult) {
	health := res.Health
	for i := range r.Disks {
		d := &r.Disks[i]
		sameSerial := res.Serial != "" && strings.EqualFold(strings.TrimSpace(d.Serial), res.Serial)
		sameName := s.live && res.Device == "/dev/"+d.Name
		if !sameSerial && !sameName {
			continue
		}
		d.Health = &health
		if d.Model == Unknown && res.Model != "" {
			d.Model = res.Model
		}
		if d.Serial == Unknown && res.Serial != "" {
			d.Serial = res.Serial
		}
		return
	}
	d := Disk{
		Name:      strings.TrimPrefix(res.Device, "/dev/"),
		Model:     orUnknown(res.Model),
		Serial:    orUnknown(res.Serial),
		SizeBytes: res.SizeBytes,
		Medium:    Unknown,
		Transport: Unknown,
		Health:    &health,
	}
	if d.Name == "" {
		d.Name = strings.TrimSuffix(filepath.Base(from), filepath.Ext(from))
	}
	switch {
	case strings.EqualFold(res.Protocol, "NVMe"):
		d.Medium, d.Transport = "nvme", "nvme"
	case res.Rotational != nil && *res.Rotational:
		d.Medium, d.Rotational = "hdd", true
	case res.Rotational != nil:
		d.Medium = "ssd"
	}
	if strings.EqualFold(res.Protocol, "ATA") {
		d.Transport = "sata"
	} else if strings.EqualFold(res.Protocol, "SCSI") {
		d.Transport = "scsi"
	}
	switch {
	case res.Model == "" && res.Serial == "" && res.SizeBytes == 0:
		s.warn("probe.warn.smartctl_noidentity", from)
	case s.tree:
		s.warn("probe.warn.smartctl_nomatch", from, d.Serial)
	}
	r.Disks = append(r.Disks, d)
}
