package org.theano4j.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.theano4j.gpu.Exprs.in;
import static org.theano4j.gpu.Exprs.op;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;
import org.theano4j.bindings.cuda.nvrtc_h;
import org.theano4j.op.Reduce;
import org.theano4j.op.ScalarExpr;
import org.theano4j.op.ScalarOp;
import org.theano4j.tensor.DType;

/**
 * Every kernel the renderer emits compiles with the real NVRTC (the {@code nvidia-cuda-nvrtc} wheel,
 * see {@code gpu/scripts/cuda-wheels.sh}) to PTX for {@code compute_90} and to a CUBIN for
 * {@code sm_90}, the H200's architecture; skipped with the reason where NVRTC is not installed.
 * No GPU or driver is needed. The many small kernels are compiled as one program (one NVRTC run
 * per architecture), the way {@code nvcc} would see them; a few go through the backend's path alone.
 */
@Tag("cuda-libs")
class NvrtcRealTest {

    private static final GpuArch PTX_90 = GpuArch.parse("compute_90");
    private static final GpuArch SM_90 = GpuArch.parse("sm_90");
    private static final List<DType> TYPES = List.of(DType.FLOAT64, DType.FLOAT32, DType.BOOL, DType.INT8,
            DType.INT16, DType.INT32, DType.INT64, DType.UINT8, DType.UINT16, DType.UINT32, DType.UINT64);

    @BeforeAll
    static void needsNvrtc() {
        assumeTrue(nvrtc_h.unavailableReason().isEmpty(), () -> "NVRTC not installed: " + nvrtc_h.unavailableReason().orElse(""));
    }

