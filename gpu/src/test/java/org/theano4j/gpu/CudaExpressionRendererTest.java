package org.theano4j.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.theano4j.gpu.Exprs.c;
import static org.theano4j.gpu.Exprs.cast;
import static org.theano4j.gpu.Exprs.in;
import static org.theano4j.gpu.Exprs.op;
import static org.theano4j.op.ScalarOp.*;
import static org.theano4j.tensor.DType.BOOL;
import static org.theano4j.tensor.DType.FLOAT32;
import static org.theano4j.tensor.DType.FLOAT64;
import static org.theano4j.tensor.DType.INT32;
import static org.theano4j.tensor.DType.INT64;
import static org.theano4j.tensor.DType.INT8;
import static org.theano4j.tensor.DType.UINT64;
import static org.theano4j.tensor.DType.UINT8;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.Variable;
import org.theano4j.gpu.ElementwiseKernelSource.CType;
import org.theano4j.op.ScalarExpr;
import org.theano4j.tensor.DType;

/** The C text of each scalar function, and (where nvcc is installed) that it compiles. */
class CudaExpressionRendererTest {

    private static final Path NVCC = Path.of("/usr/local/cuda/bin/nvcc");

    static Stream<Arguments> table() {
        ScalarExpr d0 = in(0, FLOAT64);
        ScalarExpr d1 = in(1, FLOAT64);
        ScalarExpr f0 = in(0, FLOAT32);
        ScalarExpr f1 = in(1, FLOAT32);
        ScalarExpr i0 = in(0, INT32);
        ScalarExpr i1 = in(1, INT32);
        ScalarExpr b0 = in(0, BOOL);
        ScalarExpr b1 = in(1, BOOL);
        return Stream.of(
                Arguments.of(Exprs.logistic(FLOAT64), "(1.0 / (1.0 + exp((-x0))))"),
                Arguments.of(Exprs.logistic(FLOAT32), "(1.0f / (1.0f + expf((-x0))))"),
                Arguments.of(op(SIGMOID, d0), "(1.0 / (1.0 + exp(-x0)))"),
                Arguments.of(op(SIGMOID, f0), "(1.0f / (1.0f + expf(-x0)))"),
                Arguments.of(op(SOFTPLUS, f0), "t4j_softplus(x0)"),
                Arguments.of(op(EXP, d0), "exp(x0)"),
                Arguments.of(op(LOG, f0), "logf(x0)"),
                Arguments.of(op(LOG1P, d0), "log1p(x0)"),
                Arguments.of(op(EXPM1, f0), "expm1f(x0)"),
                Arguments.of(op(TANH, d0), "tanh(x0)"),
                Arguments.of(op(ARCTAN, f0), "atanf(x0)"),
                Arguments.of(op(ROUND, d0), "rint(x0)"),
                Arguments.of(op(FLOOR, f0), "floorf(x0)"),
                Arguments.of(op(ABS, f0), "fabsf(x0)"),
                Arguments.of(op(SQR, d0), "(x0 * x0)"),
                Arguments.of(op(INV, f0), "(1.0f / x0)"),
                Arguments.of(op(POW, f0, f1), "powf(x0, x1)"),
                Arguments.of(op(SIGN, d0), "t4j_sign_f(x0)"),
                Arguments.of(op(INT_DIV, d0, d1), "t4j_floordiv_f(x0, x1)"),
                Arguments.of(op(INT_DIV, f0, f1), "((float)t4j_floordiv_f(x0, x1))"),
                Arguments.of(op(MOD, d0, d1), "t4j_mod_f(x0, x1)"),
                Arguments.of(op(MAXIMUM, f0, f1), "((float)t4j_maximum_f(x0, x1))"),
                Arguments.of(op(CLIP, d0, c(0, FLOAT64), c(1, FLOAT64)), "t4j_clip_f(x0, 0.0, 1.0)"),
                Arguments.of(op(GE, d0, d1), "(x0 >= x1)"),
                Arguments.of(op(NEQ, i0, i1), "(x0 != x1)"),
                Arguments.of(op(SWITCH, op(GT, d0, c(0, FLOAT64)), d0, op(MUL, d1, c(0.5, FLOAT64))),
                        "((x0 > 0.0) ? x0 : (x1 * 0.5))"),
                Arguments.of(op(SWITCH, b0, i1, c(-3, INT32)), "((int)(x0 ? x1 : (-3)))"),
                Arguments.of(op(ADD, in(0, INT8), in(1, INT8)), "((signed char)t4j_add_i(x0, x1))"),
                Arguments.of(op(NEG, in(0, INT64)), "((long long)t4j_neg_i(x0))"),
                Arguments.of(op(MUL, i0, i1), "((int)t4j_mul_i(x0, x1))"),
                Arguments.of(op(SQR, i0), "((int)t4j_mul_i(x0, x0))"),
                Arguments.of(op(SIGN, in(0, INT64)), "((long long)t4j_sign_i(x0))"),
                Arguments.of(op(INT_DIV, i0, i1), "((int)t4j_floordiv_i(x0, x1))"),
                Arguments.of(op(MOD, in(0, INT64), c(7, INT64)), "((long long)t4j_mod_i(x0, 7LL))"),
                Arguments.of(op(POW, i0, c(3, INT32)), "((int)t4j_pow_i(x0, 3))"),
                Arguments.of(op(ABS, i0), "((int)t4j_abs_i(x0))"),
                Arguments.of(op(CLIP, i0, c(0, INT32), c(9, INT32)), "((int)t4j_min_i(t4j_max_i(x0, 0), 9))"),
                Arguments.of(op(AND, b0, b1), "((bool)(x0 & x1))"),
                Arguments.of(op(NOT, b0), "(!x0)"),
                Arguments.of(op(NOT, in(0, UINT8)), "((unsigned char)(~x0))"),
                Arguments.of(op(ADD, in(0, UINT8), c(200, UINT8)), "((unsigned char)t4j_add_i(x0, ((unsigned char)200LL)))"),
                Arguments.of(cast(INT32, d0), "((int)t4j_f2i(x0))"),
                Arguments.of(cast(FLOAT32, d0), "((float)x0)"),
                Arguments.of(cast(FLOAT64, in(0, INT8)), "((double)x0)"),
                Arguments.of(cast(UINT8, i0), "((unsigned char)x0)"),
                Arguments.of(cast(BOOL, f0), "(x0 != 0)"),
                Arguments.of(cast(FLOAT64, d0), "x0"),
                Arguments.of(op(ADD, f0, c(-2.5, FLOAT32)), "(x0 + (-2.5f))"),
                Arguments.of(op(MUL, d0, c(1e-5, FLOAT64)), "(x0 * 1.0E-5)"),
                Arguments.of(op(MUL, f0, c(0.1, FLOAT32)), "(x0 * 0.1f)"),
                Arguments.of(op(ADD, d0, c(Double.NaN, FLOAT64)), "(x0 + __longlong_as_double(0x7ff8000000000000LL))"),
                Arguments.of(op(MAXIMUM, f0, c(Double.NEGATIVE_INFINITY, FLOAT32)),
                        "((float)t4j_maximum_f(x0, (-__int_as_float(0x7f800000))))"),
                Arguments.of(op(SUB, in(0, INT64), c(Long.MIN_VALUE, INT64)),
                        "((long long)t4j_sub_i(x0, (-9223372036854775807LL - 1LL)))"),
                Arguments.of(op(ADD, in(0, INT64), c((1L << 60) + 1, INT64)), "((long long)t4j_add_i(x0, 1152921504606846977LL))"),
                Arguments.of(op(GT, in(0, UINT64), c(-1L, UINT64)), "(x0 > ((unsigned long long)18446744073709551615ULL))"),
                Arguments.of(op(INT_DIV, in(0, UINT64), in(1, UINT64)), "((unsigned long long)t4j_floordiv_u(x0, x1))"),
                Arguments.of(op(MAXIMUM, in(0, UINT64), in(1, UINT64)), "((unsigned long long)t4j_max_u(x0, x1))"),
                Arguments.of(op(ABS, in(0, UINT64)), "((unsigned long long)x0)"),
                Arguments.of(op(SOFTPLUS, op(ADD, d0, op(LOG, d1))), "t4j_softplus((x0 + log(x1)))"));
    }

