package org.theano4j.tensor;

import java.util.Arrays;

/** Copies array elements out into Java arrays, in logical C order, from any dtype and layout. */
final class ArrayExport {
    private ArrayExport() {
    }

    /** All elements in C order as doubles. */
    static double[] toDoubleArray(NDArray a) {
        double[] out = new double[Math.toIntExact(a.size())];
        StridedCursor c = new StridedCursor(a);
        for (int i = 0; i < out.length; i++) {
            out[i] = a.readDouble(c.next());
        }
        return out;
    }

    /** A 2-d array as rows of doubles; IllegalArgumentException unless ndim is 2. */
    static double[][] toDoubleMatrix(NDArray a) {
        if (a.ndim() != 2) {
            throw new IllegalArgumentException("toDoubleMatrix needs ndim 2, got shape " + Shapes.toString(a.shape()));
        }
        double[] flat = toDoubleArray(a);
        int rows = (int) a.shape(0);
        int cols = (int) a.shape(1);
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = Arrays.copyOfRange(flat, r * cols, (r + 1) * cols);
        }
        return out;
    }

    /** All elements in C order as longs (floats truncate toward zero). */
    static long[] toLongArray(NDArray a) {
        long[] out = new long[Math.toIntExact(a.size())];
        StridedCursor c = new StridedCursor(a);
        for (int i = 0; i < out.length; i++) {
            out[i] = a.readLong(c.next());
        }
        return out;
    }

    /** All elements in C order as ints (wrapping like a numpy cast to int32). */
    static int[] toIntArray(NDArray a) {
        int[] out = new int[Math.toIntExact(a.size())];
        StridedCursor c = new StridedCursor(a);
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) a.readLong(c.next());
        }
        return out;
    }

    /** All elements in C order as floats. */
    static float[] toFloatArray(NDArray a) {
        float[] out = new float[Math.toIntExact(a.size())];
        StridedCursor c = new StridedCursor(a);
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) a.readDouble(c.next());
        }
        return out;
    }

    /** All elements in C order as booleans (non-zero is true). */
    static boolean[] toBooleanArray(NDArray a) {
        boolean[] out = new boolean[Math.toIntExact(a.size())];
        StridedCursor c = new StridedCursor(a);
        for (int i = 0; i < out.length; i++) {
            out[i] = a.readDouble(c.next()) != 0;
        }
        return out;
    }
}
