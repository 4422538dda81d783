package org.theano4j.op;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Integer sum/prod/max/min over broadcast (stride-0) axes longer than 2^31 take runs and periods
 * in one step and still equal the element-by-element modular result (BigInteger oracle).
 */
class IntegerRunsTest {
    private static final long N = (1L << 32) + 3;
    private static final BigInteger MOD = BigInteger.ONE.shiftLeft(64);

    /** {@code [v0, v1, v2]} repeated N times along a leading axis, reduced over both axes. */
    @ParameterizedTest
    @EnumSource(value = Reduce.Kind.class, names = {"SUM", "PROD", "MAX", "MIN"})
    void aRepeatedPeriodOfDistinctValues(Reduce.Kind kind) {
        long[] values = {-3, 7, 5};
        NDArray x = NDArray.of(values).broadcastTo(N, 3);
        NDArray got = (NDArray) new Reduce(kind, List.of(0, 1)).evaluate(new Object[] {x})[0];
        assertEquals(oracle(kind, values, N), got.getLong(), kind + " over " + N + " x 3");
    }

    /** Each of three values repeated N times along a trailing axis (runs), reduced over both axes. */
    @ParameterizedTest
    @EnumSource(value = Reduce.Kind.class, names = {"SUM", "PROD", "MAX", "MIN"})
    void runsOfEqualValues(Reduce.Kind kind) {
        long[] values = {3, -2, 9};
        NDArray x = NDArray.of(new long[][] {{3}, {-2}, {9}}).broadcastTo(3, N);
        NDArray got = (NDArray) new Reduce(kind, List.of(0, 1)).evaluate(new Object[] {x})[0];
        assertEquals(oracle(kind, values, N), got.getLong(), kind + " over 3 x " + N);
    }

    @ParameterizedTest
    @EnumSource(value = Reduce.Kind.class, names = {"SUM", "PROD", "MAX", "MIN"})
    void int8ValuesAccumulateInInt64(Reduce.Kind kind) {
        NDArray x = NDArray.of(new byte[] {-7}).broadcastTo(N);
        NDArray got = (NDArray) new Reduce(kind, List.of(0)).evaluate(new Object[] {x})[0];
        assertEquals(kind == Reduce.Kind.MAX || kind == Reduce.Kind.MIN ? DType.INT8 : DType.INT64, got.dtype());
        assertEquals(oracle(kind, new long[] {-7}, N), got.getLong());
    }

    /** The element-by-element result modulo 2^64, as int64 bits. */
    private static long oracle(Reduce.Kind kind, long[] values, long times) {
        BigInteger t = BigInteger.valueOf(times);
        BigInteger acc = kind == Reduce.Kind.PROD ? BigInteger.ONE : BigInteger.ZERO;
        long m = values[0];
        for (long v : values) {
            BigInteger b = BigInteger.valueOf(v);
            acc = switch (kind) {
                case SUM -> acc.add(b.multiply(t));
                case PROD -> acc.multiply(b.modPow(t, MOD)).mod(MOD);
                default -> acc;
            };
            m = kind == Reduce.Kind.MAX ? Math.max(m, v) : Math.min(m, v);
        }
        return kind == Reduce.Kind.MAX || kind == Reduce.Kind.MIN ? m : acc.mod(MOD).longValue();
    }
}
