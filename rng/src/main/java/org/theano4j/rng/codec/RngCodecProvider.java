package org.theano4j.rng.codec;

import java.lang.invoke.MethodHandles;
import java.util.Set;
import org.theano4j.persist.CodecProvider;

/**
 * Lets saved functions hold this module's ops, distributions and random states (all public
 * records and enums of {@code org.theano4j.rng}), through a lookup with module access only.
 */
public final class RngCodecProvider implements CodecProvider {
    /** Made by {@link java.util.ServiceLoader}. */
    public RngCodecProvider() {
    }

    @Override
    public Set<String> packages() {
        return Set.of("org.theano4j.rng");
    }

    @Override
    public MethodHandles.Lookup lookup() {
        return MethodHandles.lookup().dropLookupMode(MethodHandles.Lookup.PACKAGE);
    }
}
