"""Generates OpCases.java: the forward table of the non-elementwise ops, checked against numpy.

Run from the repository root:  python3 symbolic/src/test/python/gen_op_cases.py
Each case: a name, a Java lambda building the graph from input variables v[0..], the same
computation in numpy over arrays a[0..], and the inputs. Inputs are generated identically on both
sides (see OpEvaluationTest.input): kind 'v' values ((i*7)%11-5)*0.25+(i%3)*0.125 (ints: (i*7)%11-5,
uint: (i*7)%11, bool: (i*7)%11%3==0), kind 'p' probabilities ((i*7)%11+1)/13, or 'lit' literal values;
layout 'c' (C order), 't' (transpose of the reversed shape), 's' (every 2nd element of the last axis),
'r' (last axis reversed).
"""
import math
import os
import warnings

import numpy as np


def base_values(kind, dtype, n):
    i = np.arange(n, dtype=np.int64)
    if kind == 'p':
        return ((i * 7) % 11 + 1) / 13.0
    dt = np.dtype(dtype)
    if dt.kind == 'f':
        return ((i * 7) % 11 - 5) * 0.25 + (i % 3) * 0.125
    if dt.kind == 'u':
        return (i * 7) % 11
    if dt.kind == 'b':
        return ((i * 7) % 11) % 3 == 0
    return (i * 7) % 11 - 5


def make(spec):
    kind, dtype, shape, layout = spec[0], spec[1], tuple(spec[2]), spec[3]
    if kind == 'lit':
        return np.array(spec[4], dtype=dtype).reshape(shape)
    if layout == 'c':
        base_shape = shape
    elif layout == 't':
        base_shape = shape[::-1]
    elif layout == 's':
        base_shape = shape[:-1] + (2 * shape[-1],)
    else:
        base_shape = shape
    n = int(np.prod(base_shape))
    base = base_values(kind, dtype, n).astype(dtype).reshape(base_shape)
    if layout == 't':
        return base.T
    if layout == 's':
        return base[..., ::2]
    if layout == 'r':
        return base[..., ::-1]
    return base


def V(dtype, *shape, layout='c'):
    return ('v', dtype, shape, layout)


def P(dtype, *shape, layout='c'):
    return ('p', dtype, shape, layout)


def L(dtype, shape, values):
    return ('lit', dtype, tuple(shape), 'c', values)


F8, F4, I4, I8, I1, U1, B = 'float64', 'float32', 'int32', 'int64', 'int8', 'uint8', 'bool'
MAX, MIN = 2**63 - 1, -2**63

