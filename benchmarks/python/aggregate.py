#!/usr/bin/env python3
"""Joins the outputs of one compare.sh workload: aggregate.py DIR REPEATS.

DIR holds java.R, env.R and unset.R (R = 1..REPEATS): lines `NAME side=<value> <unit>` or
`NAME side=n/a (why)`, and comment lines starting with '#'. Prints, per row,
`NAME theano4j=<median> <unit> reference=<median> <unit> ratio=<x>`, where each median is taken
over the repeats, the reference is the faster of the two numpy environments, and ratio > 1
means theano4j is faster. Comment lines are passed through once.
"""
import re
import statistics
import sys
from decimal import Decimal

ROW = re.compile(r"^(\S+) (theano4j|reference)=(\S+)(?: (.*))?$")
HIGHER_IS_FASTER = {"GFLOP/s"}


def fmt(value):
    return format(Decimal(f"{value:.4g}").normalize(), "f")


def read(path, rows, notes):
    """Adds the rows of one run to rows[name] = (values, unit); collects comment lines."""
    try:
        lines = open(path).read().splitlines()
    except FileNotFoundError:
        return
    for line in lines:
        if line.startswith("#"):
            if line not in notes:
                notes.append(line)
            continue
        m = ROW.match(line)
        if not m:
            continue
        name, _, value, unit = m.groups()
        values, _ = rows.setdefault(name, ([], unit or ""))
        if value != "n/a":
            values.append(float(value))
            rows[name] = (values, unit)
        elif not values:
            rows[name] = (values, unit or "")


def median_of(rows, name):
    """(median, unit) of a row, or (None, why) when it was not measured."""
    values, unit = rows.get(name, ([], "(no result)"))
    return (statistics.median(values), unit) if values else (None, unit)


def faster(a, b, unit):
    if a[0] is None:
        return b
    if b[0] is None:
        return a
    better = max if unit in HIGHER_IS_FASTER else min
    return a if better(a[0], b[0]) == a[0] else b


def main(directory, repeats):
    java, env, unset, notes = {}, {}, {}, []
    for r in range(1, repeats + 1):
        read(f"{directory}/java.{r}", java, notes)
        read(f"{directory}/env.{r}", env, notes)
        read(f"{directory}/unset.{r}", unset, notes)
    for line in notes:
        print(line)
    for name in dict.fromkeys(list(java) + list(env)):
        t, tunit = median_of(java, name)
        e, u = median_of(env, name), median_of(unset, name)
        ref, runit = faster(e, u, e[1] if e[0] is not None else u[1])
        left = f"theano4j={fmt(t)} {tunit}" if t is not None else f"theano4j=n/a {tunit}".rstrip()
        right = f"reference={fmt(ref)} {runit}" if ref is not None else f"reference=n/a {runit}".rstrip()
        if t is None or ref is None or t == 0 or ref == 0:
            ratio = "n/a"
        else:
            ratio = fmt(t / ref if tunit in HIGHER_IS_FASTER else ref / t)
        print(f"{name} {left} {right} ratio={ratio}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
