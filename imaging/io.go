// Package imaging finds block devices, decides which ones atelier may write
// (the safety guard), and holds the low-level I/O the wipe and deploy engines
// share.
package imaging

import (
	"errors"
	"fmt"
	"os"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Alignment is the buffer and offset alignment O_DIRECT needs on every disk
// atelier meets (512-byte and 4Kn sectors alike).
const Alignment = 4096

// OpenWrite opens path for writing, with O_DIRECT when direct is true so the
// page cache neither slows the write nor hides an error until later. A block
// device is opened O_EXCL: the kernel then refuses it while it is mounted or
// held by RAID/LVM/dm, a last check under the guard. When the filesystem
// refuses O_DIRECT (ramfs, tmpfs before Linux 6.6, some FUSE filesystems)
// it falls back to buffered I/O; IsDirect tells the caller which one it
// got, and a caller that reads back what it wrote must then DropCache
// first and say so (the wipe certificate does).
func OpenWrite(path string, direct bool) (*os.File, error) {
	flags := os.O_WRONLY
	if st, err := os.Stat(path); err == nil && st.Mode()&os.ModeDevice != 0 && st.Mode()&os.ModeCharDevice == 0 {
		flags |= unix.O_EXCL
	}
	return openMaybeDirect(path, flags, direct)
}

// OpenRead opens path for reading, with O_DIRECT when asked and available,
// so verification reads the medium and not the page cache.
func OpenRead(path string, direct bool) (*os.File, error) {
	return openMaybeDirect(path, os.O_RDONLY, direct)
}

func openMaybeDirect(path string, flags int, direct bool) (*os.File, error) {
	if direct {
		f, err := os.OpenFile(path, flags|unix.O_DIRECT, 0)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, unix.EINVAL) {
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
	}
	f, err := os.OpenFile(path, flags, 0)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return f, nil
}

// DropCache makes the next reads of f come from the medium, not from the
// page cache, for a descriptor without O_DIRECT: it writes back f's dirty
// pages (fsync, so they become clean and can be dropped), evicts the whole
// file's cached pages (posix_fadvise POSIX_FADV_DONTNEED) and, for a block
// device, has the kernel flush its buffer cache too (BLKFLSBUF). Without
// it, a read-back after a buffered write could compare memory with memory
// and never see the disk. A file whose memory is its medium (ramfs, tmpfs)
// keeps its pages: there the cache is the medium.
func DropCache(f *os.File) error {
	if err := f.Sync(); err != nil {
		return fmt.Errorf("drop the page cache of %s: fsync: %w", f.Name(), err)
	}
	if err := unix.Fadvise(int(f.Fd()), 0, 0, unix.FADV_DONTNEED); err != nil {
		return fmt.Errorf("drop the page cache of %s: fadvise: %w", f.Name(), err)
	}
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("drop the page cache of %s: %w", f.Name(), err)
	}
	if st.Mode()&os.ModeDevice != 0 && st.Mode()&os.ModeCharDevice == 0 {
		if _, _, e := unix.Syscall(unix.SYS_IOCTL, f.Fd(), unix.BLKFLSBUF, 0); e != 0 {
			return fmt.Errorf("drop the page cache of %s: BLKFLSBUF: %w", f.Name(), e)
		}
	}
	return nil
}

// IsDirect reports whether f was opened with O_DIRECT.
func IsDirect(f *os.File) bool {
	fl, err := unix.FcntlInt(f.Fd(), unix.F_GETFL, 0)
	return err == nil && fl&unix.O_DIRECT != 0
}

// AlignedBuffer returns n bytes starting on an Alignment boundary, as
// O_DIRECT requires.
func AlignedBuffer(n int) []byte {
	b := make([]byte, n+Alignment)
	off := int(uintptr(unsafe.Pointer(&b[0])) & (Alignment - 1))
	if off != 0 {
		off = Alignment - off
	}
	return b[off : off+n : off+n]
}

// DeviceSize is the size in bytes of a block device (BLKGETSIZE64) or of a
// regular file.
func DeviceSize(f *os.File) (int64, error) {
	st, err := f.Stat()
	if err != nil {
		return 0, fmt.Errorf("size of %s: %w", f.Name(), err)
	}
	if st.Mode()&os.ModeDevice == 0 {
		return st.Size(), nil
	}
	var size uint64
	_, _, e := unix.Syscall(unix.SYS_IOCTL, f.Fd(), unix.BLKGETSIZE64, uintptr(unsafe.Pointer(&size)))
	if e != 0 {
		return 0, fmt.Errorf("size of %s: BLKGETSIZE64: %w", f.Name(), e)
	}
	return int64(size), nil
}

// OpenReadWrite opens a disk for a wipe: written, then read back through
// the same exclusive, direct descriptor.
func OpenReadWrite(path string, direct bool) (*os.File, error) {
	flags := os.O_RDWR
	if st, err := os.Stat(path); err == nil && st.Mode()&os.ModeDevice != 0 && st.Mode()&os.ModeCharDevice == 0 {
		flags |= unix.O_EXCL
	}
	return openMaybeDirect(path, flags, direct)
}

// IsBusy reports whether an open failed because another program holds the
// device exclusively (another wipe or deploy, a mount, RAID/LVM).
func IsBusy(err error) bool { return errors.Is(err, unix.EBUSY) }
