package org.theano4j.gpu;

import java.util.List;
import java.util.Optional;
import org.theano4j.Variable;
import org.theano4j.backend.Backend;
import org.theano4j.backend.Kernel;
import org.theano4j.graph.Apply;
import org.theano4j.op.Composite;
import org.theano4j.op.Dot;
import org.theano4j.op.Elemwise;
import org.theano4j.op.ScalarExpr;

/**
 * The CUDA backend (device {@code cuda}), found with {@link java.util.ServiceLoader}. Fused
 * elementwise nodes ({@link Composite}, and single {@link Elemwise} nodes) run as NVRTC-compiled
 * kernels, compiled once per distinct expression; {@link Dot} of float vectors and matrices runs
 * on cuBLAS; every other op gets no kernel, so its reference evaluation runs on the host.
 *
 * <p>Data path (for now): host arrays are uploaded for each kernel call and the result is copied
 * back into the preallocated output; shared variables are not yet resident on the device
 * (see the module's README).
 */
public final class GpuBackend implements Backend {

    /** Creates the backend; nothing touches CUDA until a kernel is asked for on a usable GPU. */
    public GpuBackend() {
    }

    @Override
    public String device() {
        return "cuda";
    }

    @Override
    public String name() {
        return "cuda";
    }

    /** @return {@link GpuAvailability#reason()}, empty when the GPU is usable */
    @Override
    public Optional<String> unavailableReason() {
        String reason = GpuAvailability.reason();
        return reason.isEmpty() ? Optional.empty() : Optional.of(reason);
    }

    /**
     * @param node a node of a plan
     * @return a GPU kernel for composite/elementwise and float vector/matrix dot nodes; null for
     *         other ops, and for every node when the GPU is unavailable
     */
    @Override
    public Kernel kernelFor(Apply node) {
        if (!GpuAvailability.isAvailable()) {
            return null;
        }
        return switch (node.op()) {
            case Composite c -> elementwise(c.expr(), node.inputs());
            case Elemwise e -> elementwise(asExpr(e, node), node.inputs());
            case Dot d -> dot(node);
            default -> null;
        };
    }

    /** The single function of an elementwise node as a tree over its inputs. */
    static ScalarExpr asExpr(Elemwise e, Apply node) {
        List<Variable> in = node.inputs();
        List<ScalarExpr> args = java.util.stream.IntStream.range(0, in.size())
                .<ScalarExpr>mapToObj(i -> new ScalarExpr.Input(i, in.get(i).dtype()))
                .toList();
        return new ScalarExpr.Call(e.fn(), args, node.output(0).dtype());
    }

    private static Kernel elementwise(ScalarExpr expr, List<Variable> inputs) {
        if (!CudaExpressionRenderer.supports(expr)) {
            return null;
        }
        String source = CudaExpressionRenderer.kernelSource(expr, inputs.stream().map(Variable::dtype).toList());
        GpuDevice device = GpuDevice.get();
        return new ElementwiseKernel(device, device.elementwiseKernel(source), inputs.size());
    }

    private static Kernel dot(Apply node) {
        Variable a = node.input(0);
        Variable b = node.input(1);
        return DotKernel.supports(a.dtype(), a.ndim(), b.ndim()) ? new DotKernel(GpuDevice.get()) : null;
    }
}
