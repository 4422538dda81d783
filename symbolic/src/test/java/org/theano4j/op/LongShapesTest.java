package org.theano4j.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.theano4j.Slice;
import org.theano4j.T;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** Reference evaluations over lengths beyond 2^31 (broadcast views: no memory) never wrap. */
class LongShapesTest {
    private static final long N = (1L << 32) + 3;

    @Test
    void joinedLengthsThatWouldWrapAreRefused() {
        NDArray quarter = NDArray.zeros(DType.INT8).broadcastTo(1L << 62);
        // four of them once summed to 2^64, which wrapped to an empty result
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Join(0).outputShapes(new Object[] {quarter, quarter, quarter, quarter}));
        assertEquals("Join: the joined axis 0 would be longer than 9223372036854775807 (input 1 of shape "
                + "(4611686018427387904,))", e.getMessage());
        NDArray rest = NDArray.zeros(DType.INT8).broadcastTo((1L << 62) - 1);
        assertArrayEquals(new long[] {Long.MAX_VALUE}, new Join(0).outputShapes(new Object[] {quarter, rest})[0]);
    }

    @Test
    void reshapeIntoAWrappedSizeIsRefused() {
        Variable v = T.dvector("v");
        // 4 * (2^62 + 1) = 2^64 + 4 once wrapped to 4, the size of v
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GraphEval.eval(T.reshape(v, 4, (1L << 62) + 1), Map.of(v, NDArray.zeros(DType.FLOAT64, 4))));
        assertEquals("reshape: cannot reshape array of shape (4,) (size 4) into shape (4, 4611686018427387905)", e.getMessage());
    }

    @Test
    void slicesOfHugeViewsHaveNumpysLengths() {
        Variable v = T.dvector("v");
        NDArray x = NDArray.of(1.5).broadcastTo(N);
        NDArray everyOther = GraphEval.eval(v.get(Slice.of(1, null, 2)), Map.of(v, x));
        assertEquals(N / 2, everyOther.size());
        NDArray last = GraphEval.eval(v.get(Slice.of(-1, null, Long.MIN_VALUE)), Map.of(v, x));
        assertEquals(1, last.size());
        assertEquals(1.5, last.getFlat(0));
        assertEquals(1.5 * N, GraphEval.eval(T.sum(v.get(Slice.of(null, null, -1))), Map.of(v, x)).item());
    }

    @Test
    void indicesOfAnyCountAreReadInPlace() {
        NDArray idx = NDArray.of(-2L).broadcastTo(N);
        Indices i = Indices.check(idx, 5, 0);
        assertEquals(N, i.count());
        assertEquals(3, i.get(N - 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Indices.check(NDArray.of(new long[] {0, 5}), 5, 1));
        assertEquals("index 5 is out of bounds for axis 1 with size 5", e.getMessage());
    }
}
