package wipe

import (
	"context"
	"fmt"
	"time"

	"github.com/pcsolidaire/atelier/internal/vocab"
)

// ataPassword is set just before a security erase, which clears it again.
// It only has to be known to us for the minutes the erase lasts.
const ataPassword = "atelier"

// What the drive was told to do, in words, and in the certificate's
// vocabulary.
const (
	detailSecureErase    = "ATA SECURITY ERASE UNIT (normal)"
	detailSecureEraseEnh = "ATA SECURITY ERASE UNIT (enhanced)"
	detailATABlock       = "ATA SANITIZE BLOCK ERASE"
	detailATACrypto      = "ATA SANITIZE CRYPTO SCRAMBLE"
	detailNVMeBlock      = "NVMe SANITIZE BLOCK ERASE"
	detailNVMeCrypto     = "NVMe SANITIZE CRYPTO ERASE"
	detailFormat1        = "NVMe FORMAT (user data erase, SES=1)"
	detailFormat2        = "NVMe FORMAT (cryptographic erase, SES=2)"
)

var detailTechnique = map[string]vocab.Technique{
	detailSecureErase:    vocab.TechniqueATASecureErase,
	detailSecureEraseEnh: vocab.TechniqueATASecureEraseEnhanced,
	detailATABlock:       vocab.TechniqueATASanitizeBlock,
	detailATACrypto:      vocab.TechniqueATASanitizeCrypto,
	detailNVMeBlock:      vocab.TechniqueNVMeSanitizeBlock,
	detailNVMeCrypto:     vocab.TechniqueNVMeSanitizeCrypto,
	detailFormat1:        vocab.TechniqueNVMeFormatUserData,
	detailFormat2:        vocab.TechniqueNVMeFormatCrypto,
}

// firmwareRun drives one firmware erase through the runner. It returns
// what the drive was told to do (for the certificate) and nil once the
// drive reports the erase complete.
type firmwareRun struct {
	r        Runner
	dev      string
	facts    Facts
	poll     time.Duration
	progress func(pct int)
}

func (fw firmwareRun) run(ctx context.Context, technique string) (detail string, err error) {
	switch technique {
	case MethodATASecureErase:
		return fw.ataSecureErase(ctx)
	case MethodATASanitize:
		return fw.ataSanitize(ctx)
	case MethodNVMeSanitize:
		return fw.nvmeSanitize(ctx)
	case MethodNVMeFormat:
		return fw.nvmeFormat(ctx)
	}
	return "", fmt.Errorf("%s is not a firmware technique", technique)
}

// ataSecureErase sets a temporary user password then issues SECURITY ERASE
// UNIT (enhanced when supported). hdparm blocks until the drive is done.
// If the erase fails the password is removed so the drive is not left
// locked for the next person.
func (fw firmwareRun) ataSecureErase(ctx context.Context) (string, error) {
	enhanced := fw.facts.ATA != nil && fw.facts.ATA.Security.EnhancedErase
	if _, err := fw.r.Run(ctx, "hdparm", "--user-master", "u", "--security-set-pass", ataPassword, fw.dev); err != nil {
		return "", err
	}
	flag, detail := "--security-erase", detailSecureErase
	if enhanced {
		flag, detail = "--security-erase-enhanced", detailSecureEraseEnh
	}
	if _, err := fw.r.Run(ctx, "hdparm", "--user-master", "u", flag, ataPassword, fw.dev); err != nil {
		// Best effort: leave the drive unlocked. Use a fresh context, the
		// erase's may be cancelled.
		cctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		fw.r.Run(cctx, "hdparm", "--user-master", "u", "--security-disable", ataPassword, fw.dev)
		return detail, err
	}
	return detail, nil
}

// ataSanitize starts BLOCK ERASE (or CRYPTO SCRAMBLE) and polls the status
// until the drive leaves SD2. A drive that returns straight to SD0 without
// "Completed Without Error" did not sanitize (seen on some SSDs behind
// bridges); that is a failure.
func (fw firmwareRun) ataSanitize(ctx context.Context) (string, error) {
	out, err := fw.r.Run(ctx, "hdparm", "--sanitize-status", fw.dev)
	if err != nil {
		return "", err
	}
	if st, err := ParseSanitizeStatus(string(out)); err == nil && st.Frozen {
		return "", fmt.Errorf("sanitize is %w (SD1)", ErrFrozen)
	}
	flag, detail := "--sanitize-block-erase", detailATABlock
	if s := fw.facts.ATA; s != nil && !s.Sanitize.BlockErase && s.Sanitize.CryptoScramble {
		flag, detail = "--sanitize-crypto-scramble", detailATACrypto
	}
	if _, err := fw.r.Run(ctx, "hdparm", "--yes-i-know-what-i-am-doing", flag, fw.dev); err != nil {
		return detail, err
	}
	for {
		out, err := fw.r.Run(ctx, "hdparm", "--sanitize-status", fw.dev)
		if err != nil {
			return detail, err
		}
		st, err := ParseSanitizeStatus(string(out))
		if err != nil {
			return detail, err
		}
		switch {
		case st.InProgress:
			fw.report(st.Progress)
		case st.Failed:
			return detail, fmt.Errorf("the drive reports the sanitize failed (%s)", st.State)
		case st.Succeeded:
			return detail, nil
		default:
			return detail, fmt.Errorf("the drive is idle (%s) but does not report a completed sanitize", st.State)
		}
		if err := sleep(ctx, fw.poll); err != nil {
			return detail, err
		}
	}
}

// nvmeSanitize starts a block erase (sanact 2) or a crypto erase (sanact 4)
// and polls the sanitize log until it completes.
func (fw firmwareRun) nvmeSanitize(ctx context.Context) (string, error) {
	act, detail := "2", detailNVMeBlock
	if c := fw.facts.NVMe; c != nil && !c.SanitizeBlock() && c.SanitizeCrypto() {
		act, detail = "4", detailNVMeCrypto
	}
	if _, err := fw.r.Run(ctx, "nvme", "sanitize", fw.dev, "--sanact="+act); err != nil {
		return detail, err
	}
	for {
		out, err := fw.r.Run(ctx, "nvme", "sanitize-log", fw.dev, "-o", "json")
		if err != nil {
			return detail, err
		}
		l, err := ParseNvmeSanitizeLog(out)
		if err != nil {
			return detail, err
		}
		switch l.Status {
		case SanitizeInProgress:
			fw.report(l.Percent())
		case SanitizeSucceeded, SanitizeSucceededND:
			return detail, nil
		case SanitizeFailed:
			return detail, fmt.Errorf("the drive reports the sanitize failed")
		default:
			return detail, fmt.Errorf("the sanitize log shows no sanitize (status %d)", l.Status)
		}
		if err := sleep(ctx, fw.poll); err != nil {
			return detail, err
		}
	}
}

// nvmeFormat erases with Format NVM, cryptographic erase (ses=2) when the
// controller supports it, else user-data erase (ses=1). nvme-cli waits for
// completion.
func (fw firmwareRun) nvmeFormat(ctx context.Context) (string, error) {
	ses, detail := "1", detailFormat1
	if c := fw.facts.NVMe; c != nil && c.FormatCrypto() {
		ses, detail = "2", detailFormat2
	}
	_, err := fw.r.Run(ctx, "nvme", "format", fw.dev, "--ses="+ses, "--force")
	return detail, err
}

func (fw firmwareRun) report(pct int) {
	if fw.progress != nil {
		fw.progress(pct)
	}
}

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		d = 5 * time.Second
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
