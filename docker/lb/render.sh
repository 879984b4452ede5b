#!/bin/sh
# Writes HAProxy's configuration for the nodes in PERSONA_LB_NODES ("host:port host:port ...")
# and runs HAProxy in the foreground. PERSONA_LB_BIND / _PORT: where users connect;
# PERSONA_LB_STATS_PORT: the statistics page (/stats, with ;csv for scripts).
set -eu
: "${PERSONA_LB_NODES:?PERSONA_LB_NODES is not set: name the nodes, e.g. node1:8080 node2:8080}"
bind=${PERSONA_LB_BIND:-0.0.0.0}
cfg=/tmp/haproxy.cfg
sed -e "s/@BIND@/$bind/g" -e "s/@PORT@/${PERSONA_LB_PORT:-8080}/g" \
    -e "s/@STATS_PORT@/${PERSONA_LB_STATS_PORT:-8404}/g" \
    /usr/local/etc/haproxy/persona.cfg.template > "$cfg"
i=0
for node in $PERSONA_LB_NODES; do
  i=$((i + 1))
  echo "    server node$i $node check" >> "$cfg"
done
exec haproxy -W -db -f "$cfg"
