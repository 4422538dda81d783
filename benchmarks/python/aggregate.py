#!/usr/bin/env python3
"""Turns one compare.sh results folder into its markdown report: aggregate.py DIR [--lines].

DIR (compare.sh's last line names it) holds
  meta.txt, notes.txt            one `key: value` line each: date, command, machine, threads;
                                 peers skipped, OpenBLAS variants
  info/SYSTEM.txt                `# info KEY: VALUE` lines of each system (versions, BLAS, threads)
  check/SYSTEM.txt               the output of SYSTEM's check run
  check/SYSTEM/CASE/ARRAY.txt    its cross-check arrays, one value a line
  runs/NN-WORKLOAD/SYSTEM.R.txt  the rows of repeat R (SYSTEM~unset: OpenBLAS variables unset)
Prints the header, the cross-check table and one results table: per row the median over the
repeats of each run's in-process median for every system, the best peer, and theano4j's ratio to
it and to each peer (> 1: theano4j faster). A system whose cross-check failed shows ERROR instead
of its numbers in the rows that case vouches for; FAILED marks a run that exited non-zero.
--lines prints `NAME theano4j=<m> <unit> reference=<m> <unit> ratio=<x> peer=<best>` instead.
Exit status 1 when a cross-check failed or a theano4j run failed.
"""
import glob
import os
import re
import statistics
import sys
from decimal import Decimal

import numpy as np

SYSTEMS = ("theano4j", "numpy", "jax", "torch", "pytensor")
REFERENCE = "numpy"  # the cross-check compares every system with numpy
TOLERANCE = {"float64": 1e-6, "float32": 1e-5}
HIGHER_IS_FASTER = {"GFLOP/s"}
ROW = re.compile(r"^(\S+) [\w~]+=(\S+)(?: (.*))?$")
# result-row prefix -> the cross-check case that vouches for it (workloads.check writes the cases)
VOUCHED_BY = (("first/logreg", "logreg"), ("logreg", "logreg"), ("first/mlp/float32", "mlp_float32"),
              ("first/mlp/float64", "mlp_float64"), ("mlp/float32", "mlp_float32"),
              ("mlp/float64", "mlp_float64"), ("dgemm/", "dgemm_784x128x500T"),
              ("sgemm/", "sgemm_784x128x500T"), ("logistic/", "logistic"))


def fmt(value):
    return format(Decimal(f"{value:.4g}").normalize(), "f")


def read_lines(path):
    try:
        with open(path) as f:
            return f.read().splitlines()
    except FileNotFoundError:
        return []


# ---------------------------------------------------------------- the cross-check

def cross_check(directory):
    """({system: {case: (worst error, why it failed or None)}}, cases), each compared with numpy."""
    root = os.path.join(directory, "check")
    ref = os.path.join(root, REFERENCE)
    cases = sorted(os.listdir(ref)) if os.path.isdir(ref) else []
    ran = {os.path.basename(p)[:-4] for p in glob.glob(os.path.join(root, "*.txt"))}
    return {s: {c: compare_case(os.path.join(ref, c), os.path.join(root, s, c)) for c in cases}
            for s in SYSTEMS if s in ran and s != REFERENCE}, cases


def compare_case(ref_case, case):
    """(worst normwise relative error, why the case fails or None) over one case's arrays."""
    name = os.path.basename(ref_case)
    tol = TOLERANCE["float32" if "float32" in name or name.startswith("sgemm") else "float64"]
    worst = 0.0
    for ref_path in sorted(glob.glob(os.path.join(ref_case, "*.txt"))):
        array = os.path.basename(ref_path)[:-4]
        path = os.path.join(case, array + ".txt")
        if not os.path.exists(path):
            return worst, f"no {array} (the check run failed?)"
        r, a = np.loadtxt(ref_path, ndmin=1), np.loadtxt(path, ndmin=1)
        if a.shape != r.shape:
            return worst, f"{array}: {a.size} values, numpy {r.size}"
        if not np.isfinite(a[np.isfinite(r)]).all():
            return worst, f"{array} not finite"
        err = float(np.max(np.abs(a - r)) / max(float(np.max(np.abs(r))), 1e-300))
        worst = max(worst, err)
        if err > tol:
            return worst, f"{array} off by {err:.1e} (> {tol:g})"
    return worst, None


def failed_case(checks, system, row):
    """Why the case vouching for `row` failed for `system`, or None."""
    case = next((c for prefix, c in VOUCHED_BY if row.startswith(prefix)), None)
    return checks.get(system, {}).get(case, (0, None))[1] if case else None


# ---------------------------------------------------------------- the runs

class Workload:
    """The rows of one workload over all systems and repeats, its notes and failed systems."""

    def __init__(self, wdir):
        self.rows = {}         # row -> [unit, {system or system~variant: [values]}]
        self.notes = []
        self.failed = set()    # systems (variants folded) with a run that exited non-zero
        for path in sorted(glob.glob(os.path.join(wdir, "*.txt"))):
            self.read(os.path.basename(path).rsplit(".", 2)[0], read_lines(path))

    def read(self, system, lines):
        for line in lines:
            if line.startswith("#"):
                if line.startswith("# exit") or line.startswith("# FAILED"):
                    self.failed.add(system.split("~")[0])
                if line not in self.notes:
                    self.notes.append(line)
                continue
            m = ROW.match(line)
            if m:
                name, value, unit = m.groups()
                entry = self.rows.setdefault(name, ["", {}])
                values = entry[1].setdefault(system, [])
                if value != "n/a":
                    values.append(float(value))
                    entry[0] = unit or ""


