# Stand-in for postgres:15 on machines that cannot reach Docker Hub: Debian's PostgreSQL 15 with
# the official image's contract (POSTGRES_USER / _PASSWORD[_FILE] / _DB, PGDATA, the postgres
# user, started as root like the official image, `postgres` as the command).
ARG DEBIAN_IMAGE=persona-local/debian:bookworm
FROM ${DEBIAN_IMAGE}
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15 \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /var/lib/postgresql/data /var/run/postgresql \
 && chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql
ENV PATH=/usr/lib/postgresql/15/bin:$PATH PGDATA=/var/lib/postgresql/data
COPY local/postgres-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["postgres"]
