package org.theano4j.tensor;

import java.util.Arrays;

/** The view-producing operations of {@link NDArray}: same memory, new shape/strides/offset. */
final class Views {
    private Views() {
    }

    /** Throws IllegalArgumentException if a view reaches outside its segment (exactly: no reach wraps). */
    static void checkBounds(NDArray a) {
        if (a.size() == 0) {
            return;
        }
        long[] shape = a.shape();
        long[] strides = a.strides();
        long elements = a.segment().byteSize() / a.dtype().byteSize();
        long lo = a.offset();
        long hi = a.offset();
        try {
            for (int i = 0; i < shape.length; i++) {
                long reach = Math.multiplyExact(strides[i], shape[i] - 1);
                lo = Math.addExact(lo, Math.min(reach, 0));
                hi = Math.addExact(hi, Math.max(reach, 0));
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("view of shape " + Shapes.toString(shape) + ", strides "
                    + Shapes.toString(strides) + " and offset " + a.offset() + " reaches past the range of a long"
                    + " and does not fit a segment of " + elements + " " + a.dtype().numpyName() + " elements");
        }
        if (lo < 0 || hi >= elements) {
            throw new IllegalArgumentException("view of shape " + Shapes.toString(shape) + " (elements " + lo
                    + ".." + hi + ") does not fit a segment of " + elements + " " + a.dtype().numpyName() + " elements");
        }
    }

    static NDArray transpose(NDArray a, int... perm) {
        int n = a.ndim();
        int[] p = perm.length == 0 ? reversed(n) : perm;
        if (p.length != n) {
            throw new IllegalArgumentException("axes " + Arrays.toString(perm) + " don't match array of ndim " + n);
        }
        long[] shape = a.shape();
        long[] strides = a.strides();
        long[] newShape = new long[n];
        long[] newStrides = new long[n];
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            int axis = Shapes.normalizeAxis(p[i], n);
            if (seen[axis]) {
                throw new IllegalArgumentException("repeated axis in transpose: " + Arrays.toString(perm));
            }
            seen[axis] = true;
            newShape[i] = shape[axis];
            newStrides[i] = strides[axis];
        }
        return a.withLayout(newShape, newStrides, a.offset());
    }

    private static int[] reversed(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = n - 1 - i;
        }
        return p;
    }

    static NDArray broadcastTo(NDArray a, long[] target) {
        long[] shape = a.shape();
        long[] strides = a.strides();
        for (long d : target) {
            if (d < 0) {
                throw new IllegalArgumentException("all elements of broadcast shape must be non-negative, got "
                        + Shapes.toString(target));
            }
        }
        if (target.length < shape.length || !Arrays.equals(Shapes.broadcast(shape, target), target)) {
            throw new IllegalArgumentException("cannot broadcast array of shape " + Shapes.toString(shape)
                    + " to shape " + Shapes.toString(target));
        }
        long[] newStrides = new long[target.length];
        int lead = target.length - shape.length;
        for (int i = 0; i < shape.length; i++) {
            newStrides[lead + i] = shape[i] == target[lead + i] ? strides[i] : 0;
        }
        return a.withLayout(target.clone(), newStrides, a.offset());
    }

    /** The view of already resolved bounds {@code start:stop:step} ({@link Slices}); its length is numpy's. */
    static NDArray slice(NDArray a, int axis, long start, long stop, long step) {
        int ax = Shapes.normalizeAxis(axis, a.ndim());
        long[] shape = a.shape();
        long[] strides = a.strides();
        long length = Slices.length(start, stop, step);
        long offset = a.offset();
        if (length > 0) {
            if (!inBounds(start, length, step, shape[ax])) {
                throw new IllegalArgumentException("slice " + start + ":" + stop + ":" + step
                        + " is out of bounds for axis " + ax + " of shape " + Shapes.toString(shape));
            }
            offset += start * strides[ax];
        }
        shape[ax] = length;
        // one element or none: the step never multiplies an index, and stride * step might not fit
        strides[ax] = length > 1 ? strides[ax] * step : strides[ax];
        return a.withLayout(shape, strides, offset);
    }

    /** Whether indices {@code start + i * step}, {@code i < length}, all lie in {@code [0, n)}. */
    private static boolean inBounds(long start, long length, long step, long n) {
        if (start < 0 || start >= n || length > n) {
            return false;
        }
        if (length == 1) {
            return true;
        }
        // the span (length - 1) * |step| must stay below n: compare without forming the product
        if (step == Long.MIN_VALUE || Math.abs(step) > (n - 1) / (length - 1)) {
            return false;
        }
        long last = start + (length - 1) * step;
        return last >= 0 && last < n;
    }

    static NDArray index(NDArray a, int axis, long i) {
        int ax = Shapes.normalizeAxis(axis, a.ndim());
        long[] shape = a.shape();
        long[] strides = a.strides();
        long j = i < 0 ? i + shape[ax] : i;
        if (j < 0 || j >= shape[ax]) {
            throw new IllegalArgumentException("index " + i + " is out of bounds for axis " + ax
                    + " with size " + shape[ax]);
        }
        return a.withLayout(remove(shape, ax), remove(strides, ax), a.offset() + j * strides[ax]);
    }

    static NDArray expandDims(NDArray a, int axis) {
        int n = a.ndim() + 1;
        int ax = Shapes.normalizeAxis(axis, n);
        return a.withLayout(insert(a.shape(), ax, 1), insert(a.strides(), ax, 0), a.offset());
    }

    private static long[] remove(long[] v, int at) {
        long[] out = new long[v.length - 1];
        System.arraycopy(v, 0, out, 0, at);
        System.arraycopy(v, at + 1, out, at, v.length - at - 1);
        return out;
    }

    private static long[] insert(long[] v, int at, long value) {
        long[] out = new long[v.length + 1];
        System.arraycopy(v, 0, out, 0, at);
        out[at] = value;
        System.arraycopy(v, at, out, at + 1, v.length - at);
        return out;
    }
}