    @ParameterizedTest
    @MethodSource("table")
    void rendersTheExpectedC(ScalarExpr expr, String expected) {
        assertTrue(CudaExpressionRenderer.supports(expr));
        assertEquals(expected, CudaExpressionRenderer.render(expr));
    }

    @Test
    void logicOnFloatsAndUnknownFunctionsAreNotSupported() {
        ScalarExpr andOfFloats = new ScalarExpr.Call(AND, List.of(in(0, FLOAT64), in(1, FLOAT64)), FLOAT64);
        assertFalse(CudaExpressionRenderer.supports(op(EXP, andOfFloats)));
        var e = assertThrows(IllegalArgumentException.class, () -> CudaExpressionRenderer.render(andOfFloats));
        assertEquals("no CUDA rendering of and on float64", e.getMessage());
        ScalarExpr custom = new ScalarExpr.Call(new Identity(), List.of(in(0, FLOAT64)), FLOAT64);
        assertFalse(CudaExpressionRenderer.supports(custom));
    }

    @Test
    void kernelSourceIsHelpersThenTheTemplate() {
        String src = CudaExpressionRenderer.kernelSource(op(ADD, in(0, FLOAT32), in(1, INT8)), List.of(FLOAT32, INT8));
        assertTrue(src.startsWith(CudaExpressionRenderer.HELPERS), "helpers first");
        assertTrue(src.contains("void t4j_elementwise(const long long n, const float* __restrict__ in0, "
                + "const signed char* __restrict__ in1, float* __restrict__ out)"), src);
        assertTrue(src.contains("const float t0 = (x0 + x1);\n        out[i] = (float) (t0);"), src);
    }

