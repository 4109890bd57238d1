package load

import (
	"fmt"
	"net"

	"github.com/valyala/fasthttp"
)

// ServeHandler starts a fasthttp server running h on 127.0.0.1 at an
// ephemeral port, for in-process targets. It returns the base URL
// ("http://127.0.0.1:PORT") and a stop function that shuts the server down
// and waits for open connections to finish. streamBody sets the server's
// StreamRequestBody, which streaming routes need.
func ServeHandler(h fasthttp.RequestHandler, streamBody bool) (baseURL string, stop func() error, err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, fmt.Errorf("load: listen: %w", err)
	}
	srv := &fasthttp.Server{Handler: h, StreamRequestBody: streamBody, NoDefaultServerHeader: true}
	// Serve's error after Shutdown is expected; other failures show up as
	// failed requests.
	go func() { _ = srv.Serve(ln) }()
	stop = func() error {
		err := srv.Shutdown()
		// Shutdown only closes listeners Serve has registered; closing ln
		// as well covers a stop that races the goroutine's start.
		_ = ln.Close()
		return err
	}
	return "http://" + ln.Addr().String(), stop, nil
}
