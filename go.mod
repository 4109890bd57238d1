module github.com/datafog/datafog-api

go 1.26.0

require (
	github.com/cloudflare/ahocorasick v0.0.0-20240916140611-054963ec9396
	github.com/klauspost/compress v1.20.4
	github.com/valyala/fasthttp v1.79.0
	github.com/valyala/fastjson v1.6.10
	golang.org/x/crypto v0.58.0
)

require (
	github.com/molecule-man/go-brrr v1.3.1 // indirect
	github.com/valyala/bytebufferpool v1.0.0 // indirect
	golang.org/x/sys v0.50.0 // indirect
)
