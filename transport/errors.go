package transport

import (
	"github.com/valyala/fasthttp"
)

// Error codes of the external contract. Each maps to exactly one HTTP
// status (receipt_error uses 503 when the receipt log is failed or an append
// fails, which is the only way this server produces it). request_timeout
// and overloaded are additions of issue 19, request_headers_too_large of
// issue 18 (see docs/operations.md).
const (
	CodeInvalidRequest      = "invalid_request"
	CodeUnauthorized        = "unauthorized"
	CodeNotFound            = "not_found"
	CodeMethodNotAllowed    = "method_not_allowed"
	CodeIdempotencyConflict = "idempotency_conflict"
	CodeRequestTooLarge     = "request_too_large"
	CodeUnsupportedMedia    = "unsupported_media_type"
	CodeRateLimited         = "rate_limited"
	CodeReceiptError        = "receipt_error"
	CodeInternalError       = "internal_error"
	// CodeRequestTimeout (408): the request's headers, or its body, did
	// not arrive within the read timeouts.
	CodeRequestTimeout = "request_timeout"
	// CodeOverloaded (503, with Retry-After): the server is at its
	// connection or in-flight memory limit; retry later.
	CodeOverloaded = "overloaded"
	// CodeHeadersTooLarge (431): the request line and headers exceed
	// DATAFOG_MAX_HEADER_BYTES (issue 18).
	CodeHeadersTooLarge = "request_headers_too_large"
)

// apiError is an error a handler returns to end the request with a
// contract-shaped error body. Message is always a fixed string chosen by
// this package: it never carries the caller's text, a stack trace or a path.
type apiError struct {
	status  int
	code    string
	message string
}

func (e *apiError) Error() string { return "transport: " + e.code + ": " + e.message }

func errInvalid(msg string) *apiError {
	return &apiError{status: fasthttp.StatusBadRequest, code: CodeInvalidRequest, message: msg}
}

// Preallocated errors for the paths that do not need a specific message.
var (
	errUnauthorized    = &apiError{fasthttp.StatusUnauthorized, CodeUnauthorized, "missing or invalid API token"}
	errNotFound        = &apiError{fasthttp.StatusNotFound, CodeNotFound, "endpoint not found"}
	errReceiptNotFound = &apiError{fasthttp.StatusNotFound, CodeNotFound, "receipt not found"}
	errMethod          = &apiError{fasthttp.StatusMethodNotAllowed, CodeMethodNotAllowed, "method not allowed"}
	errConflict        = &apiError{fasthttp.StatusConflict, CodeIdempotencyConflict, "different request payload for the same idempotency key"}
	errTooLarge        = &apiError{fasthttp.StatusRequestEntityTooLarge, CodeRequestTooLarge, "request body exceeds limit"}
	errRatio           = &apiError{fasthttp.StatusRequestEntityTooLarge, CodeRequestTooLarge, "request body exceeds the compression ratio limit"}
	errContentType     = &apiError{fasthttp.StatusUnsupportedMediaType, CodeUnsupportedMedia, "content-type must be application/json"}
	errStreamType      = &apiError{fasthttp.StatusUnsupportedMediaType, CodeUnsupportedMedia, "unsupported content-type for a stream route"}
	errContentEncoding = &apiError{fasthttp.StatusUnsupportedMediaType, CodeUnsupportedMedia, "content-encoding must be identity, gzip or zstd"}
	errRateLimited     = &apiError{fasthttp.StatusTooManyRequests, CodeRateLimited, "rate limit exceeded"}
	errReceiptFailed   = &apiError{fasthttp.StatusServiceUnavailable, CodeReceiptError, "unable to persist receipt"}
	errReceiptRead     = &apiError{fasthttp.StatusInternalServerError, CodeReceiptError, "unable to read receipt"}
	errInternal        = &apiError{fasthttp.StatusInternalServerError, CodeInternalError, "internal server error"}
	errBadJSON         = errInvalid("invalid JSON body")
	errCorruptEncoding = errInvalid("request body is not valid for its content-encoding")
	errTruncatedBody   = errInvalid("request body ended before it was complete")
	errBrokenChunked   = errInvalid("request body's chunked framing is broken or cut short")
	errMalformed       = errInvalid("malformed request")
	errReadTimeout     = &apiError{fasthttp.StatusRequestTimeout, CodeRequestTimeout, "request read timed out"}
	errOverloaded      = &apiError{fasthttp.StatusServiceUnavailable, CodeOverloaded, "server is at capacity; retry later"}
	errTooManyConns    = &apiError{fasthttp.StatusTooManyRequests, CodeRateLimited, "too many connections from this client"}
	errHeaderTooLarge  = &apiError{fasthttp.StatusRequestHeaderFieldsTooLarge, CodeHeadersTooLarge, "request headers exceed limit"}
)

// writeError replaces the response with the contract's error body
// {"error":{"code","message","request_id"}}.
func writeError(ctx *fasthttp.RequestCtx, e *apiError, requestID string) {
	ctx.Response.ResetBody()
	ctx.Response.Header.Del(fasthttp.HeaderContentEncoding)
	ctx.SetStatusCode(e.status)
	ctx.SetContentType(contentTypeJSON)
	var arr [256]byte
	ctx.Response.SetBody(appendErrorBody(arr[:0], e, requestID))
}

// appendErrorBody appends the contract's error body for e.
func appendErrorBody(b []byte, e *apiError, requestID string) []byte {
	b = append(b, `{"error":{"code":`...)
	b = appendJSONString(b, e.code)
	b = append(b, `,"message":`...)
	b = appendJSONString(b, e.message)
	b = append(b, `,"request_id":`...)
	b = appendJSONString(b, requestID)
	return append(b, "}}\n"...)
}