def better(unit):
    return max if unit in HIGHER_IS_FASTER else min


def medians(unit, per_system):
    """{system: (median over repeats, whether the ~unset variant gave it)}: the faster variant counts."""
    out = {}
    for system, values in per_system.items():
        if not values:
            continue
        base, m = system.split("~")[0], statistics.median(values)
        if base not in out or better(unit)(m, out[base][0]) != out[base][0]:
            out[base] = (m, "~" in system)
    return out


def ratio(unit, t, p):
    """theano4j's speed over the peer's (> 1: theano4j faster), or None."""
    if not t or not p:
        return None
    return t / p if unit in HIGHER_IS_FASTER else p / t


def row_cells(workload, name, systems, checks):
    """{system: (text, value or None)} of one row: the median, or ERROR, FAILED, n/a."""
    unit, per_system = workload.rows[name]
    med, cells = medians(unit, per_system), {}
    for s in systems:
        if failed_case(checks, s, name):
            cells[s] = ("ERROR", None)
        elif s in med:
            cells[s] = (fmt(med[s][0]) + (" (u)" if med[s][1] else ""), med[s][0])
        else:
            cells[s] = ("FAILED" if s in workload.failed else "n/a", None)
    return unit, cells


# ---------------------------------------------------------------- the report

def header(directory):
    print("## theano4j and its peers (`benchmarks/compare.sh`)\n")
    for line in read_lines(os.path.join(directory, "meta.txt")) + read_lines(os.path.join(directory, "notes.txt")):
        print(f"- {line}")
    for system in SYSTEMS:
        lines = read_lines(os.path.join(directory, "info", f"{system}.txt"))
        infos = [line[len("# info "):] for line in lines if line.startswith("# info ")]
        if infos:
            print(f"- {system}: " + "; ".join(infos))
    print()


def check_table(checks, cases):
    if not checks or not cases:
        print("Cross-check: not run (CHECK=0), or numpy's check failed.\n")
        return
    print("Cross-check: each system's results from the same data against numpy's, worst normwise relative "
          f"error max|a - numpy| / max|numpy| (float64 <= {TOLERANCE['float64']:g}, float32 <= "
          f"{TOLERANCE['float32']:g}). logreg: w and b after 100 steps; mlp: cost and parameters after 10 "
          "steps; gemm: the 784x128x500T product; logistic: 1e5 values.\n")
    systems = [s for s in SYSTEMS if s in checks]
    print("| case | " + " | ".join(systems) + " |")
    print("|---|" + "---|" * len(systems))
    for case in cases:
        cells = [f"**ERROR**: {why}" if why else f"{err:.1e}" for err, why in (checks[s][case] for s in systems)]
        print(f"| {case} | " + " | ".join(cells) + " |")
    print()


def results(workloads, checks, lines):
    systems = [s for s in SYSTEMS if any(k.split("~")[0] == s for w in workloads for _, per in w.rows.values()
                                         for k in per)]
    peers = [s for s in systems if s != "theano4j"]
    if not lines:
        print("Medians over the repeats of each run's in-process median. Ratios: theano4j over the peer "
              "(> 1: theano4j faster). (u): the faster run had OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset.\n")
        print("| row | unit | " + " | ".join(systems) + " | best peer | vs best | "
              + " | ".join(f"vs {p}" for p in peers) + " |")
        print("|---|---|" + "---:|" * len(systems) + "---|---:|" + "---:|" * len(peers))
    for w in workloads:
        for name in w.rows:
            unit, cells = row_cells(w, name, systems, checks)
            t = cells.get("theano4j", ("n/a", None))[1]
            measured = {p: cells[p][1] for p in peers if cells[p][1] is not None}
            best = better(unit)(measured, key=measured.get) if measured else None
            vs_best = ratio(unit, t, measured.get(best))
            if lines:
                print(f"{name} theano4j={cells.get('theano4j', ('n/a',))[0]} {unit} reference="
                      f"{fmt(measured[best]) if best else 'n/a'} {unit} "
                      f"ratio={fmt(vs_best) if vs_best else 'n/a'} peer={best or 'n/a'}")
                continue
            vs = [fmt(r) if (r := ratio(unit, t, cells[p][1])) else "" for p in peers]
            print(f"| {name} | {unit} | " + " | ".join(cells[s][0] for s in systems)
                  + f" | {best or ''} | {fmt(vs_best) if vs_best else ''} | " + " | ".join(vs) + " |")
    print()


def main(argv):
    if not argv:
        sys.exit("usage: aggregate.py DIR [--lines]")
    directory, lines = argv[0], "--lines" in argv[1:]
    checks, cases = cross_check(directory)
    workloads = [Workload(d) for d in sorted(glob.glob(os.path.join(directory, "runs", "*")))]
    if not lines:
        header(directory)
        check_table(checks, cases)
    results(workloads, checks, lines)
    notes = list(dict.fromkeys(n for w in workloads for n in w.notes))
    if notes and not lines:
        print("Notes from the runs:\n\n" + "\n".join(f"    {n}" for n in notes) + "\n")
    failed_check = any(why for per in checks.values() for _, why in per.values())
    failed_check |= bool(glob.glob(os.path.join(directory, "check", "*.txt"))) and not cases  # numpy's failed
    return 1 if failed_check or any("theano4j" in w.failed for w in workloads) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
