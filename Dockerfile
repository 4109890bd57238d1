# syntax=docker/dockerfile:1
#
# datafog container image: one static binary on distroless, running as
# 65532:65532 with nothing writable but the receipt volume.
#
#   docker build -t datafog:dev \
#     --build-arg VERSION="$(git describe --tags --always --dirty)" \
#     --build-arg COMMIT="$(git rev-parse HEAD)" \
#     --build-arg DATE="$(date -u +%Y-%m-%dT%H:%M:%SZ)" .
#   docker run --rm -p 8080:8080 --read-only \
#     -e DATAFOG_API_TOKEN=change-me \
#     -v datafog-data:/var/lib/datafog datafog:dev
#
# There is no HEALTHCHECK: Kubernetes probes GET /health instead
# (deploy/kubernetes/statefulset.yaml).
#
# Both base images are pinned by digest, so a rebuild uses the same bytes.
# The digests are the multi-architecture index digests of golang:1.26 and
# gcr.io/distroless/static-debian12:nonroot as other projects pinned them
# in 2026 (no registry was reachable where this file was written). To move
# to newer ones, look them up and replace both (docs/operations.md, "The
# container image"):
#   docker buildx imagetools inspect golang:1.26 --format '{{json .Manifest.Digest}}'
#   docker buildx imagetools inspect gcr.io/distroless/static-debian12:nonroot --format '{{json .Manifest.Digest}}'

FROM golang:1.26@sha256:595c7847cff97c9a9e76f015083c481d26078f961c9c8dca3923132f51fe12f1 AS build
WORKDIR /src
ENV CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-mod=readonly
# go.mod holds only what the binary and its tests use (tools, the manifest
# checks and the bench suite runner have modules of their own); "go build"
# fetches only what the binary imports, into the cache mount.
COPY . .
# The build's identity (internal/buildinfo): .git is not in the build
# context, so the version, commit and date come in as build arguments.
ARG VERSION=dev
ARG COMMIT=unknown
ARG DATE=unknown
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -trimpath -buildvcs=false \
      -ldflags="-s -w -X github.com/datafog/datafog-api/internal/buildinfo.version=${VERSION} -X github.com/datafog/datafog-api/internal/buildinfo.commit=${COMMIT} -X github.com/datafog/datafog-api/internal/buildinfo.date=${DATE}" \
      -o /out/datafog ./cmd/datafog \
 && mkdir -p /out/data/receipts

FROM gcr.io/distroless/static-debian12:nonroot@sha256:afa5c872c891853ca7fcf1f12c3edb23f7eeef36189728842dd51042ff57f7ab
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
