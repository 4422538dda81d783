package org.theano4j.gpu;

import java.util.Optional;
import org.theano4j.backend.Backend;
import org.theano4j.backend.Kernel;
import org.theano4j.graph.Apply;

/**
 * The gpu backend's kernels and residency over a {@link HostDevice}: device {@value #NAME},
 * registered for the gpu module's tests in {@code META-INF/services}. The last instance
 * {@link java.util.ServiceLoader} made is {@link #current()}, so tests can read its counters.
 */
public final class HostDeviceBackend implements Backend {

    /** The device name functions select it with. */
    static final String NAME = "cuda-host";

    private static volatile HostDeviceBackend current;

    final HostDevice device = new HostDevice();
    private final GpuBackend backend = new GpuBackend(NAME, Optional::empty, () -> device);

    /** Made by the ServiceLoader. */
    public HostDeviceBackend() {
        current = this;
    }

    static HostDeviceBackend current() {
        org.theano4j.backend.Backends.forDevice(NAME);
        return current;
    }

    DeviceValues values() {
        return backend.values();
    }

    @Override
    public String device() {
        return backend.device();
    }

    @Override
    public String name() {
        return backend.name();
    }

    @Override
    public Optional<String> unavailableReason() {
        return backend.unavailableReason();
    }

    @Override
    public Kernel kernelFor(Apply node) {
        return backend.kernelFor(node);
    }
}
