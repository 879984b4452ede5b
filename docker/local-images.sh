#!/usr/bin/env bash
# Builds, from Debian's packages, stand-ins for the official images the product's Dockerfiles
# start FROM (eclipse-temurin:17-jre, postgres:15, haproxy:2.8), for machines that cannot reach
# Docker Hub. Prints the build arguments that select them. Idempotent: an image already built is
# kept (REBUILD=1 builds again).
set -euo pipefail
cd "$(dirname "$0")"
prefix=persona-local
have() { [ -z "${REBUILD:-}" ] && docker image inspect "$1" >/dev/null 2>&1; }

if ! have $prefix/debian:bookworm; then
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  rootfs=$(mktemp -d)
  trap 'rm -rf "$rootfs"' EXIT
  echo "local-images: debootstrap bookworm from ${mirror:-http://deb.debian.org/debian} (about a minute)" >&2
  debootstrap --variant=minbase --include=ca-certificates,curl bookworm "$rootfs" \
    "${mirror:-http://deb.debian.org/debian}" >/dev/null
  tar -C "$rootfs" -c . | docker import - $prefix/debian:bookworm >/dev/null
fi
for name in temurin:17-jre postgres:15 haproxy:2.8; do
  image=$prefix/$name
  have "$image" && continue
  echo "local-images: building $image" >&2
  docker build -q --network host -t "$image" -f "local/${name%%:*}.Dockerfile" . >/dev/null
done
echo "JRE_IMAGE=$prefix/temurin:17-jre POSTGRES_IMAGE=$prefix/postgres:15 HAPROXY_IMAGE=$prefix/haproxy:2.8"
