package org.theano4j.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.theano4j.graph.Apply;
import org.theano4j.op.LogSoftmax;
import org.theano4j.op.Softmax;
import org.theano4j.op.SoftmaxGrad;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Softmax/LogSoftmax within {@value #ULPS} ulp of the reference (lanewise EXP vs Math.exp; for
 * LogSoftmax ulp of the larger of the output and the row shift), SoftmaxGrad exactly; over row
 * and column counts, strided/transposed/3-d inputs, NaN and infinite entries, threads.
 */
class SoftmaxKernelsTest {
    private static final int ULPS = 4;

    @AfterEach
    void restore() {
        System.clearProperty("theano4j.cpu.threads");
        System.clearProperty("theano4j.cpu.vector");
        Species.configure();
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String op : List.of("softmax", "logSoftmax", "grad")) {
            for (DType d : Parity.floats()) {
                cases.add(Arguments.of(op, d));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesReferenceOverShapesAndLayouts(String op, DType d) {
        for (int n : Parity.SIZES) {
            check(op, "3x" + n, Parity.array(d, n, -3, 3, n % 2 == 1, 3, n));
            check(op, n + "x7", Parity.array(d, n + 50, -3, 3, n % 2 == 0, n, 7));
            check(op, "vector " + n, Parity.array(d, n + 90, -30, 30, false, n));
        }
        check(op, "33x1025", Parity.array(d, 1, -3, 3, true, 33, 1025));
        check(op, "strided", Parity.strided(d, 2, 17, 33));
        check(op, "transposed", Parity.array(d, 3, -3, 3, false, 16, 9).transpose());
        check(op, "tensor3", Parity.array(d, 4, -3, 3, true, 4, 5, 17).transpose(1, 0, 2));
    }

    /** Rows of NaN, +-inf, all -inf, huge and tiny magnitudes, and a one-element row. */
    @ParameterizedTest
    @MethodSource("cases")
    void specialRowsMatchReference(String op, DType d) {
        double inf = Double.POSITIVE_INFINITY;
        NDArray x = NDArray.of(new double[][] {
            {1, Double.NaN, 2, 3, 4, 5, 6, 7, 8, 9},
            {1, inf, 2, 3, 4, 5, 6, 7, 8, 9},
            {-inf, -inf, -inf, -inf, -inf, -inf, -inf, -inf, -inf, -inf},
            {1, -inf, 2, -inf, 4, 5, 6, 7, 8, 9},
            {1e300, -1e300, 3e2, 7e2, -7e2, 0, -0.0, 1, 2, 3},
            {1e-300, 2e-300, 0, 0, 0, 0, 0, 0, 0, 1e-310},
        }).astype(d);
        check(op, "specials", x);
        check(op, "one column", x.slice(1, 0, 1, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"vector-1", "vector-2", "scalar-1", "scalar-2"})
    void largeInputsSplitOverThreadsAndScalarPathAgree(String mode) {
        System.setProperty("theano4j.cpu.vector", String.valueOf(mode.startsWith("vector")));
        System.setProperty("theano4j.cpu.threads", mode.substring(mode.length() - 1));
        Species.configure();
        for (DType d : Parity.floats()) {
            NDArray x = Parity.array(d, 9, -5, 5, true, 1025, 129);
            for (String op : List.of("softmax", "logSoftmax", "grad")) {
                check(op, mode, x);
            }
        }
    }

    /** SoftmaxGrad with dy broadcast along the rows (a (1, n) gradient). */
    @Test
    void gradBroadcastsDy() {
        for (DType d : Parity.floats()) {
            NDArray sm = Parity.reference(Parity.node(new Softmax(), Parity.array(d, 5, -2, 2, false, 17, 33)),
                    Parity.array(d, 5, -2, 2, false, 17, 33));
            NDArray dy = Parity.array(d, 6, -1, 1, false, 1, 33);
            Parity.check("broadcast dy", Parity.node(new SoftmaxGrad(), dy, sm), 0, dy, sm);
        }
    }

    @Test
    void integerInputsHaveNoKernel() {
        assertNull(SoftmaxKernels.of(SoftmaxKernels.Kind.SOFTMAX, DType.INT64));
    }

    private static void check(String op, String what, NDArray x) {
        switch (op) {
            case "softmax" -> Parity.check(what, Parity.node(new Softmax(), x), ULPS, x);
            case "logSoftmax" -> checkLog(what, x);
            default -> {
                NDArray dy = Parity.array(x.dtype(), x.size() + 7, -1, 1, false, x.shape());
                NDArray sm = Parity.reference(Parity.node(new Softmax(), x), x);
                Parity.check(what, Parity.node(new SoftmaxGrad(), dy, sm), 0, dy, sm);
            }
        }
    }

    /** out = x - shift: the tolerance is in ulp of max(|out|, |shift|), since shift carries the error. */
    private static void checkLog(String what, NDArray x) {
        Apply node = Parity.node(new LogSoftmax(), x);
        NDArray want = Parity.reference(node, x);
        NDArray got = Parity.runKernel(node, x);
        assertArrayEquals(want.shape(), got.shape(), what);
        double[] w = want.toDoubleArray();
        double[] g = got.toDoubleArray();
        double[] xs = x.toDoubleArray();
        boolean single = x.dtype() == DType.FLOAT32;
        for (int i = 0; i < w.length; i++) {
            double shift = Math.abs(xs[i] - w[i]);
            double ulp = single ? Math.ulp((float) shift) : Math.ulp(shift);
            boolean ok = Parity.close(w[i], g[i], ULPS, single) || Math.abs(w[i] - g[i]) <= ULPS * ulp;
            assertTrue(ok, what + " LogSoftmax at flat " + i + ": reference " + w[i] + " kernel " + g[i]);
        }
    }
}