CASES = [
    # ---- reductions: sum
    ('sum all 0-d', 'T.sum(v[0])', lambda a: np.sum(a[0]), [V(F8)]),
    ('sum all (0,)', 'T.sum(v[0])', lambda a: np.sum(a[0]), [V(F8, 0)]),
    ('sum all (1,)', 'T.sum(v[0])', lambda a: np.sum(a[0]), [V(F8, 1)]),
    ('sum all (7,)', 'T.sum(v[0])', lambda a: np.sum(a[0]), [V(F8, 7)]),
    ('sum all (17,) strided', 'T.sum(v[0])', lambda a: np.sum(a[0]), [V(F8, 17, layout='s')]),
    ('sum all (300,) pairwise', 'T.sum(v[0])', lambda a: np.sum(a[0]), [V(F8, 300)]),
    ('sum axis 0 (3,4)', 'T.sum(v[0], 0)', lambda a: np.sum(a[0], 0), [V(F8, 3, 4)]),
    ('sum axis 1 (3,4) transposed', 'T.sum(v[0], 1)', lambda a: np.sum(a[0], 1), [V(F8, 3, 4, layout='t')]),
    ('sum axis -1 (2,3,4) reversed', 'T.sum(v[0], -1)', lambda a: np.sum(a[0], -1), [V(F8, 2, 3, 4, layout='r')]),
    ('sum axes (0,2) (2,3,4)', 'T.sum(v[0], 0, 2)', lambda a: np.sum(a[0], (0, 2)), [V(F8, 2, 3, 4)]),
    ('sum axes (2,0) (2,3,4) transposed', 'T.sum(v[0], 2, 0)', lambda a: np.sum(a[0], (2, 0)), [V(F8, 2, 3, 4, layout='t')]),
    ('sum no axes', 'T.sum(v[0], new int[0])', lambda a: np.sum(a[0], ()), [V(F8, 2, 3)]),
    ('sum axis 0 of (0,3)', 'T.sum(v[0], 0)', lambda a: np.sum(a[0], 0), [V(F8, 0, 3)]),
    ('sum axis 1 of (0,3)', 'T.sum(v[0], 1)', lambda a: np.sum(a[0], 1), [V(F8, 0, 3)]),
    ('sum float32 (17,)', 'T.sum(v[0])', lambda a: np.sum(a[0]), [V(F4, 17)]),
    ('sum int8 widens', 'T.sum(v[0], 1)', lambda a: np.sum(a[0], 1), [V(I1, 3, 7)]),
    ('sum uint8 widens', 'T.sum(v[0])', lambda a: np.sum(a[0]), [V(U1, 17)]),
    ('sum bool counts', 'T.sum(v[0], 0)', lambda a: np.sum(a[0], 0), [V(B, 7, 2)]),
    ('sum int32 (2,3,4) axis 1', 'T.sum(v[0], 1)', lambda a: np.sum(a[0], 1), [V(I4, 2, 3, 4, layout='t')]),
    ('sum int64 (7,)', 'T.sum(v[0])', lambda a: np.sum(a[0]), [V(I8, 7)]),
    # ---- prod, mean, max, min
    ('prod all (7,)', 'T.prod(v[0])', lambda a: np.prod(a[0]), [V(F8, 7)]),
    ('prod empty', 'T.prod(v[0])', lambda a: np.prod(a[0]), [V(F8, 0)]),
    ('prod axis 0 int32', 'T.prod(v[0], 0)', lambda a: np.prod(a[0], 0), [V(I4, 3, 4)]),
    ('prod axis 1 int16 widens', 'T.prod(v[0], 1)', lambda a: np.prod(a[0], 1), [V('int16', 3, 4, layout='t')]),
    ('mean all (7,)', 'T.mean(v[0])', lambda a: np.mean(a[0]), [V(F8, 7)]),
    ('mean axis 0 (3,4) transposed', 'T.mean(v[0], 0)', lambda a: np.mean(a[0], 0), [V(F8, 3, 4, layout='t')]),
    ('mean axes (-1,-3) (2,3,4)', 'T.mean(v[0], -1, -3)', lambda a: np.mean(a[0], (-1, -3)), [V(F8, 2, 3, 4)]),
    ('mean int32 is float64', 'T.mean(v[0], 1)', lambda a: np.mean(a[0], 1), [V(I4, 3, 7)]),
    ('mean float32 stays', 'T.mean(v[0])', lambda a: np.mean(a[0]), [V(F4, 17)]),
    ('mean empty is nan', 'T.mean(v[0])', lambda a: np.mean(a[0]), [V(F8, 0)]),
    ('max all (17,)', 'T.max(v[0])', lambda a: np.max(a[0]), [V(F8, 17)]),
    ('max axis 1 (3,4) strided', 'T.max(v[0], 1)', lambda a: np.max(a[0], 1), [V(F8, 3, 4, layout='s')]),
    ('max axis 0 of (0,3) is empty', 'T.max(v[0], 1)', lambda a: np.max(a[0], 1), [V(F8, 0, 3)]),
    ('max propagates nan', 'T.max(v[0], 1)', lambda a: np.max(a[0], 1),
     [L(F8, (2, 3), [1.0, float('nan'), 3.0, -1.0, -2.0, -0.5])]),
    ('min all int8', 'T.min(v[0])', lambda a: np.min(a[0]), [V(I1, 7)]),
    ('min axis 0 (2,3,4)', 'T.min(v[0], 0)', lambda a: np.min(a[0], 0), [V(F8, 2, 3, 4, layout='r')]),
    ('min uint8', 'T.min(v[0], 0)', lambda a: np.min(a[0], 0), [V(U1, 7, 3)]),
    ('max bool', 'T.max(v[0], 1)', lambda a: np.max(a[0], 1), [V(B, 3, 2)]),
    ('max float32 (1,)', 'T.max(v[0])', lambda a: np.max(a[0]), [V(F4, 1)]),
    ('var all (7,)', 'T.var(v[0])', lambda a: np.var(a[0]), [V(F8, 7)]),
    ('var axis 1 (3,4)', 'T.var(v[0], 1)', lambda a: np.var(a[0], 1), [V(F8, 3, 4, layout='t')]),
    ('std axis 0 (17,2)', 'T.std(v[0], 0)', lambda a: np.std(a[0], 0), [V(F8, 17, 2)]),
    ('std int32', 'T.std(v[0])', lambda a: np.std(a[0]), [V(I4, 7)]),
    ('argmax flat (3,4)', 'T.argmax(v[0])', lambda a: np.argmax(a[0]), [V(F8, 3, 4, layout='t')]),
    ('argmax axis 0 (3,4)', 'T.argmax(v[0], 0)', lambda a: np.argmax(a[0], 0), [V(F8, 3, 4)]),
    ('argmax axis -1 (2,3,4)', 'T.argmax(v[0], -1)', lambda a: np.argmax(a[0], -1), [V(F8, 2, 3, 4, layout='s')]),
    ('argmin axis 1 (7,17)', 'T.argmin(v[0], 1)', lambda a: np.argmin(a[0], 1), [V(F8, 7, 17)]),
    ('argmin int32 ties', 'T.argmin(v[0])', lambda a: np.argmin(a[0]), [V(I4, 17)]),
    ('argmax nan first', 'T.argmax(v[0], 1)', lambda a: np.argmax(a[0], 1),
     [L(F8, (2, 3), [1.0, float('nan'), 3.0, 5.0, 5.0, -0.5])]),
    ('argmax of (0,3) axis 1', 'T.argmax(v[0], 1)', lambda a: np.argmax(a[0], 1), [V(F8, 0, 3)]),
    # ---- dot
    ('dot v.v', 'T.dot(v[0], v[1])', lambda a: np.dot(a[0], a[1]), [V(F8, 7), V(F8, 7, layout='r')]),
    ('dot empty v.v', 'T.dot(v[0], v[1])', lambda a: np.dot(a[0], a[1]), [V(F8, 0), V(F8, 0)]),
    ('dot M.v', 'T.dot(v[0], v[1])', lambda a: np.dot(a[0], a[1]), [V(F8, 2, 3), V(F8, 3)]),
    ('dot v.M', 'T.dot(v[0], v[1])', lambda a: np.dot(a[0], a[1]), [V(F8, 3), V(F8, 3, 4, layout='t')]),
    ('dot M.M', 'T.dot(v[0], v[1])', lambda a: np.dot(a[0], a[1]), [V(F8, 2, 3, layout='t'), V(F8, 3, 4, layout='s')]),
    ('dot M.M (7,17).(17,1)', 'T.dot(v[0], v[1])', lambda a: np.dot(a[0], a[1]), [V(F8, 7, 17), V(F8, 17, 1)]),
    ('dot M.M inner 0', 'T.dot(v[0], v[1])', lambda a: np.dot(a[0], a[1]), [V(F8, 2, 0), V(F8, 0, 3)]),
    ('dot int32', 'T.dot(v[0], v[1])', lambda a: np.dot(a[0], a[1]), [V(I4, 2, 3), V(I4, 3, 2)]),
    ('dot float32.float64 promotes', 'T.dot(v[0], v[1])', lambda a: np.dot(a[0], a[1]), [V(F4, 2, 3), V(F8, 3)]),
    ('dot float32', 'T.dot(v[0], v[1])', lambda a: np.dot(a[0], a[1]), [V(F4, 3, 17), V(F4, 17, 2)]),
    ('dot scalar.M', 'T.dot(v[0], v[1])', lambda a: np.dot(a[0], a[1]), [V(F8), V(F8, 2, 3)]),
    ('dot 3d.2d', 'T.dot(v[0], v[1])', lambda a: np.dot(a[0], a[1]), [V(F8, 2, 3, 4), V(F8, 4, 5)]),
    ('dot 3d.1d', 'T.dot(v[0], v[1])', lambda a: np.dot(a[0], a[1]), [V(F8, 2, 3, 4, layout='t'), V(F8, 4)]),
    ('dot 2d.3d', 'T.dot(v[0], v[1])', lambda a: np.dot(a[0], a[1]), [V(F8, 2, 3), V(F8, 4, 3, 5)]),
    ('outer', 'T.outer(v[0], v[1])', lambda a: np.outer(a[0], a[1]), [V(F8, 3), V(F8, 4, layout='r')]),
    # ---- shape ops
    ('reshape (2,3,4)->(4,-1)', 'T.reshape(v[0], 4, -1)', lambda a: a[0].reshape(4, -1), [V(F8, 2, 3, 4)]),
    ('reshape transposed copies', 'T.reshape(v[0], -1, 2)', lambda a: a[0].reshape(-1, 2), [V(F8, 3, 4, layout='t')]),
    ('reshape (0,3)->(-1,)', 'T.reshape(v[0], -1)', lambda a: a[0].reshape(-1), [V(F8, 0, 3)]),
    ('reshape to scalar', 'T.reshape(v[0])', lambda a: a[0].reshape(()), [V(F8, 1, 1)]),
    ('flatten strided', 'T.flatten(v[0])', lambda a: a[0].flatten(), [V(I4, 2, 3, layout='s')]),
    ('transpose reverse', 'T.transpose(v[0])', lambda a: a[0].T, [V(F8, 2, 3, 4)]),
    ('transpose perm', 'T.transpose(v[0], 1, -1, 0)', lambda a: np.transpose(a[0], (1, 2, 0)), [V(F8, 2, 3, 4)]),
    ('concatenate axis 0', 'T.concatenate(List.of(v[0], v[1]), 0)', lambda a: np.concatenate([a[0], a[1]], 0),
     [V(F8, 2, 3), V(F8, 1, 3, layout='t')]),
    ('concatenate axis -1 three', 'T.concatenate(List.of(v[0], v[1], v[2]), -1)',
     lambda a: np.concatenate([a[0], a[1], a[2]], -1), [V(F8, 2, 3), V(F8, 2, 0), V(F8, 2, 1, layout='s')]),
    ('concatenate promotes int32+float32', 'T.concatenate(List.of(v[0], v[1]), 0)',
     lambda a: np.concatenate([a[0], a[1]], 0), [V(I4, 2), V(F4, 3)]),
    ('stack axis 0', 'T.stack(List.of(v[0], v[1]), 0)', lambda a: np.stack([a[0], a[1]], 0), [V(F8, 2, 3), V(F8, 2, 3, layout='t')]),
    ('stack axis -1', 'T.stack(List.of(v[0], v[1], v[2]), -1)', lambda a: np.stack([a[0], a[1], a[2]], -1),
     [V(F8, 7), V(F8, 7, layout='r'), V(F8, 7, layout='s')]),
    ('stack scalars', 'T.stack(List.of(v[0], v[1]), 0)', lambda a: np.stack([a[0], a[1]], 0), [V(F8), V(F8)]),
    ('shape', 'T.shape(v[0])', lambda a: np.array(a[0].shape, dtype=np.int64), [V(F8, 2, 0, 3)]),
    ('zerosLike int32', 'T.zerosLike(v[0])', lambda a: np.zeros_like(a[0]), [V(I4, 3, 4)]),
    ('onesLike float32', 'T.onesLike(v[0])', lambda a: np.ones_like(a[0]), [V(F4, 2, 3, layout='t')]),
    ('zeros', 'T.zeros(DType.FLOAT32, 2, 3)', lambda a: np.zeros((2, 3), np.float32), []),
    ('ones int64', 'T.ones(DType.INT64, 4)', lambda a: np.ones(4, np.int64), []),
    ('arange(5)', 'T.arange(5)', lambda a: np.arange(5), []),
    ('arange(2, 11, 3)', 'T.arange(2, 11, 3)', lambda a: np.arange(2, 11, 3), []),
    ('arange(5, 0, -2)', 'T.arange(5, 0, -2)', lambda a: np.arange(5, 0, -2), []),
    ('arange(3, 1, 1) empty', 'T.arange(3, 1, 1)', lambda a: np.arange(3, 1, 1), []),
    ('arange(0, 1, 0.25) float', 'T.arange(0, 1, 0.25)', lambda a: np.arange(0, 1, 0.25), []),
    ('arange(0.5, 3, 1) float', 'T.arange(0.5, 3, 1)', lambda a: np.arange(0.5, 3, 1), []),
    ('arange symbolic int32 stop', 'T.arange(0, v[0], 2)', lambda a: np.arange(0, a[0], 2).astype(np.int32), [L(I4, (), [7])]),
    ('arange symbolic int64 start', 'T.arange(v[0], 4, 1)', lambda a: np.arange(a[0], 4, 1), [L(I8, (), [-3])]),
    ('eye(3,4,1)', 'T.eye(3, 4, 1, DType.FLOAT64)', lambda a: np.eye(3, 4, 1), []),
    ('eye(4,3,-1) int32', 'T.eye(4, 3, -1, DType.INT32)', lambda a: np.eye(4, 3, -1, dtype=np.int32), []),
    ('eye(3)', 'T.eye(3)', lambda a: np.eye(3), []),
    ('broadcastLike (1,3)->(2,3)', 'ShapeOps.broadcastLike(v[0], v[1])', lambda a: np.broadcast_to(a[0], a[1].shape),
     [V(F8, 1, 3), V(I4, 2, 3)]),
    ('broadcastLike scalar->(0,2)', 'ShapeOps.broadcastLike(v[0], v[1])', lambda a: np.broadcast_to(a[0], a[1].shape),
     [V(F8), V(F8, 0, 2)]),
    # ---- indexing
    ('x[1]', 'v[0].get(1)', lambda a: a[0][1], [V(F8, 3, 4)]),
    ('x[-1]', 'v[0].get(-1)', lambda a: a[0][-1], [V(F8, 3, 4, layout='t')]),
    ('x[2] of vector', 'v[0].get(2L)', lambda a: a[0][2], [V(I4, 7)]),
    ('x[1:3]', 'v[0].get(Slice.of(1, 3))', lambda a: a[0][1:3], [V(F8, 7)]),
    ('x[::-1]', 'v[0].get(Slice.of(null, null, -1))', lambda a: a[0][::-1], [V(F8, 7)]),
    ('x[::2]', 'v[0].get(Slice.of(null, null, 2))', lambda a: a[0][::2], [V(F8, 17, layout='s')]),
    ('x[-2:]', 'v[0].get(Slice.of(-2, null))', lambda a: a[0][-2:], [V(F8, 7)]),
    ('x[5:1:-2]', 'v[0].get(Slice.of(5, 1, -2))', lambda a: a[0][5:1:-2], [V(F8, 7)]),
    ('x[10:20] clamps to empty', 'v[0].get(Slice.of(10, 20))', lambda a: a[0][10:20], [V(F8, 7)]),
    ('x[-100:100] clamps', 'v[0].get(Slice.of(-100, 100))', lambda a: a[0][-100:100], [V(F8, 7)]),
    ('x[100:-100:-1] clamps', 'v[0].get(Slice.of(100, -100, -1))', lambda a: a[0][100:-100:-1], [V(F8, 7)]),
    ('x[0::maxsize]', 'v[0].get(Slice.of(0, null, Long.MAX_VALUE))', lambda a: a[0][0::MAX], [V(F8, 7)]),
    ('x[::-maxsize-1]', 'v[0].get(Slice.of(null, null, Long.MIN_VALUE))', lambda a: a[0][::MIN], [V(F8, 7)]),
    ('x[min:max:maxsize]', 'v[0].get(Slice.of(Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE))',
     lambda a: a[0][MIN:MAX:MAX], [V(F8, 7)]),
    ('x[max:min:-1]', 'v[0].get(Slice.of(Long.MAX_VALUE, Long.MIN_VALUE, -1))', lambda a: a[0][MAX:MIN:-1], [V(F8, 7)]),
    ('x[3::-maxsize]', 'v[0].get(Slice.of(3, null, -Long.MAX_VALUE))', lambda a: a[0][3::-MAX], [V(F8, 7)]),
    ('x[::k] variable step -2^63', 'v[0].get(Slice.of(null, null, v[1]))', lambda a: a[0][::int(a[1])],
     [V(F8, 7), L(I8, (), [MIN])]),
    ('x[:, 1]', 'v[0].get(Slice.all(), 1)', lambda a: a[0][:, 1], [V(F8, 3, 4, layout='t')]),
    ('x[1, ::-1]', 'v[0].get(1, Slice.of(null, null, -1))', lambda a: a[0][1, ::-1], [V(F8, 3, 4)]),
    ('x[1:, 0, ::2] of 3d', 'v[0].get(Slice.of(1, null), 0, Slice.of(null, null, 2))', lambda a: a[0][1:, 0, ::2],
     [V(F8, 3, 2, 5, layout='r')]),
    ('x[i] variable', 'v[0].get(v[1])', lambda a: a[0][a[1]], [V(F8, 3, 4), L(I4, (), [-2])]),
    ('x[i:j] variables', 'v[0].get(Slice.of(v[1], v[2]))', lambda a: a[0][a[1]:a[2]], [V(F8, 7), L(I8, (), [1]), L(I4, (), [-1])]),
    ('x[::k] variable step', 'v[0].get(Slice.of(null, null, v[1]))', lambda a: a[0][::a[1]], [V(F8, 7), L(I4, (), [-3])]),
    ('x[1][2] scalar', 'v[0].get(1, 2)', lambda a: a[0][1, 2], [V(I8, 3, 4)]),
    ('incSubtensor row', 'Indexing.incSubtensor(v[0], v[1], 1)', lambda a: inc(a[0], (1,), a[1]), [V(F8, 3, 4), V(F8, 4)]),
    ('incSubtensor broadcast', 'Indexing.incSubtensor(v[0], v[1], Slice.of(null, null, 2))',
     lambda a: inc(a[0], (slice(None, None, 2),), a[1]), [V(F8, 5, 3, layout='t'), V(F8, 1, 3)]),
    ('incSubtensor scalar python', 'Indexing.incSubtensor(v[0], 10, Slice.all(), -1)',
     lambda a: inc(a[0], (slice(None), -1), 10), [V(I4, 3, 4)]),
    ('setSubtensor slice', 'Indexing.setSubtensor(v[0], v[1], Slice.of(1, null), Slice.of(null, 2))',
     lambda a: setv(a[0], (slice(1, None), slice(None, 2)), a[1]), [V(F8, 3, 4), V(F8, 2, 2, layout='r')]),
    ('setSubtensor variable index', 'Indexing.setSubtensor(v[0], v[1], v[2])',
     lambda a: setv(a[0], (a[2],), a[1]), [V(F8, 3, 4), V(F8), L(I4, (), [-1])]),
    ('take axis 0', 'Indexing.take(v[0], v[1], 0)', lambda a: np.take(a[0], a[1], 0), [V(F8, 3, 4), L(I8, (4,), [2, 0, -1, 2])]),
    ('take axis 1 transposed', 'Indexing.take(v[0], v[1], 1)', lambda a: np.take(a[0], a[1], 1),
     [V(F8, 3, 4, layout='t'), L(I4, (2,), [3, 1])]),
    ('take empty', 'Indexing.take(v[0], v[1], -1)', lambda a: np.take(a[0], a[1], -1), [V(F8, 2, 3), L(I8, (0,), [])]),
    ('advancedIncSubtensor1 repeats accumulate', 'Indexing.advancedIncSubtensor1(v[0], v[1], v[2], 0)',
     lambda a: add_at(a[0], a[2], a[1]), [V(F8, 3, 4), V(F8, 4, 4, layout='t'), L(I8, (4,), [1, 0, 1, -1])]),
    ('advancedIncSubtensor1 broadcast axis 1', 'Indexing.advancedIncSubtensor1(v[0], v[1], v[2], 1)',
     lambda a: add_at_axis1(a[0], a[2], a[1]), [V(F8, 3, 4), V(F8, 3, 1), L(I4, (3,), [2, 2, 0])]),
    ('advancedSetSubtensor1', 'Indexing.advancedSetSubtensor1(v[0], v[1], v[2], 0)',
     lambda a: setv(a[0], (a[2],), a[1]), [V(F8, 3, 2), V(F8, 2), L(I8, (2,), [2, 0])]),
    ('x[i, j] advanced', 'v[0].get(v[1], v[2])', lambda a: a[0][a[1], a[2]],
     [V(F8, 3, 4, layout='t'), L(I8, (4,), [2, 0, -1, 2]), L(I4, (4,), [1, 3, 0, -4])]),
    ('x[i] advanced keeps trailing axes', 'v[0].get(v[1], v[2])', lambda a: a[0][a[1], a[2]],
     [V(F8, 2, 3, 2), L(I8, (3,), [1, 0, 1]), L(I8, (1,), [2])]),
    ('advancedIncSubtensor repeats accumulate', 'Apply.of(new AdvancedIncSubtensor(), List.of(v[0], v[1], v[2], v[3])).output(0)',
     lambda a: add_at_pairs(a[0], a[2], a[3], a[1]), [V(F8, 3, 4), V(F8, 4), L(I8, (4,), [1, 0, 1, -1]), L(I8, (4,), [2, 0, 2, 3])]),
    ('reshape to run-time lengths', 'T.reshape(v[0], List.of(v[1].shape(1), -1, v[1].shape(0)))',
     lambda a: a[0].reshape(a[1].shape[1], -1, a[1].shape[0]), [V(F8, 2, 3, 4), V(F8, 2, 3)]),
    ('alloc of run-time lengths', 'T.alloc(v[0], v[1].shape(1), 2, v[1].shape(0))',
     lambda a: np.broadcast_to(a[0], (a[1].shape[1], 2, a[1].shape[0])).copy(), [V(F8, 2, 1), V(F8, 1, 3)]),
    # ---- nnet
    ('softmax vector', 'T.softmax(v[0])', lambda a: softmax(a[0]), [V(F8, 7)]),
    ('softmax matrix transposed', 'T.softmax(v[0])', lambda a: softmax(a[0]), [V(F8, 3, 17, layout='t')]),
    ('softmax float32', 'T.softmax(v[0])', lambda a: softmax(a[0]), [V(F4, 2, 7)]),
    ('softmax large values', 'T.softmax(v[0])', lambda a: softmax(a[0]), [L(F8, (2, 2), [1000.0, 1001.0, -1000.0, -1002.0])]),
    ('softmax empty rows', 'T.softmax(v[0])', lambda a: softmax(a[0]), [V(F8, 0, 3)]),
    ('softmax int32 -> float64', 'T.softmax(v[0])', lambda a: softmax(a[0].astype(np.float64)), [V(I4, 2, 3)]),
    ('logSoftmax matrix', 'T.logSoftmax(v[0])', lambda a: log_softmax(a[0]), [V(F8, 3, 7, layout='s')]),
    ('logSoftmax large values', 'T.logSoftmax(v[0])', lambda a: log_softmax(a[0]), [L(F8, (1, 3), [1000.0, 0.0, -1000.0])]),
    ('SoftmaxGrad', 'Apply.single(new SoftmaxGrad(), v[0], T.softmax(v[1]))',
     lambda a: (a[0] - np.sum(a[0] * softmax(a[1]), -1, keepdims=True)) * softmax(a[1]), [V(F8, 3, 4, layout='t'), V(F8, 3, 4)]),
    ('binaryCrossentropy', 'T.binaryCrossentropy(v[0], v[1])',
     lambda a: -(a[1] * np.log(a[0]) + (1 - a[1]) * np.log(1 - a[0])), [P(F8, 2, 5), P(F8, 2, 5, layout='r')]),
    ('categoricalCrossentropy indices', 'T.categoricalCrossentropy(v[0], v[1])',
     lambda a: -np.log(a[0][np.arange(a[0].shape[0]), a[1]]), [P(F8, 4, 3), L(I4, (4,), [0, 2, 1, -1])]),
    ('categoricalCrossentropy float32', 'T.categoricalCrossentropy(v[0], v[1])',
     lambda a: -np.log(a[0][np.arange(a[0].shape[0]), a[1]]), [P(F4, 2, 3, layout='t'), L(I8, (2,), [1, 0])]),
    ('categoricalCrossentropy one-hot', 'T.categoricalCrossentropy(v[0], v[1])',
     lambda a: -np.sum(a[1] * np.log(a[0]), axis=1), [P(F8, 3, 4), L(F8, (3, 4), [0, 1, 0, 0, 1, 0, 0, 0, 0, 0.5, 0.5, 0])]),
    ('CrossentropyCategorical1HotGrad', 'Apply.single(new CrossentropyCategorical1HotGrad(), v[0], v[1], v[2])',
     lambda a: xent_grad(a[0], a[1], a[2]), [V(F8, 3), P(F8, 3, 4), L(I4, (3,), [3, 0, 3])]),
]


