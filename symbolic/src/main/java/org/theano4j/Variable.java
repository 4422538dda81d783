package org.theano4j;

import org.theano4j.graph.Apply;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.tensor.DType;

/**
 * A symbolic variable: an edge of the graph, either an input (no owner) or output
 * {@link #index()} of the {@link Apply} node {@link #owner()}. Build expressions with the
 * instance methods below or with the static methods of {@link T}. Equality is identity, so
 * variables can be used as map keys.
 */
public class Variable {
    private final Type type;
    private final Apply owner;
    private final int index;
    private final String name;

    /**
     * Creates a variable. User code normally gets variables from {@link T} and ops; this
     * constructor is for graph code and subclasses.
     */
    public Variable(Type type, Apply owner, int index, String name) {
        this.type = type;
        this.owner = owner;
        this.index = index;
        this.name = name;
    }

    /** The variable's name, or null. */
    public String name() {
        return name;
    }

    /** Its type. */
    public Type type() {
        return type;
    }

    /** The node that computes it, or null for a graph input, constant or shared variable. */
    public Apply owner() {
        return owner;
    }

    /** Which output of {@link #owner()} this is. */
    public int index() {
        return index;
    }

    /** Whether this is a tensor variable. */
    public boolean isTensor() {
        return type instanceof TensorType;
    }

    /** Its tensor type; {@link IllegalArgumentException} if it is not a tensor. */
    public TensorType tensorType() {
        if (type instanceof TensorType t) {
            return t;
        }
        throw new IllegalArgumentException("variable " + this + " is not a tensor but " + type.describe());
    }

    /** The dtype of a tensor variable. */
    public DType dtype() {
        return tensorType().dtype();
    }

    /** Number of axes of a tensor variable. */
    public int ndim() {
        return tensorType().ndim();
    }

    /** Broadcastable pattern of a tensor variable. */
    public boolean[] broadcastable() {
        return tensorType().broadcastable();
    }

    /** A variable of the same type, unconnected, with the same name (a fresh graph input). */
    public Variable cloneAsInput() {
        return new Variable(type, null, 0, name);
    }

    /** {@code this + o}. */
    public Variable add(Object o) { return T.add(this, o); }
    /** {@code this - o}. */
    public Variable sub(Object o) { return T.sub(this, o); }
    /** {@code this * o}. */
    public Variable mul(Object o) { return T.mul(this, o); }
    /** {@code this / o} (true division). */
    public Variable div(Object o) { return T.div(this, o); }
    /** {@code this ** o}. */
    public Variable pow(Object o) { return T.pow(this, o); }
    /** {@code this % o} (sign of the divisor, like Python). */
    public Variable mod(Object o) { return T.mod(this, o); }
    /** {@code this // o} (floor division). */
    public Variable intDiv(Object o) { return T.intDiv(this, o); }
    /** {@code o - this}. */
    public Variable rsub(Object o) { return T.sub(o, this); }
    /** {@code o / this}. */
    public Variable rdiv(Object o) { return T.div(o, this); }
    /** {@code o ** this}. */
    public Variable rpow(Object o) { return T.pow(o, this); }
    /** {@code -this}. */
    public Variable neg() { return T.neg(this); }
    /** {@code |this|}. */
    public Variable abs() { return T.abs(this); }
    /** {@code exp(this)}. */
    public Variable exp() { return T.exp(this); }
    /** {@code log(this)}. */
    public Variable log() { return T.log(this); }
    /** {@code tanh(this)}. */
    public Variable tanh() { return T.tanh(this); }
    /** {@code sqrt(this)}. */
    public Variable sqrt() { return T.sqrt(this); }
    /** {@code this ** 2}. */
    public Variable sqr() { return T.sqr(this); }
    /** {@code 1 / (1 + exp(-this))}. */
    public Variable sigmoid() { return T.sigmoid(this); }
    /** {@code this > o}. */
    public Variable gt(Object o) { return T.gt(this, o); }
    /** {@code this >= o}. */
    public Variable ge(Object o) { return T.ge(this, o); }
    /** {@code this < o}. */
    public Variable lt(Object o) { return T.lt(this, o); }
    /** {@code this <= o}. */
    public Variable le(Object o) { return T.le(this, o); }
    /** {@code this == o} elementwise. */
    public Variable eq(Object o) { return T.eq(this, o); }
    /** {@code this != o} elementwise. */
    public Variable neq(Object o) { return T.neq(this, o); }
    /** Dot product / matrix product with {@code o}. */
    public Variable dot(Object o) { return T.dot(this, o); }
    /** Sum over all axes. */
    public Variable sum() { return T.sum(this); }
    /** Sum over the given axes. */
    public Variable sum(int... axes) { return T.sum(this, axes); }
    /** Mean over all axes. */
    public Variable mean() { return T.mean(this); }
    /** Mean over the given axes. */
    public Variable mean(int... axes) { return T.mean(this, axes); }
    /** Maximum over all axes. */
    public Variable max() { return T.max(this); }
    /** Maximum over the given axes. */
    public Variable max(int... axes) { return T.max(this, axes); }
    /** Minimum over all axes. */
    public Variable min() { return T.min(this); }
    /** Minimum over the given axes. */
    public Variable min(int... axes) { return T.min(this, axes); }
    /** Product over all axes. */
    public Variable prod() { return T.prod(this); }
    /** Index of the maximum along {@code axis}. */
    public Variable argmax(int axis) { return T.argmax(this, axis); }
    /** Index of the minimum along {@code axis}. */
    public Variable argmin(int axis) { return T.argmin(this, axis); }
    /** Reshape (one {@code -1} allowed). */
    public Variable reshape(long... shape) { return T.reshape(this, shape); }
    /** Flatten to a vector. */
    public Variable flatten() { return T.flatten(this); }
    /** Theano's {@code x.flatten(ndim)}: the first {@code outdim - 1} axes kept, the rest joined into the last. */
    public Variable flatten(int outdim) { return T.flatten(this, outdim); }
    /** Transpose (reverses the axes). */
    public Variable T() { return T.transpose(this); }
    /** Theano's dimshuffle: axis indices and {@code "x"} for new broadcastable axes. */
    public Variable dimshuffle(Object... pattern) { return T.dimshuffle(this, pattern); }
    /** Cast to {@code dtype}. */
    public Variable astype(DType dtype) { return T.cast(this, dtype); }
    /** Basic indexing: ints/longs, {@link Slice}s and integer scalar variables, one per leading axis. */
    public Variable get(Object... index) { return T.subtensor(this, index); }
    /** The shape as an int64 vector. */
    public Variable shape() { return T.shape(this); }
    /** The size along {@code axis}, as an int64 scalar. */
    public Variable shape(int axis) { return T.shape(this).get(axis); }

    /** The name if set, else a readable formula of the expression. */
    @Override
    public String toString() {
        return name != null ? name : Printing.formula(this);
    }

    @Override
    public final boolean equals(Object o) {
        return this == o;
    }

    @Override
    public final int hashCode() {
        return System.identityHashCode(this);
    }
}
