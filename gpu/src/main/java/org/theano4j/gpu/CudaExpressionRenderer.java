package org.theano4j.gpu;

import java.util.List;
import org.theano4j.op.ScalarCast;
import org.theano4j.op.ScalarExpr;
import org.theano4j.op.ScalarFn;
import org.theano4j.op.ScalarOp;
import org.theano4j.tensor.DType;
import org.theano4j.gpu.ElementwiseKernelSource.CType;

/**
 * Renders a {@link ScalarExpr} tree (the body of a fused {@code Composite} or of one
 * {@code Elemwise}) as one CUDA C expression over the kernel's loaded inputs {@code x0, x1, ...}.
 *
 * <p>Every node's value has its dtype's C type, as the reference evaluation rounds each node to
 * its dtype: float32 nodes use the {@code f} math functions ({@code expf}), float64 ones the
 * double ones; integer nodes compute in 64 bits with wrap-around and are cast back to their
 * width. Where C's semantics differ from numpy's (floor division, modulo, maximum with NaN,
 * float to integer casts, overflow) the expression calls the helpers of
 * {@code native/kernels/scalar_functions.cuh} ({@link #HELPERS}), which {@link #kernelSource}
 * puts before the kernel. {@code sigmoid} is {@code 1/(1+exp(-x))}; {@code round} is
 * half-to-even ({@code rint}).
 */
public final class CudaExpressionRenderer {

    /** The helper functions the rendered expressions call ({@code native/kernels/scalar_functions.cuh}). */
    public static final String HELPERS = KernelResources.read("scalar_functions.cuh");

    /** The name of the kernel {@link #kernelSource} renders. */
    public static final String KERNEL_NAME = "t4j_elementwise";

    private CudaExpressionRenderer() {
    }

    /**
     * Whether every node of {@code expr} can be rendered: its functions are {@link ScalarOp}s
     * or {@link ScalarCast}s, defined on their compute dtype.
     *
     * @param expr the tree
     * @return true when {@link #render} succeeds
     */
    public static boolean supports(ScalarExpr expr) {
        return switch (expr) {
            case ScalarExpr.Input in -> true;
            case ScalarExpr.Const c -> true;
            case ScalarExpr.Call call -> supportsFn(call) && call.args().stream().allMatch(CudaExpressionRenderer::supports);
        };
    }

    private static boolean supportsFn(ScalarExpr.Call call) {
        return switch (call.fn()) {
            case ScalarCast cast -> true;
            case ScalarOp op -> computeDType(call).isFloat() ? op.acceptsFloat() : op.acceptsInteger();
            default -> false;
        };
    }

    /**
     * The full CUDA source of a kernel named {@value #KERNEL_NAME} that stores
     * {@code expr} of the inputs into {@code out}: {@link #HELPERS} followed by the rendered
     * {@code elementwise.cu.tmpl}.
     *
     * @param expr the tree; its inputs are {@code Input(0) .. Input(inputTypes.size() - 1)}
     * @param inputTypes the dtype of each kernel input
     * @return CUDA C++ source for NVRTC
     */
    public static String kernelSource(ScalarExpr expr, List<DType> inputTypes) {
        List<CType> in = inputTypes.stream().map(CType::of).toList();
        return HELPERS + "\n" + new ElementwiseKernelSource(KERNEL_NAME, in, CType.of(expr.dtype()), render(expr)).render();
    }

    /**
     * Renders the tree as one C expression.
     *
     * @param expr the tree
     * @return a C expression over {@code x0 .. x(n-1)} whose value has {@code expr.dtype()}'s C type
     * @throws IllegalArgumentException for a function {@link #supports} rejects
     */
    public static String render(ScalarExpr expr) {
        return switch (expr) {
            case ScalarExpr.Input in -> "x" + in.index();
            case ScalarExpr.Const c -> CudaLiterals.literal(c);
            case ScalarExpr.Call call -> renderCall(call);
        };
    }

    private static String renderCall(ScalarExpr.Call call) {
        String[] a = call.args().stream().map(CudaExpressionRenderer::render).toArray(String[]::new);
        return switch (call.fn()) {
            case ScalarCast cast -> cast(cast.to(), call.args().get(0).dtype(), a[0]);
            case ScalarOp op when computeDType(call).isFloat() && op.acceptsFloat() ->
                    FloatOps.render(op, computeDType(call), a);
            case ScalarOp op when !computeDType(call).isFloat() && op.acceptsInteger() ->
                    IntOps.render(op, computeDType(call), call.dtype(), a);
            default -> throw unsupported(call.fn(), computeDType(call));
        };
    }

    /** The dtype the function computes in: that of its first data argument. */
    static DType computeDType(ScalarExpr.Call call) {
        int data = call.fn().conditionInput() == 0 ? 1 : 0;
        return call.args().get(data).dtype();
    }

    private static String cast(DType to, DType from, String a) {
        if (to == from) {
            return a;
        }
        if (to == DType.BOOL) {
            return "(" + a + " != 0)";
        }
        String type = CType.of(to).c();
        if (from.isFloat() && !to.isFloat()) {
            return "((" + type + ")t4j_f2i(" + a + "))";
        }
        return "((" + type + ")" + a + ")";
    }

    static IllegalArgumentException unsupported(ScalarFn fn, DType compute) {
        return new IllegalArgumentException("no CUDA rendering of " + fn.name().toLowerCase(java.util.Locale.ROOT)
                + " on " + compute.numpyName());
    }
}
