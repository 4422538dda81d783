package org.theano4j.tensor;

import java.util.Arrays;

/**
 * Copies array elements out into Java arrays, in logical C order, from any dtype and layout. A
 * Java array holds at most {@link #MAX_LENGTH} elements: a bigger array is refused with an
 * IllegalArgumentException, never truncated.
 */
final class ArrayExport {
    /** The longest Java array every JVM allocates (the JDK's own soft limit). */
    static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private ArrayExport() {
    }

    /** {@code n} as a Java array length; IllegalArgumentException naming {@code method} when it does not fit. */
    static int javaLength(String method, NDArray a, long n) {
        if (n > MAX_LENGTH) {
            throw new IllegalArgumentException(method + ": an array of shape " + Shapes.toString(a.shape()) + " needs "
                    + n + " Java array elements, more than the " + MAX_LENGTH + " a Java array holds");
        }
        return (int) n;
    }

    /** All elements in C order as doubles. */
    static double[] toDoubleArray(NDArray a) {
        double[] out = new double[javaLength("toDoubleArray", a, a.size())];
        StridedCursor c = new StridedCursor(a);
        for (int i = 0; i < out.length; i++) {
            out[i] = a.readDouble(c.next());
        }
        return out;
    }

    /** All elements in C order as interleaved (real, imaginary) doubles. */
    static double[] toComplexArray(NDArray a) {
        double[] out = new double[javaLength("toComplexArray", a, 2 * a.size())];
        StridedCursor c = new StridedCursor(a);
        for (int i = 0; i < out.length; i += 2) {
            long pos = c.next();
            out[i] = a.readDouble(pos);
            out[i + 1] = a.readImag(pos);
        }
        return out;
    }

    /** A 2-d array as rows of doubles; IllegalArgumentException unless ndim is 2. */
    static double[][] toDoubleMatrix(NDArray a) {
        if (a.ndim() != 2) {
            throw new IllegalArgumentException("toDoubleMatrix needs ndim 2, got shape " + Shapes.toString(a.shape()));
        }
        int rows = javaLength("toDoubleMatrix", a, a.shape(0));
        double[] flat = toDoubleArray(a);
        int cols = rows == 0 ? 0 : flat.length / rows; // the rows of an empty matrix are never read
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = Arrays.copyOfRange(flat, r * cols, (r + 1) * cols);
        }
        return out;
    }

    /** All elements in C order as longs (floats truncate toward zero). */
    static long[] toLongArray(NDArray a) {
        long[] out = new long[javaLength("toLongArray", a, a.size())];
        StridedCursor c = new StridedCursor(a);
        for (int i = 0; i < out.length; i++) {
            out[i] = a.readLong(c.next());
        }
        return out;
    }

    /** All elements in C order as ints (wrapping like a numpy cast to int32). */
    static int[] toIntArray(NDArray a) {
        int[] out = new int[javaLength("toIntArray", a, a.size())];
        StridedCursor c = new StridedCursor(a);
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) a.readLong(c.next());
        }
        return out;
    }

    /** All elements in C order as floats. */
    static float[] toFloatArray(NDArray a) {
        float[] out = new float[javaLength("toFloatArray", a, a.size())];
        NDArray f = a.dtype() == DType.FLOAT32 ? a : a.astype(DType.FLOAT32); // wide integers round once
        StridedCursor c = new StridedCursor(f);
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) f.readDouble(c.next());
        }
        return out;
    }

    /** All elements in C order as booleans (non-zero is true). */
    static boolean[] toBooleanArray(NDArray a) {
        boolean[] out = new boolean[javaLength("toBooleanArray", a, a.size())];
        StridedCursor c = new StridedCursor(a);
        for (int i = 0; i < out.length; i++) {
            out[i] = a.readDouble(c.next()) != 0;
        }
        return out;
    }
}
