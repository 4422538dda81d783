package org.theano4j.tensor;

import java.lang.foreign.MemorySegment;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/** Builds arrays from Java values: boxed scalars and (nested, primitive or Object) Java arrays. */
final class JavaArrays {
    private JavaArrays() {
    }

    /** Converts a scalar or Java array of any rank into a new C-contiguous array. */
    static NDArray build(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("cannot convert null to an NDArray");
        }
        long[] shape = shapeOf(value);
        DType dtype = dtypeOf(value);
        if (dtype == null) {
            dtype = defaultDtype(value.getClass());
        }
        NDArray out = NDArray.empty(dtype, shape);
        if (out.size() > 0) {
            fill(value, out, shape.length, new long[1]);
        }
        return out;
    }

    /** A complex array of {@code shape} from interleaved (real, imaginary) pairs in C order. */
    static NDArray buildComplex(DType dtype, double[] reIm, long[] shape) {
        if (dtype == null || !dtype.isComplex()) {
            throw new IllegalArgumentException("ofComplex needs dtype complex64 or complex128, got "
                    + (dtype == null ? "null" : dtype.numpyName()));
        }
        NDArray out = NDArray.empty(dtype, shape);
        if (reIm.length != 2 * out.size()) {
            throw new IllegalArgumentException("ofComplex: shape " + Shapes.toString(shape) + " needs "
                    + 2 * out.size() + " interleaved (real, imaginary) values, got " + reIm.length);
        }
        for (int i = 0; i < out.size(); i++) {
            out.writeComplex(i, reIm[2 * i], reIm[2 * i + 1]);
        }
        return out;
    }

    private static long[] shapeOf(Object value) {
        List<Long> dims = new ArrayList<>();
        Object node = value;
        while (node != null && node.getClass().isArray()) {
            int n = Array.getLength(node);
            dims.add((long) n);
            if (n == 0) {
                break;
            }
            node = Array.get(node, 0);
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        validate(value, shape, 0, "");
        return shape;
    }

    private static void validate(Object node, long[] shape, int depth, String path) {
        boolean isArray = node != null && node.getClass().isArray();
        if (depth == shape.length) {
            if (isArray) {
                throw new IllegalArgumentException("ragged nested array: element " + path
                        + " is an array but the shape " + Shapes.toString(shape) + " needs a scalar there");
            }
            return;
        }
        if (!isArray) {
            throw new IllegalArgumentException("ragged nested array: element " + path + " is "
                    + (node == null ? "null" : "a scalar") + " but should be an array of length " + shape[depth]);
        }
        int n = Array.getLength(node);
        if (n != shape[depth]) {
            throw new IllegalArgumentException("ragged nested array: row " + (path.isEmpty() ? "[]" : path)
                    + " has length " + n + " but row " + firstPath(depth) + " has length " + shape[depth]);
        }
        if (depth + 1 < shape.length || !node.getClass().getComponentType().isPrimitive()) {
            for (int i = 0; i < n; i++) {
                validate(Array.get(node, i), shape, depth + 1, path + "[" + i + "]");
            }
        }
    }

    private static String firstPath(int depth) {
        return depth == 0 ? "[]" : "[0]".repeat(depth);
    }

    /** Promoted dtype of all leaves, or null when there are none. */
    private static DType dtypeOf(Object node) {
        Class<?> type = node.getClass();
        if (!type.isArray()) {
            return scalarDtype(node);
        }
        if (type.getComponentType().isPrimitive()) {
            return DType.ofJavaClass(type.getComponentType());
        }
        DType result = null;
        for (int i = 0, n = Array.getLength(node); i < n; i++) {
            DType d = dtypeOf(Array.get(node, i));
            result = result == null ? d : d == null ? result : DType.promote(result, d);
        }
        return result;
    }

    private static DType scalarDtype(Object v) {
        DType d = DType.ofScalar(v);
        if (d == null) {
            throw new IllegalArgumentException("cannot convert " + v.getClass().getName()
                    + " to an NDArray (expected a Number, Boolean, NDArray or Java array)");
        }
        return d;
    }

    private static DType defaultDtype(Class<?> type) {
        Class<?> leaf = type;
        while (leaf.isArray()) {
            leaf = leaf.getComponentType();
        }
        return leaf.isPrimitive() ? DType.ofJavaClass(leaf) : DType.FLOAT64;
    }

    private static void fill(Object node, NDArray out, int depthLeft, long[] cursor) {
        if (depthLeft == 0) {
            writeScalar(out, cursor[0]++, node);
        } else if (depthLeft == 1 && node.getClass().getComponentType().isPrimitive()) {
            cursor[0] += writeLeafRow(node, out, cursor[0]);
        } else {
            for (int i = 0, n = Array.getLength(node); i < n; i++) {
                fill(Array.get(node, i), out, depthLeft - 1, cursor);
            }
        }
    }

    private static void writeScalar(NDArray out, long pos, Object v) {
        switch (v) {
            case Boolean b -> out.writeLong(pos, b ? 1 : 0);
            case Double d -> out.writeDouble(pos, d);
            case Float f -> out.writeDouble(pos, f);
            case Number n -> out.writeLong(pos, n.longValue());
            default -> throw new IllegalArgumentException("cannot convert " + v.getClass().getName());
        }
    }

    /** Copies one primitive row to positions {@code pos...}; returns its length. */
    private static int writeLeafRow(Object row, NDArray out, long pos) {
        int n = Array.getLength(row);
        Class<?> component = row.getClass().getComponentType();
        if (component != boolean.class && DType.ofJavaClass(component) == out.dtype()) {
            MemorySegment.copy(row, 0, out.segment(), out.dtype().layout(), pos * out.dtype().byteSize(), n);
            return n;
        }
        for (int i = 0; i < n; i++) {
            writeScalar(out, pos + i, Array.get(row, i));
        }
        return n;
    }
}
