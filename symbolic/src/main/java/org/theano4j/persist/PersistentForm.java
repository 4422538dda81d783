package org.theano4j.persist;

/**
 * The saved form of a {@link Persistable}: a public record whose components are data (numbers,
 * strings, enums, lists, arrays, records, types, arrays of values, variables of a nested graph).
 */
public interface PersistentForm {
    /** A new object equivalent to the one this form was made from. */
    Object restore();
}