def inc(x, idx, y):
    x = x.copy()
    x[idx] += y
    return x


def setv(x, idx, y):
    x = x.copy()
    x[idx] = y
    return x


def add_at(x, idx, y):
    x = x.copy()
    np.add.at(x, idx, y)
    return x


def add_at_axis1(x, idx, y):
    x = x.copy()
    np.add.at(x, (slice(None), idx), np.broadcast_to(y, (x.shape[0], len(idx))))
    return x


def add_at_pairs(x, i, j, y):
    out = x.copy()
    np.add.at(out, (i, j), y)
    return out


def softmax(x):
    e = np.exp(x - np.max(x, -1, keepdims=True)) if x.size else x
    return e / np.sum(e, -1, keepdims=True) if x.size else x


def log_softmax(x):
    m = np.max(x, -1, keepdims=True)
    return x - m - np.log(np.sum(np.exp(x - m), -1, keepdims=True))


def xent_grad(gy, p, t):
    out = np.zeros_like(p)
    rows = np.arange(p.shape[0])
    out[rows, t] = -gy / p[rows, t]
    return out


def java_double(v):
    if math.isnan(v):
        return 'Double.NaN'
    if math.isinf(v):
        return 'Double.POSITIVE_INFINITY' if v > 0 else 'Double.NEGATIVE_INFINITY'
    return repr(float(v))


