package org.theano4j.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.backend.Kernel;
import org.theano4j.graph.Apply;
import org.theano4j.op.Reduce;
import org.theano4j.op.Shape;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** The shape-arithmetic kernels against numpy values and the ops' reference evaluation. */
class ShapeKernelsTest {

    @Test
    void shapeWritesTheDimensionsOfEveryRank() {
        for (long[] shape : List.of(new long[0], new long[] {400}, new long[] {3, 0, 5}, new long[] {2, 1, 7, 4})) {
            NDArray x = NDArray.zeros(DType.FLOAT32, shape);
            NDArray got = Parity.runKernel(Parity.node(new Shape(), x), x);
            assertEquals(DType.INT64, got.dtype());
            assertArrayEquals(shape, got.toLongArray());
        }
    }

    // numpy 2.4.6: a = np.array([2**40, 2**30, 3, -7], dtype=np.int64)
    // a.prod(), a.sum(), a.max(), a.min(), a[::2].prod() -> 0 1100585369596 1099511627776 -7 3298534883328
    // np.array([2**62, 2**62], dtype=np.int64).sum() -> -9223372036854775808
    static Stream<Arguments> reductions() {
        NDArray a = NDArray.of(new long[] {1L << 40, 1L << 30, 3, -7});
        NDArray big = NDArray.of(new long[] {1L << 62, 1L << 62});
        return Stream.of(
                Arguments.of(Reduce.Kind.PROD, a, 0L),
                Arguments.of(Reduce.Kind.SUM, a, 1100585369596L),
                Arguments.of(Reduce.Kind.MAX, a, 1099511627776L),
                Arguments.of(Reduce.Kind.MIN, a, -7L),
                Arguments.of(Reduce.Kind.PROD, a.slice(0, 0, 4, 2), 3298534883328L),
                Arguments.of(Reduce.Kind.SUM, big, Long.MIN_VALUE),
                Arguments.of(Reduce.Kind.PROD, NDArray.of(new long[0]), 1L),
                Arguments.of(Reduce.Kind.SUM, NDArray.of(new long[] {5, -2, 9}).astype(DType.INT32), 12L),
                Arguments.of(Reduce.Kind.MAX, NDArray.of(new long[] {5, -2, 9}).astype(DType.INT32), 9L));
    }

    @ParameterizedTest
    @MethodSource("reductions")
    void integerVectorReductionsMatchNumpyAndTheReference(Reduce.Kind kind, NDArray x, long want) {
        Apply node = Parity.node(new Reduce(kind, List.of(0)), x);
        NDArray got = Parity.runKernel(node, x);
        NDArray ref = Parity.reference(node, x);
        assertEquals(ref.dtype(), got.dtype());
        assertEquals(want, got.readLong(got.offset()));
        assertEquals(ref.readLong(ref.offset()), got.readLong(got.offset()));
    }

    @Test
    void emptyMaximumThrowsLikeTheReference() {
        NDArray x = NDArray.of(new long[0]);
        Apply node = Parity.node(new Reduce(Reduce.Kind.MAX, List.of(0)), x);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parity.runKernel(node, x));
        assertTrue(e.getMessage().contains("maximum"), e.getMessage());
    }

    @Test
    void otherIntegerReductionsKeepTheReferencePath() {
        Kernel matrix = ShapeKernels.vectorReduce(new Reduce(Reduce.Kind.SUM, List.of(0)), DType.INT64, 2);
        Kernel unsigned = ShapeKernels.vectorReduce(new Reduce(Reduce.Kind.MAX, List.of(0)), DType.UINT64, 1);
        Kernel mean = ShapeKernels.vectorReduce(new Reduce(Reduce.Kind.MEAN, List.of(0)), DType.INT64, 1);
        assertNull(matrix);
        assertNull(unsigned);
        assertNull(mean);
        assertNotNull(ShapeKernels.vectorReduce(new Reduce(Reduce.Kind.PROD, List.of(0)), DType.INT64, 1));
    }
}
