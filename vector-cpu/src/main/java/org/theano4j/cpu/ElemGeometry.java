package org.theano4j.cpu;

import org.theano4j.tensor.NDArray;

/**
 * How the inputs of one elementwise call map onto the flat C-order index of its output: axes
 * merged where every input allows it, and per input either contiguous with the output
 * ({@link #FLAT}), one value for all ({@link #SCALAR}) or walked row by row over the merged axes
 * ({@link #GENERAL}). Reused across calls by one thread.
 */
final class ElemGeometry {
    static final int FLAT = 0;
    static final int SCALAR = 1;
    static final int GENERAL = 2;

    final NDArray[] arrays;
    final int[] kind;
    final long[][] strides;
    long[] dims = new long[1];
    private long[] shape = new long[1];
    int ndim;

    ElemGeometry(int nInputs) {
        arrays = new NDArray[nInputs];
        kind = new int[nInputs];
        strides = new long[nInputs][1];
    }

    /** Fills the geometry for {@code inputs} (register order) broadcast to the shape of {@code out}, allocation-free once sized. */
    void set(NDArray[] inputs, NDArray out) {
        int rank = out.ndim();
        int nd = Math.max(rank, 1);
        if (dims.length < nd) {
            dims = new long[nd];
            for (int k = 0; k < strides.length; k++) {
                strides[k] = new long[nd];
            }
        }
        if (shape.length < nd) {
            shape = new long[nd];
        }
        for (int ax = 0; ax < rank; ax++) {
            shape[ax] = out.shape(ax);
        }
        for (int k = 0; k < inputs.length; k++) {
            arrays[k] = inputs[k];
            broadcastStrides(inputs[k], shape, rank, strides[k]);
            kind[k] = classify(strides[k], shape, rank);
        }
        ndim = collapse(shape, rank);
    }

    private static void broadcastStrides(NDArray a, long[] shape, int rank, long[] out) {
        int shift = rank - a.ndim();
        for (int ax = 0; ax < rank; ax++) {
            int src = ax - shift;
            out[ax] = src < 0 || a.shape(src) == 1 ? 0 : a.stride(src);
        }
        if (rank == 0) {
            out[0] = 0;
        }
    }

    private static int classify(long[] st, long[] shape, int rank) {
        boolean scalar = true;
        boolean flat = true;
        long expected = 1;
        for (int ax = rank - 1; ax >= 0; ax--) {
            scalar &= st[ax] == 0 || shape[ax] == 1;
            flat &= st[ax] == expected || shape[ax] == 1;
            expected *= shape[ax];
        }
        return flat ? FLAT : scalar ? SCALAR : GENERAL;
    }

    /** Drops length-1 axes and merges adjacent axes that every input walks as one; returns the merged rank. */
    private int collapse(long[] shape, int rank) {
        int n = 0;
        for (int ax = 0; ax < rank; ax++) {
            if (shape[ax] == 1) {
                continue;
            }
            if (n > 0 && mergeable(n - 1, ax, shape[ax])) {
                for (long[] st : strides) {
                    st[n - 1] = st[ax];
                }
                dims[n - 1] *= shape[ax];
            } else {
                for (long[] st : strides) {
                    st[n] = st[ax];
                }
                dims[n++] = shape[ax];
            }
        }
        if (n == 0) {
            dims[0] = 1;
            for (long[] st : strides) {
                st[0] = 0;
            }
            return 1;
        }
        return n;
    }

    private boolean mergeable(int prev, int ax, long len) {
        for (long[] st : strides) {
            if (st[prev] != st[ax] * len) {
                return false;
            }
        }
        return true;
    }

    /** Physical position of input {@code k} at the start of merged row {@code row} (all but the last axis). */
    long rowStart(int k, long row) {
        long pos = arrays[k].offset();
        long[] st = strides[k];
        for (int ax = ndim - 2; ax >= 0; ax--) {
            pos += (row % dims[ax]) * st[ax];
            row /= dims[ax];
        }
        return pos;
    }
}