def java_input(spec):
    kind, dtype, shape, layout = spec[0], spec[1], spec[2], spec[3]
    shape_text = 'new long[] {' + ', '.join(str(d) for d in shape) + '}'
    if kind == 'lit':
        vals = ', '.join(java_double(float(v)) for v in spec[4])
        return f'lit("{dtype}", {shape_text}, new double[] {{{vals}}})'
    return f'gen(\'{kind}\', "{dtype}", {shape_text}, \'{layout}\')'


def main():
    rows = []
    for name, java, fn, inputs in CASES:
        arrays = [make(s) for s in inputs]
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            out = np.asarray(fn(arrays))
        shape = 'new long[] {' + ', '.join(str(d) for d in out.shape) + '}'
        vals = ', '.join(java_double(float(v)) for v in out.ravel())
        ins = ', '.join(java_input(s) for s in inputs)
        rows.append(f'            c("{name}", v -> {java}, List.of({ins}),\n'
                    f'                    "{out.dtype.name}", {shape}, new double[] {{{vals}}})')
    body = ',\n'.join(rows)
    text = f'''package org.theano4j.op;

import static org.theano4j.op.OpEvaluationTest.c;
import static org.theano4j.op.OpEvaluationTest.gen;
import static org.theano4j.op.OpEvaluationTest.lit;

import java.util.List;
import org.theano4j.Slice;
import org.theano4j.T;
import org.theano4j.graph.Apply;
import org.theano4j.tensor.DType;

/** Generated by symbolic/src/test/python/gen_op_cases.py with numpy {np.__version__}; do not edit. */
final class OpCases {{
    private OpCases() {{
    }}

    /** (name, graph builder, inputs, numpy's dtype, shape and values) rows. */
    static List<OpEvaluationTest.Case> all() {{
        return List.of(
{body});
    }}
}}
'''
    here = os.path.dirname(os.path.abspath(__file__))
    target = os.path.join(here, '..', 'java', 'org', 'theano4j', 'op', 'OpCases.java')
    with open(target, 'w') as f:
        f.write(text)
    print(f'wrote {len(rows)} cases to {os.path.normpath(target)}')


if __name__ == '__main__':
    main()
