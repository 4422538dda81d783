package org.theano4j.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * {@code explicit} plus the default update of every shared container that {@code roots} (or
     * an update added so far) read and that has no update yet, in first-seen order: the updates a
     * function (or one step of a loop) applies.
     */
    static Map<SharedContainer, Variable> withDefaultUpdates(List<Variable> roots, Map<SharedContainer, Variable> explicit) {
        Map<SharedContainer, Variable> updates = new LinkedHashMap<>(explicit);
        boolean grew = true;
        while (grew) {
            grew = false;
            List<Variable> all = new ArrayList<>(roots);
            all.addAll(updates.values());
            for (Variable leaf : Graphs.leaves(all)) {
                if (leaf instanceof SharedContainer c && !updates.containsKey(c) && c.defaultUpdate() != null) {
                    updates.put(c, c.defaultUpdate());
                    grew = true;
                }
            }
        }
        return updates;
    }
}
