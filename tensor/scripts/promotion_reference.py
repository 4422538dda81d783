#!/usr/bin/env python3
"""Writes numpy's result_type table over every dtype theano4j has, for DTypeTest.

Run from the repository root:  python3 tensor/scripts/promotion_reference.py
One line per left dtype: "left: result(left, right) ..." with the right dtypes in the header's order.
"""
import os
import numpy as np

OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'test', 'resources', 'numpy-reference', 'promotion.txt')
DTYPES = ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float32', 'float64',
          'complex64', 'complex128']


def main():
    with open(OUT, 'w') as f:
        f.write('# np.result_type(row, column), written by tensor/scripts/promotion_reference.py with numpy %s\n'
                % np.__version__)
        f.write('columns: ' + ' '.join(DTYPES) + '\n')
        for a in DTYPES:
            f.write(a + ': ' + ' '.join(str(np.result_type(a, b)) for b in DTYPES) + '\n')


if __name__ == '__main__':
    main()
