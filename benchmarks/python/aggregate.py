#!/usr/bin/env python3
"""Turns one compare.sh results folder into its markdown report: aggregate.py DIR [--lines].

DIR (kept by compare.sh, whose last line names it) holds
  meta.txt                            `key: value` lines: command, date, machine, thread settings
  info/SYSTEM.txt                     `# info KEY: VALUE` lines of each system (versions, BLAS, ...)
  check/SYSTEM/CASE/ARRAY.txt         the cross-check arrays (one value a line)
  runs/NN-WORKLOAD/SYSTEM.R.txt       the rows of repeat R (SYSTEM~unset: OpenBLAS variables unset)
Prints the header, the cross-check table and one results table: per row the median over the
repeats of each run's in-process median, and the ratios theano4j / peer (> 1: theano4j faster).
A system whose cross-check failed shows ERROR instead of a number in the rows of that case.
--lines prints `NAME theano4j=<m> <unit> reference=<m> <unit> ratio=<x> peer=<best>` rows instead
of the table. Exit status 1 when a cross-check failed or a theano4j run failed.
"""
import glob
import os
import re
import statistics
import sys
from decimal import Decimal

import numpy as np

SYSTEMS = ("theano4j", "numpy", "jax", "torch", "pytensor")
REFERENCE = "numpy"                      # the cross-check compares every system with numpy
TOLERANCE = {"float64": 1e-6, "float32": 1e-5}
HIGHER_IS_FASTER = {"GFLOP/s"}
ROW = re.compile(r"^(\S+) ([\w~]+)=(\S+)(?: (.*))?$")


def fmt(value):
    return format(Decimal(f"{value:.4g}").normalize(), "f")


def read_lines(path):
    try:
        with open(path) as f:
            return f.read().splitlines()
    except FileNotFoundError:
        return []


def check_case(row):
    """The cross-check case that vouches for a result row, or None."""
    for prefix, case in (("logreg", "logreg"), ("first/logreg", "logreg"), ("dgemm/", "dgemm"),
                         ("sgemm/", "sgemm"), ("logistic/", "logistic")):
        if row.startswith(prefix):
            return case
    m = re.match(r"^(?:first/)?mlp/(float\d+)", row)
    return f"mlp_{m.group(1)}" if m else None


def cross_check(directory):
    """{system: {case: None (ok) or why}} and the list of cases, comparing each array with numpy's."""
    ref_dir = os.path.join(directory, "check", REFERENCE)
    cases = sorted(os.listdir(ref_dir)) if os.path.isdir(ref_dir) else []
    result = {}
    for sdir in sorted(glob.glob(os.path.join(directory, "check", "*"))):
        system = os.path.basename(sdir)
        if system == REFERENCE or not os.path.isdir(sdir):
            continue
        result[system] = {case: compare_case(os.path.join(ref_dir, case), os.path.join(sdir, case))
                          for case in cases}
    return result, cases


def compare_case(ref_case, case):
    """(worst normwise relative error, why it fails or None) of one case's arrays."""
    tol = TOLERANCE["float32" if "float32" in ref_case or "sgemm" in ref_case else "float64"]
    worst = 0.0
    for ref_path in sorted(glob.glob(os.path.join(ref_case, "*.txt"))):
        name = os.path.basename(ref_path)[:-4]
        path = os.path.join(case, name + ".txt")
        if not os.path.exists(path):
            return worst, f"no {name}"
        r, a = np.loadtxt(ref_path, ndmin=1), np.loadtxt(path, ndmin=1)
        if a.shape != r.shape:
            return worst, f"{name}: {a.size} values, numpy {r.size}"
        if not np.isfinite(a[np.isfinite(r)]).all():
            return worst, f"{name} not finite"
        err = float(np.max(np.abs(a - r)) / max(float(np.max(np.abs(r))), 1e-300))
        worst = max(worst, err)
        if err > tol:
            return worst, f"{name} off by {err:.1e} (> {tol:g})"
    return worst, None


def read_runs(directory):
    """[(workload, {row: (unit, {system: [values]})}, notes, failures)] in run order."""
    workloads = []
    for wdir in sorted(glob.glob(os.path.join(directory, "runs", "*"))):
        rows, notes, failures = {}, [], []
        for path in sorted(glob.glob(os.path.join(wdir, "*.txt"))):
            system = os.path.basename(path).rsplit(".", 2)[0]
            for line in read_lines(path):
                if line.startswith("# FAILED") or line.startswith("# exit"):
                    failures.append(f"{system}: {line[2:]}")
                if line.startswith("#"):
                    if line not in notes:
                        notes.append(line)
                    continue
                m = ROW.match(line)
                if not m:
                    continue
                name, _, value, unit = m.groups()
                entry = rows.setdefault(name, ["", {}])
                values = entry[1].setdefault(system, [])
                if value != "n/a":
                    values.append(float(value))
                    entry[0] = unit or ""
        workloads.append((os.path.basename(wdir).split("-", 1)[1], rows, notes, failures))
    return workloads


def better(unit):
    return max if unit in HIGHER_IS_FASTER else min


