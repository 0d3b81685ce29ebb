package probe

import (
	"strconv"
	"strings"
)

// internalConnectors are the DRM connector types of a built-in panel.
var internalConnectors = []string{"eDP", "LVDS", "DSI", "DPI"}

// gatherDisplay finds the internal panel among /sys/class/drm/cardN-<conn>
// and keeps its largest mode. A desktop has none: that is not a warning.
func (s *source) gatherDisplay(r *Report) {
	for _, name := range s.list("/sys/class/drm") {
		_, conn, ok := strings.Cut(name, "-") // card0-eDP-1 -> eDP-1
		if !ok || !isInternal(conn) {
			continue
		}
		dir := "/sys/class/drm/" + name
		if st := s.readString(dir + "/status"); st != "" && st != "connected" {
			continue
		}
		w, h := largestMode(s.readString(dir + "/modes"))
		if w*h > r.Display.Width*r.Display.Height {
			r.Display = Display{Connector: conn, Width: w, Height: h}
		}
		if w == 0 {
			s.warn("probe.warn.panelmodes", conn)
		}
	}
}

func isInternal(conn string) bool {
	for _, p := range internalConnectors {
		if strings.HasPrefix(conn, p+"-") {
			return true
		}
	}
	return false
}

// largestMode picks the mode with the most pixels from a modes file
// ("1920x1080\n1366x768\n...", sometimes "1920x1080i").
func largestMode(modes string) (int, int) {
	bw, bh := 0, 0
	for _, m := range strings.Fields(modes) {
		ws, hs, ok := strings.Cut(m, "x")
		if !ok {
			continue
		}
		hs = strings.TrimRight(hs, "ip")
		w, err1 := strconv.Atoi(ws)
		h, err2 := strconv.Atoi(hs)
		if err1 == nil && err2 == nil && w*h > bw*bh {
			bw, bh = w, h
		}
	}
	return bw, bh
}
