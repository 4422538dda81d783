package org.theano4j.rng;

import java.util.concurrent.locks.ReentrantLock;
import org.theano4j.Variable;
import org.theano4j.graph.SharedContainer;
import org.theano4j.persist.Persistable;
import org.theano4j.persist.PersistentForm;

/**
 * A shared variable whose value is a {@link RandomState} (Theano's shared
 * {@code numpy.random.RandomState}). Compiled functions read it at the start of a call and, unless
 * told {@code noDefaultUpdates()}, replace it by the state after the draw ({@link #defaultUpdate()}).
 * Draws work on a copy, so a failed call changes nothing and a value handed out with
 * {@code borrow} is never advanced behind the caller's back.
 */
public final class SharedRandomState extends Variable implements SharedContainer, Persistable {
    private final ReentrantLock lock = new ReentrantLock();
    private final long order = ORDER.incrementAndGet();
    private volatile RandomState value;
    private volatile Variable defaultUpdate;

    /** A shared state holding a copy of {@code value}, named {@code name} (may be null). */
    public SharedRandomState(RandomState value, String name) {
        super(RandomStateType.INSTANCE, null, 0, name);
        this.value = checked(value).copy();
    }

    /** A copy of the current generator. */
    public RandomState getValue() {
        return getValue(false);
    }

    /** The current generator; with {@code borrow} the stored object itself (seed it, then set it back). */
    public RandomState getValue(boolean borrow) {
        RandomState v = value;
        return borrow ? v : v.copy();
    }

    /** Replaces the generator by a copy of {@code newValue}. */
    public void setValue(RandomState newValue) {
        setValue(newValue, false);
    }

    /** Replaces the generator; with {@code borrow} {@code newValue} itself is stored. */
    public void setValue(RandomState newValue, boolean borrow) {
        value = borrow ? checked(newValue) : checked(newValue).copy();
    }

    /** Sets the state that functions assign after each call (the new-state output of this state's draw). */
    void setDefaultUpdate(Variable update) {
        if (!(update.type() instanceof RandomStateType)) {
            throw new IllegalArgumentException("default update of " + this + " must be a RandomStateType, got " + update.type().describe());
        }
        this.defaultUpdate = update;
    }

    private RandomState checked(RandomState v) {
        if (v == null) {
            throw new IllegalArgumentException("shared random state " + this + ": value must be a RandomState, got null");
        }
        return v;
    }

    @Override
    public Variable defaultUpdate() {
        return defaultUpdate;
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
    public void replaceValue(Object newValue) {
        value = (RandomState) newValue;
    }

    /**
     * How a saved function holds a shared random state: its name and generator state. Restoring
     * makes a new shared state without a default update (a saved function's updates are explicit).
     *
     * @param name the name (may be null)
     * @param state the generator's state
     */
    public record Saved(String name, RandomState.State state) implements PersistentForm {
        @Override
        public SharedRandomState restore() {
            RandomState r = new RandomState(0);
            r.setState(state);
            return new SharedRandomState(r, name);
        }
    }

    /** The name and the current generator state (see {@link Saved}). */
    @Override
    public Saved persistentForm() {
        return new Saved(name(), value.getState());
    }

    @Override
    public ReentrantLock lock() {
        return lock;
    }

    @Override
    public long order() {
        return order;
    }

    @Override
    public String toString() {
        return name() != null ? name() : "<RandomStateType>";
    }
}
