#!/usr/bin/env python3
"""Writes the inputs and numpy's results that ComplexOpsTest checks theano4j's complex ops against.

Run from the repository root:  python3 tests/scripts/complex_reference.py
Each line: name, dtype, shape (comma separated), then the C-order values; a complex value is
"re,im" in float.hex, a real one float.hex. Lines named "in:<x>" are the inputs.
"""
import os
import numpy as np

OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'test', 'resources', 'complex', 'reference.txt')


def make(re, im, dtype):
    z = np.empty(re.shape, dtype=dtype)
    z.real = re
    z.imag = im
    return z


def inputs():
    rng = np.random.default_rng(20261203)
    re = rng.normal(0, 2, (3, 4))
    im = rng.normal(0, 2, (3, 4))
    re[0, 0], im[0, 0] = -1.0, 0.0   # on the branch cut of log and sqrt, from above
    re[0, 1], im[0, 1] = -2.5, -0.0  # and from below
    re[1, 2], im[1, 2] = 0.0, 3.0    # purely imaginary
    re[2, 3], im[2, 3] = 0.75, -0.0  # real with a negative zero
    bre = rng.normal(0, 3, 4)
    bim = rng.normal(0, 3, 4)
    bre[1] = 1e-3                    # |im| >> |re|: the other branch of Smith's division
    return {
        'a': make(re, im, np.complex128),
        'b': make(bre, bim, np.complex128),
        'c': make(rng.normal(0, 2, (3, 4)), rng.normal(0, 2, (3, 4)), np.complex64),
        'd': make(rng.normal(0, 2, 4), rng.normal(0, 2, 4), np.complex64),
        'x': rng.normal(0, 2, (3, 4)),
        'y': rng.normal(0, 2, (3, 4)),
        'f': rng.normal(0, 2, 4).astype(np.float32),
        'g': rng.normal(0, 2, 4).astype(np.float32),
        'i': np.array([3, -7, 100000, 0], dtype=np.int32),
        'w': np.array([3, -7, 1000, 2], dtype=np.int16),
        'u': np.array([3, 7, 250, 1], dtype=np.uint8),
    }


def cases(v):
    a, b, c, d, x, y, f, g = (v[k] for k in 'abcdxyfg')
    i, w, u = v['i'], v['w'], v['u']
    return {
        'add_ab': a + b, 'sub_ab': a - b, 'mul_ab': a * b, 'div_ab': a / b, 'div_ba': b / a,
        'neg_a': -a, 'exp_a': np.exp(a), 'log_a': np.log(a), 'sqrt_a': np.sqrt(a),
        'abs_a': np.abs(a), 'angle_a': np.angle(a), 'conj_a': np.conj(a),
        'real_a': np.real(a).copy(), 'imag_a': np.imag(a).copy(), 'complex_xy': make(x, y, np.complex128),
        'complex_fg': make(f, g, np.complex64), 'complex_xf': make(x, np.broadcast_to(f, x.shape), np.complex128),
        'sum_a': np.sum(a), 'sum_a0': np.sum(a, axis=0), 'sum_a1': np.sum(a, axis=1),
        'prod_a': np.prod(a), 'prod_a1': np.prod(a, axis=1), 'mean_a0': np.mean(a, axis=0),
        'add_cd': c + d, 'mul_cd': c * d, 'div_cd': c / d, 'exp_c': np.exp(c), 'log_c': np.log(c),
        'sqrt_c': np.sqrt(c), 'abs_c': np.abs(c), 'angle_c': np.angle(c), 'sum_c1': np.sum(c, axis=1),
        'add_cf': c + f, 'mul_cx': c * x, 'add_ci': c + i, 'mul_cw': c * w, 'div_cu': c / u,
        'sub_ai': a - i, 'div_fc': f / c, 'mul_c_weak': c * 2.5, 'add_a_weak': a + 1,
    }


def text(z):
    flat = np.asarray(z).reshape(-1)
    if np.iscomplexobj(z):
        return ' '.join(float(e.real).hex() + ',' + float(e.imag).hex() for e in flat)
    return ' '.join(float(e).hex() for e in flat)


def line(name, z):
    z = np.asarray(z)
    return '\t'.join([name, str(z.dtype), ','.join(map(str, z.shape)), text(z)])


def main():
    v = inputs()
    with np.errstate(all='ignore'):
        out = cases(v)
    with open(OUT, 'w') as fh:
        fh.write('# written by tests/scripts/complex_reference.py with numpy %s\n' % np.__version__)
        for k, z in v.items():
            fh.write(line('in:' + k, z) + '\n')
        for k, z in out.items():
            fh.write(line(k, z) + '\n')


if __name__ == '__main__':
    main()
