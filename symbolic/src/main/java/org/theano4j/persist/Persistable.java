package org.theano4j.persist;

/**
 * An object of a saved function that is not itself a data record (an op that caches a compiled
 * plan, a shared container with a lock): it saves as the record {@link #persistentForm()} returns,
 * and a load rebuilds it with {@link PersistentForm#restore()}. The form is the one place that
 * lists what the object is made of.
 */
public interface Persistable {
    /** A data record standing for this object (a public record of a registered package). */
    PersistentForm persistentForm();
}
