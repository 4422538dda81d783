package org.theano4j.backend;

import java.util.Optional;
import org.theano4j.graph.Apply;

/**
 * A device that runs kernel plans, found with {@link java.util.ServiceLoader} (vector-cpu,
 * gpu). For each node the plan asks {@link #kernelFor}; a null answer means the op's own
 * reference evaluation runs instead.
 */
public interface Backend {
    /** The device name this backend serves: {@code cpu} or {@code cuda}. */
    String device();

    /** A short name for printing, e.g. {@code vector-cpu}. */
    String name();

    /** Empty when usable here, else one line saying why not. */
    Optional<String> unavailableReason();

    /** Higher wins among usable backends of the same device. */
    default int priority() {
        return 0;
    }

    /** A kernel for {@code node}, or null to use the op's reference evaluation. */
    Kernel kernelFor(Apply node);
}
