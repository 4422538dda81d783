"""Generates scalar_cases.txt: numpy's value of every scalar function at edge values, per dtype.

Run from the repository root:  python3 symbolic/src/test/python/gen_scalar_cases.py
Read by ScalarSemanticsTest (the reference) and vector-cpu's NumpyScalarCasesTest (the kernels).
One case per line:  OP DTYPE A [B [C]] RESULT
  OP      a ScalarOp name (ADD, INT_DIV, ...) or CAST_<DTYPE> (a conversion of A to that dtype)
  DTYPE   the operands' dtype
  values  integers and bools in decimal (uint64 unsigned), floats as the hex of their bits
          (16 digits for float64, 8 for float32); RESULT is ERR where numpy raises.
Integer rows are computed on arrays (numpy's array loops, not its scalar paths). float maximum and
minimum rows come from arrays of 96 elements (SIMD loops); the generator checks one-element arrays
agree. clip rows use numpy's loop for scalar bounds (np.clip(array, lo, hi)), its common case.
"""
import itertools
import os
import random
import warnings

import numpy as np

warnings.simplefilter('ignore')
INTS = ['int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64']
BINARY_INT = {
    'ADD': np.add, 'SUB': np.subtract, 'MUL': np.multiply, 'INT_DIV': np.floor_divide, 'MOD': np.remainder,
    'MAXIMUM': np.maximum, 'MINIMUM': np.minimum, 'GT': np.greater, 'GE': np.greater_equal, 'LT': np.less,
    'LE': np.less_equal, 'EQ': np.equal, 'NEQ': np.not_equal, 'AND': np.bitwise_and, 'OR': np.bitwise_or,
    'XOR': np.bitwise_xor,
}
UNARY_INT = {'NEG': np.negative, 'ABS': np.absolute, 'SIGN': np.sign, 'NOT': np.invert, 'SQR': np.square}
BOOL_BINARY = ['ADD', 'MUL', 'MAXIMUM', 'MINIMUM', 'GT', 'GE', 'LT', 'LE', 'EQ', 'NEQ', 'AND', 'OR', 'XOR']
SPECIAL = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, -3.0, 1.5, np.inf, -np.inf, np.nan]


def edges(dtype):
    info = np.iinfo(dtype)
    vals = {info.min, info.min + 1, -2, -1, 0, 1, 2, 7, info.max - 1, info.max}
    if info.bits == 64:
        vals |= {2**53 - 1, 2**53 + 1, 2**60 + 1, -(2**60) - 3}
    if dtype == 'uint64':
        vals |= {2**63, 2**63 + 5, 2**64 - 3}
    return sorted(v for v in vals if info.min <= v <= info.max)


def fmt(v, dtype):
    dt = np.dtype(dtype)
    if dt.kind == 'f':
        return format(int(np.array([v], dtype=dt).view(np.uint64 if dt.itemsize == 8 else np.uint32)[0]),
                      '016x' if dt.itemsize == 8 else '08x')
    return str(int(v))


