package transport

import (
	_ "embed" // the OpenAPI document

	"github.com/valyala/fasthttp"
)

// openAPIDocument is the OpenAPI 3.1 description of every route, kept in
// the repository as openapi.json and served at GET /openapi.json.
// openapi_test.go checks that it is valid, that its routes are exactly the
// server's, and that real responses of every route validate against it.
//
//go:embed openapi.json
var openAPIDocument []byte

// OpenAPI returns the OpenAPI document the server serves. The caller must
// not modify it.
func OpenAPI() []byte { return openAPIDocument }

// openAPI serves GET /openapi.json.
func (c *call) openAPI() *apiError {
	c.out = append(c.out[:0], openAPIDocument...)
	c.sendJSON(fasthttp.StatusOK)
	return nil
}
