#!/usr/bin/env python3
"""Runs one workload on one peer: run.py PEER NAME [rounds] [key=value...].

PEER: numpy jax torch pytensor. NAME: a workload of workloads.py, or all (every one but check, info
and the first-use ones). Prints `NAME PEER=<median> <unit>` rows (`PEER=n/a (why)` where the peer
has no counterpart) and `# ...` notes, as org.theano4j.bench.Workloads prints `theano4j=` rows.
"""
import importlib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402
import workloads  # noqa: E402

PEERS = ("numpy", "jax", "torch", "pytensor")


def main(argv):
    if len(argv) < 2 or argv[0] not in PEERS or (argv[1] not in workloads.WORKLOADS and argv[1] != "all"):
        sys.exit(f"usage: run.py PEER NAME [rounds] [key=value...]; PEER one of {PEERS}, "
                 f"NAME one of {list(workloads.WORKLOADS)} or all")
    peer = importlib.import_module(f"peers.{argv[0]}_")
    has_rounds = len(argv) > 2 and "=" not in argv[2]
    rounds = int(argv[2]) if has_rounds else 5
    options = dict(w.split("=", 1) for w in argv[3 if has_rounds else 2:])
    bench, out = common.Bench(rounds, options), common.Out(peer.NAME)
    names = [n for n in workloads.WORKLOADS if n not in workloads.NOT_IN_ALL] if argv[1] == "all" else [argv[1]]
    for name in names:
        workloads.WORKLOADS[name](peer, bench, out)


if __name__ == "__main__":
    main(sys.argv[1:])
