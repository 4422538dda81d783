#!/usr/bin/env python3
"""Expected values of MRGRandomStreamsMultinomialTest: Theano 1.0's MultinomialFromUniform and
ChoiceFromUniform C loops (theano/sandbox/multinomial.py) replayed in Python over the pinned MRG31k3p
uniforms of rng/src/test/resources/theano-reference/samples_MRG31k3p_12_7_5.txt (seed 12345, stream 0:
substream s, k-th draw = line s * 5 + k). A draw of N uniforms on S substreams gives element i =
substream i % S, draw i // S (S = 15360 by default, so element i is substream i's first draw).

Run from the repository root: python3 rng/scripts/mrg_multinomial_reference.py
"""
SAMPLES = [float(x) for x in open("rng/src/test/resources/theano-reference/samples_MRG31k3p_12_7_5.txt")]


def unis(count, streams):
    return [SAMPLES[(i % streams) * 5 + i // streams] for i in range(count)]


def multinomial_from_uniform(pvals, u, n):
    rows, k = len(pvals), len(pvals[0])
    z = [[0] * k for _ in range(rows)]
    for c in range(n):
        for r in range(rows):
            cummul = 0.0
            for m in range(k):
                cummul += pvals[r][m]
                if cummul > u[c * rows + r]:
                    z[r][m] += 1
                    break
    return z


def choice_from_uniform(pvals, u, n):
    p = [list(row) for row in pvals]
    rows, k = len(p), len(p[0])
    z = [[-1] * n for _ in range(rows)]
    for c in range(n):
        for r in range(rows):
            cummul = 0.0
            for m in range(k):
                cummul += p[r][m]
                if cummul > u[c * rows + r]:
                    z[r][c] = m
                    if c == n - 1:
                        break
                    s = cummul - p[r][m]
                    p[r][m] = 0.0
                    for kk in range(m, k):
                        s = s + p[r][kk]
                    for kk in range(k):
                        p[r][kk] = p[r][kk] / s
                    break
    return z


print("multinomial n=3 default streams:", multinomial_from_uniform([[0.2, 0.3, 0.5], [0.6, 0.3, 0.1]], unis(6, 15360), 3))
print("multinomial n=5 on 7 streams:", multinomial_from_uniform([[0.1, 0.1, 0.8], [0.5, 0.25, 0.25], [0.3, 0.3, 0.4]], unis(15, 7), 5))
print("choice size=3 default streams:", choice_from_uniform([[0.1, 0.2, 0.3, 0.4], [0.4, 0.3, 0.2, 0.1]], unis(6, 15360), 3))
print("choice size=4 on 7 streams:", choice_from_uniform([[0.1, 0.2, 0.3, 0.4], [0.25, 0.25, 0.25, 0.25], [0.7, 0.1, 0.1, 0.1]], unis(12, 7), 4))
