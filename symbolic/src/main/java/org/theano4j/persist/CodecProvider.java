package org.theano4j.persist;

import java.lang.invoke.MethodHandles;
import java.util.Set;

/**
 * A module's part in saved functions (found with {@link java.util.ServiceLoader}): the packages
 * whose public records and enums (ops, scalar functions, their parameters, saved forms of state)
 * a function file may name, and a lookup into that module with which the codec reads record
 * components and calls canonical constructors. A module whose ops are plain data records needs
 * nothing else; objects that are not data save through {@link Persistable}.
 *
 * <p>The lookup should have {@code MODULE} access and no more
 * ({@code MethodHandles.lookup().dropLookupMode(MethodHandles.Lookup.PACKAGE)}): the codec only
 * touches public classes and members, and the module needs to open nothing to reflection.
 * Under {@code module-info.java}, declare {@code provides org.theano4j.persist.CodecProvider with ...}.
 */
public interface CodecProvider {
    /** The packages (exactly these, not their subpackages) whose classes a saved function may name. */
    Set<String> packages();

    /** A lookup in the module that owns {@link #packages()}. */
    MethodHandles.Lookup lookup();
}
