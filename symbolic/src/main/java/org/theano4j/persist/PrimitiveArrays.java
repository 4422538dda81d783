package org.theano4j.persist;

import java.lang.reflect.Array;
import java.util.List;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Long Java arrays of numbers in record components (a generator's 624-word key, say) are stored
 * as {@code .npy} members rather than inline, each as the vector of the matching dtype, exactly.
 */
final class PrimitiveArrays {
    /** Arrays with more elements than this go to a member; shorter ones stay inline, readable. */
    static final int INLINE = 16;
    private static final List<Class<?>> COMPONENTS = List.of(boolean.class, byte.class, short.class, int.class, long.class,
            float.class, double.class);
    private static final List<DType> DTYPES = List.of(DType.BOOL, DType.INT8, DType.INT16, DType.INT32, DType.INT64,
            DType.FLOAT32, DType.FLOAT64);

    private PrimitiveArrays() {
    }

    /** Whether {@code a} (a Java array) is written as a member. */
    static boolean asMember(Object a) {
        return COMPONENTS.contains(a.getClass().getComponentType()) && Array.getLength(a) > INLINE;
    }

    /** {@code a} as a vector of its dtype. */
    static NDArray toArray(Object a) {
        return switch (a) {
            case boolean[] v -> NDArray.of(v);
            case byte[] v -> NDArray.of(v);
            case short[] v -> NDArray.of(v);
            case int[] v -> NDArray.of(v);
            case long[] v -> NDArray.of(v);
            case float[] v -> NDArray.of(v);
            case double[] v -> NDArray.of(v);
            default -> throw new IllegalStateException("not a primitive array: " + a.getClass());
        };
    }

    /** The Java array of {@code component} values that vector {@code a} holds. */
    static Object fromArray(NDArray a, Class<?> component, String where) {
        int k = COMPONENTS.indexOf(component);
        if (k < 0 || a.dtype() != DTYPES.get(k) || a.ndim() != 1) {
            throw new IllegalArgumentException(where + ": expected a " + component + "[] member, the file's is " + a.dtype().numpyName()
                    + " of " + a.ndim() + " axes");
        }
        return switch (a.dtype()) {
            case BOOL -> a.toBooleanArray();
            case INT32 -> a.toIntArray();
            case INT64 -> a.toLongArray();
            case FLOAT32 -> a.toFloatArray();
            case FLOAT64 -> a.toDoubleArray();
            default -> narrow(a.toLongArray(), component);
        };
    }

    private static Object narrow(long[] v, Class<?> component) {
        Object out = Array.newInstance(component, v.length);
        for (int i = 0; i < v.length; i++) {
            Array.set(out, i, component == byte.class ? (Object) (byte) v[i] : (Object) (short) v[i]);
        }
        return out;
    }
}
