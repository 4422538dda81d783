package org.theano4j.cpu;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.theano4j.op.ArgReduce;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** Argmax/argmin equal the reference exactly: first occurrence, NaN wins, -0.0 ties 0.0; every axis and layout. */
class ArgReduceKernelTest {
    private static final Integer[] AXES = {0, 1, null};

    @ParameterizedTest
    @ValueSource(strings = {"FLOAT64", "FLOAT32"})
    void matchesReferenceOverShapesAxesAndLayouts(String dtype) {
        DType d = DType.valueOf(dtype);
        for (int n : Parity.SIZES) {
            if (n > 0) {
                check("vector " + n, Parity.array(d, n, -3, 3, n % 3 == 0, n), 0, null);
                check("rows " + n, Parity.array(d, n + 1, -3, 3, n % 2 == 0, 3, n), AXES);
                check("cols " + n, Parity.array(d, n + 2, -3, 3, n % 2 == 1, n, 5), AXES);
            }
        }
        check("strided", Parity.strided(d, 3, 33, 17), AXES);
        check("transposed", Parity.array(d, 4, -3, 3, true, 17, 9).transpose(), AXES);
        NDArray t = Parity.array(d, 5, -3, 3, true, 4, 5, 6).transpose(2, 0, 1);
        check("tensor3", t, 0, 1, 2, null);
        check("scalar", NDArray.of(2.5).astype(d), (Integer) null);
    }

    /** Ties, NaN first/later/only, infinities, signed zeros: rows of 1..33 so the vector and tail paths both see them. */
    @ParameterizedTest
    @ValueSource(strings = {"FLOAT64", "FLOAT32"})
    void specialValuesMatchReference(String dtype) {
        DType d = DType.valueOf(dtype);
        double inf = Double.POSITIVE_INFINITY;
        double[][] patterns = {
            {2, 1, 2, 1}, {Double.NaN, 5, 1}, {1, 5, Double.NaN, 9, Double.NaN}, {-0.0, 0.0, -0.0},
            {0.0, -0.0}, {-inf, -inf}, {inf, 1, inf, -inf}, {Double.NaN, Double.NaN},
        };
        for (double[] p : patterns) {
            for (int n : new int[] {1, 7, 8, 9, 16, 17, 33}) {
                for (int at : new int[] {0, n / 2, n - 1}) {
                    double[] row = new double[n];
                    Arrays.fill(row, 0.5);
                    for (int k = 0; k < p.length && at + k < n; k++) {
                        row[at + k] = p[k];
                    }
                    NDArray x = NDArray.of(row).astype(d);
                    check(Arrays.toString(p) + " n=" + n + " at " + at, x, 0, null);
                }
            }
        }
    }

    @Test
    void emptyRowsFailLikeTheReferenceAndIntegersUseIt() {
        NDArray e = NDArray.zeros(DType.FLOAT64, 3, 0);
        assertThrows(IllegalArgumentException.class,
                () -> Parity.runKernel(Parity.node(new ArgReduce(true, 1), e), e));
        NDArray none = NDArray.zeros(DType.FLOAT32, 0, 4);
        Parity.check("no rows", Parity.node(new ArgReduce(true, 1), none), 0, none);
        NDArray i = NDArray.of(new long[] {1, 2});
        assertNull(new VectorCpuBackend().kernelFor(Parity.node(new ArgReduce(true, 0), i)));
    }

    private static void check(String what, NDArray x, Integer... axes) {
        for (Integer axis : axes) {
            for (boolean max : new boolean[] {true, false}) {
                Parity.check(what + " axis=" + axis, Parity.node(new ArgReduce(max, axis), x), 0, x);
            }
        }
    }
}
