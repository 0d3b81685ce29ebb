package deploy

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"strings"
	"unicode/utf16"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Partition type GUIDs personalisation cares about.
const (
	typeLinuxRootX86_64 = "4f68bce3-e8cd-4db1-96e7-fbcaf984b709"
	typeLinuxRootARM64  = "b921b045-1df0-41c3-af44-4c6f280d3fae"
	typeLinuxData       = "0fc63daf-8483-4772-8e79-3d69d8477de4"
)

// errNoGPT: the disk has no GPT signature (an MBR image, or no table).
var errNoGPT = errors.New("no GPT")

// gptPart is one used entry of a GPT partition array.
type gptPart struct {
	Index       int // 1-based, as sgdisk and the kernel number them
	Type, GUID  string
	First, Last int64 // sectors
	Name        string
}

// gptTable is the primary GPT of a disk.
type gptTable struct {
	DiskGUID   string
	SectorSize int64
	Parts      []gptPart
}

// readGPT reads the primary GPT header and partition array. It only reads:
// changes go through sgdisk and growpart, which know every corner of the
// format.
func readGPT(path string) (*gptTable, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ss := sectorSize(f)
	hdr := make([]byte, 92)
	if _, err := f.ReadAt(hdr, ss); err != nil {
		return nil, fmt.Errorf("read GPT header of %s: %w", path, err)
	}
	if !bytes.Equal(hdr[:8], []byte("EFI PART")) {
		return nil, fmt.Errorf("%s: %w", path, errNoGPT)
	}
	le := binary.LittleEndian
	entLBA := int64(le.Uint64(hdr[72:]))
	count := int64(le.Uint32(hdr[80:]))
	size := int64(le.Uint32(hdr[84:]))
	if size < 128 || size > 4096 || count > 1024 || entLBA < 2 {
		return nil, fmt.Errorf("%s: GPT header is not sane (entries %d of %d bytes at LBA %d)", path, count, size, entLBA)
	}
	arr := make([]byte, count*size)
	if _, err := f.ReadAt(arr, entLBA*ss); err != nil {
		return nil, fmt.Errorf("read GPT entries of %s: %w", path, err)
	}
	t := &gptTable{DiskGUID: guidString(hdr[56:72]), SectorSize: ss}
	for i := int64(0); i < count; i++ {
		e := arr[i*size : (i+1)*size]
		if bytes.Equal(e[:16], make([]byte, 16)) {
			continue
		}
		u16 := make([]uint16, 36)
		for j := range u16 {
			u16[j] = le.Uint16(e[56+2*j:])
		}
		t.Parts = append(t.Parts, gptPart{
			Index: int(i) + 1, Type: guidString(e[0:16]), GUID: guidString(e[16:32]),
			First: int64(le.Uint64(e[32:])), Last: int64(le.Uint64(e[40:])),
			Name: strings.TrimRight(string(utf16.Decode(u16)), "\x00"),
		})
	}
	return t, nil
}

// last is the partition that ends furthest on the disk (the one to grow).
func (t *gptTable) last() (gptPart, bool) {
	var best gptPart
	for _, p := range t.Parts {
		if p.Last > best.Last {
			best = p
		}
	}
	return best, best.Index != 0
}

// guidString formats a GPT GUID: the first three fields are little-endian.
func guidString(b []byte) string {
	return fmt.Sprintf("%08x-%04x-%04x-%x-%x", binary.LittleEndian.Uint32(b[0:]),
		binary.LittleEndian.Uint16(b[4:]), binary.LittleEndian.Uint16(b[6:]), b[8:10], b[10:16])
}

// sectorSize is the logical sector size of a block device, 512 for a file.
func sectorSize(f *os.File) int64 {
	var ss int32
	_, _, e := unix.Syscall(unix.SYS_IOCTL, f.Fd(), unix.BLKSSZGET, uintptr(unsafe.Pointer(&ss)))
	if e != 0 || ss <= 0 {
		return 512
	}
	return int64(ss)
}

// partPath names partition n of disk: sda -> sda2, nvme0n1 -> nvme0n1p2,
// loop3 -> loop3p2.
func partPath(disk string, n int) string {
	if c := disk[len(disk)-1]; c >= '0' && c <= '9' {
		return fmt.Sprintf("%sp%d", disk, n)
	}
	return fmt.Sprintf("%s%d", disk, n)
}
