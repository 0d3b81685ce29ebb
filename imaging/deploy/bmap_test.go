package deploy

import (
	"bytes"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"strings"
	"testing"
)

// exampleImage is 10 blocks of 4096 bytes minus 100 (a partial last block),
// data in blocks 0-1, 4 and 9.
func exampleImage() []byte {
	img := make([]byte, 10*4096-100)
	for _, blk := range []int{0, 1, 4, 9} {
		for i := blk * 4096; i < min((blk+1)*4096, len(img)); i++ {
			img[i] = byte(i*7 + blk)
		}
	}
	return img
}

// makeBmap writes a bmap of img in the given format version the way
// bmaptool lays it out, with correct checksums.
func makeBmap(version string, img []byte) []byte {
	const bs = 4096
	ranges := [][2]int{{0, 1}, {4, 4}, {9, 9}}
	var kind, fileTag, attr string
	newHash := sha256.New
	switch version {
	case "1.3":
		kind, fileTag, attr = "sha1", "BmapFileSHA1", "sha1"
	case "1.4", "2.0":
		kind, fileTag, attr = "sha256", "BmapFileChecksum", "chksum"
	}
	hexLen := 64
	if kind == "sha1" {
		hexLen = 40
	}
	var b strings.Builder
	fmt.Fprintf(&b, "<?xml version=\"1.0\" ?>\n<!-- test bmap -->\n<bmap version=\"%s\">\n", version)
	fmt.Fprintf(&b, "    <ImageSize> %d </ImageSize>\n    <BlockSize> %d </BlockSize>\n", len(img), bs)
	fmt.Fprintf(&b, "    <BlocksCount> %d </BlocksCount>\n    <MappedBlocksCount> 4 </MappedBlocksCount>\n", (len(img)+bs-1)/bs)
	if kind == "sha256" {
		b.WriteString("    <ChecksumType> sha256 </ChecksumType>\n")
	}
	if kind != "" {
		fmt.Fprintf(&b, "    <%s> %s </%s>\n", fileTag, strings.Repeat("0", hexLen), fileTag)
	}
	b.WriteString("    <BlockMap>\n")
	for _, r := range ranges {
		text := fmt.Sprintf("%d-%d", r[0], r[1])
		if r[0] == r[1] {
			text = fmt.Sprint(r[0])
		}
		data := img[r[0]*bs : min((r[1]+1)*bs, len(img))]
		switch kind {
		case "":
			fmt.Fprintf(&b, "        <Range> %s </Range>\n", text)
		case "sha1":
			s := sha1.Sum(data)
			fmt.Fprintf(&b, "        <Range %s=\"%x\"> %s </Range>\n", attr, s, text)
		default:
			s := sha256.Sum256(data)
			fmt.Fprintf(&b, "        <Range %s=\"%x\"> %s </Range>\n", attr, s, text)
		}
	}
	b.WriteString("    </BlockMap>\n</bmap>\n")
	out := []byte(b.String())
	if kind == "" {
		return out
	}
	var sum string
	if kind == "sha1" {
		s := sha1.Sum(out)
		sum = hex.EncodeToString(s[:])
	} else {
		h := newHash()
		h.Write(out)
		sum = hex.EncodeToString(h.Sum(nil))
	}
	return bytes.Replace(out, []byte(strings.Repeat("0", hexLen)), []byte(sum), 1)
}

