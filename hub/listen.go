package hub

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// ListenConfig says where and how the hub listens.
type ListenConfig struct {
	Addr              string // host:port; port 0 picks a free one
	TLSCert, TLSKey   string // both or neither
	Insecure          bool   // plain HTTP on a non-loopback address
	ShutdownGrace     time.Duration
	ReadHeaderTimeout time.Duration
}

// Sentinels for the refusals `atelier serve` turns into one-line messages.
var (
	ErrPlainHTTPOffLoopback = errors.New("plain HTTP off loopback")
	ErrHalfTLS              = errors.New("TLS needs both certificate and key")
)

// Check refuses a configuration that would send benches' requests and MDH
// passwords in clear over a network: plain HTTP only on loopback (a
// reverse proxy on the same machine terminates TLS) unless Insecure says
// the operator knows the network is private.
func (c ListenConfig) Check() error {
	if (c.TLSCert == "") != (c.TLSKey == "") {
		return ErrHalfTLS
	}
	if c.TLSCert != "" || c.Insecure {
		return nil
	}
	host, _, err := net.SplitHostPort(c.Addr)
	if err != nil {
		return fmt.Errorf("--listen %q: %w", c.Addr, err)
	}
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return ErrPlainHTTPOffLoopback
	}
	return nil
}

// Serve listens, calls ready with the URL it serves once it accepts
// connections, and serves h until ctx is done; then it stops taking new
// connections, lets requests in flight finish (up to the grace period) and
// returns. A request still running after the grace is cut: its handler sees
// its context cancelled and writes nothing half (handlers write the ledger
// in one transaction).
func Serve(ctx context.Context, c ListenConfig, h http.Handler, ready func(url string)) error {
	if err := c.Check(); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", c.Addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", c.Addr, err)
	}
	scheme := "http"
	if c.TLSCert != "" {
		cert, err := tls.LoadX509KeyPair(c.TLSCert, c.TLSKey)
		if err != nil {
			ln.Close()
			return fmt.Errorf("TLS certificate %s: %w", c.TLSCert, err)
		}
		ln = tls.NewListener(ln, &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12})
		scheme = "https"
	}
	grace := c.ShutdownGrace
	if grace <= 0 {
		grace = 10 * time.Second
	}
	rht := c.ReadHeaderTimeout
	if rht <= 0 {
		rht = 10 * time.Second
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: rht,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	if ready != nil {
		ready(scheme + "://" + ln.Addr().String())
	}
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
