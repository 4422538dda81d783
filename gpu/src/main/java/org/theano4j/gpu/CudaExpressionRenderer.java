package org.theano4j.gpu;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The deepest expression tree rendered as one kernel. Deeper fused trees get no GPU kernel
     * (their node runs on the host). Kernels are rendered one statement per node
     * ({@link #renderBody}), so NVRTC never sees deep nesting; the cap bounds this renderer's own
     * recursion and the compile time (checked with the real NVRTC in {@code NvrtcRealTest}).
     */
    public static final int MAX_DEPTH = 1024;

    /** The name of the kernel {@link #kernelSource} renders. */
    public static final String KERNEL_NAME = "t4j_elementwise";

    private CudaExpressionRenderer() {
    }

    /**
     * Whether {@code expr} is rendered as one kernel: it is at most {@link #MAX_DEPTH} deep and
     * its functions are {@link ScalarOp}s or {@link ScalarCast}s, defined on their compute dtype.
     *
     * @param expr the tree
     * @return true when {@link #render} succeeds
     */
    public static boolean supports(ScalarExpr expr) {
        return depth(expr) <= MAX_DEPTH && supportsEveryNode(expr);
    }

    /**
     * @param expr a tree
     * @return its depth: 0 for an input or constant, 1 + the deepest argument for a call
     */
    public static int depth(ScalarExpr expr) {
        return switch (expr) {
            case ScalarExpr.Input in -> 0;
            case ScalarExpr.Const c -> 0;
            case ScalarExpr.Call call -> 1 + call.args().stream().mapToInt(CudaExpressionRenderer::depth).max().orElse(0);
        };
    }

    private static boolean supportsEveryNode(ScalarExpr expr) {
        return switch (expr) {
            case ScalarExpr.Input in -> true;
            case ScalarExpr.Const c -> true;
            case ScalarExpr.Call call -> supportsFn(call) && call.args().stream().allMatch(CudaExpressionRenderer::supportsEveryNode);
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
        return kernelSource(expr, inputTypes, ElementwiseKernelSource.Indexing.contiguous(inputTypes.size()));
    }

    /**
     * As {@link #kernelSource(ScalarExpr, List)}, reading the inputs {@code indexing} marks strided
     * at an offset with strides ({@link ElementwiseKernelSource#render(ElementwiseKernelSource.Indexing)}).
     *
     * @param expr the tree; its inputs are {@code Input(0) .. Input(inputTypes.size() - 1)}
     * @param inputTypes the dtype of each kernel input
     * @param indexing which inputs are strided, over how many merged dims
     * @return CUDA C++ source for NVRTC
     */
    public static String kernelSource(ScalarExpr expr, List<DType> inputTypes, ElementwiseKernelSource.Indexing indexing) {
        return HELPERS + "\n" + kernel(KERNEL_NAME, expr, inputTypes).render(indexing);
    }

    /**
     * The kernel of {@code expr} without the helpers (several can share one source after {@link #HELPERS}).
     *
     * @param name the kernel's name
     * @param expr the tree
     * @param inputTypes the dtype of each kernel input
     * @return the kernel, one statement per node
     */
    public static ElementwiseKernelSource kernel(String name, ScalarExpr expr, List<DType> inputTypes) {
        List<CType> in = inputTypes.stream().map(CType::of).toList();
        Body body = renderBody(expr);
        return new ElementwiseKernelSource(name, in, CType.of(expr.dtype()), body.statements(), body.result());
    }

    /**
     * A tree rendered as statements: each call node once (a node the tree shares is computed once),
     * as {@code const T tK = f(args);} with T its dtype's C type, arguments naming inputs
     * ({@code xK}), literals or earlier statements.
     *
     * @param statements the declarations, in evaluation order
     * @param result the expression of the root: a name, an input or a literal
     */
    public record Body(List<String> statements, String result) {
    }

    /**
     * Renders the tree as {@link Body} statements, one per distinct node (by identity).
     *
     * @param expr the tree
     * @return its statements and the root's name
     * @throws IllegalArgumentException for a function {@link #supports} rejects
     */
    public static Body renderBody(ScalarExpr expr) {
        List<String> statements = new ArrayList<>();
        String result = name(expr, statements, new IdentityHashMap<>());
        return new Body(statements, result);
    }

    private static String name(ScalarExpr expr, List<String> statements, Map<ScalarExpr, String> names) {
        return switch (expr) {
            case ScalarExpr.Input in -> "x" + in.index();
            case ScalarExpr.Const c -> CudaLiterals.literal(c);
            case ScalarExpr.Call call -> {
                String known = names.get(call);
                if (known != null) {
                    yield known;
                }
                String[] args = call.args().stream().map(a -> name(a, statements, names)).toArray(String[]::new);
                String t = "t" + statements.size();
                statements.add("const " + CType.of(call.dtype()).c() + " " + t + " = " + renderCall(call, args) + ";");
                names.put(call, t);
                yield t;
            }
        };
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
        return renderCall(call, call.args().stream().map(CudaExpressionRenderer::render).toArray(String[]::new));
    }

    private static String renderCall(ScalarExpr.Call call, String[] a) {
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
