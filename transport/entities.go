package transport

import (
	"bytes"
	"encoding/json"

	"github.com/valyala/fasthttp"
)

// entities serves GET /v1/entities: every entity type the policy in
// force can report, generated from the detector registry (with the
// policy's dictionary types), as CONTRACT.md describes.
func (c *call) entities() *apiError {
	list := c.pol.Engine.Entities()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(struct {
		PolicyID      string `json:"policy_id"`
		PolicyVersion string `json:"policy_version"`
		Count         int    `json:"count"`
		Entities      any    `json:"entities"`
	}{c.pol.Policy.PolicyID, c.pol.Policy.PolicyVersion, len(list), list})
	if err != nil {
		return errInternal
	}
	c.out = append(c.out[:0], buf.Bytes()...)
	c.sendJSON(fasthttp.StatusOK)
	return nil
}