def medians(unit, per_system):
    """{system: (median, variant_won)}: the median over repeats, the faster OpenBLAS variant."""
    out = {}
    for system, values in per_system.items():
        base = system.split("~")[0]
        if not values:
            continue
        m = statistics.median(values)
        if base not in out or better(unit)(m, out[base][0]) == m and m != out[base][0]:
            out[base] = (m, "~" in system)
    return out


def ratio(unit, t, p):
    if not t or not p:
        return None
    return t / p if unit in HIGHER_IS_FASTER else p / t


def header(directory, systems):
    print("## theano4j and its peers (`benchmarks/compare.sh`)\n")
    for line in read_lines(os.path.join(directory, "meta.txt")):
        key, _, value = line.partition(": ")
        print(f"- {key}: {value}")
    for system in systems:
        infos = [line[len("# info "):] for line in read_lines(os.path.join(directory, "info", f"{system}.txt"))
                 if line.startswith("# info ")]
        other = [line for line in read_lines(os.path.join(directory, "info", f"{system}.txt"))
                 if line and not line.startswith("# info ")]
        if infos:
            print(f"- {system}: " + "; ".join(infos))
        elif other:
            print(f"- {system}: no info ({other[-1]})")
    print()


def check_table(checks, cases):
    if not checks:
        print("Cross-check: not run (CHECK=0), or numpy's arrays are missing.\n")
        return
    print(f"Cross-check against numpy from the same data (worst normwise relative error, "
          f"max|a - numpy| / max|numpy| over each case's arrays; float64 <= {TOLERANCE['float64']:g}, "
          f"float32 <= {TOLERANCE['float32']:g}): logreg = w and b after 100 steps, mlp = cost and "
          f"parameters after 10 steps, gemm = the 784x128x500T product, logistic = 1e5 values.\n")
    systems = [s for s in SYSTEMS if s in checks]
    print("| case | " + " | ".join(systems) + " |")
    print("|---|" + "---|" * len(systems))
    for case in cases:
        cells = []
        for s in systems:
            err, why = checks[s][case]
            cells.append(f"**ERROR**: {why}" if why else f"{err:.1e}")
        print(f"| {case} | " + " | ".join(cells) + " |")
    print()


def cell(system, row, value, checks):
    case = check_case(row)
    why = checks.get(system, {}).get(case, (0, None))[1] if case else None
    if why:
        return "ERROR", None
    if value is None:
        return "n/a", None
    m, unset = value
    return fmt(m) + (" (u)" if unset else ""), m


def results_table(workloads, checks, lines):
    present = [s for s in SYSTEMS if any(s in medians(u, v) for _, rows, _, _ in workloads for u, v in rows.values())]
    peers = [s for s in present if s != "theano4j"]
    if not lines:
        print("Medians over the repeats of each run's in-process median; ratios are theano4j over the peer "
              "(> 1: theano4j faster). (u): the faster run had OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset.\n")
        print("| row | unit | " + " | ".join(present) + " | best peer | vs best | "
              + " | ".join(f"vs {p}" for p in peers) + " |")
        print("|---|---|" + "---:|" * len(present) + "---|---:|" + "---:|" * len(peers))
    for _, rows, _, _ in workloads:
        for name, (unit, per_system) in rows.items():
            med = medians(unit, per_system)
            shown = {s: cell(s, name, med.get(s), checks) for s in present}
            t = shown.get("theano4j", ("n/a", None))[1]
            ok = {p: shown[p][1] for p in peers if shown[p][1] is not None}
            best = better(unit)(ok, key=ok.get) if ok else None
            rb = ratio(unit, t, ok.get(best)) if best else None
            if lines:
                print(f"{name} theano4j={shown.get('theano4j', ('n/a',))[0]} {unit} reference="
                      f"{fmt(ok[best]) if best else 'n/a'} {unit} ratio={fmt(rb) if rb else 'n/a'} peer={best or 'n/a'}")
                continue
            vs = [fmt(r) if (r := ratio(unit, t, shown[p][1])) else "" for p in peers]
            print(f"| {name} | {unit} | " + " | ".join(shown[s][0] for s in present)
                  + f" | {best or ''} | {fmt(rb) if rb else ''} | " + " | ".join(vs) + " |")
    print()


def main(argv):
    directory, lines = argv[0], "--lines" in argv[1:]
    checks, cases = cross_check(directory)
    workloads = read_runs(directory)
    systems = [s for s in SYSTEMS if os.path.exists(os.path.join(directory, "info", f"{s}.txt"))]
    if not lines:
        header(directory, systems)
        check_table(checks, cases)
    results_table(workloads, checks, lines)
    notes = [n for _, _, ns, _ in workloads for n in ns if not n.startswith("# info")]
    failures = [f for _, _, _, fs in workloads for f in fs]
    if notes and not lines:
        print("Notes from the runs:\n")
        print("\n".join(f"    {n}" for n in dict.fromkeys(notes)))
        print()
    failed_check = any(why for per in checks.values() for _, why in per.values())
    return 1 if failed_check or any(f.startswith("theano4j") for f in failures) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
