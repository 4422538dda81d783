package org.theano4j.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.Slice;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.NDArray;

/**
 * An elementwise step may overwrite an input's buffer only when no other operand of the step
 * reads that buffer through a view: {@code B + B.T} with {@code B} an intermediate must not
 * write row i of the result into B while the transposed view still has to read column i.
 * Integer-valued inputs keep every float operation exact, so plain Java loops are the oracle.
 */
class InPlaceAliasTest {
    private static final int N = 64;

    /** A view of the intermediate, symbolically and as an index map {@code (i, j) -> (row, col)} into it. */
    private record Case(String name, UnaryOperator<Variable> view, Function<int[], int[]> at) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Arguments> views() {
        return List.of(
                Arguments.of(new Case("B.T", Variable::T, ij -> new int[] {ij[1], ij[0]})),
                Arguments.of(new Case("B[::-1]", b -> b.get(Slice.of(null, null, -1)), ij -> new int[] {N - 1 - ij[0], ij[1]})),
                Arguments.of(new Case("B[:, ::-1]", b -> b.get(Slice.all(), Slice.of(null, null, -1)),
                        ij -> new int[] {ij[0], N - 1 - ij[1]})),
                Arguments.of(new Case("B.T[::-1]", b -> b.T().get(Slice.of(null, null, -1)),
                        ij -> new int[] {ij[1], N - 1 - ij[0]})));
    }

    @ParameterizedTest(name = "sum(B + {0}, 1)")
    @MethodSource("views")
    void anElementwiseStepNeverOverwritesABufferReadThroughAView(Case c) {
        double[][] a = randomIntegers(7);
        double[][] b = matmul(a, a);
        Variable av = T.dmatrix("A");
        Variable bv = T.dot(av, av);
        Variable out = T.sum(T.add(bv, c.view().apply(bv)), 1);
        double[] got = Theano.function(List.of(av), out).call((Object) a).toDoubleArray();
        double[] want = new double[N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                int[] rc = c.at().apply(new int[] {i, j});
                want[i] += b[i][j] + b[rc[0]][rc[1]];
            }
        }
        assertArrayEquals(want, got, c.name());
    }

    @ParameterizedTest(name = "exp-free chain (B * 2 - {0}) * B")
    @MethodSource("views")
    void aLaterStepStillSeesTheBufferItsViewAliases(Case c) {
        double[][] a = randomIntegers(11);
        double[][] b = matmul(a, a);
        Variable av = T.dmatrix("A");
        Variable bv = T.dot(av, av);
        Variable view = c.view().apply(bv);
        Variable twice = T.mul(bv, 2);
        Variable out = T.mul(T.sub(twice, view), T.add(view, 1));
        NDArray got = Theano.function(List.of(av), out).call((Object) a);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                int[] rc = c.at().apply(new int[] {i, j});
                double v = b[rc[0]][rc[1]];
                assertArrayEquals(new double[] {(b[i][j] * 2 - v) * (v + 1)}, new double[] {got.getDouble(i, j)},
                        c.name() + " at " + i + "," + j);
            }
        }
    }

    private static double[][] randomIntegers(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] m = new double[N][N];
        for (double[] row : m) {
            for (int j = 0; j < N; j++) {
                row[j] = r.nextInt(-3, 4);
            }
        }
        return m;
    }

    private static double[][] matmul(double[][] x, double[][] y) {
        double[][] z = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int k = 0; k < N; k++) {
                for (int j = 0; j < N; j++) {
                    z[i][j] += x[i][k] * y[k][j];
                }
            }
        }
        return z;
    }
}
