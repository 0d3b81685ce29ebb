package hub

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestPlainHTTPOnlyOnLoopback(t *testing.T) {
	for _, c := range []struct {
		cfg  ListenConfig
		want error
	}{
		{ListenConfig{Addr: "127.0.0.1:0"}, nil},
		{ListenConfig{Addr: "[::1]:8080"}, nil},
		{ListenConfig{Addr: "localhost:8080"}, nil},
		{ListenConfig{Addr: "0.0.0.0:8080"}, ErrPlainHTTPOffLoopback},
		{ListenConfig{Addr: ":8080"}, ErrPlainHTTPOffLoopback},
		{ListenConfig{Addr: "192.0.2.1:8080"}, ErrPlainHTTPOffLoopback},
		{ListenConfig{Addr: "0.0.0.0:8080", Insecure: true}, nil},
		{ListenConfig{Addr: "0.0.0.0:8080", TLSCert: "c.pem", TLSKey: "k.pem"}, nil},
		{ListenConfig{Addr: "0.0.0.0:8080", TLSCert: "c.pem"}, ErrHalfTLS},
	} {
		if err := c.cfg.Check(); !errors.Is(err, c.want) {
			t.Errorf("%+v: want %v, got %v", c.cfg, c.want, err)
		}
	}
}

// A request in flight when the hub is told to stop is finished, not cut;
// a new connection after that is refused; Serve returns by itself.
func TestServeStopsCleanly(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	started := make(chan struct{})
	release := make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			close(started)
			<-release
		}
		io.WriteString(w, "done")
	})
	urls := make(chan string, 1)
	served := make(chan error, 1)
	go func() {
		served <- Serve(ctx, ListenConfig{Addr: "127.0.0.1:0", ShutdownGrace: 5 * time.Second}, h, func(u string) { urls <- u })
	}()
	url := <-urls
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Fatalf("url %q", url)
	}
	slow := make(chan string, 1)
	go func() {
		resp, err := http.Get(url + "/slow")
		if err != nil {
			slow <- "error: " + err.Error()
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		slow <- string(b)
	}()
	<-started
	cancel()
	time.Sleep(100 * time.Millisecond) // shutdown has begun
	close(release)
	if got := <-slow; got != "done" {
		t.Fatalf("in-flight request: %q", got)
	}
	select {
	case err := <-served:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after shutdown")
	}
	c := http.Client{Timeout: 2 * time.Second}
	if _, err := c.Get(url + "/"); err == nil {
		t.Fatal("hub still answers after it stopped")
	}
}
