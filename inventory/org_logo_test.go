package inventory

import (
	"bytes"
	"context"
	"encoding/binary"
	"hash/crc32"
	"image/png"
	"testing"
)

// withChunk inserts an ancillary chunk right after a PNG's IHDR.
func withChunk(t *testing.T, p []byte, typ string, data []byte) []byte {
	t.Helper()
	ihdrEnd := 8 + 12 + int(binary.BigEndian.Uint32(p[8:]))
	var c bytes.Buffer
	binary.Write(&c, binary.BigEndian, uint32(len(data)))
	c.WriteString(typ)
	c.Write(data)
	binary.Write(&c, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	return append(append(append([]byte(nil), p[:ihdrEnd]...), c.Bytes()...), p[ihdrEnd:]...)
}

// A logo is kept forever in the org.set event. A PNG's text and EXIF
// chunks carry whatever the tool that made it wrote: an author's name and
// e-mail address, a phone's GPS position. They are dropped at entry; the
// picture itself is kept as it was.
func TestOrgLogoKeepsNoMetadata(t *testing.T) {
	ctx := context.Background()
	l := newLedger(t)
	plain := tinyPNG(t)
	logo := withChunk(t, plain, "tEXt", []byte("Author\x00Jean Dupont jean.dupont@gmail.com 06 12 34 56 78"))
	logo = withChunk(t, logo, "eXIf", []byte("MM\x00*GPS 45.1667N 5.7167E"))
	logo = withChunk(t, logo, "iTXt", []byte("Comment\x00\x00\x00\x00\x00\x1b]52;c;aGk=\x07"))
	if _, err := png.Decode(bytes.NewReader(logo)); err != nil {
		t.Fatalf("test logo: %v", err)
	}
	o, _, err := l.SetOrg(ctx, cam, OrgChange{Name: strp("PC Solidaire"), Address: strp("Échirolles"), Logo: &logo})
	if err != nil {
		t.Fatal(err)
	}
	var payload string
	if err := l.db.QueryRow(`SELECT payload FROM events WHERE kind = ?`, KindOrgSet).Scan(&payload); err != nil {
		t.Fatal(err)
	}
	for _, got := range [][]byte{o.Logo, []byte(payload)} {
		for _, leak := range []string{"Dupont", "GPS", "tEXt", "eXIf", "iTXt", "\x1b]52"} {
			if bytes.Contains(got, []byte(leak)) {
				t.Errorf("the stored logo still holds %q", leak)
			}
		}
	}
	if !bytes.Equal(o.Logo, plain) {
		t.Errorf("the picture changed: %d bytes stored, %d without the metadata", len(o.Logo), len(plain))
	}
}
