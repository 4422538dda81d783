package org.theano4j.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.theano4j.gpu.Exprs.c;
import static org.theano4j.gpu.Exprs.cast;
import static org.theano4j.gpu.Exprs.in;
import static org.theano4j.gpu.Exprs.op;
import static org.theano4j.op.ScalarOp.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.backend.Kernel;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.op.Composite;
import org.theano4j.op.Dot;
import org.theano4j.op.Elemwise;
import org.theano4j.op.ScalarExpr;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** GPU kernels against the ops' reference evaluation, and a function compiled for {@code cuda}. */
@Tag("gpu")
class GpuBackendGpuTest {

    private static final int[] SIZES = {0, 1, 7, 33, 1025};
    private static final DType[] FLOATS = {DType.FLOAT32, DType.FLOAT64};

    private final GpuBackend backend = new GpuBackend();

    @BeforeEach
    void needsGpu() {
        GpuTests.assumeGpu();
    }

    /** Two-input trees over float inputs x0 (any sign) and x1 (away from zero), by dtype. */
    static List<Function<DType, ScalarExpr>> composites() {
        return List.of(
                Exprs::logistic,
                d -> op(ADD, op(SOFTPLUS, op(MUL, in(0, d), in(1, d))), op(TANH, in(0, d))),
                d -> op(SWITCH, op(GT, in(0, d), in(1, d)), op(LOG1P, op(SQR, in(0, d))), op(EXPM1, in(1, d))),
                d -> op(ADD, op(INT_DIV, in(0, d), in(1, d)), op(MOD, in(0, d), in(1, d))),
                d -> op(MAXIMUM, op(ROUND, op(MUL, in(0, d), c(2.5, d))), op(CLIP, in(1, d), c(-1, d), c(1, d))),
                d -> op(SIGMOID, op(SUB, in(0, d), op(SIGN, in(1, d)))),
                d -> cast(d, op(ADD, cast(DType.INT32, op(MUL, in(0, d), c(10, d))), c(3, DType.INT32))),
                d -> cast(d, op(AND, op(GE, in(0, d), c(0, d)), op(LT, in(1, d), c(2, d)))));
    }

