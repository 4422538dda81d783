package org.theano4j.op;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Group geometry against a transposed view walked by {@link Loops} (the oracle), and the
 * run/period structure of broadcasts; {@link ReduceGroups#iterate} against the plain loop.
 */
class ReduceGroupsTest {
    static Stream<Arguments> views() {
        NDArray cube = NDArray.of(new double[60]).reshape(3, 4, 5);
        NDArray column = NDArray.of(new double[] {1, 2, 3}).reshape(3, 1, 1);
        return Stream.of(
                Arguments.of(cube, List.of(1), 1L, 4L),
                Arguments.of(cube.transpose(2, 0, 1), List.of(0, 2), 1L, 20L),
                Arguments.of(cube.slice(2, 4, -1, -2), List.of(0, 1, 2), 1L, 36L),
                Arguments.of(column.broadcastTo(3, 4, 5), List.of(1, 2), 20L, 1L), // constant: one run, period 1
                Arguments.of(column.broadcastTo(3, 4, 5), List.of(0, 2), 5L, 15L),
                Arguments.of(column.reshape(1, 3, 1).broadcastTo(4, 3, 5), List.of(0, 1, 2), 5L, 15L),
                Arguments.of(column.reshape(1, 3, 1).broadcastTo(4, 3, 5), List.of(0), 4L, 1L),
                Arguments.of(NDArray.zeros(DType.FLOAT64, 3, 0), List.of(1), 1L, 0L));
    }

    @ParameterizedTest
    @MethodSource("views")
    void groupsWalkTheReducedAxesInCOrder(NDArray x, List<Integer> axes, long run, long period) {
        ReduceGroups g = new ReduceGroups(x, axes);
        assertEquals(run, g.run(), "run");
        assertEquals(period, g.period(), "period");
        int[] perm = new int[x.ndim()];
        int p = 0;
        for (int ax = 0; ax < x.ndim(); ax++) {
            if (!axes.contains(ax)) {
                perm[p++] = ax;
            }
        }
        for (int ax : axes) {
            perm[p++] = ax;
        }
        NDArray xt = x.transpose(perm);
        Loops it = new Loops(xt.shape(), xt);
        for (long o = 0; o < g.count(); o++) {
            long start = g.start(o);
            ReduceGroups.Cursor c = g.cursor(start);
            for (long j = 0; j < g.length(); j++, it.next()) {
                assertEquals(it.pos(0), g.position(start, j), "position " + j + " of group " + o);
                assertEquals(it.pos(0), c.next(), "cursor " + j + " of group " + o);
            }
        }
        if (g.length() > 0) {
            assertEquals(g.length(), g.repeats() * g.firstPeriod().length());
            assertEquals(g.firstPeriod().length(), g.firstPeriod().heads().length() * g.firstPeriod().run());
        }
    }

    @Test
    void iteratedProductsEqualTheLoop() {
        double[] factors = {1, -1, 2, -2, 0.5, -0.5, 0, -0.0, 1 + 1e-15, -(1 - 1e-16), 3, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 0.9999};
        for (double start : new double[] {1, -3, 0.0, -0.0, 1e300}) {
            for (double v : factors) {
                for (long n : new long[] {0, 1, 2, 3, 10, 1075, 1076, 5001}) {
                    double want = start;
                    for (long i = 0; i < n; i++) {
                        want *= v;
                    }
                    double got = ReduceGroups.iterate(start, q -> q * v, n);
                    assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got), start + " * " + v + "^" + n);
                }
            }
        }
    }
}
