package org.theano4j.cpu;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.theano4j.op.AdvancedIncSubtensor1;
import org.theano4j.op.AdvancedSubtensor1;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** take / inc_take / set_take equal the reference exactly: repeated and negative indices, axes, layouts, broadcasting. */
class IndexKernelsTest {
    @ParameterizedTest
    @ValueSource(strings = {"FLOAT64", "FLOAT32"})
    void matchesReferenceOverShapesAxesAndLayouts(String dtype) {
        DType d = DType.valueOf(dtype);
        for (int n : Parity.SIZES) {
            NDArray x = Parity.array(d, n, -3, 3, true, 5, n);
            check("5x" + n + " axis 0", x, 0, indices(9, 5));
            check("5x" + n + " axis 1", x, 1, indices(n == 0 ? 0 : 11, n));
            NDArray tall = Parity.array(d, n + 3, -3, 3, false, n, 3);
            check(n + "x3 axis 0", tall, 0, indices(n == 0 ? 0 : 2 * n, n));
        }
        check("strided", Parity.strided(d, 1, 9, 33), 0, indices(20, 9));
        check("transposed", Parity.array(d, 2, -3, 3, false, 17, 9).transpose(), 1, indices(30, 17));
        check("tensor3", Parity.array(d, 3, -3, 3, false, 4, 6, 17), 1, indices(8, 6));
    }

    @Test
    void integerTakeAndBadIndices() {
        NDArray x = NDArray.of(new long[][] {{1, 2}, {3, 4}, {5, 6}});
        NDArray idx = NDArray.of(new int[] {2, -1, 0, 0});
        Parity.check("int64 take", Parity.node(new AdvancedSubtensor1(0), x, idx), 0, x, idx);
        NDArray bad = NDArray.of(new long[] {3});
        assertThrows(IllegalArgumentException.class,
                () -> Parity.runKernel(Parity.node(new AdvancedSubtensor1(0), x, bad), x, bad));
        assertNull(new VectorCpuBackend().kernelFor(Parity.node(new AdvancedIncSubtensor1(0, false), x, x, idx)));
    }

    /** {@code count} indices into an axis of length {@code size}: repeats, and negatives every fourth. */
    private static NDArray indices(int count, int size) {
        long[] idx = new long[count];
        for (int j = 0; j < count; j++) {
            long i = (j * 5L + 1) % size;
            idx[j] = j % 4 == 3 ? i - size : i;
        }
        return NDArray.of(idx);
    }

    /** take, then inc/set with a full value, a scalar and a value broadcast along the indexed axis. */
    private static void check(String what, NDArray x, int axis, NDArray idx) {
        Parity.check(what + " take", Parity.node(new AdvancedSubtensor1(axis), x, idx), 0, x, idx);
        long[] region = x.shape();
        region[axis] = idx.size();
        long[] row = region.clone();
        row[axis] = 1;
        NDArray[] values = {
            Parity.array(x.dtype(), 7, -1, 1, false, region), NDArray.of(0.5).astype(x.dtype()),
            Parity.array(x.dtype(), 8, -1, 1, false, row),
        };
        for (NDArray y : values) {
            for (boolean set : new boolean[] {false, true}) {
                Parity.check(what + (set ? " set" : " inc") + " y" + java.util.Arrays.toString(y.shape()),
                        Parity.node(new AdvancedIncSubtensor1(axis, set), x, y, idx), 0, x, y, idx);
            }
        }
    }
}
