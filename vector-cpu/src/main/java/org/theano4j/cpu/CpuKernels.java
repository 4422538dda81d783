package org.theano4j.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.theano4j.Variable;
import org.theano4j.backend.Kernel;
import org.theano4j.graph.Apply;
import org.theano4j.graph.TensorType;
import org.theano4j.op.AdvancedIncSubtensor1;
import org.theano4j.op.AdvancedSubtensor1;
import org.theano4j.op.Alloc;
import org.theano4j.op.ArgReduce;
import org.theano4j.op.Composite;
import org.theano4j.op.CrossentropyCategorical1Hot;
import org.theano4j.op.CrossentropyCategorical1HotGrad;
import org.theano4j.op.Dot;
import org.theano4j.op.Elemwise;
import org.theano4j.op.Gemm;
import org.theano4j.op.Gemv;
import org.theano4j.op.LogSoftmax;
import org.theano4j.op.Reduce;
import org.theano4j.op.ScalarExpr;
import org.theano4j.op.Shape;
import org.theano4j.op.Softmax;
import org.theano4j.op.SoftmaxGrad;
import org.theano4j.op.nnet.AbstractConv2d;
import org.theano4j.op.nnet.AbstractConv2dGradInputs;
import org.theano4j.op.nnet.AbstractConv2dGradWeights;
import org.theano4j.op.nnet.AveragePoolGrad;
import org.theano4j.op.nnet.DownsampleFactorMaxGradGrad;
import org.theano4j.op.nnet.MaxPoolGrad;
import org.theano4j.op.nnet.Pool;
import org.theano4j.tensor.DType;

/**
 * The one registration file of the CPU backend: which kernel runs which op. A node with a complex
 * input or output has no kernel: it runs through its op's reference evaluation (logged once).
 */
final class CpuKernels {
    private static final System.Logger LOG = System.getLogger("org.theano4j.backend");
    private static final AtomicBoolean COMPLEX_NOTED = new AtomicBoolean();

    static {
        LOG.log(System.Logger.Level.DEBUG, () -> "theano4j vector-cpu: " + Species.describe());
        Warmup.startOnce();
    }

    private CpuKernels() {
    }

    /** The kernel for {@code node}, or null when the op's reference evaluation should run. */
    static Kernel forNode(Apply node) {
        if (touchesComplex(node)) {
            if (!COMPLEX_NOTED.getAndSet(true)) {
                LOG.log(System.Logger.Level.INFO, "theano4j vector-cpu: complex nodes (first: " + node.op().displayName()
                        + ") run through the reference evaluation, one node at a time");
            }
            return null;
        }
        return switch (node.op()) {
            case Composite c -> elementwise(c.expr());
            case Elemwise e -> elementwise(asExpr(node, e));
            case Reduce r -> node.input(0).dtype().isFloat() ? ReduceKernel.of(r, node.input(0).dtype())
                    : ShapeKernels.vectorReduce(r, node.input(0).dtype(), node.input(0).ndim());
            case Shape s -> ShapeKernels.shape();
            case Dot d -> DotKernel.of(node.input(0).ndim(), node.input(1).ndim(), node.input(0).dtype());
            case Gemm g -> GemmKernel.of(2, 2, node.input(1).dtype(), g.alpha(), g.beta());
            case Gemv g -> GemmKernel.of(2, 1, node.input(1).dtype(), g.alpha(), g.beta());
            case Softmax s -> SoftmaxKernels.of(SoftmaxKernels.Kind.SOFTMAX, node.input(0).dtype());
            case LogSoftmax s -> SoftmaxKernels.of(SoftmaxKernels.Kind.LOG_SOFTMAX, node.input(0).dtype());
            case SoftmaxGrad s -> SoftmaxKernels.of(SoftmaxKernels.Kind.GRAD, node.input(1).dtype());
            case ArgReduce a -> ArgReduceKernel.of(a, node.input(0).dtype());
            case Alloc a -> AllocKernel.of(node.input(0).dtype());
            case CrossentropyCategorical1Hot c -> CrossentropyKernels.of(false, node.input(0).dtype());
            case CrossentropyCategorical1HotGrad c -> CrossentropyKernels.of(true, node.input(1).dtype());
            case AdvancedSubtensor1 a -> IndexKernels.take(a.axis());
            case AdvancedIncSubtensor1 a -> IndexKernels.incSubtensor(a.axis(), a.set(), node.input(0).dtype());
            case AbstractConv2d c -> ConvKernels.of(ConvKernels.Kind.FORWARD, node.input(0).dtype(), c);
            case AbstractConv2dGradWeights c -> ConvKernels.of(ConvKernels.Kind.GRAD_WEIGHTS, node.input(0).dtype(), c);
            case AbstractConv2dGradInputs c -> ConvKernels.of(ConvKernels.Kind.GRAD_INPUTS, node.input(0).dtype(), c);
            case Pool p -> PoolKernels.of(PoolKernels.Kind.FORWARD, p.params(), node.input(0).dtype());
            case MaxPoolGrad p -> PoolKernels.of(PoolKernels.Kind.MAX_GRAD, p.params(), node.input(0).dtype());
            case AveragePoolGrad p -> PoolKernels.of(PoolKernels.Kind.AVERAGE_GRAD, p.params(), node.input(0).dtype());
            case DownsampleFactorMaxGradGrad p -> PoolKernels.of(PoolKernels.Kind.MAX_GRAD_GRAD, p.params(), node.input(0).dtype());
            default -> null;
        };
    }

    private static boolean touchesComplex(Apply node) {
        for (Variable v : node.inputs()) {
            if (v.type() instanceof TensorType t && t.dtype().isComplex()) {
                return true;
            }
        }
        for (Variable v : node.outputs()) {
            if (v.type() instanceof TensorType t && t.dtype().isComplex()) {
                return true;
            }
        }
        return false;
    }

    private static Kernel elementwise(ScalarExpr expr) {
        ElemProgram p = ElemProgram.compile(expr);
        return p != null ? new ElemwiseKernel(p) : ScalarElemwiseKernel.of(expr);
    }

    private static ScalarExpr asExpr(Apply node, Elemwise e) {
        List<ScalarExpr> args = new ArrayList<>();
        for (int i = 0; i < node.inputs().size(); i++) {
            args.add(new ScalarExpr.Input(i, node.input(i).dtype()));
        }
        DType out = node.output(0).dtype();
        return new ScalarExpr.Call(e.fn(), args, out);
    }
}
