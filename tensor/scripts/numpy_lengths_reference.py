#!/usr/bin/env python3
"""Writes the numpy slice and size rules that SlicesTest and SizeRuleTest replay.

Regenerate (numpy 2.4.6 was used) from the repository root with:
    python3 tensor/scripts/numpy_lengths_reference.py

slices.txt, one line per case: ``n start stop step|length start stop`` (None for a default part).
The length and the first index come from numpy itself: the slice is applied to a fake int8 array
of length n (as_strided over one byte, so nothing is allocated or read) and the view's length and
data offset are read back; the adjusted stop is Python's slice.indices (the same clamping).

sizes.txt, one line per case: ``dtype d0,d1,...|ok size`` or ``dtype shape|error message``: whether
numpy accepts an array (a zero-stride view, so nothing is allocated) of that shape.
"""
import itertools
import pathlib
import random
import sys

import numpy as np
from numpy.lib.stride_tricks import as_strided

MAX = 2**63 - 1
MIN = -(2**63)
OUT = pathlib.Path(__file__).resolve().parent.parent / "src/test/resources/numpy-reference"


def text(v):
    return "None" if v is None else str(v)


def slice_cases():
    byte = np.zeros(1, np.int8)
    base = byte.__array_interface__["data"][0]
    lines = []
    for n in [0, 1, 5, 2**31 + 5, MAX]:
        bounds = [None] + [b for b in dict.fromkeys([0, 1, -1, n - 1, n, -n - 1, MIN, MAX]) if MIN <= b <= MAX]
        steps = [None, 1, 2, -1, -3, 2**31 + 1, MAX, -MAX, MIN]
        fake = as_strided(byte, shape=(n,), strides=(1,))
        for start, stop, step in itertools.product(bounds, bounds, steps):
            s = slice(start, stop, step)
            v = fake[s]
            length = v.shape[0]
            first = v.__array_interface__["data"][0] - base if length else None
            adj = s.indices(n)
            assert length == len(range(*adj)), (n, s)
            assert first is None or first == adj[0], (n, s)
            lines.append(f"{n} {text(start)} {text(stop)} {text(step)}|{length} {text(first)} {adj[1]}")
    return lines


def size_cases():
    dims = [0, 1, 3, 2**31 + 5, 2**32, 2**59, 2**60, 2**61, 2**62, MAX]
    shapes = [()] + [(d,) for d in dims] + list(itertools.product(dims, repeat=2))
    rng = random.Random(7)
    shapes += rng.sample(list(itertools.product(dims, repeat=3)), 60)
    lines = []
    for dtype in ["int8", "int16", "float32", "float64"]:
        one = np.zeros(1, dtype)
        for shape in shapes:
            try:
                a = as_strided(one, shape=shape, strides=(0,) * len(shape))
                result = f"ok {a.size}"
            except ValueError as e:
                result = f"error {e}"
            lines.append(f"{dtype} {','.join(map(str, shape))}|{result}")
    return lines


def main():
    print("numpy", np.__version__, file=sys.stderr)
    (OUT / "slices.txt").write_text("\n".join(slice_cases()) + "\n")
    (OUT / "sizes.txt").write_text("\n".join(size_cases()) + "\n")


if __name__ == "__main__":
    main()
