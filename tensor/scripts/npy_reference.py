#!/usr/bin/env python3
"""Writes the .npy/.npz files that NpyTest checks against, with numpy (2.x) itself.

Run from the repository root:  python3 tensor/scripts/npy_reference.py
Every file gets a row in manifest.tsv: file, dtype, order, byte order, shape, and the values in
C order (integers in decimal, floats as float.hex, complex as re,im in float.hex), so the Java test needs no numpy.
"""
import os
import numpy as np

OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'test', 'resources', 'npy')
DTYPES = ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float32', 'float64',
          'complex64', 'complex128']
SHAPES = [(), (0,), (5,), (2, 3), (2, 3, 4), (3, 0, 2)]


def values(dtype, shape):
    n = int(np.prod(shape))
    dt = np.dtype(dtype)
    if dt.kind == 'b':
        v = (np.arange(n) * 7 % 3) == 1
    elif dt.kind in 'iu':
        info = np.iinfo(dt)
        edges = np.array([info.min, info.max, 0, 1, info.max // 3], dtype=object)
        v = np.array([edges[i % 5] if i % 2 else (i * 37) % (int(info.max) + 1) for i in range(n)], dtype=object)
        v = v.astype(dt)
    elif dt.kind == 'c':
        part = np.finfo(dt).dtype.name
        re = values(part, shape).reshape(-1)
        im = np.array([(3.5 - i) / 9 if i % 4 else np.finfo(part).eps for i in range(n)], dtype=part)
        v = (re + 1j * im.astype(np.float64)).astype(dt)
        v.real, v.imag = re, im  # keeps -0.0, inf and nan exactly as built
    else:
        specials = [np.inf, -np.inf, np.nan, -0.0, np.finfo(dt).tiny, np.finfo(dt).max]
        v = np.array([specials[i % 6] if i % 3 == 2 else (i - 3.25) / 7 for i in range(n)], dtype=dt)
    return v.reshape(shape)


def text(a):
    flat = a.reshape(-1)
    if a.dtype.kind == 'b':
        return ' '.join('1' if x else '0' for x in flat)
    if a.dtype.kind in 'iu':
        return ' '.join(str(int(x)) for x in flat)
    if a.dtype.kind == 'c':
        return ' '.join(float(x.real).hex() + ',' + float(x.imag).hex() for x in flat)
    return ' '.join(float(x).hex() for x in flat)


def main():
    os.makedirs(OUT, exist_ok=True)
    rows = []
    for dtype in DTYPES:
        for shape in SHAPES:
            for order in 'CF':
                for endian in '<>':
                    if order == 'F' and len(shape) < 2:
                        continue
                    if endian == '>' and np.dtype(dtype).itemsize == 1:
                        continue
                    a = values(dtype, shape)
                    a = a.copy(order=order)
                    a = a.astype(np.dtype(dtype).newbyteorder(endian), order='K')
                    name = '%s_%s_%s_%s.npy' % (dtype, 'x'.join(map(str, shape)) or 'scalar', order,
                                                'le' if endian == '<' else 'be')
                    np.save(os.path.join(OUT, name), a)
                    rows.append([name, dtype, order, endian, ','.join(map(str, shape)), text(a)])
    arrays = {'w': values('float64', (2, 3)), 'b': values('float32', (3,)), 'idx': values('int64', (4,)),
              'flags': values('bool', (2, 2)), 'spectrum': values('complex128', (2, 2))}
    np.savez(os.path.join(OUT, 'model.npz'), **arrays)
    np.savez_compressed(os.path.join(OUT, 'model_compressed.npz'), **arrays)
    for key, a in arrays.items():
        rows.append(['model.npz:' + key, str(a.dtype), 'C', '<', ','.join(map(str, a.shape)), text(a)])
    with open(os.path.join(OUT, 'manifest.tsv'), 'w') as f:
        f.write('# written by tensor/scripts/npy_reference.py with numpy %s\n' % np.__version__)
        for r in rows:
            f.write('\t'.join(r) + '\n')


if __name__ == '__main__':
    main()