    static Stream<Arguments> compositeCases() {
        List<Arguments> cases = new ArrayList<>();
        for (int e = 0; e < composites().size(); e++) {
            for (DType d : FLOATS) {
                for (int n : SIZES) {
                    cases.add(Arguments.of(e, d, n));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "expr {0} {1} n={2}")
    @MethodSource("compositeCases")
    void compositeMatchesTheReference(int exprIndex, DType dtype, int n) {
        ScalarExpr expr = composites().get(exprIndex).apply(dtype);
        NDArray x0 = random(dtype, 1, false, n);
        NDArray x1 = random(dtype, 2, true, n);
        assertMatchesReference(new Composite(expr, 2), List.of(x0, x1), dtype);
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("floatSizes")
    void broadcastInputsAreMaterialised(DType dtype, int n) {
        ScalarExpr expr = op(MUL, op(ADD, in(0, dtype), in(1, dtype)), in(2, dtype));
        NDArray matrix = random(dtype, 3, false, n, 3);
        NDArray row = random(dtype, 4, false, 1, 3);
        NDArray column = random(dtype, 5, false, n, 1);
        assertMatchesReference(new Composite(expr, 3), List.of(matrix, row, column.transpose().transpose()), dtype);
        assertMatchesReference(new Composite(expr, 3), List.of(matrix.transpose(), row.transpose(), column.transpose()),
                dtype);
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("floatSizes")
    void singleElemwiseNodesRunOnTheGpu(DType dtype, int n) {
        assertMatchesReference(new Elemwise(EXP), List.of(random(dtype, 6, false, n)), dtype);
        assertMatchesReference(new Elemwise(TRUE_DIV), List.of(random(dtype, 7, false, n), random(dtype, 8, true, n)),
                dtype);
    }

    static Stream<Arguments> floatSizes() {
        return Stream.of(FLOATS).flatMap(d -> java.util.Arrays.stream(SIZES).mapToObj(n -> Arguments.of(d, n)));
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("floatSizes")
    void dotMatchesTheReference(DType dtype, int n) {
        long[][][] shapes = {
            {{n}, {n}},             // vector . vector
            {{n, 7}, {7}},          // matrix . vector
            {{7, n}, {n}},
            {{n}, {n, 5}},          // vector . matrix
            {{7}, {7, n}},
            {{n, 7}, {7, 5}},       // matrix . matrix
            {{7, n}, {n, 5}},
            {{5, 7}, {7, n}},
        };
        int seed = 10;
        for (long[][] s : shapes) {
            NDArray a = random(dtype, seed++, false, s[0]);
            NDArray b = random(dtype, seed++, false, s[1]);
            assertDotMatches(List.of(a, b), dtype);
        }
        NDArray m = random(dtype, seed, false, 7, n);
        assertDotMatches(List.of(m.transpose(), random(dtype, seed + 1, false, 7)), dtype);
    }

    @Test
    void seedLogisticRunsOnCuda() {
        Variable x = T.dmatrix("x");
        Variable s = T.div(1, T.add(1, T.exp(T.neg(x))));
        var logistic = Theano.function(List.of(x), s, Theano.options().device("cuda"));
        NDArray out = logistic.call(new double[][] {{0, 1}, {-1, -2}});
        // numpy: 1 / (1 + np.exp(-np.array([[0, 1], [-1, -2]], dtype=float)))
        double[] expected = {0.5, 0.7310585786300049, 0.2689414213699951, 0.11920292202211755};
        assertArrayEquals(expected, out.toDoubleArray(), 1e-15);
        NDArray big = random(DType.FLOAT64, 42, false, 33, 1025);
        var cpu = Theano.function(List.of(x), s, Theano.options().device("reference"));
        assertTrue(cpu.call(big).allClose(logistic.call(big), 1e-13, 0), "cuda and reference differ");
    }

    private void assertMatchesReference(Op op, List<NDArray> inputs, DType dtype) {
        double rtol = dtype == DType.FLOAT32 ? 2e-5 : 1e-12;
        assertMatchesReference(op, inputs, rtol, dtype == DType.FLOAT32 ? 1e-5 : 1e-12);
    }

    /** cuBLAS sums float32 products in float32 (the reference in float64): allow k roundings of terms below 9. */
    private void assertDotMatches(List<NDArray> inputs, DType dtype) {
        long k = inputs.get(0).shape(-1);
        double eps = dtype == DType.FLOAT32 ? 0x1p-23 : 0x1p-52;
        assertMatchesReference(new Dot(), inputs, 4 * eps, 4 * eps * 9 * Math.max(1, k));
    }

    private void assertMatchesReference(Op op, List<NDArray> inputs, double rtol, double atol) {
        List<Variable> vars = inputs.stream()
                .map(a -> T.tensor(a.dtype(), broadcastable(a), null)).toList();
        Apply node = Apply.of(op, vars);
        Kernel kernel = backend.kernelFor(node);
        assertNotNull(kernel, op.displayName());
        Object[] args = inputs.toArray();
        NDArray expected = (NDArray) op.evaluate(args)[0];
        NDArray out = NDArray.empty(expected.dtype(), op.outputShapes(args)[0]);
        kernel.run(inputs.toArray(NDArray[]::new), new NDArray[] {out});
        kernel.run(inputs.toArray(NDArray[]::new), new NDArray[] {out});   // buffers reused
        assertArrayEquals(expected.shape(), out.shape());
        assertTrue(expected.allClose(out, rtol, atol), () -> op.displayName() + "\nexpected " + expected + "\ngot " + out);
        assertEquals(expected.dtype(), out.dtype());
    }

    private static boolean[] broadcastable(NDArray a) {
        boolean[] b = new boolean[a.ndim()];
        for (int i = 0; i < b.length; i++) {
            b[i] = a.shape(i) == 1;
        }
        return b;
    }

    /** Values in [-3, 3), or for divisors in [0.25, 3.25) with a random sign. */
    private static NDArray random(DType dtype, long seed, boolean awayFromZero, long... shape) {
        NDArray a = NDArray.empty(dtype, shape);
        Random r = new Random(seed);
        for (long i = 0; i < a.size(); i++) {
            double v = awayFromZero ? (0.25 + 3 * r.nextDouble()) * (r.nextBoolean() ? 1 : -1) : 6 * r.nextDouble() - 3;
            a.setFlat(i, v);
        }
        return a;
    }
}
