package probe

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// smartctl's JSON output (smartctl --json -x), the parts atelier reads.
type smartctlJSON struct {
	Smartctl *struct {
		ExitStatus *int `json:"exit_status"`
		Messages   []struct {
			String   string `json:"string"`
			Severity string `json:"severity"`
		} `json:"messages"`
	} `json:"smartctl"`
	Device *struct {
		Name     string `json:"name"`
		Type     string `json:"type"`
		Protocol string `json:"protocol"`
	} `json:"device"`
	ModelName    string `json:"model_name"`
	Vendor       string `json:"vendor"`
	Product      string `json:"product"`
	SerialNumber string `json:"serial_number"`
	UserCapacity *struct {
		Bytes int64 `json:"bytes"`
	} `json:"user_capacity"`
	RotationRate *int `json:"rotation_rate"`
	SmartStatus  *struct {
		Passed *bool `json:"passed"`
	} `json:"smart_status"`
	PowerOnTime *struct {
		Hours int64 `json:"hours"`
	} `json:"power_on_time"`
	ATAAttributes *struct {
		Table []struct {
			ID         int    `json:"id"`
			Name       string `json:"name"`
			WhenFailed string `json:"when_failed"`
			Raw        struct {
				Value  int64  `json:"value"`
				String string `json:"string"`
			} `json:"raw"`
		} `json:"table"`
	} `json:"ata_smart_attributes"`
	NVMeLog *struct {
		CriticalWarning         int   `json:"critical_warning"`
		AvailableSpare          *int  `json:"available_spare"`
		AvailableSpareThreshold int   `json:"available_spare_threshold"`
		PercentageUsed          *int  `json:"percentage_used"`
		MediaErrors             int64 `json:"media_errors"`
		PowerOnHours            int64 `json:"power_on_hours"`
	} `json:"nvme_smart_health_information_log"`
	SCSIGrownDefects *int64 `json:"scsi_grown_defect_list"`
	Devices          []any  `json:"devices"` // smartctl --scan
}

// SmartctlResult is one smartctl report: which disk, and its health.
type SmartctlResult struct {
	Device    string // "/dev/sda" as smartctl named it
	Model     string
	Serial    string
	SizeBytes int64
	Protocol  string // ATA, NVMe, SCSI
	// Rotational is set when smartctl reported a rotation rate (0 = SSD).
	Rotational *bool
	// HasDevice is false for outputs that describe no disk (smartctl --scan,
	// or a failed open): they are not attached to any disk.
	HasDevice bool
	Health    Health
	// Errors are smartctl's own error messages ("Unable to detect device
	// type"), worth showing when no health could be read.
	Errors []string
}

// Thresholds of the health verdict. Any pending or uncorrectable sector
// means data already lost or about to be (Backblaze's drive stats single out
// SMART 197 and 198 as the strongest failure predictors); reallocated
// sectors mean the disk is wearing; past the hours below a disk has done
// more than five years of continuous service.
const (
	wornPowerOnHours = 50000
	wornNVMePercent  = 80
)

// ParseSmartctl reads smartctl --json output and judges the disk: failing
// (replace it), worn (usable, watch it), good, or unknown (no health data).
// Reasons are keyed notes, said in the reader's language where shown.
func ParseSmartctl(data []byte) (*SmartctlResult, error) {
	var j smartctlJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return nil, fmt.Errorf("smartctl JSON: %w", err)
	}
	if j.Smartctl == nil && j.Device == nil && j.SerialNumber == "" && j.ModelName == "" {
		return nil, errors.New("smartctl JSON: neither a smartctl run nor a device")
	}
	res := &SmartctlResult{
		Model:  strings.TrimSpace(j.ModelName),
		Serial: strings.TrimSpace(j.SerialNumber),
	}
	if res.Model == "" {
		res.Model = strings.TrimSpace(j.Vendor + " " + j.Product)
	}
	if j.Device != nil {
		res.Device, res.Protocol = j.Device.Name, j.Device.Protocol
	}
	if j.Smartctl != nil {
		for _, m := range j.Smartctl.Messages {
			if m.Severity == "error" && m.String != "" {
				res.Errors = append(res.Errors, m.String)
			}
		}
	}
	if j.UserCapacity != nil {
		res.SizeBytes = j.UserCapacity.Bytes
	}
	if j.RotationRate != nil {
		rot := *j.RotationRate > 0
		res.Rotational = &rot
	}
	res.HasDevice = res.Serial != "" || res.Model != "" || j.SmartStatus != nil || j.ATAAttributes != nil || j.NVMeLog != nil
	res.Health = judgeSmart(&j)
	return res, nil
}

