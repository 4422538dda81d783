package org.theano4j;

import java.util.concurrent.locks.ReentrantLock;
import org.theano4j.compile.ArgConverter;
import org.theano4j.graph.SharedContainer;
import org.theano4j.graph.TensorType;
import org.theano4j.tensor.NDArray;

/**
 * A symbolic variable with a value that persists across calls and is shared by every function
 * that uses it (Theano's {@code shared}). Functions' {@code updates} replace the value atomically.
 */
public class SharedVariable extends Variable implements SharedContainer {
    private final ReentrantLock lock = new ReentrantLock();
    private final long order = ORDER.incrementAndGet();
    private volatile NDArray value;

    /** A shared variable of {@code type} holding {@code value} (used as is). */
    protected SharedVariable(TensorType type, NDArray value, String name) {
        super(type, null, 0, name);
        this.value = value;
    }

    /** The value, copied. */
    public NDArray getValue() {
        return getValue(false);
    }

    /** The value; with {@code borrow} the backing array itself (do not modify it). */
    public NDArray getValue(boolean borrow) {
        NDArray v = value;
        return borrow ? v : v.copy();
    }

    /** Sets the value (copied); another dtype or rank is an {@link IllegalArgumentException}. */
    public void setValue(Object newValue) {
        setValue(newValue, false);
    }

    /** Sets the value; with {@code borrow} an NDArray of the right dtype is used without a copy. */
    public void setValue(Object newValue, boolean borrow) {
        NDArray given = newValue instanceof NDArray a ? a : NDArray.fromObject(newValue);
        TensorType t = tensorType();
        if (given.ndim() != t.ndim()) {
            throw new IllegalArgumentException("shared variable " + label() + " is " + t.describe()
                    + "; cannot set a value of ndim " + given.ndim() + " and dtype " + given.dtype().numpyName());
        }
        boolean scalar = newValue instanceof Number || newValue instanceof Boolean;
        if (!scalar && given.dtype() != t.dtype()) {
            throw new IllegalArgumentException("shared variable " + label() + " is " + t.describe()
                    + "; cannot set a value of dtype " + given.dtype().numpyName() + " (cast it first)");
        }
        NDArray converted = ArgConverter.convert(given, t, "shared variable " + label(), scalar);
        value = borrow && converted == given ? converted : (converted == given ? given.copy() : converted);
    }

    private String label() {
        return name() != null ? "'" + name() + "'" : "<unnamed>";
    }

    @Override
    public Variable variable() {
        return this;
    }

    @Override
    public Object currentValue() {
        return value;
    }

    @Override
    public void replaceValue(Object v) {
        value = (NDArray) v;
    }

    @Override
    public ReentrantLock lock() {
        return lock;
    }

    @Override
    public long order() {
        return order;
    }
}
