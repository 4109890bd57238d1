# syntax=docker/dockerfile:1
#
# datafog container image: one static binary on distroless, running as
# 65532:65532 with nothing writable but the receipt volume.
#
#   docker build -t datafog:dev .
#   docker run --rm -p 8080:8080 --read-only \
#     -e DATAFOG_API_TOKEN=change-me \
#     -v datafog-data:/var/lib/datafog datafog:dev
#
# There is no HEALTHCHECK: Kubernetes probes GET /health instead
# (deploy/kubernetes/statefulset.yaml).

FROM golang:1.26 AS build
WORKDIR /src
ENV CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-mod=readonly
# go.mod holds only what the binary and its tests use (tools, the manifest
# checks and the bench suite runner have modules of their own); "go build"
# fetches only what the binary imports, into the cache mount.
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -trimpath -buildvcs=false -ldflags="-s -w" -o /out/datafog ./cmd/datafog \
 && mkdir -p /out/data/receipts

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/datafog /datafog
# /var/lib/datafog holds the receipt directory and, unless
# DATAFOG_RECEIPT_KEY_FILE names a mounted secret, the generated receipt key
# beside it (receipts.key). It belongs to the runtime user so a plain
# "docker run" works; with a read-only root filesystem mount a volume here.
COPY --from=build --chown=65532:65532 /out/data /var/lib/datafog
ENV DATAFOG_ADDR=0.0.0.0:8080 \
    DATAFOG_RECEIPT_PATH=/var/lib/datafog/receipts
VOLUME ["/var/lib/datafog"]
USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["/datafog", "serve"]
