package org.theano4j.tensor;

import java.util.Arrays;

/** Shape arithmetic shared by arrays and symbolic types: sizes, strides, broadcasting. */
public final class Shapes {
    private Shapes() {
    }

    /** Number of elements of an array of this shape (1 for a scalar). */
    public static long size(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** Row-major (C order) strides, in elements. */
    public static long[] cStrides(long[] shape) {
        long[] strides = new long[shape.length];
        long s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= Math.max(shape[i], 1);
        }
        return strides;
    }

    /** numpy broadcasting of several shapes; IllegalArgumentException if they do not broadcast. */
    public static long[] broadcast(long[]... shapes) {
        int ndim = 0;
        for (long[] s : shapes) {
            ndim = Math.max(ndim, s.length);
        }
        long[] out = new long[ndim];
        Arrays.fill(out, 1);
        long[] first = shapes.length > 0 ? shapes[0] : new long[0];
        for (long[] s : shapes) {
            for (int i = 0; i < s.length; i++) {
                int o = ndim - s.length + i;
                long d = s[i];
                if (d == out[o] || d == 1) {
                    continue;
                }
                if (out[o] != 1) {
                    throw new IllegalArgumentException("shapes " + toString(first) + " and " + toString(s)
                            + " are not broadcastable");
                }
                out[o] = d;
            }
        }
        return out;
    }

    /** numpy-style shape text: "(2, 3)", "(4,)", "()". */
    public static String toString(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(')').toString();
    }

    /** Resolves a possibly negative axis against ndim; IllegalArgumentException if out of range. */
    public static int normalizeAxis(int axis, int ndim) {
        if (axis < -ndim || axis >= ndim) {
            throw new IllegalArgumentException("axis " + axis + " is out of range for an array of ndim " + ndim);
        }
        return axis < 0 ? axis + ndim : axis;
    }

    /** Resolves one -1 in a reshape target and checks the sizes agree. */
    public static long[] reshapeTarget(long[] from, long[] to) {
        long total = size(from);
        long[] out = to.clone();
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1 && unknown < 0) {
                unknown = i;
            } else if (out[i] < 0) {
                throw mismatch(from, to);
            } else {
                known *= out[i];
            }
        }
        if (unknown >= 0) {
            if (known == 0 || total % known != 0) {
                throw mismatch(from, to);
            }
            out[unknown] = total / known;
        } else if (known != total) {
            throw mismatch(from, to);
        }
        return out;
    }

    private static IllegalArgumentException mismatch(long[] from, long[] to) {
        return new IllegalArgumentException("cannot reshape array of shape " + toString(from) + " (size "
                + size(from) + ") into shape " + toString(to));
    }
}
