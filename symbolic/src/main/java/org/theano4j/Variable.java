package org.theano4j;

import org.theano4j.graph.Apply;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.op.Ops;
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
    private volatile Tag tag;

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

    /** Its tag (Theano's {@code var.tag}), holding its test value; created on first use. */
    public Tag tag() {
        Tag t = tag;
        if (t == null) {
            synchronized (this) {
                if (tag == null) {
                    tag = new Tag(this);
                }
                t = tag;
            }
        }
        return t;
    }

    /** Whether this variable has a tag with a test value (no tag is created). */
    public boolean hasTestValue() {
        Tag t = tag;
        return t != null && t.hasTestValue();
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
    public Variable add(Object o) { return Ops.add(this, o); }
    /** {@code this - o}. */
    public Variable sub(Object o) { return Ops.sub(this, o); }
    /** {@code this * o}. */
    public Variable mul(Object o) { return Ops.mul(this, o); }
    /** {@code this / o} (true division). */
    public Variable div(Object o) { return Ops.div(this, o); }
    /** {@code this ** o}. */
    public Variable pow(Object o) { return Ops.pow(this, o); }
    /** {@code this % o} (sign of the divisor, like Python). */
    public Variable mod(Object o) { return Ops.mod(this, o); }
    /** {@code this // o} (floor division). */
    public Variable intDiv(Object o) { return Ops.intDiv(this, o); }
    /** {@code o - this}. */
    public Variable rsub(Object o) { return Ops.sub(o, this); }
    /** {@code o / this}. */
    public Variable rdiv(Object o) { return Ops.div(o, this); }
    /** {@code o ** this}. */
    public Variable rpow(Object o) { return Ops.pow(o, this); }
    /** {@code -this}. */
    public Variable neg() { return Ops.neg(this); }
    /** {@code |this|}. */
    public Variable abs() { return Ops.abs(this); }
    /** {@code exp(this)}. */
    public Variable exp() { return Ops.exp(this); }
    /** {@code log(this)}. */
    public Variable log() { return Ops.log(this); }
    /** {@code tanh(this)}. */
    public Variable tanh() { return Ops.tanh(this); }
    /** {@code sqrt(this)}. */
    public Variable sqrt() { return Ops.sqrt(this); }
    /** {@code this ** 2}. */
    public Variable sqr() { return Ops.sqr(this); }
    /** {@code 1 / (1 + exp(-this))}. */
    public Variable sigmoid() { return Ops.sigmoid(this); }
    /** {@code this > o}. */
    public Variable gt(Object o) { return Ops.gt(this, o); }
    /** {@code this >= o}. */
    public Variable ge(Object o) { return Ops.ge(this, o); }
    /** {@code this < o}. */
    public Variable lt(Object o) { return Ops.lt(this, o); }
    /** {@code this <= o}. */
    public Variable le(Object o) { return Ops.le(this, o); }
    /** {@code this == o} elementwise. */
    public Variable eq(Object o) { return Ops.eq(this, o); }
    /** {@code this != o} elementwise. */
    public Variable neq(Object o) { return Ops.neq(this, o); }
    /** Dot product / matrix product with {@code o}. */
    public Variable dot(Object o) { return Ops.dot(this, o); }
    /** Sum over all axes. */
    public Variable sum() { return Ops.sum(this); }
    /** Sum over the given axes. */
    public Variable sum(int... axes) { return Ops.sum(this, axes); }
    /** Mean over all axes. */
    public Variable mean() { return Ops.mean(this); }
    /** Mean over the given axes. */
    public Variable mean(int... axes) { return Ops.mean(this, axes); }
    /** Maximum over all axes. */
    public Variable max() { return Ops.max(this); }
    /** Maximum over the given axes. */
    public Variable max(int... axes) { return Ops.max(this, axes); }
    /** Minimum over all axes. */
    public Variable min() { return Ops.min(this); }
    /** Minimum over the given axes. */
    public Variable min(int... axes) { return Ops.min(this, axes); }
    /** Product over all axes. */
    public Variable prod() { return Ops.prod(this); }
    /** Index of the maximum along {@code axis}. */
    public Variable argmax(int axis) { return Ops.argmax(this, axis); }
    /** Index of the minimum along {@code axis}. */
    public Variable argmin(int axis) { return Ops.argmin(this, axis); }
    /** Reshape (one {@code -1} allowed). */
    public Variable reshape(long... shape) { return Ops.reshape(this, shape); }
    /** Theano's {@code x.reshape([n0, n1, ...])} with numbers or integer scalar variables (one may be -1). */
    public Variable reshape(java.util.List<?> shape) { return org.theano4j.op.ShapeOps.reshape(this, shape); }
    /** Flatten to a vector. */
    public Variable flatten() { return Ops.flatten(this); }
    /** Theano's {@code x.flatten(ndim)}: the first {@code outdim - 1} axes kept, the rest joined into the last. */
    public Variable flatten(int outdim) { return T.flatten(this, outdim); }
    /** Transpose (reverses the axes). */
    public Variable T() { return Ops.transpose(this); }
    /** Theano's dimshuffle: axis indices and {@code "x"} for new broadcastable axes. */
    public Variable dimshuffle(Object... pattern) { return Ops.dimshuffle(this, pattern); }
    /** Cast to {@code dtype}. */
    public Variable astype(DType dtype) { return Ops.cast(this, dtype); }
    /** Basic indexing: ints/longs, {@link Slice}s and integer scalar variables, one per leading axis; or integer vector variables only: numpy's {@code x[i0, i1]} (AdvancedSubtensor). */
    public Variable get(Object... index) { return Ops.subtensor(this, index); }
    /** The shape as an int64 vector. */
    public Variable shape() { return Ops.shape(this); }
    /** The size along {@code axis}, as an int64 scalar. */
    public Variable shape(int axis) { return Ops.shape(this).get(axis); }

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
