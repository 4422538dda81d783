package org.theano4j.rng;

import java.util.Arrays;

/** numpy's broadcasting rules for the parameters of a {@link SizedRandomFunction} draw. */
final class Broadcasts {
    private Broadcasts() {
    }

    /**
     * The broadcast shape of two parameters (numpy's {@code size=None}).
     *
     * @throws IllegalArgumentException naming the parameters when they do not broadcast
     */
    static long[] shape(String what, String aName, long[] a, String bName, long[] b) {
        int n = Math.max(a.length, b.length);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long x = axis(a, i, n);
            long y = axis(b, i, n);
            if (x != y && x != 1 && y != 1) {
                throw new IllegalArgumentException(what + ": " + aName + " of shape " + Arrays.toString(a) + " and " + bName
                        + " of shape " + Arrays.toString(b) + " do not broadcast together");
            }
            out[i] = x == 1 ? y : x;
        }
        return out;
    }

    /**
     * Checks that {@code param} broadcasts to exactly {@code size}: no more axes, each axis equal or 1.
     *
     * @throws IllegalArgumentException naming the parameter, the size and its shape otherwise
     */
    static void fit(String what, long[] size, String name, long[] param) {
        boolean ok = param.length <= size.length;
        for (int i = 0; ok && i < param.length; i++) {
            long p = param[i];
            ok = p == 1 || p == size[size.length - param.length + i];
        }
        if (!ok) {
            throw new IllegalArgumentException(what + ": " + name + " of shape " + Arrays.toString(param)
                    + " does not broadcast to size " + Arrays.toString(size));
        }
    }

    /** {@code shape} with ones prepended to {@code ndim} axes. */
    static long[] leftPadded(long[] shape, int ndim) {
        long[] out = new long[ndim];
        Arrays.fill(out, 1);
        System.arraycopy(shape, 0, out, ndim - shape.length, shape.length);
        return out;
    }

    private static long axis(long[] s, int i, int n) {
        int j = i - (n - s.length);
        return j < 0 ? 1 : s[j];
    }
}
