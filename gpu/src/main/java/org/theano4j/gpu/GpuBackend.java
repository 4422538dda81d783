package org.theano4j.gpu;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.theano4j.Variable;
import org.theano4j.backend.Backend;
import org.theano4j.backend.HostSync;
import org.theano4j.backend.Kernel;
import org.theano4j.graph.Apply;
import org.theano4j.op.Composite;
import org.theano4j.op.Dot;
import org.theano4j.op.Elemwise;
import org.theano4j.op.Gemm;
import org.theano4j.op.Gemv;
import org.theano4j.op.LogSoftmax;
import org.theano4j.op.Reduce;
import org.theano4j.op.ScalarExpr;
import org.theano4j.op.Softmax;
import org.theano4j.op.SoftmaxGrad;

/**
 * The CUDA backend (device {@code cuda}), found with {@link java.util.ServiceLoader}. Fused
 * elementwise nodes ({@link Composite}, and single {@link Elemwise} nodes) run as NVRTC-compiled
 * kernels, compiled once per distinct expression; {@link Dot} of float vectors and matrices, and
 * {@link Gemm} and {@link Gemv} ({@code alpha·dot(x, y) + beta·z}, made by the gemm rewrite from
 * updates like {@code W - lr·dot(x.T, g)}) of float32 or float64, run on cuBLAS; {@link Reduce} (sum, product, max, min, mean over any axes) and {@link Softmax},
 * {@link LogSoftmax} and {@link SoftmaxGrad} over the last axis run as NVRTC-compiled kernels too;
 * every other op gets no kernel, so its reference evaluation runs on the host.
 *
 * <p>Data path: kernel results stay on the device, registered for their output arrays
 * ({@link DeviceValues}), so intermediates and shared variables' updated values are not copied
 * back; the runtime's {@link HostSync} calls copy a value back only where the host reads it
 * ({@code getValue()}, an op without a GPU kernel, the function's outputs).
 */
public final class GpuBackend implements Backend {

    private static final System.Logger LOG = System.getLogger("org.theano4j.gpu");
    private static final java.util.Set<String> HOST_OPS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final String name;
    private final String device;
    private final Supplier<Optional<String>> unavailable;
    private final Supplier<Device> open;
    private volatile DeviceValues values;

    /** Creates the backend; nothing touches CUDA until a kernel is asked for on a usable GPU. */
    public GpuBackend() {
        this("cuda", () -> {
            String reason = GpuAvailability.reason();
            return reason.isEmpty() ? Optional.empty() : Optional.of(reason);
        }, () -> new CudaDevice(GpuDevice.get()));
    }

    /**
     * A backend over another device (tests: a host-memory fake).
     *
     * @param name the backend's name and device, what {@code device(...)} selects it by
     * @param unavailable why it is unusable, or empty
     * @param open opens the device on first use
     */
    GpuBackend(String name, Supplier<Optional<String>> unavailable, Supplier<Device> open) {
        this.device = name;
        this.name = name;
        this.unavailable = unavailable;
        this.open = open;
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public String name() {
        return name;
    }

    /** @return {@link GpuAvailability#reason()}, empty when the GPU is usable */
    @Override
    public Optional<String> unavailableReason() {
        return unavailable.get();
    }

    /** The device's resident values, opened (and registered with {@link HostSync}) on first use. */
    DeviceValues values() {
        DeviceValues v = values;
        if (v == null) {
            synchronized (this) {
                v = values;
                if (v == null) {
                    v = new DeviceValues(open.get());
                    HostSync.register(v);
                    values = v;
                }
            }
        }
        return v;
    }

    /**
     * @param node a node of a plan
     * @return a GPU kernel for composite/elementwise, float vector/matrix dot, float gemm/gemv, reduction and
     *         softmax nodes; null for other ops, and for every node when the GPU is unavailable
     */
    @Override
    public Kernel kernelFor(Apply node) {
        if (unavailable.get().isPresent()) {
            return null;
        }
        Kernel k = touchesComplex(node) ? null : switch (node.op()) {
            case Composite c -> elementwise(c.expr(), node.inputs());
            case Elemwise e -> elementwise(asExpr(e, node), node.inputs());
            case Dot d -> dot(node);
            case Gemm g -> gemm(node);
            case Gemv g -> gemm(node);
            case Reduce r -> reduce(r, node);
            case Softmax s -> rows(SoftmaxKernelSource.Kind.SOFTMAX, node);
            case LogSoftmax l -> rows(SoftmaxKernelSource.Kind.LOG_SOFTMAX, node);
            case SoftmaxGrad g -> rows(SoftmaxKernelSource.Kind.SOFTMAX_GRAD, node);
            default -> null;
        };
        if (k == null && HOST_OPS.add(node.op().displayName())) {
            LOG.log(System.Logger.Level.INFO, "theano4j " + name + ": " + node.op().displayName()
                    + " has no GPU kernel here; it runs on the host, its device inputs copied back");
        }
        return k;
    }

    /** Complex values have no GPU kernels: such a node runs on the host (logged once per op like any other). */
    private static boolean touchesComplex(Apply node) {
        return java.util.stream.Stream.concat(node.inputs().stream(), node.outputs().stream())
                .anyMatch(v -> v.type() instanceof org.theano4j.graph.TensorType t && t.dtype().isComplex());
    }

    /** The single function of an elementwise node as a tree over its inputs. */
    static ScalarExpr asExpr(Elemwise e, Apply node) {
        List<Variable> in = node.inputs();
        List<ScalarExpr> args = java.util.stream.IntStream.range(0, in.size())
                .<ScalarExpr>mapToObj(i -> new ScalarExpr.Input(i, in.get(i).dtype()))
                .toList();
        return new ScalarExpr.Call(e.fn(), args, node.output(0).dtype());
    }

    private Kernel elementwise(ScalarExpr expr, List<Variable> inputs) {
        if (!CudaExpressionRenderer.supports(expr)) {
            return null;
        }
        DeviceValues v = values();
        Device.Program program = v.device().elementwise(expr, inputs.stream().map(Variable::dtype).toList());
        return new ElementwiseKernel(v, program, inputs.size());
    }

    private Kernel dot(Apply node) {
        Variable a = node.input(0);
        Variable b = node.input(1);
        return DotKernel.supports(a.dtype(), a.ndim(), b.ndim()) ? new DotKernel(values()) : null;
    }

    /** A {@link GemmKernel} for a Gemm or Gemv node whose inputs and output are all float32 or all float64. */
    private Kernel gemm(Apply node) {
        boolean ok = GemmKernel.supports(node.input(0).dtype(), node.input(1).dtype(), node.input(2).dtype(),
                node.output(0).dtype());
        return ok ? new GemmKernel(values(), node.op()) : null;
    }

    private Kernel reduce(Reduce op, Apply node) {
        Variable x = node.input(0);
        if (!ReduceKernelSource.supports(x.dtype())) {
            return null;
        }
        DeviceValues v = values();
        return new ReduceKernel(v, op, v.device().reduce(op.kind(), x.dtype(), ReduceKernel.pattern(op, x.ndim())));
    }

    private Kernel rows(SoftmaxKernelSource.Kind kind, Apply node) {
        org.theano4j.tensor.DType t = node.output(0).dtype();
        boolean sameTypes = node.inputs().stream().allMatch(in -> in.dtype() == t);
        if (!SoftmaxKernelSource.supports(t) || !sameTypes || node.inputs().size() != kind.arity()) {
            return null;
        }
        DeviceValues v = values();
        return new SoftmaxKernel(v, v.device().rows(kind, t), kind.arity());
    }
}