func TestParseBmapVersions(t *testing.T) {
	img := exampleImage()
	for _, tc := range []struct{ version, kind string }{
		{"1.2", ""}, {"1.3", "sha1"}, {"1.4", "sha256"}, {"2.0", "sha256"},
	} {
		b, err := ParseBmap(makeBmap(tc.version, img))
		if err != nil {
			t.Fatalf("%s: %v", tc.version, err)
		}
		if b.ChecksumType != tc.kind {
			t.Errorf("%s: checksum type %q, want %q", tc.version, b.ChecksumType, tc.kind)
		}
		if len(b.Ranges) != 3 || b.Ranges[1].Label() != "4" || b.Ranges[0].Label() != "0-1" {
			t.Fatalf("%s: ranges %+v", tc.version, b.Ranges)
		}
		// The last block is partial: its range stops at the image end.
		if got := b.End(b.Ranges[2]); got != int64(len(img)) {
			t.Errorf("%s: last range ends at %d, image at %d", tc.version, got, len(img))
		}
		if b.MappedBytes() != 4*4096-100 {
			t.Errorf("%s: mapped %d", tc.version, b.MappedBytes())
		}
		if tc.kind != "" {
			h := b.NewHash()
			h.Write(img[4*4096 : 5*4096])
			if hex.EncodeToString(h.Sum(nil)) != b.Ranges[1].Checksum {
				t.Errorf("%s: range 4 checksum does not cover block 4", tc.version)
			}
		}
	}
}

func TestParseBmapFromBmaptool(t *testing.T) {
	data, err := os.ReadFile("testdata/bmaptool-3.6-v2.0.bmap")
	if err != nil {
		t.Fatal(err)
	}
	b, err := ParseBmap(data)
	if err != nil {
		t.Fatal(err)
	}
	if b.ImageSize != 64<<20 || b.BlockSize != 4096 || b.ChecksumType != "sha256" || b.Ranges[0].First != 0 {
		t.Fatalf("parsed %+v", b)
	}
	var blocks int64
	for _, r := range b.Ranges {
		blocks += r.Last - r.First + 1
	}
	if blocks != b.MappedBlocksCount {
		t.Errorf("ranges cover %d blocks, MappedBlocksCount %d", blocks, b.MappedBlocksCount)
	}
}

// Each broken bmap is refused for its own reason, the one the operator
// reads: a parser that refused everything alike would pass a weaker test.
func TestParseBmapRejects(t *testing.T) {
	good := string(makeBmap("1.2", exampleImage()))
	for name, tc := range map[string]struct{ bmap, why string }{
		"future version":   {strings.Replace(good, `version="1.2"`, `version="3.0"`, 1), "format version 3.0 is newer than 2.x"},
		"blocks count":     {strings.Replace(good, "<BlocksCount> 10 ", "<BlocksCount> 11 ", 1), "BlocksCount says 11"},
		"mapped count":     {strings.Replace(good, "<MappedBlocksCount> 4 ", "<MappedBlocksCount> 5 ", 1), "MappedBlocksCount says 5"},
		"overlap":          {strings.Replace(good, "<Range> 4 </Range>", "<Range> 1-4 </Range>", 1), "range 1-4 overlaps"},
		"past the end":     {strings.Replace(good, "<Range> 9 </Range>", "<Range> 10 </Range>", 1), "range 10 goes past the image's 10 blocks"},
		"reversed":         {strings.Replace(good, "<Range> 0-1 </Range>", "<Range> 1-0 </Range>", 1), `" 1-0 " is not a block range`},
		"negative size":    {strings.Replace(good, "<ImageSize> 40860 ", "<ImageSize> -1 ", 1), `ImageSize "-1" is not a number`},
		"not xml":          {"hello", "not a bmap XML file"},
		"missing checksum": {strings.Replace(string(makeBmap("2.0", exampleImage())), `chksum="`, `other="`, 1), `checksum "" is not a sha256`},
		"md5":              {strings.Replace(string(makeBmap("2.0", exampleImage())), "<ChecksumType> sha256", "<ChecksumType> md5", 1), "checksum type \" md5 \" not supported"},
		"edited sha1 bmap": {strings.Replace(string(makeBmap("1.3", exampleImage())), "<Range sha1", "<Range  sha1", 1), "the file is damaged or edited"},
	} {
		if _, err := ParseBmap([]byte(tc.bmap)); err == nil || !strings.Contains(err.Error(), tc.why) {
			t.Errorf("%s: %v, want a refusal saying %q", name, err, tc.why)
		}
	}
}

