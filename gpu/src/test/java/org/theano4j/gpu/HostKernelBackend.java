package org.theano4j.gpu;

import java.util.Optional;
import org.theano4j.backend.Backend;
import org.theano4j.backend.Kernel;
import org.theano4j.graph.Apply;
import org.theano4j.tensor.NDArray;

/**
 * A host backend whose kernels write into the buffers the runtime plans (as vector-cpu's do; the
 * reference backend evaluates into fresh arrays instead): each single-output node evaluated by the
 * op itself, copied into its output. Device {@value #NAME}, registered for the gpu module's tests,
 * so residency can be checked against host kernels that read shared values and write recycled ones.
 */
public final class HostKernelBackend implements Backend {

    /** The device name functions select it with. */
    static final String NAME = "host-kernels";

    /** Made by the ServiceLoader. */
    public HostKernelBackend() {
    }

    @Override
    public String device() {
        return NAME;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public int priority() {
        return -1000;
    }

    @Override
    public Kernel kernelFor(Apply node) {
        if (node.outputs().size() != 1 || node.op().isView() || node.op().destroys() >= 0) {
            return null;
        }
        return (inputs, outputs) -> outputs[0].copyFrom((NDArray) node.op().evaluate(inputs.clone())[0]);
    }
}