def rows_int():
    out = []
    for d in INTS:
        e = np.array(edges(d), dtype=d)
        a, b = (np.array(x, dtype=d) for x in zip(*itertools.product(e, e)))
        for op, f in BINARY_INT.items():
            out += [(op, d, (x, y), r) for x, y, r in zip(a, b, f(a, b))]
        for op, f in UNARY_INT.items():
            out += [(op, d, (x,), r) for x, r in zip(e, f(e))]
        exps = np.array([0, 1, 2, 3, 5, 31, 63] + ([2**63 + 1] if d == 'uint64' else []), dtype=d)
        a, b = (np.array(x, dtype=d) for x in zip(*itertools.product(e, exps)))
        out += [('POW', d, (x, y), r) for x, y, r in zip(a, b, np.power(a, b))]
        if np.iinfo(d).min < 0:
            try:
                np.power(np.array([1, 2], dtype=d), np.array([0, -1], dtype=d))
                raise AssertionError('numpy allowed a negative integer power')
            except ValueError:
                out += [('POW', d, (x, np.array(-1, dtype=d)), 'ERR') for x in e[:3]]
        lohi = [(e[1], e[-2]), (e[-2], e[1]), (np.array(0, dtype=d), np.array(7, dtype=d))]
        for lo, hi in lohi:
            out += [('CLIP', d, (x, lo, hi), r) for x, r in zip(e, np.clip(e, lo, hi))]
    e = np.array([False, True])
    a, b = (np.array(x) for x in zip(*itertools.product(e, e)))
    for op in BOOL_BINARY:
        out += [(op, 'bool', (x, y), r) for x, y, r in zip(a, b, BINARY_INT.get(op, np.add)(a, b))]
    out += [('NOT', 'bool', (x,), r) for x, r in zip(e, np.invert(e))]
    return out


def rows_float():
    out = []
    for d in ['float64', 'float32']:
        s = np.array(SPECIAL, dtype=d)
        a, b = (np.array(x, dtype=d) for x in zip(*itertools.product(s, s)))
        for op, f in [('POW', np.power), ('MAXIMUM', np.maximum), ('MINIMUM', np.minimum),
                      ('INT_DIV', np.floor_divide), ('MOD', np.remainder)]:
            long_a, long_b = np.tile(a, 96 // len(a) + 1), np.tile(b, 96 // len(b) + 1)
            r = f(long_a, long_b)[:len(a)]
            short = np.array([f(a[i:i + 1], b[i:i + 1])[0] for i in range(len(a))], dtype=d)
            assert np.array_equal(r, short, equal_nan=True), op + ': SIMD and scalar loops differ'
            if op in ('MAXIMUM', 'MINIMUM'):
                assert np.array_equal(np.signbit(r), np.signbit(short)), op + ': SIMD and scalar loops differ'
            out += [(op, d, (x, y), v) for x, y, v in zip(a, b, r)]
        z = np.array([0.0, -0.0, np.nan, 1.0, -1.0], dtype=d)
        for x, lo, hi in itertools.product(z, z, z):
            out.append(('CLIP', d, (x, lo, hi), np.clip(np.full(96, x, dtype=d), lo, hi)[0]))
    return out


def rows_cast():
    rnd = random.Random(7)
    out = []
    for d in ['int64', 'uint64', 'int32', 'uint32']:
        info = np.iinfo(d)
        vals = set(edges(d))
        for _ in range(300):
            bits = rnd.randint(20, info.bits)
            v = rnd.getrandbits(bits) | 1 << (bits - 1) | (1 << max(0, bits - 26) if rnd.random() < 0.5 else 0)
            vals.add(v if info.min == 0 or rnd.random() < 0.5 else -v)
        e = np.array(sorted(v for v in vals if info.min <= v <= info.max), dtype=d)
        for to in ['float32', 'float64']:
            out += [('CAST_' + to.upper(), d, (x,), r) for x, r in zip(e, e.astype(to))]
    return out


def main():
    lines = []
    for op, d, args, r in rows_int() + rows_float() + rows_cast():
        result_dtype = op[5:].lower() if op.startswith('CAST_') else d
        res = r if isinstance(r, str) else fmt(r, np.asarray(r).dtype if np.asarray(r).dtype.kind == 'b' else result_dtype)
        lines.append(' '.join([op, d] + [fmt(x, d) for x in args] + [res]))
    path = os.path.join('symbolic', 'src', 'test', 'resources', 'org', 'theano4j', 'op', 'scalar_cases.txt')
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write('# Generated by symbolic/src/test/python/gen_scalar_cases.py with numpy %s; do not edit.\n' % np.__version__)
        f.write('\n'.join(lines) + '\n')
    print(len(lines), 'cases')


if __name__ == '__main__':
    main()