func TestFindBmapFollowsBmaptool(t *testing.T) {
	dir := t.TempDir()
	touch := func(n string) string {
		p := dir + "/" + n
		os.WriteFile(p, nil, 0o644)
		return p
	}
	img := touch("zorin-18.1.img.zst")
	if got := FindBmap(img); got != "" {
		t.Fatalf("no bmap yet, found %q", got)
	}
	bare := touch("zorin-18.1.bmap")
	if got := FindBmap(img); got != bare {
		t.Fatalf("found %q, want %q", got, bare)
	}
	inner := touch("zorin-18.1.img.bmap")
	if got := FindBmap(img); got != inner {
		t.Fatalf("found %q, want %q (bmaptool tries the longer name first)", got, inner)
	}
	whole := touch("zorin-18.1.img.zst.bmap")
	if got := FindBmap(img); got != whole {
		t.Fatalf("found %q, want %q", got, whole)
	}
}

func TestSetHostsLine(t *testing.T) {
	for in, want := range map[string]string{
		"127.0.0.1\tlocalhost\n127.0.1.1\tzorin-master\n::1\tip6-localhost\n": "127.0.0.1\tlocalhost\n127.0.1.1\tpcs-26-0042\n::1\tip6-localhost\n",
		"127.0.0.1 localhost\n::1 ip6-localhost\n":                            "127.0.0.1 localhost\n127.0.1.1\tpcs-26-0042\n::1 ip6-localhost\n",
		"": "127.0.1.1\tpcs-26-0042\n",
	} {
		if got := setHostsLine(in, "pcs-26-0042"); got != want {
			t.Errorf("setHostsLine(%q) = %q, want %q", in, got, want)
		}
	}
	if HostnameFor("PCS-26-0042") != "pcs-26-0042" || !ValidHostname("pcs-26-0042") || ValidHostname("-x") || ValidHostname("Bad_Name") {
		t.Error("hostname rules")
	}
}

func FuzzParseBmap(f *testing.F) {
	img := exampleImage()
	for _, v := range []string{"1.2", "1.3", "1.4", "2.0"} {
		f.Add(makeBmap(v, img))
	}
	if data, err := os.ReadFile("testdata/bmaptool-3.6-v2.0.bmap"); err == nil {
		f.Add(data)
	}
	f.Add([]byte(`<bmap version="2.0"><ImageSize>1</ImageSize><BlockSize>1</BlockSize><BlocksCount>1</BlocksCount><MappedBlocksCount>1</MappedBlocksCount><BlockMap><Range>0</Range></BlockMap></bmap>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := ParseBmap(data)
		if err != nil {
			return
		}
		// Whatever it accepts is safe to write from: ranges ascending,
		// inside the image, offsets without overflow.
		prev := int64(-1)
		for _, r := range b.Ranges {
			if r.First <= prev || r.Last < r.First || b.End(r) > b.ImageSize || b.Start(r) < 0 || b.End(r) <= b.Start(r) {
				t.Fatalf("accepted bad range %+v in %+v", r, b)
			}
			prev = r.Last
		}
	})
}

// zstd's own stream checksum is skipped only when the bmap checks every
// byte written: all ranges carry a checksum.
func TestBmapChecksummed(t *testing.T) {
	var none *Bmap
	full := &Bmap{ChecksumType: "sha256", Ranges: []Range{{0, 1, "ab"}, {4, 5, "cd"}}}
	partial := &Bmap{ChecksumType: "sha256", Ranges: []Range{{0, 1, "ab"}, {4, 5, ""}}}
	old := &Bmap{Ranges: []Range{{0, 1, ""}}}
	for _, c := range []struct {
		b    *Bmap
		want bool
	}{{none, false}, {full, true}, {partial, false}, {old, false}} {
		if got := c.b.checksummed(); got != c.want {
			t.Errorf("%+v: checksummed %v, want %v", c.b, got, c.want)
		}
	}
}
