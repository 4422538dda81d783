"""Writes examples/src/test/resources/dltut/ortho_weight.txt, the oracle of OrthoWeightTest: for each
size n, u of numpy.linalg.svd(numpy.random.RandomState(n).randn(n, n)) with the sign rule of
sign_svd.py (each column's entry of largest magnitude made positive).

    python3 examples/scripts/dltut/ortho_weight_reference.py

Lines: "n i j u[i, j]" (repr of a float64).
"""
import os

import numpy

from sign_svd import sign_normalised_svd

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "test", "resources", "dltut",
                   "ortho_weight.txt")


def main():
    svd = sign_normalised_svd(numpy.linalg.svd)
    with open(OUT, "w") as out:
        out.write("# numpy %s; written by examples/scripts/dltut/ortho_weight_reference.py\n" % numpy.__version__)
        for n in (1, 2, 3, 5, 16, 32):
            u = svd(numpy.random.RandomState(n).randn(n, n))[0]
            for i in range(n):
                for j in range(n):
                    out.write("%d %d %d %r\n" % (n, i, j, float(u[i, j])))


if __name__ == "__main__":
    main()
