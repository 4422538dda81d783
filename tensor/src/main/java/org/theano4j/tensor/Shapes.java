package org.theano4j.tensor;

import java.util.Arrays;

/**
 * Shape arithmetic shared by arrays and symbolic types: sizes, strides, broadcasting. All of it is
 * exact: a product that does not fit a long is an IllegalArgumentException, never a wrapped value.
 */
public final class Shapes {
    /** numpy's message for a shape whose byte size does not fit its index type. */
    static final String TOO_BIG = "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.";

    private Shapes() {
    }

    /**
     * Number of elements of an array of this shape (1 for a scalar, 0 when any axis is 0, however
     * long the others); IllegalArgumentException when it exceeds {@link Long#MAX_VALUE} or a
     * length is negative.
     */
    public static long size(long[] shape) {
        checkNonNegative(shape);
        long n = exactProduct(shape, -1);
        if (n < 0) {
            throw new IllegalArgumentException(TOO_BIG + " (shape " + toString(shape) + ")");
        }
        return n;
    }

    /**
     * numpy's size rule for every array, views included: the product of the axis lengths (a zero
     * length counting as 1) times the item size must fit a signed 64-bit integer. Returns the
     * array's byte size ({@code size * itemSize}); IllegalArgumentException with numpy's message
     * otherwise, or for a negative length.
     */
    public static long checkByteSize(long[] shape, DType dtype) {
        checkNonNegative(shape);
        if (paddedProduct(shape, dtype.byteSize()) < 0) {
            throw new IllegalArgumentException(TOO_BIG + " (shape " + toString(shape) + ", dtype "
                    + dtype.numpyName() + ")");
        }
        return size(shape) * dtype.byteSize();
    }

    private static void checkNonNegative(long[] shape) {
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimensions are not allowed: " + toString(shape));
            }
        }
    }

    /** The product of the (non-negative) entries of {@code v} but {@code v[skip]}: 0 if one is 0, -1 if it overflows. */
    private static long exactProduct(long[] v, int skip) {
        long n = 1;
        for (int i = 0; i < v.length; i++) {
            if (i != skip && v[i] == 0) {
                return 0;
            }
        }
        for (int i = 0; i < v.length; i++) {
            if (i != skip) {
                if (n > Long.MAX_VALUE / v[i]) {
                    return -1;
                }
                n *= v[i];
            }
        }
        return n;
    }

    /** {@code first} times every length of {@code shape} (0 counting as 1), or -1 when that overflows. */
    private static long paddedProduct(long[] shape, long first) {
        long n = first;
        for (long d : shape) {
            long factor = Math.max(d, 1);
            if (n > Long.MAX_VALUE / factor) {
                return -1;
            }
            n *= factor;
        }
        return n;
    }

    /**
     * Row-major (C order) strides, in elements (an axis of length 0 counts as 1);
     * IllegalArgumentException when they do not fit a long.
     */
    public static long[] cStrides(long[] shape) {
        if (paddedProduct(shape, 1) < 0) {
            throw new IllegalArgumentException(TOO_BIG + " (shape " + toString(shape) + ")");
        }
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

    /** Resolves one -1 in a reshape target and checks the sizes agree (exactly: no product wraps). */
    public static long[] reshapeTarget(long[] from, long[] to) {
        long total = size(from);
        long[] out = to.clone();
        int unknown = -1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1 && unknown < 0) {
                unknown = i;
            } else if (out[i] < 0) {
                throw mismatch(from, to);
            }
        }
        long known = exactProduct(out, unknown);
        if (known < 0) {
            throw mismatch(from, to); // the other lengths alone exceed any possible size
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
