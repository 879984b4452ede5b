#!/usr/bin/env python3
"""Renders variants of docker/compose.yml, so that every variant comes from the one file users run.

  render-compose.py [--nodes N] [--host] [--set KEY=VALUE ...] > compose.generated.yml

--nodes N   N nodes instead of three: node1's settings repeated, the member list and the load
            balancer's node list follow.
--host      the variant for machines without bridge networking (this project's development and CI
            machines): every service on the host's network, bound to 127.0.0.1, each on its own
            port (base ports below; --set overrides them), nothing published.
--set K=V   extra environment for every node (e.g. PERSONA_TELEGRAM_TOKEN=123:FAKE).
"""
import argparse
import copy
import pathlib
import re
import sys

import yaml

HOST_PORTS = {"lb": 18080, "node_http": 18081, "node_cluster": 18100, "db": 15432, "stats": 18404}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--nodes", type=int, default=3)
    parser.add_argument("--host", action="store_true")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    for name, port in HOST_PORTS.items():
        parser.add_argument("--" + name.replace("_", "-") + "-port", type=int, default=port)
    args = parser.parse_args()
    source = pathlib.Path(__file__).with_name("compose.yml")
    compose = yaml.safe_load(source.read_text())
    compose = {k: v for k, v in compose.items() if not k.startswith("x-")}
    services = compose["services"]
    template = services["node1"]
    for name in [n for n in services if re.fullmatch(r"node\d+", n)]:
        del services[name]
    for name in [n for n in compose.get("volumes", {}) if re.fullmatch(r"node\d+-data", n)]:
        del compose["volumes"][name]
    nodes = [f"node{i}" for i in range(1, args.nodes + 1)]
    extra = dict(kv.split("=", 1) for kv in args.set)
    for i, name in enumerate(nodes):
        node = copy.deepcopy(template)
        node["hostname"] = name
        node["volumes"] = [f"{name}-data:/var/lib/persona"]
        env = node["environment"]
        env["PERSONA_CLUSTER_MEMBERS"] = ",".join(f"{n}:6900" for n in nodes)
        env.update(extra)
        if args.host:
            http, cluster = args.node_http_port + i, args.node_cluster_port + 10 * i
            env.update(
                PERSONA_BIND_ADDRESS="127.0.0.1",
                PERSONA_HTTP_TRUSTED_PROXIES="127.0.0.1",
                PERSONA_HTTP_PORT=str(http),
                PERSONA_CLUSTER_PORT=str(cluster),
                PERSONA_CLUSTER_MEMBERS=",".join(
                    f"127.0.0.1:{args.node_cluster_port + 10 * j}" for j in range(args.nodes)),
                PERSONA_DB_URL=f"jdbc:postgresql://127.0.0.1:{args.db_port}/persona")
        services[name] = node
        compose.setdefault("volumes", {})[f"{name}-data"] = None
    lb = services["lb"]
    lb["depends_on"] = {n: {"condition": "service_healthy"} for n in nodes}
    lb["environment"]["PERSONA_LB_NODES"] = " ".join(f"{n}:8080" for n in nodes)
    if args.host:
        lb["environment"].update(
            PERSONA_LB_BIND="127.0.0.1",
            PERSONA_LB_PORT=str(args.lb_port),
            PERSONA_LB_STATS_PORT=str(args.stats_port),
            PERSONA_LB_NODES=" ".join(f"127.0.0.1:{args.node_http_port + i}" for i in range(args.nodes)))
        db = services["db"]
        db["command"] = ["postgres", "-c", "listen_addresses=127.0.0.1", "-p", str(args.db_port)]
        db["environment"]["PGPORT"] = str(args.db_port)
        services["backup"]["environment"].update(PGHOST="127.0.0.1", PGPORT=str(args.db_port))
        for service in services.values():
            service.pop("ports", None)
            service.pop("networks", None)
            service.pop("hostname", None)  # Docker refuses a host name on the host's network
            service["network_mode"] = "host"
    sys.stdout.write(f"# Rendered from docker/compose.yml by render-compose.py {' '.join(sys.argv[1:])}; do not edit.\n")
    yaml.safe_dump(compose, sys.stdout, sort_keys=False, default_flow_style=False)


if __name__ == "__main__":
    main()
