package org.theano4j.graph;

import java.util.Arrays;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Type of a symbolic tensor: its dtype and, per axis, whether that axis is known to have
 * length 1 (Theano's broadcastable pattern). Two tensor types are equal when both match.
 */
public final class TensorType implements Type {
    private final DType dtype;
    private final boolean[] broadcastable;

    /** A tensor type of the given dtype and broadcastable pattern (one flag per axis). */
    public TensorType(DType dtype, boolean... broadcastable) {
        this.dtype = dtype;
        this.broadcastable = broadcastable.clone();
    }

    /** A tensor type of {@code ndim} axes, none broadcastable. */
    public static TensorType of(DType dtype, int ndim) {
        return new TensorType(dtype, new boolean[ndim]);
    }

    /** The element type. */
    public DType dtype() {
        return dtype;
    }

    /** Number of axes. */
    public int ndim() {
        return broadcastable.length;
    }

    /** The broadcastable pattern (a copy). */
    public boolean[] broadcastable() {
        return broadcastable.clone();
    }

    /** Whether axis {@code axis} is known to have length 1. */
    public boolean isBroadcastable(int axis) {
        return broadcastable[axis];
    }

    /** The same pattern with another dtype. */
    public TensorType withDType(DType other) {
        return new TensorType(other, broadcastable);
    }

    @Override
    public boolean accepts(Object value) {
        if (!(value instanceof NDArray a) || a.dtype() != dtype || a.ndim() != ndim()) {
            return false;
        }
        for (int i = 0; i < broadcastable.length; i++) {
            if (broadcastable[i] && a.shape(i) != 1) {
                return false;
            }
        }
        return true;
    }

    /** Theano's name for the rank: scalar, vector, row/col, matrix, tensor3, ... */
    public String rankName() {
        return switch (ndim()) {
            case 0 -> "scalar";
            case 1 -> "vector";
            case 2 -> broadcastable[0] && !broadcastable[1] ? "row" : !broadcastable[0] && broadcastable[1] ? "col" : "matrix";
            default -> "tensor" + ndim();
        };
    }

    @Override
    public String describe() {
        return "TensorType(" + dtype.numpyName() + ", " + rankName() + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorType t && t.dtype == dtype && Arrays.equals(t.broadcastable, broadcastable);
    }

    @Override
    public int hashCode() {
        return dtype.hashCode() * 31 + Arrays.hashCode(broadcastable);
    }

    @Override
    public String toString() {
        return describe();
    }
}
