package org.theano4j.graph;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.theano4j.Variable;

/**
 * State that lives across function calls: a shared variable's value or a random generator's
 * state. Compiled functions read it at the start of a call and replace it when the call's
 * updates commit. Implemented by variables ({@link #variable()} returns this).
 */
public interface SharedContainer {
    /** This container as a graph variable. */
    Variable variable();

    /** The current value (no copy). */
    Object currentValue();

    /** Replaces the value; the caller has checked its type. */
    void replaceValue(Object value);

    /** The update applied by functions that use this container and do not update it themselves, or null. */
    default Variable defaultUpdate() {
        return null;
    }

    /** The lock that serializes read-modify-write calls on this container. */
    ReentrantLock lock();

    /** A process-wide creation number, used to take several locks in one order. */
    long order();

    /** Source of {@link #order()} numbers. */
    AtomicLong ORDER = new AtomicLong();
}
