package org.theano4j.graph;

import org.theano4j.Variable;
import org.theano4j.tensor.NDArray;

/**
 * A constant tensor in the graph. A constant made from a Java {@link Number} is <em>weak</em>:
 * like a Python scalar in numpy, it takes the dtype of the array it combines with when its
 * value fits ({@code fvector + 1.5} stays float32).
 */
public final class Constant extends Variable {
    private final NDArray value;
    private final boolean weak;

    /** A constant of the given value; {@code weak} for a Java number literal. */
    public Constant(NDArray value, boolean weak, String name) {
        super(new TensorType(value.dtype(), allTrueIfOne(value.shape())), null, 0, name);
        this.value = value;
        this.weak = weak;
    }

    /** A strong (non-weak) constant. */
    public Constant(NDArray value) {
        this(value, false, null);
    }

    private static boolean[] allTrueIfOne(long[] shape) {
        boolean[] b = new boolean[shape.length];
        for (int i = 0; i < shape.length; i++) {
            b[i] = shape[i] == 1;
        }
        return b;
    }

    /** The value (do not modify). */
    public NDArray value() {
        return value;
    }

    /** Whether this constant came from a Java number literal (numpy's weak scalar rule). */
    public boolean isWeak() {
        return weak;
    }

    /** Whether every element equals {@code v}. */
    public boolean isAll(double v) {
        long n = value.size();
        for (long i = 0; i < n; i++) {
            if (value.getFlat(i) != v) {
                return false;
            }
        }
        return n > 0;
    }

    /** Whether the value has exactly one element. */
    public boolean isScalarValue() {
        return value.size() == 1;
    }

    /** Constants print as their value. */
    @Override
    public String toString() {
        if (name() != null) {
            return name();
        }
        if (value.size() == 1) {
            double d = value.getFlat(0);
            return value.dtype().isFloat() ? stripZero(Double.toString(d)) : Long.toString(value.getFlatLong(0));
        }
        return "TensorConstant" + org.theano4j.tensor.Shapes.toString(value.shape());
    }

    private static String stripZero(String s) {
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
