package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/imaging/deploy"
	"github.com/pcsolidaire/atelier/internal/fsread"
	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/internal/termui"
	"github.com/pcsolidaire/atelier/inventory"
)

// newImageCmd is the catalogue of OS images the bench deploys.
func newImageCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "image",
		Short:   "Catalogue of OS images to deploy: add, list, verify",
		Example: "  atelier image add zorin-18.1-core.img.zst --os zorin --version 18.1 --edition core\n  atelier image list\n  atelier image verify zorin-18.1-core",
	}
	cmd.AddCommand(newImageAddCmd(g), newImageListCmd(g), newImageVerifyCmd(g))
	return cmd
}

func newImageAddCmd(g *globals) *cobra.Command {
	var img inventory.Image
	var force bool
	cmd := &cobra.Command{
		Use:   "add FILE",
		Short: "Hash an image (file and uncompressed stream) and add it to the catalogue",
		Long: `add reads the image once (raw .img, or .img.zst, .img.xz, .img.gz) and records
the sha256 and size of the file and of the uncompressed image. A bmap next to
the image (bmaptool's rule: FILE.bmap, then dropping one extension at a time,
e.g. zorin.img.zst -> zorin.img.bmap) is found by itself and checked.
A file that is not a whole-disk image (uncompressed size not a multiple of
512 bytes, or neither an MBR nor a GPT signature) is refused unless --force.`,
		Example: "  atelier image add /srv/images/zorin-18.1-core.img.zst --os zorin --version 18.1 --edition core\n  atelier image add master.img --name zorin-lite --bmap master.bmap",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			a, err := g.actor()
			if err != nil {
				return err
			}
			path, err := filepath.Abs(args[0])
			if err != nil {
				return err
			}
			if img.BmapPath != "" {
				if img.BmapPath, err = filepath.Abs(img.BmapPath); err != nil {
					return err
				}
			}
			return g.withLedger(ctx, func(l *inventory.Ledger) error {
				d, err := deploy.DigestImage(ctx, path, img.BmapPath)
				if err != nil {
					return bmapErr(g, err)
				}
				if p := d.DiskProblem(); p != "" {
					reason := g.T("image.notdisk.table")
					if p == "size" {
						reason = g.T("image.notdisk.size", d.ImageBytes)
					}
					if !force {
						return fail(1, g.T("image.notdisk", path, reason))
					}
					fmt.Fprintln(g.stderr, g.T("image.notdisk.forced", path, reason))
				}
				if img.Name == "" {
					img.Name = imageNameOf(path)
				}
				img.Path, img.BmapPath = path, d.Bmap
				img.SizeBytes, img.SHA256 = d.FileBytes, d.FileSHA256
				img.ImageBytes, img.ImageSHA256 = d.ImageBytes, d.ImageSHA256
				if err := l.AddImage(ctx, a, img); err != nil {
					return err
				}
				added, err := l.FindImage(ctx, img.Name)
				if err != nil {
					return err
				}
				if g.json {
					return g.printJSON(added)
				}
				fmt.Fprintln(g.stdout, g.T("image.added", added.Name))
				return g.keyValues(g.stdout, imagePairs(g, added, d.Format))
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&img.Name, "name", "", "catalogue name (default: the file name without .img and compression suffixes)")
	f.StringVar(&img.OS, "os", "", "operating system, e.g. zorin")
	f.StringVar(&img.Version, "version", "", "OS version, e.g. 18.1")
	f.StringVar(&img.Edition, "edition", "", "edition, e.g. core, lite, education")
	f.StringVar(&img.BmapPath, "bmap", "", "bmap file (default: found next to the image)")
	f.BoolVar(&force, "force", false, "add the file even if it does not look like a whole-disk image")
	return cmd
}

// imageNameOf derives a catalogue name: zorin-18.1-core.img.zst ->
// zorin-18.1-core.
func imageNameOf(path string) string {
	n := filepath.Base(path)
	for _, ext := range []string{".zst", ".xz", ".gz", ".img", ".raw"} {
		n = strings.TrimSuffix(n, ext)
	}
	return n
}

func imagePairs(g *globals, im inventory.Image, format deploy.Format) [][2]string {
	bmap := g.T("image.nobmap")
	if im.BmapPath != "" {
		bmap = im.BmapPath
	}
	pairs := [][2]string{
		{g.T("image.h.name"), im.Name},
		{g.T("image.h.path"), im.Path},
	}
	if format != "" {
		pairs = append(pairs, [2]string{g.T("image.h.format"), string(format)})
	}
	return append(pairs,
		[2]string{g.T("image.h.os"), strings.TrimSpace(im.OS + " " + im.Version + " " + im.Edition)},
		[2]string{g.T("image.h.filesize"), fmt.Sprintf("%s (%d)", i18n.Size(im.SizeBytes).In(g.lang()), im.SizeBytes)},
		[2]string{g.T("image.h.imagesize"), fmt.Sprintf("%s (%d)", i18n.Size(im.ImageBytes).In(g.lang()), im.ImageBytes)},
		[2]string{g.T("image.h.sha256"), im.SHA256},
		[2]string{g.T("image.h.imagesha256"), im.ImageSHA256},
		[2]string{g.T("image.h.bmap"), bmap},
	)
}

func newImageListCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:     "list",
		Short:   "List the catalogue",
		Example: "  atelier image list\n  atelier image list --json",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withLedger(cmd.Context(), func(l *inventory.Ledger) error {
				imgs, err := l.Images(cmd.Context())
				if err != nil {
					return err
				}
				if g.json {
					if imgs == nil {
						imgs = []inventory.Image{}
					}
					return g.printJSON(imgs)
				}
				if len(imgs) == 0 {
					fmt.Fprintln(g.stdout, g.T("image.none"))
					return nil
				}
				var rows [][]string
				for _, im := range imgs {
					rows = append(rows, []string{im.Name, strings.TrimSpace(im.OS + " " + im.Version + " " + im.Edition),
						i18n.Size(im.ImageBytes).In(g.lang()), g.T(map[bool]string{true: "yes", false: "no"}[im.BmapPath != ""]),
						g.lang().Date(im.AddedAt)})
				}
				// A header is never wrapped, only cut: the size column (whose
				// French header "taille de l'image" is its widest text) and
				// bmap keep their width, the name and system wrap instead.
				return termui.TableKeeping(g.stdout, []string{g.T("image.h.name"), g.T("image.h.os"), g.T("image.h.imagesize"),
					g.T("image.h.hasbmap"), g.T("image.h.added")}, rows, 2, 3)
			})
		},
	}
}

func newImageVerifyCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "verify NAME",
		Short: "Re-hash an image and compare with the catalogue",
		Long: `verify reads the image file again and compares the sha256 of the file and of
the uncompressed image with what was recorded when it was added. It exits
non-zero when the file changed, is damaged, or is gone.`,
		Example: "  atelier image verify zorin-18.1-core",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			return g.withLedger(ctx, func(l *inventory.Ledger) error {
				im, err := l.FindImage(ctx, args[0])
				if err != nil {
					return err
				}
				d, derr := deploy.DigestImage(ctx, im.Path, im.BmapPath)
				var problems []string
				switch {
				case derr != nil:
					problems = append(problems, bmapErr(g, derr).Error())
				default:
					if d.FileSHA256 != im.SHA256 {
						problems = append(problems, g.T("image.verify.file", d.FileSHA256, im.SHA256))
					}
					if d.ImageSHA256 != im.ImageSHA256 {
						problems = append(problems, g.T("image.verify.stream", d.ImageSHA256, im.ImageSHA256))
					}
				}
				if g.json {
					if err := g.printJSON(map[string]any{"image": im, "ok": len(problems) == 0, "problems": problems,
						"file_sha256": d.FileSHA256, "image_sha256": d.ImageSHA256}); err != nil {
						return err
					}
				} else if len(problems) == 0 {
					fmt.Fprintln(g.stdout, termui.Status(g.stdout, g.T("image.verify.ok", im.Name), "good"))
				}
				if len(problems) > 0 {
					return fail(1, g.T("image.verify.bad", im.Name, strings.Join(problems, "; ")))
				}
				return nil
			})
		},
	}
}

// bmapErr says an unusable bmap in the operator's language.
func bmapErr(g *globals, err error) error {
	var be *deploy.BmapError
	if errors.As(err, &be) {
		return g.lang().Errorf("deploy.bmap.bad", be.Path, fsread.Text(be.Err, g.lang()))
	}
	if fsread.IsRefusal(err) {
		return fail(1, fsread.Text(err, g.lang()))
	}
	return err
}
