package org.theano4j;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.theano4j.backend.HostSync;
import org.theano4j.compile.ArgConverter;
import org.theano4j.graph.SharedContainer;
import org.theano4j.graph.TensorType;
import org.theano4j.persist.Persistable;
import org.theano4j.persist.PersistentForm;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/**
 * A symbolic variable with a value that persists across calls and is shared by every function
 * that uses it (Theano's {@code shared}). Functions' {@code updates} replace the value atomically.
 *
 * <p>Recycling: when an update replaces a value that only this variable holds (it came from an
 * update or a copy, was never lent with {@code getValue(true)} / {@code setValue(v, true)}, and
 * no reader is in flight), the old buffer is kept as the {@link #takeSpare() spare} that the next
 * update writes into, so a training loop's updates allocate nothing. Each value carries its own
 * "lent" mark, set before its borrower stops counting as a reader, so lending one value never
 * unmarks another. Readers that do not hold the lock (functions that only read this variable,
 * {@link #getValue}) count themselves in {@code readers} before they read the value; an update
 * installs the new value, then checks the reader count, then the lent mark: a borrower it does
 * not see counting either read the new value or had already marked the old one.
 */
public class SharedVariable extends Variable implements SharedContainer, Persistable {
    private final ReentrantLock lock = new ReentrantLock();
    private final long order = ORDER.incrementAndGet();
    private final AtomicInteger readers = new AtomicInteger();
    private volatile Held held;
    /** A former value nobody holds, for the next update to write into (guarded by {@link #lock}). */
    private Held spare;
    /** The spare handed to the running update by {@link #takeSpare()}, reused as its holder (guarded by {@link #lock}). */
    private Held offered;

    /** The current value and whether anyone outside this variable may hold it (then it is never recycled). */
    private static final class Held {
        final NDArray array;
        volatile boolean lent;

        Held(NDArray array, boolean lent) {
            this.array = array;
            this.lent = lent;
        }
    }

    /** A shared variable of {@code type} holding {@code value} (used as is, so never recycled). */
    protected SharedVariable(TensorType type, NDArray value, String name) {
        super(type, null, 0, name);
        this.held = new Held(value, true);
    }

    /** The value, copied. */
    public NDArray getValue() {
        return getValue(false);
    }

    /** The value; with {@code borrow} the backing array itself (do not modify it). */
    public NDArray getValue(boolean borrow) {
        readers.incrementAndGet();
        try {
            Held h = held;
            HostSync.toHost(h.array);
            if (borrow) {
                h.lent = true;
                HostSync.release(h.array);
                return h.array;
            }
            return h.array.copy();
        } finally {
            readers.decrementAndGet();
        }
    }

    /** Sets the value (copied); another dtype or rank is an {@link IllegalArgumentException}. */
    public void setValue(Object newValue) {
        setValue(newValue, false);
    }

    /** Sets the value; with {@code borrow} an NDArray of the right dtype is used without a copy. */
    public void setValue(Object newValue, boolean borrow) {
        NDArray given = newValue instanceof NDArray a ? a : NDArray.fromObject(newValue);
        boolean scalar = newValue instanceof Number || newValue instanceof Boolean;
        check(given, scalar);
        NDArray converted = ArgConverter.convert(given, tensorType(), "shared variable " + label(), scalar);
        NDArray next = borrow && converted == given ? converted : (converted == given ? given.copy() : converted);
        HostSync.release(next);
        lock.lock();
        try {
            NDArray old = held.array;
            held = new Held(next, next == given);
            if (old != next && readers.get() == 0) {
                HostSync.retire(old, false);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Throws the {@link IllegalArgumentException} that {@link #setValue} would for {@code value}, else nothing. */
    void checkValue(NDArray value) {
        check(value, false);
        ArgConverter.convert(value, tensorType(), "shared variable " + label(), false);
    }

    private void check(NDArray given, boolean scalar) {
        TensorType t = tensorType();
        if (given.ndim() != t.ndim()) {
            throw new IllegalArgumentException("shared variable " + label() + " is " + t.describe()
                    + "; cannot set a value of ndim " + given.ndim() + " and dtype " + given.dtype().numpyName());
        }
        if (!scalar && given.dtype() != t.dtype()) {
            throw new IllegalArgumentException("shared variable " + label() + " is " + t.describe()
                    + "; cannot set a value of dtype " + given.dtype().numpyName() + " (cast it first)");
        }
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
        return held.array;
    }

    /** Replaces the value with one whose owner is unknown (never recycled). */
    @Override
    public void replaceValue(Object v) {
        NDArray next = (NDArray) v;
        HostSync.release(next);
        held = new Held(next, true);
    }

    /**
     * Installs {@code next}, a fresh array that only this variable will hold (a function's update),
     * and keeps the old value as the spare when nobody else can hold it. Call with the lock held.
     * The reader count is read before the lent mark (see the class comment for why).
     */
    void commitUpdate(NDArray next) {
        Held old = held;
        held = offered != null && offered.array == next ? offered : new Held(next, false);
        offered = null;
        if (old.array != next && readers.get() == 0) {
            boolean recycled = !old.lent;
            if (recycled) {
                spare = old;
            }
            HostSync.retire(old.array, recycled);
        }
    }

    /** Takes the spare buffer (null when there is none) for an update to write into. Call with the lock held. */
    NDArray takeSpare() {
        offered = spare;
        spare = null;
        return offered != null ? offered.array : null;
    }

    /** Gives the spare taken by {@link #takeSpare()} back after a failed call. Call with the lock held. */
    void abandonUpdate() {
        if (offered != null && spare == null) {
            spare = offered;
        }
        offered = null;
    }

    /** Counts a reader that will use the current value after releasing the lock. Call with the lock held. */
    void beginRead() {
        readers.incrementAndGet();
    }

    /** Ends a read begun with {@link #beginRead()}. */
    void endRead() {
        readers.decrementAndGet();
    }

    /**
     * How a saved function holds a shared variable: name, type and value. Restoring makes a new
     * plain shared variable (a subclass's default update is not kept: a saved function's updates
     * are all explicit).
     *
     * @param name the name (may be null)
     * @param type the type
     * @param value the value
     */
    public record Saved(String name, TensorType type, NDArray value) implements PersistentForm {
        /** Checks that the value fits the type. */
        public Saved {
            if (!type.accepts(value)) {
                throw new IllegalArgumentException("shared variable " + name + " is " + type.describe() + " but its saved value is "
                        + value.dtype().numpyName() + " of shape " + Shapes.toString(value.shape()));
            }
        }

        @Override
        public SharedVariable restore() {
            return new SharedVariable(type, value, name);
        }
    }

    /** A copy of the current value with the name and type (see {@link Saved}). */
    @Override
    public Saved persistentForm() {
        return new Saved(name(), tensorType(), getValue());
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
