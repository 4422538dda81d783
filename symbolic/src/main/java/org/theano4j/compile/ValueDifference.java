package org.theano4j.compile;

import java.util.Arrays;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/**
 * DebugMode's comparison of two run-time values (Theano's {@code TensorType.values_eq_approx}):
 * dtypes and shapes exactly, integers and bools exactly, floats within Theano's default tolerances
 * ({@code |a - b| <= atol + rtol |b|}; float64 rtol 1e-5 atol 1e-8, float32 rtol 1e-5 atol 1e-5),
 * NaN equal to NaN and infinities equal when of the same sign. Values that are not arrays (random
 * generator states) are not compared; the draws made from them are.
 */
final class ValueDifference {
    private ValueDifference() {
    }

    /** Null when {@code actual} matches {@code expected}, else what differs. */
    static String of(Object expected, Object actual) {
        if (!(expected instanceof NDArray e) || !(actual instanceof NDArray a)) {
            // random generator states: their draws are compared, the states themselves are not
            return expected instanceof NDArray || actual instanceof NDArray ? "an array on one side only" : null;
        }
        if (e.dtype() != a.dtype()) {
            return "dtype " + a.dtype().numpyName() + " instead of " + e.dtype().numpyName();
        }
        if (!Arrays.equals(e.shape(), a.shape())) {
            return "shape " + Shapes.toString(a.shape()) + " instead of " + Shapes.toString(e.shape());
        }
        return e.dtype().isFloat() ? floats(e, a) : exact(e, a);
    }

    private static String exact(NDArray e, NDArray a) {
        long[] x = e.toLongArray();
        long[] y = a.toLongArray();
        for (int i = 0; i < x.length; i++) {
            if (x[i] != y[i]) {
                return "first at flat index " + i + ": " + y[i] + " instead of " + x[i];
            }
        }
        return null;
    }

    private static String floats(NDArray e, NDArray a) {
        double rtol = 1e-5;
        double atol = e.dtype() == DType.FLOAT32 ? 1e-5 : 1e-8;
        double[] x = e.toDoubleArray();
        double[] y = a.toDoubleArray();
        for (int i = 0; i < x.length; i++) {
            boolean same = Double.isNaN(x[i]) ? Double.isNaN(y[i])
                    : Double.isInfinite(x[i]) ? x[i] == y[i]
                    : Math.abs(x[i] - y[i]) <= atol + rtol * Math.abs(x[i]);
            if (!same) {
                return "first at flat index " + i + ": " + y[i] + " instead of " + x[i]
                        + " (rtol " + rtol + ", atol " + atol + ")";
            }
        }
        return null;
    }
}
