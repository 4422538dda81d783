package org.theano4j.tensor;

import java.util.Arrays;

/** The view-producing operations of {@link NDArray}: same memory, new shape/strides/offset. */
final class Views {
    private Views() {
    }

    /** Throws IllegalArgumentException if a view reaches outside its segment. */
    static void checkBounds(NDArray a) {
        long[] shape = a.shape();
        long[] strides = a.strides();
        long offset = a.offset();
        DType dtype = a.dtype();
        if (a.size() == 0) {
            return;
        }
        long lo = offset;
        long hi = offset;
        for (int i = 0; i < shape.length; i++) {
            long reach = strides[i] * (shape[i] - 1);
            lo += Math.min(reach, 0);
            hi += Math.max(reach, 0);
        }
        long elements = a.segment().byteSize() / dtype.byteSize();
        if (lo < 0 || hi >= elements) {
            throw new IllegalArgumentException("view of shape " + Shapes.toString(shape) + " (elements " + lo
                    + ".." + hi + ") does not fit a segment of " + elements + " " + dtype.numpyName() + " elements");
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

    static NDArray slice(NDArray a, int axis, long start, long stop, long step) {
        if (step == 0) {
            throw new IllegalArgumentException("slice step cannot be zero");
        }
        int ax = Shapes.normalizeAxis(axis, a.ndim());
        long[] shape = a.shape();
        long[] strides = a.strides();
        long length = step > 0 ? (stop - start + step - 1) / step : (start - stop - step - 1) / -step;
        length = Math.max(length, 0);
        long offset = a.offset();
        if (length > 0) {
            if (start < 0 || start >= shape[ax] || start + (length - 1) * step < 0
                    || start + (length - 1) * step >= shape[ax]) {
                throw new IllegalArgumentException("slice " + start + ":" + stop + ":" + step
                        + " is out of bounds for axis " + ax + " of shape " + Shapes.toString(shape));
            }
            offset += start * strides[ax];
        }
        shape[ax] = length;
        strides[ax] *= step;
        return a.withLayout(shape, strides, offset);
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
