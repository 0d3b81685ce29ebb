package inventory

import "testing"

// A volunteer copies the address of a sticker's page as the hub address:
// every QR code would then read /s/s/TOKEN (or /s/OLD/s/TOKEN), a dead
// page on every PC of the batch. The hub's own address is asked for.
func TestHubURLIsNotAStickerPage(t *testing.T) {
	for _, s := range []string{"https://hub.example.org/s/", "https://hub.example.org/s", "https://hub.example.org/s/iuxulaydp5276hdtmxc2s6s4ju", "https://hub.example.org/atelier/S/abc"} {
		if _, err := NormalizeHubURL(s); errKey(err) != "org.huburl.sticker" {
			t.Errorf("%q: %v", s, err)
		}
	}
	for _, s := range []string{"https://hub.example.org/", "https://hub.example.org/atelier", "https://hub.example.org/sites"} {
		if _, err := NormalizeHubURL(s); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
}
