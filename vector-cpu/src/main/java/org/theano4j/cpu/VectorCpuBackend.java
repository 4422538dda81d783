package org.theano4j.cpu;

import java.util.Optional;
import org.theano4j.backend.Backend;
import org.theano4j.backend.Kernel;
import org.theano4j.graph.Apply;

/**
 * The CPU backend: Vector API kernels over off-heap arrays (fused elementwise, GEMM/GEMV,
 * reductions), found with {@link java.util.ServiceLoader}. Unusable (with the reason) when the
 * JVM was started without {@code --add-modules=jdk.incubator.vector}.
 */
public final class VectorCpuBackend implements Backend {
    /** Created by the service loader. */
    public VectorCpuBackend() {
    }

    @Override
    public String device() {
        return "cpu";
    }

    @Override
    public String name() {
        return "vector-cpu";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Optional<String> unavailableReason() {
        return VectorSupport.REASON;
    }

    @Override
    public Kernel kernelFor(Apply node) {
        return CpuKernels.forNode(node);
    }

    /** Checks once whether the Vector API module is present. */
    private static final class VectorSupport {
        static final Optional<String> REASON = check();

        private static Optional<String> check() {
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                return Optional.of("the JVM lacks --add-modules=jdk.incubator.vector");
            }
            return Optional.empty();
        }
    }
}
