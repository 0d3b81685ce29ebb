package i18n

import (
	"fmt"
	"time"
)

// DateIn is Date in a given time zone: documents print the association's
// local time (Europe/Paris) whatever the bench's clock is set to.
func (l Lang) DateIn(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	if l == FR {
		d := fmt.Sprint(t.Day())
		if t.Day() == 1 {
			d = "1er"
		}
		return fmt.Sprintf("%s %s %d", d, frMonths[t.Month()-1], t.Year())
	}
	return fmt.Sprintf("%d %s %d", t.Day(), t.Month(), t.Year())
}

// DateTimeIn is DateTime in a given time zone.
func (l Lang) DateTimeIn(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	if l == FR {
		return fmt.Sprintf("%s à %02dh%02d", l.DateIn(t, loc), t.Hour(), t.Minute())
	}
	return fmt.Sprintf("%s at %02d:%02d", l.DateIn(t, loc), t.Hour(), t.Minute())
}

// MonthIn is "novembre 2026" or "November 2026".
func (l Lang) MonthIn(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	if l == FR {
		return fmt.Sprintf("%s %d", frMonths[t.Month()-1], t.Year())
	}
	return fmt.Sprintf("%s %d", t.Month(), t.Year())
}