    /** Every scalar op on every dtype it accepts, as the one function of an Elemwise node. */
    static List<ScalarExpr> everyOpOnEveryType() {
        List<ScalarExpr> out = new ArrayList<>();
        for (ScalarOp op : ScalarOp.values()) {
            for (DType t : TYPES) {
                ScalarExpr[] args = new ScalarExpr[op.arity()];
                for (int k = 0; k < args.length; k++) {
                    args[k] = in(k, k == op.conditionInput() ? DType.BOOL : t);
                }
                ScalarExpr e = op(op, args);
                if (CudaExpressionRenderer.supports(e)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** Every cast between two of the dtypes. */
    static List<ScalarExpr> everyCast() {
        List<ScalarExpr> out = new ArrayList<>();
        for (DType from : TYPES) {
            for (DType to : TYPES) {
                out.add(Exprs.cast(to, in(0, from)));
            }
        }
        return out;
    }

    /** A fused chain of {@code depth} calls over two inputs: exp, mul, tanh, add, sqr, sub, ... */
    static ScalarExpr deep(int depth, DType t) {
        ScalarExpr e = in(0, t);
        ScalarOp[] cycle = {ScalarOp.EXP, ScalarOp.MUL, ScalarOp.TANH, ScalarOp.ADD, ScalarOp.SQR, ScalarOp.SUB};
        for (int d = 0; d < depth; d++) {
            ScalarOp op = cycle[d % cycle.length];
            e = op.arity() == 1 ? op(op, e) : op(op, e, in(1, t));
        }
        return e;
    }

    /** Compiles the kernels as one program for both architectures; returns how many kernels it held. */
    private static int compileTogether(NvrtcCompiler nvrtc, List<ScalarExpr> exprs) {
        StringBuilder src = new StringBuilder(CudaExpressionRenderer.HELPERS);
        for (int k = 0; k < exprs.size(); k++) {
            src.append('\n').append(CudaExpressionRenderer.kernel("k" + k, exprs.get(k), Exprs.inputTypes(exprs.get(k))).render());
        }
        String ptx = nvrtc.compile(src.toString(), "batch.cu", PTX_90).ptx();
        assertTrue(ptx.contains(".target sm_90"), "PTX for sm_90");
        List<String> missing = new ArrayList<>();
        for (int k = 0; k < exprs.size(); k++) {
            if (!ptx.contains(".entry k" + k + "(")) {
                missing.add("k" + k + " = " + exprs.get(k));
            }
        }
        assertEquals(List.of(), missing, "kernels missing from the PTX");
        assertElf(nvrtc.compile(src.toString(), "batch.cu", SM_90).bytes());
        return exprs.size();
    }

    private static void assertElf(byte[] cubin) {
        assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F'}, Arrays.copyOf(cubin, 4), "a CUBIN is an ELF file");
    }

    /** One kernel through the backend's own source ({@link CudaExpressionRenderer#kernelSource}), both ways. */
    private static void compilesAlone(NvrtcCompiler nvrtc, ScalarExpr e) {
        String src = CudaExpressionRenderer.kernelSource(e, Exprs.inputTypes(e));
        String ptx = nvrtc.compile(src, "t4j.cu", PTX_90).ptx();
        assertTrue(ptx.contains(".entry " + CudaExpressionRenderer.KERNEL_NAME + "("), ptx);
        assertElf(nvrtc.compile(src, "t4j.cu", SM_90).bytes());
    }

    @Test
    void everyScalarOpOnEveryDTypeAndEveryCastCompileForSm90() {
        NvrtcCompiler nvrtc = new NvrtcCompiler(null);
        List<ScalarExpr> ops = everyOpOnEveryType();
        int n = compileTogether(nvrtc, ops);
        int casts = compileTogether(nvrtc, everyCast());
        int table = compileTogether(nvrtc, CudaExpressionRendererTest.table().map(a -> (ScalarExpr) a.get()[0]).toList());
        assertTrue(ops.stream().anyMatch(e -> e.dtype() == DType.UINT64) && ops.size() > 250, "only " + ops.size());
        assertEquals(6, nvrtc.compileCount());
        System.out.printf("NVRTC %s: %d op kernels (every ScalarOp x dtype it accepts), %d casts and %d table rows "
                + "compiled to PTX compute_90 and CUBIN sm_90%n", NvrtcProgram.version(), n, casts, table);
    }

    /**
     * Every reduction kind on every dtype for every pattern of ranks 0-4 ({@link ReduceKernelSourceTest#patterns}),
     * and the softmax kernels of both float dtypes, as one program per architecture; then the
     * backend's own sources ({@code t4j_reduce}, {@code t4j_rows}) alone.
     */
    @Test
    void everyReductionAndSoftmaxKernelCompilesForSm90() {
        NvrtcCompiler nvrtc = new NvrtcCompiler(null);
        StringBuilder src = new StringBuilder();
        List<String> entries = new ArrayList<>();
        List<ReduceGeometry.Pattern> patterns = ReduceKernelSourceTest.patterns();
        for (Reduce.Kind kind : Reduce.Kind.values()) {
            for (DType t : TYPES) {
                for (ReduceGeometry.Pattern p : patterns) {
                    ReduceKernelSource r = new ReduceKernelSource("r" + entries.size(), kind, t, p);
                    src.append('\n').append(r.render());
                    entries.add(r.blockKernel());
                    entries.add(r.threadKernel());
                }
            }
        }
        for (DType t : List.of(DType.FLOAT32, DType.FLOAT64)) {
            SoftmaxKernelSource s = new SoftmaxKernelSource("s_" + t.numpyName(), t);
            src.append('\n').append(s.render());
            for (SoftmaxKernelSource.Kind kind : SoftmaxKernelSource.Kind.values()) {
                entries.add(s.kernel(kind));
            }
        }
        String ptx = nvrtc.compile(src.toString(), "rows.cu", PTX_90).ptx();
        List<String> missing = entries.stream().filter(e -> !ptx.contains(".entry " + e + "(")).toList();
        assertEquals(List.of(), missing, "kernels missing from the PTX");
        assertElf(nvrtc.compile(src.toString(), "rows.cu", SM_90).bytes());
        ReduceKernelSource own = new ReduceKernelSource(ReduceKernelSource.KERNEL_NAME, Reduce.Kind.SUM, DType.FLOAT32,
                new ReduceGeometry.Pattern(2, 1));
        assertElf(nvrtc.compile(own.render(), "t4j_reduce.cu", SM_90).bytes());
        SoftmaxKernelSource rows = new SoftmaxKernelSource(SoftmaxKernelSource.KERNEL_NAME, DType.FLOAT64);
        assertElf(nvrtc.compile(rows.render(), "t4j_rows.cu", SM_90).bytes());
        assertTrue(patterns.size() >= 7 && entries.size() > 700, entries.size() + " kernels");
        System.out.printf("NVRTC %s: %d reduction and softmax kernels (%d kinds x %d dtypes x %d axis patterns, 2 kernels"
                + " each; 3 softmax kernels x 2 dtypes) compiled to PTX compute_90 and CUBIN sm_90%n",
                NvrtcProgram.version(), entries.size(), Reduce.Kind.values().length, TYPES.size(), patterns.size());
    }

    /**
     * The strided variants ({@link ElementwiseKernelSource#render(ElementwiseKernelSource.Indexing)}):
     * a three-input kernel of every dtype at every merged rank 0 to {@link ElementwiseLayout#MAX_RANK}
     * with the first, the middle or every input strided, as one program per architecture; then the
     * backend's own source ({@code t4j_elementwise}) at rank 2 and at the rank limit alone, and a
     * bool/float32/int32 switch with mixed strided and contiguous inputs.
     */
    @Test
    void everyStridedVariantCompilesForSm90() {
        NvrtcCompiler nvrtc = new NvrtcCompiler(null);
        StringBuilder src = new StringBuilder(CudaExpressionRenderer.HELPERS);
        List<String> entries = new ArrayList<>();
        List<List<Boolean>> masks = List.of(List.of(true, false, false), List.of(false, true, false), List.of(true, true, true));
        for (DType t : TYPES) {
            ScalarExpr e = op(ScalarOp.MAXIMUM, op(ScalarOp.MAXIMUM, in(0, t), in(1, t)), in(2, t));
            assertTrue(CudaExpressionRenderer.supports(e), t.numpyName());
            for (int rank = 0; rank <= ElementwiseLayout.MAX_RANK; rank++) {
                for (List<Boolean> mask : masks) {
                    String name = "s" + entries.size();
                    src.append('\n').append(CudaExpressionRenderer.kernel(name, e, Exprs.inputTypes(e))
                            .render(new ElementwiseKernelSource.Indexing(rank, mask)));
                    entries.add(name);
                }
            }
        }
        String ptx = nvrtc.compile(src.toString(), "strided.cu", PTX_90).ptx();
        List<String> missing = entries.stream().filter(e -> !ptx.contains(".entry " + e + "(")).toList();
        assertEquals(List.of(), missing, "kernels missing from the PTX");
        assertElf(nvrtc.compile(src.toString(), "strided.cu", SM_90).bytes());
        ScalarExpr mixed = op(ScalarOp.SWITCH, in(0, DType.BOOL), in(1, DType.FLOAT32), Exprs.cast(DType.FLOAT32, in(2, DType.INT32)));
        for (var ix : List.of(new ElementwiseKernelSource.Indexing(2, List.of(true, false, true)),
                new ElementwiseKernelSource.Indexing(ElementwiseLayout.MAX_RANK, List.of(true, true, true)))) {
            String own = CudaExpressionRenderer.kernelSource(mixed, Exprs.inputTypes(mixed), ix);
            assertTrue(nvrtc.compile(own, "t4j.cu", PTX_90).ptx().contains(".entry " + CudaExpressionRenderer.KERNEL_NAME + "("));
            assertElf(nvrtc.compile(own, "t4j.cu", SM_90).bytes());
        }
        System.out.printf("NVRTC %s: %d strided elementwise variants (%d dtypes x ranks 0-%d x %d input masks) and the"
                + " backend's own at ranks 2 and %d compiled to PTX compute_90 and CUBIN sm_90%n", NvrtcProgram.version(),
                entries.size(), TYPES.size(), ElementwiseLayout.MAX_RANK, masks.size(), ElementwiseLayout.MAX_RANK);
    }

    @Test
    void deepFusedExpressionsCompileAloneUpToTheCap() {
        NvrtcCompiler nvrtc = new NvrtcCompiler(null);
        for (int depth : new int[] {8, 128, CudaExpressionRenderer.MAX_DEPTH}) {
            for (DType t : List.of(DType.FLOAT32, DType.FLOAT64)) {
                ScalarExpr e = deep(depth, t);
                assertTrue(CudaExpressionRenderer.supports(e), "depth " + depth);
                compilesAlone(nvrtc, e);
            }
        }
        compilesAlone(nvrtc, Exprs.logistic(DType.FLOAT32));
        assertFalse(CudaExpressionRenderer.supports(deep(CudaExpressionRenderer.MAX_DEPTH + 1, DType.FLOAT32)));
    }

    @Test
    void imagesAreCachedInMemoryAndOnDisk(@TempDir Path dir) throws Exception {
        String src = CudaExpressionRenderer.kernelSource(Exprs.logistic(DType.FLOAT64), List.of(DType.FLOAT64));
        NvrtcCompiler first = new NvrtcCompiler(dir);
        byte[] cubin = first.compile(src, "t4j.cu", SM_90).bytes();
        first.compile(src, "t4j.cu", SM_90);
        assertEquals(1, first.compileCount(), "the second ask is served from memory");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.filter(p -> p.toString().endsWith(".cubin")).count());
        }
        NvrtcCompiler second = new NvrtcCompiler(dir);
        assertArrayEquals(cubin, second.compile(src, "t4j.cu", SM_90).bytes());
        assertEquals(0, second.compileCount(), "another compiler (JVM) reads the file instead of compiling");
        second.compile(src, "t4j.cu", PTX_90);
        assertEquals(1, second.compileCount(), "another architecture is another image");
    }

    @Test
    void aCompileErrorCarriesTheLog() {
        NvrtcCompiler nvrtc = new NvrtcCompiler(null);
        CudaException e = org.junit.jupiter.api.Assertions.assertThrows(CudaException.class,
                () -> nvrtc.compile("extern \"C\" __global__ void k() { undefined_thing; }", "bad.cu", SM_90));
        assertTrue(e.getMessage().contains("undefined_thing"), e.getMessage());
        assertTrue(e.getMessage().contains("sm_90"), e.getMessage());
    }

    @Test
    void theNvrtcAtHandSupportsTheH200() {
        int[] archs = NvrtcProgram.supportedArchs();
        assertTrue(Arrays.stream(archs).anyMatch(a -> a == 90), Arrays.toString(archs));
        assertEquals(SM_90, GpuArch.choose(90, archs, null));
    }
}
