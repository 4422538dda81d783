package org.theano4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Arrays over a caller's confined arena work at every size: the call stays on the calling thread
 * (the backend's workers cannot read confined memory), elementwise, reductions and GEMV alike.
 */
class ConfinedMemoryTest {
    private static NDArray confinedRamp(Arena arena, long n) {
        MemorySegment seg = arena.allocate(n * 8, 64);
        for (long i = 0; i < n; i++) {
            seg.setAtIndex(ValueLayout.JAVA_DOUBLE, i, i % 7);
        }
        return NDArray.wrap(seg, DType.FLOAT64, n);
    }

    private static double rampSum(long n) {
        double s = 0;
        for (long i = 0; i < n; i++) {
            s += i % 7;
        }
        return s;
    }

    @ParameterizedTest
    @ValueSource(longs = {1_000, 60_000, 70_000, 1_000_000})
    void elementwiseAndSumOverConfinedInputs(long n) {
        Variable x = T.dvector("x");
        Function f = Theano.function(List.of(x), T.sum(T.mul(x, 2)));
        try (Arena arena = Arena.ofConfined()) {
            assertEquals(2 * rampSum(n), f.call(confinedRamp(arena, n)).item());
        }
    }

    @Test
    void gemvOverAConfinedMatrix() {
        int rows = 512;
        int cols = 1024;
        Variable m = T.dmatrix("m");
        Variable v = T.dvector("v");
        Function f = Theano.function(List.of(m, v), T.dot(m, v));
        try (Arena arena = Arena.ofConfined()) {
            NDArray mat = confinedRamp(arena, (long) rows * cols).reshape(rows, cols);
            double[] got = f.call(mat, NDArray.ones(DType.FLOAT64, cols)).toDoubleArray();
            for (int r = 0; r < rows; r++) {
                double want = 0;
                for (int c = 0; c < cols; c++) {
                    want += ((long) r * cols + c) % 7;
                }
                assertEquals(want, got[r], "row " + r);
            }
        }
    }

    @Test
    void aSharedValueSetOverConfinedMemory() {
        long n = 200_000;
        try (Arena arena = Arena.ofConfined()) {
            SharedVariable s = Theano.shared(NDArray.zeros(DType.FLOAT64, n), "s");
            s.setValue(confinedRamp(arena, n), true);
            Function f = Theano.function(List.of(), T.sum(T.exp(T.mul(s, 0))));
            assertEquals((double) n, f.call().item());
        }
    }
}
