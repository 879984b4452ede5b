# Stand-in for eclipse-temurin:17-jre on machines that cannot reach Docker Hub: Debian's JRE 17
# on the Debian base that local-images.sh makes with debootstrap.
ARG DEBIAN_IMAGE=persona-local/debian:bookworm
FROM ${DEBIAN_IMAGE}
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless \
 && rm -rf /var/lib/apt/lists/*
ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