// rawCount is an attribute's raw count: the leading number of smartctl's
// raw string ("11685 (28 89 0)"), since some vendors pack more data in the
// high bytes of the raw value.
// smartctl decodes such packing itself ("11685h+23m+41.123s" for hours).
func rawCount(value int64, s string) int64 {
	s = strings.TrimSpace(s)
	end := 0
	for end < len(s) && end < 18 && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	if end > 0 {
		if n, err := strconv.ParseInt(s[:end], 10, 64); err == nil {
			return n
		}
	}
	return value & 0xFFFFFFFF
}

func judgeSmart(j *smartctlJSON) Health {
	h := Health{Verdict: "good"}
	failing, worn := []Note{}, []Note{}
	if j.Smartctl != nil && j.Smartctl.ExitStatus != nil {
		h.SmartctlExitStatus = *j.Smartctl.ExitStatus
	}
	if j.SmartStatus != nil && j.SmartStatus.Passed != nil {
		p := *j.SmartStatus.Passed
		h.SmartPassed = &p
		if !p {
			failing = append(failing, note("probe.smart.failed_status"))
		}
	}
	ex := h.SmartctlExitStatus
	if ex&(1<<3) != 0 && (h.SmartPassed == nil || *h.SmartPassed) {
		failing = append(failing, note("probe.smart.failed_status"))
	}
	if ex&(1<<4) != 0 {
		failing = append(failing, note("probe.smart.prefail_now"))
	}
	if ex&(1<<5) != 0 {
		worn = append(worn, note("probe.smart.prefail_past"))
	}
	if ex&(1<<6) != 0 {
		worn = append(worn, note("probe.smart.errorlog"))
	}
	if ex&(1<<7) != 0 {
		failing = append(failing, note("probe.smart.selftest"))
	}
	if j.PowerOnTime != nil {
		h.PowerOnHours = j.PowerOnTime.Hours
	}
	if j.ATAAttributes != nil {
		for _, a := range j.ATAAttributes.Table {
			n := rawCount(a.Raw.Value, a.Raw.String)
			switch a.ID {
			case 5:
				h.Reallocated = n
			case 9:
				if h.PowerOnHours == 0 {
					h.PowerOnHours = n
				}
			case 197:
				h.Pending = n
			case 198:
				h.Uncorrectable = n
			}
			switch a.WhenFailed {
			case "now":
				failing = append(failing, note("probe.smart.attr_now", a.ID, a.Name))
			case "past":
				worn = append(worn, note("probe.smart.attr_past", a.ID, a.Name))
			}
		}
	}
	if j.SCSIGrownDefects != nil {
		h.Reallocated = *j.SCSIGrownDefects
	}
	if h.Pending > 0 {
		failing = append(failing, note("probe.smart.pending", h.Pending))
	}
	if h.Uncorrectable > 0 {
		failing = append(failing, note("probe.smart.uncorrectable", h.Uncorrectable))
	}
	if h.Reallocated > 0 {
		worn = append(worn, note("probe.smart.reallocated", h.Reallocated))
	}
	if n := j.NVMeLog; n != nil {
		h.NVMePercentUsed, h.NVMeAvailableSpare, h.NVMeMediaErrors = n.PercentageUsed, n.AvailableSpare, n.MediaErrors
		if h.PowerOnHours == 0 {
			h.PowerOnHours = n.PowerOnHours
		}
		if n.CriticalWarning != 0 {
			failing = append(failing, note("probe.smart.nvme_critical", n.CriticalWarning))
		}
		if n.AvailableSpare != nil && *n.AvailableSpare < n.AvailableSpareThreshold {
			failing = append(failing, note("probe.smart.nvme_spare", *n.AvailableSpare, n.AvailableSpareThreshold))
		}
		if n.MediaErrors > 0 {
			failing = append(failing, note("probe.smart.nvme_media", n.MediaErrors))
		}
		if n.PercentageUsed != nil {
			switch {
			case *n.PercentageUsed >= 100:
				failing = append(failing, note("probe.smart.nvme_used", *n.PercentageUsed))
			case *n.PercentageUsed >= wornNVMePercent:
				worn = append(worn, note("probe.smart.nvme_used", *n.PercentageUsed))
			}
		}
	}
	if h.PowerOnHours >= wornPowerOnHours {
		worn = append(worn, note("probe.smart.hours", h.PowerOnHours))
	}
	noData := h.SmartPassed == nil && j.ATAAttributes == nil && j.NVMeLog == nil && j.SCSIGrownDefects == nil
	switch {
	case len(failing) > 0:
		h.Verdict, h.Reasons = "failing", append(failing, worn...)
	case len(worn) > 0:
		h.Verdict, h.Reasons = "worn", worn
	case noData:
		h.Verdict = Unknown
		if ex&(1<<1) != 0 {
			h.Reasons = []Note{note("probe.smart.open_failed")}
		} else {
			h.Reasons = []Note{note("probe.smart.nodata")}
		}
	}
	return h
}
