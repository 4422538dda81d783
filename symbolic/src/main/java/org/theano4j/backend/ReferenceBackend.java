package org.theano4j.backend;

import java.util.Optional;
import org.theano4j.graph.Apply;

/**
 * The plain-Java reference backend: every node runs its op's reference evaluation. Always
 * available; used as the test oracle and when no faster CPU backend is on the class path.
 */
public final class ReferenceBackend implements Backend {
    @Override
    public String device() {
        return "cpu";
    }

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public int priority() {
        return -100;
    }

    @Override
    public Kernel kernelFor(Apply node) {
        return null;
    }
}
