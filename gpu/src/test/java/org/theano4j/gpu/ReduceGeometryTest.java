package org.theano4j.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ReduceGeometry} against an independent oracle, for every axis pattern of ranks 1 to 4 on
 * shapes with sizes 1 to 4 (and some 0): output {@code o} unravelled over the kept axes and reduced
 * element {@code r} over the reduced axes, both in C order, make a full index whose C-order flat
 * position must be {@code keptOffset(o) + reducedOffset(r)}, the kernels' arithmetic.
 */
class ReduceGeometryTest {

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        Random rnd = new Random(7);
        for (int ndim = 1; ndim <= 4; ndim++) {
            for (int mask = 0; mask < 1 << ndim; mask++) {
                for (int s = 0; s < 3; s++) {
                    long[] shape = new long[ndim];
                    for (int a = 0; a < ndim; a++) {
                        shape[a] = s == 0 ? 2 + a : 1 + rnd.nextInt(4);
                    }
                    out.add(Arguments.of(shape, ReduceKernelSourceTest.axes(mask, ndim)));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} axes {1}")
    @MethodSource("cases")
    void offsetsAreTheFlatIndexOfTheKeptAndReducedDigits(long[] shape, List<Integer> axes) {
        ReduceGeometry g = ReduceGeometry.of(shape, axes);
        int[] kept = axesWhere(shape.length, axes, false);
        int[] red = axesWhere(shape.length, axes, true);
        assertEquals(product(shape, kept), g.outputCount());
        assertEquals(product(shape, red), g.reducedLength());
        assertEquals(ReduceGeometry.Pattern.of(shape.length, axes), g.pattern());
        assertEquals(minimalGroups(shape.length, axes), g.sizes().length, "adjacent axes of a kind are merged");
        assertEquals(2 * g.sizes().length, ReduceKernelSource.geometryArgs(g).length);
        boolean[] seen = new boolean[(int) product(shape, allAxes(shape.length))];
        for (long o = 0; o < g.outputCount(); o++) {
            for (long r = 0; r < g.reducedLength(); r++) {
                long[] index = new long[shape.length];
                unravel(o, shape, kept, index);
                unravel(r, shape, red, index);
                long flat = ravel(index, shape);
                assertEquals(flat, g.keptOffset(o) + g.reducedOffset(r), "o=" + o + " r=" + r + " in " + g);
                seen[(int) flat] = true;
            }
        }
        for (boolean b : seen) {
            assertEquals(true, b, "every input element is read");
        }
    }

    @Test
    void aMiddleAxisIsOuterReducedInner() {
        ReduceGeometry g = ReduceGeometry.of(new long[] {2, 3, 4}, List.of(1));
        assertArrayEquals(new long[] {2, 4}, g.keptSizes());
        assertArrayEquals(new long[] {12, 1}, g.keptStrides());
        assertArrayEquals(new long[] {3}, g.reducedSizes());
        assertArrayEquals(new long[] {4}, g.reducedStrides());
        assertEquals(new ReduceGeometry.Pattern(2, 1), g.pattern());
    }

    @Test
    void adjacentAxesMergeAndNoAxesOrAllAxesAreOneGroup() {
        ReduceGeometry g = ReduceGeometry.of(new long[] {2, 3, 4, 5}, List.of(1, 2));
        assertArrayEquals(new long[] {2, 12, 5}, g.sizes());
        assertArrayEquals(new long[] {12}, g.reducedSizes());
        assertArrayEquals(new long[] {5}, g.reducedStrides());
        ReduceGeometry all = ReduceGeometry.of(new long[] {2, 3}, List.of(0, 1));
        assertArrayEquals(new long[] {6}, all.sizes());
        assertEquals(1, all.outputCount());
        assertEquals(List.of(0), all.reducedGroupAxes());
        ReduceGeometry none = ReduceGeometry.of(new long[] {2, 3}, List.of());
        assertEquals(1, none.reducedLength());
        assertEquals(5, none.keptOffset(5) + none.reducedOffset(0));
        ReduceGeometry scalar = ReduceGeometry.of(new long[] {}, List.of());
        assertEquals(1, scalar.outputCount());
        assertEquals(0, scalar.keptOffset(0));
        assertEquals(new ReduceGeometry.Pattern(0, 0), scalar.pattern());
    }

    @Test
    void emptyShapesHaveNoOutputsOrNoReducedElements() {
        assertEquals(0, ReduceGeometry.of(new long[] {3, 0, 2}, List.of(1)).reducedLength());
        assertEquals(0, ReduceGeometry.of(new long[] {3, 0, 2}, List.of(0, 2)).outputCount());
    }

    @Test
    void badAxesAndPatternsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ReduceGeometry.of(new long[] {2}, List.of(1)));
        assertThrows(IllegalArgumentException.class, () -> new ReduceGeometry.Pattern(3, 1));
        assertThrows(IllegalArgumentException.class, () -> new ReduceGeometry(new long[] {2, 3}, new boolean[] {true, true}));
    }

    private static int minimalGroups(int ndim, List<Integer> axes) {
        int groups = 0;
        for (int a = 0; a < ndim; a++) {
            if (a == 0 || axes.contains(a) != axes.contains(a - 1)) {
                groups++;
            }
        }
        return groups;
    }

    private static int[] axesWhere(int ndim, List<Integer> axes, boolean reduced) {
        return java.util.stream.IntStream.range(0, ndim).filter(a -> axes.contains(a) == reduced).toArray();
    }

    private static int[] allAxes(int ndim) {
        return java.util.stream.IntStream.range(0, ndim).toArray();
    }

    private static long product(long[] shape, int[] axes) {
        long p = 1;
        for (int a : axes) {
            p *= shape[a];
        }
        return p;
    }

    /** Writes the C-order digits of {@code i} over {@code axes} of {@code shape} into {@code index}. */
    private static void unravel(long i, long[] shape, int[] axes, long[] index) {
        for (int k = axes.length - 1; k >= 0; k--) {
            index[axes[k]] = i % shape[axes[k]];
            i /= shape[axes[k]];
        }
    }

    private static long ravel(long[] index, long[] shape) {
        long flat = 0;
        for (int a = 0; a < shape.length; a++) {
            flat = flat * shape[a] + index[a];
        }
        return flat;
    }
}
