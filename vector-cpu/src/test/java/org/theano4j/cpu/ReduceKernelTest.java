package org.theano4j.cpu;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.theano4j.op.Reduce;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** Reductions equal the reference exactly (same pairwise order) over sizes, axes, dtypes, strides, threads. */
class ReduceKernelTest {
    @AfterEach
    void restore() {
        System.clearProperty("theano4j.cpu.threads");
        System.clearProperty("theano4j.cpu.vector");
        Species.configure();
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Reduce.Kind kind : Reduce.Kind.values()) {
            for (DType d : Parity.floats()) {
                cases.add(Arguments.of(kind, d));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void vectorsAndMatricesOverEveryAxisSet(Reduce.Kind kind, DType d) {
        boolean nonEmptyOnly = kind == Reduce.Kind.MAX || kind == Reduce.Kind.MIN;
        for (int n : Parity.SIZES) {
            if (n == 0 && nonEmptyOnly) {
                continue;
            }
            double lo = kind == Reduce.Kind.PROD ? 0.9 : -3;
            NDArray v = Parity.array(d, n, lo, lo + 0.2 + (kind == Reduce.Kind.PROD ? 0 : 6), n % 3 == 0, n);
            Parity.check("vector n=" + n, Parity.node(new Reduce(kind, List.of(0)), v), 0, v);
            NDArray m = Parity.array(d, n + 1, lo, lo + 0.2, false, 3, n);
            for (List<Integer> axes : List.of(List.of(0), List.of(1), List.of(0, 1), List.<Integer>of())) {
                if (nonEmptyOnly && n == 0 && !axes.equals(List.of(0))) {
                    continue;
                }
                Parity.check("matrix n=" + n + " axes=" + axes, Parity.node(new Reduce(kind, axes), m), 0, m);
            }
        }
        NDArray t = Parity.array(d, 5, -1, 1, false, 4, 5, 33).transpose(2, 0, 1);
        Parity.check("tensor3 transposed", Parity.node(new Reduce(kind, List.of(0, 2)), t), 0, t);
        NDArray s = Parity.strided(d, 6, 5, 130);
        Parity.check("strided", Parity.node(new Reduce(kind, List.of(1)), s), 0, s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vector-1", "vector-2", "scalar-1"})
    void largeSumsMatchReferenceExactly(String mode) {
        System.setProperty("theano4j.cpu.vector", String.valueOf(mode.startsWith("vector")));
        System.setProperty("theano4j.cpu.threads", mode.substring(mode.length() - 1));
        Species.configure();
        NDArray x = Parity.array(DType.FLOAT64, 11, -1, 1, false, 300, 1025);
        for (List<Integer> axes : List.of(List.of(0), List.of(1), List.of(0, 1))) {
            Parity.check("sum " + axes, Parity.node(new Reduce(Reduce.Kind.SUM, axes), x), 0, x);
            Parity.check("max " + axes, Parity.node(new Reduce(Reduce.Kind.MAX, axes), x), 0, x);
        }
    }

    /** Leading-axis sums and means (a bias gradient) run column-wise; every row count of the pairwise tree. */
    @ParameterizedTest
    @ValueSource(strings = {"FLOAT64", "FLOAT32"})
    void leadingAxisSumsAndMeansMatchReferenceExactly(String dtype) {
        DType d = DType.valueOf(dtype);
        for (int rows : new int[] {0, 1, 7, 8, 9, 127, 128, 129, 300}) {
            for (int cols : new int[] {1, 8, 13, 40, 500}) {
                NDArray m = Parity.array(d, rows + cols, -1, 1, false, rows, cols);
                for (Reduce.Kind kind : List.of(Reduce.Kind.SUM, Reduce.Kind.MEAN)) {
                    Parity.check(kind + " " + rows + "x" + cols, Parity.node(new Reduce(kind, List.of(0)), m), 0, m);
                }
            }
        }
        NDArray t = Parity.array(d, 3, -1, 1, false, 20, 7, 37);
        Parity.check("tensor3 axes 0,1", Parity.node(new Reduce(Reduce.Kind.SUM, List.of(0, 1)), t), 0, t);
        NDArray big = Parity.array(d, 4, -1, 1, false, 160, 1000);
        Parity.check("parallel", Parity.node(new Reduce(Reduce.Kind.SUM, List.of(0)), big), 0, big);
    }

    @Test
    void emptyMaxFailsLikeTheReferenceAndIntegersUseIt() {
        NDArray e = NDArray.zeros(DType.FLOAT64, 2, 0);
        assertThrows(IllegalArgumentException.class,
                () -> Parity.runKernel(Parity.node(new Reduce(Reduce.Kind.MAX, List.of(1)), e), e));
        NDArray i = NDArray.of(new long[][] {{1, 2}, {3, 4}}); // integer vectors: ShapeKernelsTest
        assertNull(new VectorCpuBackend().kernelFor(Parity.node(new Reduce(Reduce.Kind.SUM, List.of(0)), i)));
    }
}