    @Test
    void theBodyHasOneStatementPerDistinctNodeSoSharedNodesAreComputedOnce() {
        ScalarExpr shared = op(EXP, in(0, FLOAT64));
        ScalarExpr e = shared;
        for (int k = 0; k < 40; k++) {
            e = op(SQR, op(ADD, e, shared)); // nested rendering would double at every SQR
        }
        CudaExpressionRenderer.Body body = CudaExpressionRenderer.renderBody(e);
        assertEquals(81, body.statements().size());
        assertEquals("const double t0 = exp(x0);", body.statements().get(0));
        assertEquals("const double t1 = (t0 + t0);", body.statements().get(1));
        assertEquals("const double t2 = (t1 * t1);", body.statements().get(2));
        assertEquals("const double t3 = (t2 + t0);", body.statements().get(3));
        assertEquals("t80", body.result());
        CudaExpressionRenderer.Body cast = CudaExpressionRenderer.renderBody(op(ADD, in(0, INT8), c(3, INT8)));
        assertEquals(List.of("const signed char t0 = ((signed char)t4j_add_i(x0, ((signed char)3LL)));"), cast.statements());
        assertEquals("x1", CudaExpressionRenderer.renderBody(in(1, FLOAT32)).result());
    }

    @Test
    void treesDeeperThanTheCapAreNotRendered() {
        ScalarExpr e = in(0, FLOAT32);
        for (int d = 0; d < CudaExpressionRenderer.MAX_DEPTH; d++) {
            e = op(NEG, e);
        }
        assertEquals(CudaExpressionRenderer.MAX_DEPTH, CudaExpressionRenderer.depth(e));
        assertTrue(CudaExpressionRenderer.supports(e));
        assertFalse(CudaExpressionRenderer.supports(op(NEG, e)));
    }

    @Test
    void everyRealDTypeHasACTypeAndComplexIsRefused() {
        for (DType d : DType.values()) {
            if (d.isComplex()) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CType.of(d));
                assertTrue(e.getMessage().contains(d.numpyName()), e.getMessage());
            } else {
                assertEquals(d, CType.of(d).dtype());
            }
        }
    }

    /** Every table row as one kernel of one file, compiled to PTX for sm_90 with warnings as errors. */
    @Test
    void tableCompilesWithNvcc(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(NVCC), "nvcc not installed at " + NVCC);
        StringBuilder src = new StringBuilder(CudaExpressionRenderer.HELPERS);
        List<Arguments> rows = table().toList();
        for (int k = 0; k < rows.size(); k++) {
            ScalarExpr e = (ScalarExpr) rows.get(k).get()[0];
            src.append('\n').append(CudaExpressionRenderer.kernel("k" + k, e, Exprs.inputTypes(e)).render());
        }
        Path cu = Files.writeString(dir.resolve("table.cu"), src);
        Process p = new ProcessBuilder(List.of(NVCC.toString(), "-ptx", "-arch=sm_90", "-Werror", "all-warnings",
                cu.toString(), "-o", dir.resolve("table.ptx").toString())).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "nvcc timed out");
        assertEquals(0, p.exitValue(), log);
        String ptx = Files.readString(dir.resolve("table.ptx"));
        List<String> missing = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            if (!ptx.contains(".entry k" + k + "(")) {
                missing.add("k" + k);
            }
        }
        assertEquals(List.of(), missing, "kernels missing from the PTX");
    }

    /** A scalar function the renderer does not know. */
    private record Identity() implements org.theano4j.op.ScalarFn {
        @Override
        public int arity() {
            return 1;
        }

        @Override
        public String name() {
            return "custom";
        }

        @Override
        public DType outputDType(DType compute) {
            return compute;
        }

        @Override
        public double applyDouble(double a, double b, double c) {
            return a;
        }

        @Override
        public long applyLong(long a, long b, long c) {
            return a;
        }

        @Override
        public List<Variable> grad(List<Variable> inputs, Variable output, Variable outputGrad) {
            return inputs;
        }
    }
}
