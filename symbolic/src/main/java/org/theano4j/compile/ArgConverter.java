package org.theano4j.compile;

import org.theano4j.graph.TensorType;
import org.theano4j.op.Casting;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/**
 * Converts call arguments to an input's type: NDArrays of the right dtype pass through; other
 * dtypes are converted when no precision can be lost (numpy's "safe" casting, or, for a Java
 * number, when its value fits); anything else is an {@link IllegalArgumentException} naming the
 * input, the expected type and the given one.
 */
public final class ArgConverter {
    private ArgConverter() {
    }

    /** {@code arg} (NDArray, Number, Boolean or Java array) as a value of {@code type}. */
    public static NDArray convert(Object arg, TensorType type, String label) {
        return convert(arg, type, () -> label);
    }

    /** As {@link #convert(Object, TensorType, String)}, building the label only when there is an error. */
    public static NDArray convert(Object arg, TensorType type, java.util.function.Supplier<String> label) {
        if (arg == null) {
            throw new IllegalArgumentException(label.get() + ": expected " + type.describe() + ", got null");
        }
        NDArray a;
        try {
            a = arg instanceof NDArray n ? n : NDArray.fromObject(arg);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(label.get() + ": " + e.getMessage(), e);
        }
        return convert(a, type, label, arg instanceof Number || arg instanceof Boolean);
    }

    /**
     * Writes a Java scalar ({@code Double}, {@code Float}, {@code Long}, {@code Integer},
     * {@code Short}, {@code Byte} or {@code Boolean}) into the 0-d {@code target} when
     * {@link #convert(Object, TensorType, String)} would accept it for the target's dtype, with
     * the same value; returns false (nothing written) otherwise, so the caller takes the slow
     * path and its error message.
     */
    public static boolean writeScalar(Object arg, NDArray target) {
        DType natural = DType.ofScalar(arg);
        if (natural == null) {
            return false;
        }
        boolean integral = !natural.isFloat();
        long bits = arg instanceof Boolean b ? (b ? 1 : 0) : integral ? ((Number) arg).longValue() : 0;
        double value = arg instanceof Boolean ? bits : integral ? (double) bits : ((Number) arg).doubleValue();
        DType want = target.dtype();
        if (natural != want && !Casting.fits(value, want)) {
            return false;
        }
        if (integral && !want.isFloat()) {
            target.writeLong(target.offset(), bits);
        } else {
            target.writeDouble(target.offset(), value);
        }
        return true;
    }

    /** {@code a} as a value of {@code type}; {@code valueBased} checks the value instead of the dtype. */
    public static NDArray convert(NDArray a, TensorType type, String label, boolean valueBased) {
        return convert(a, type, () -> label, valueBased);
    }

    /** As {@link #convert(NDArray, TensorType, String, boolean)}, building the label only when there is an error. */
    public static NDArray convert(NDArray a, TensorType type, java.util.function.Supplier<String> label, boolean valueBased) {
        if (a.ndim() != type.ndim()) {
            throw new IllegalArgumentException(label.get() + ": expected " + type.describe() + " (ndim " + type.ndim()
                    + "), got an array of shape " + Shapes.toString(a.shape()) + " and dtype " + a.dtype().numpyName());
        }
        for (int i = 0; i < type.ndim(); i++) {
            if (type.isBroadcastable(i) && a.shape(i) != 1) {
                throw new IllegalArgumentException(label.get() + ": axis " + i + " is broadcastable (length 1) in "
                        + type.describe() + ", got shape " + Shapes.toString(a.shape()));
            }
        }
        DType want = type.dtype();
        if (a.dtype() == want) {
            return a;
        }
        boolean ok = valueBased ? Casting.fits(a.getFlat(0), want) : canCastSafely(a.dtype(), want);
        if (!ok) {
            String what = valueBased ? "value " + a.getFlat(0) + " (" + a.dtype().numpyName() + ")" : "dtype " + a.dtype().numpyName();
            throw new IllegalArgumentException(label.get() + ": expected " + type.describe() + ", got " + what
                    + ", which cannot be converted to " + want.numpyName() + " without losing precision");
        }
        return a.astype(want);
    }

    /** numpy's {@code can_cast(from, to, 'safe')}. */
    public static boolean canCastSafely(DType from, DType to) {
        if (from == to || from == DType.BOOL) {
            return true;
        }
        if (to == DType.BOOL) {
            return false;
        }
        return DType.promote(from, to) == to;
    }
}
