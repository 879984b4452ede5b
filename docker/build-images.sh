#!/usr/bin/env bash
# Builds the three images of the stack from the built tree (./mvnw -DskipTests package first):
# persona-studio (node), persona-studio-postgres (database and backups), persona-studio-lb.
# Base images: the official ones, unless JRE_IMAGE / POSTGRES_IMAGE / HAPROXY_IMAGE say otherwise
# (docker/local-images.sh prints stand-ins built from Debian's packages). TAG: image tag (latest).
set -euo pipefail
cd "$(dirname "$0")/.."
tag=${TAG:-latest}
for artifact in launcher/target/persona-studio-launcher.jar web-module/target/persona-studio.war \
  ml-module/target/persona-ml.jar launcher/target/runtime/payara-micro.jar; do
  [ -f "$artifact" ] || { echo "build-images: $artifact is missing: run ./mvnw -B -DskipTests package" >&2; exit 1; }
done
build() { docker build -q --network host "$@" 2>&1 | grep -v -e DEPRECATED -e buildx -e 'docs.docker.com' -e '^ *$' || true; }
build -t "persona-studio:$tag" --build-arg "JRE_IMAGE=${JRE_IMAGE:-eclipse-temurin:17-jre}" -f docker/Dockerfile .
build -t "persona-studio-postgres:$tag" --build-arg "POSTGRES_IMAGE=${POSTGRES_IMAGE:-postgres:15}" -f docker/postgres/Dockerfile docker
build -t "persona-studio-lb:$tag" --build-arg "HAPROXY_IMAGE=${HAPROXY_IMAGE:-haproxy:2.8}" -f docker/lb/Dockerfile docker
for image in persona-studio persona-studio-postgres persona-studio-lb; do
  docker image inspect "$image:$tag" >/dev/null || { echo "build-images: $image:$tag was not built" >&2; exit 1; }
done
echo "build-images: persona-studio, persona-studio-postgres, persona-studio-lb :$tag"
