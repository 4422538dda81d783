package org.theano4j.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.op.ArgReduce;
import org.theano4j.op.Dot;
import org.theano4j.op.Gemv;
import org.theano4j.op.Reduce;
import org.theano4j.op.Softmax;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Broadcast (stride-0) inputs with axes longer than 2^31 and 2^32: reductions, arg-reductions,
 * dot and gemv give exact results, from the kernel and the reference alike, without memory or
 * time proportional to the length (lengths were once narrowed to int). Then runs of equal
 * elements and repeated periods in moderate broadcasts: kernel and reference equal the reduction
 * of a materialized copy bit for bit.
 */
class StrideZeroTest {
    private static final long N32 = (1L << 32) + 3;
    private static final long N31 = (1L << 31) + 5;

    /** A scalar broadcast to {@code shape}. */
    private static NDArray fill(DType d, double v, long... shape) {
        return NDArray.of(v).astype(d).broadcastTo(shape);
    }

    /** The column {@code values} broadcast to {@code (values.length, n)}: strides (1, 0). */
    private static NDArray columns(DType d, long n, double... values) {
        return NDArray.of(values).astype(d).reshape(values.length, 1).broadcastTo(values.length, n);
    }

    /** The row {@code values} broadcast to {@code (n, values.length)}: strides (0, 1). */
    private static NDArray rows(DType d, long n, double... values) {
        return NDArray.of(values).astype(d).broadcastTo(n, values.length);
    }

    /** An op on broadcast inputs and its exact results. */
    record Case(String name, Op op, NDArray[] inputs, double[] expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case c(String name, Op op, double[] exact, NDArray... inputs) {
        return new Case(name, op, inputs, exact);
    }

    private static Reduce reduce(Reduce.Kind kind, Integer... axes) {
        return new Reduce(kind, List.of(axes));
    }

    static Stream<Case> hugeCases() {
        List<Case> cases = new ArrayList<>();
        for (DType d : Parity.floats()) {
            String t = " " + d.numpyName();
            cases.add(c("sum of 1.0 over 2^32+3" + t, reduce(Reduce.Kind.SUM, 0), new double[] {4294967299.0}, fill(d, 1, N32)));
            cases.add(c("mean of 2.5" + t, reduce(Reduce.Kind.MEAN, 0), new double[] {2.5}, fill(d, 2.5, N32)));
            cases.add(c("max of -3.5" + t, reduce(Reduce.Kind.MAX, 0), new double[] {-3.5}, fill(d, -3.5, N32)));
            cases.add(c("min of NaN" + t, reduce(Reduce.Kind.MIN, 0), new double[] {Double.NaN}, fill(d, Double.NaN, N32)));
            cases.add(c("prod of -1 (odd count)" + t, reduce(Reduce.Kind.PROD, 0), new double[] {-1}, fill(d, -1, N32)));
            cases.add(c("prod of 0.5 underflows" + t, reduce(Reduce.Kind.PROD, 0), new double[] {0}, fill(d, 0.5, N32)));
            cases.add(c("sum of columns" + t, reduce(Reduce.Kind.SUM, 1), new double[] {N31, 2.0 * N31, 3.0 * N31},
                    columns(d, N31, 1, 2, 3)));
            cases.add(c("sum of a broadcast matrix" + t, reduce(Reduce.Kind.SUM, 0, 1), new double[] {6.0 * N31},
                    columns(d, N31, 1, 2, 3)));
            cases.add(c("sum of rows over axis 0" + t, reduce(Reduce.Kind.SUM, 0), new double[] {N31, 2.0 * N31, 3.0 * N31},
                    rows(d, N31, 1, 2, 3)));
            cases.add(c("sum of repeated rows" + t, reduce(Reduce.Kind.SUM, 0, 1), new double[] {6.0 * N31},
                    rows(d, N31, 1, 2, 3)));
            cases.add(c("mean of repeated rows" + t, reduce(Reduce.Kind.MEAN, 0, 1), new double[] {2}, rows(d, N31, 1, 2, 3)));
            cases.add(c("max of repeated rows" + t, reduce(Reduce.Kind.MAX, 0, 1), new double[] {3}, rows(d, N31, 1, 3, 2)));
            cases.add(c("prod of repeated rows" + t, reduce(Reduce.Kind.PROD, 0, 1), new double[] {-1}, rows(d, N31, 1, -1, 1)));
            cases.add(c("argmax of repeated rows" + t, new ArgReduce(true, null), new double[] {1}, rows(d, N31, 1, 3, 3)));
            cases.add(c("argmin of repeated rows" + t, new ArgReduce(false, null), new double[] {2}, rows(d, N31, 1, 3, -3)));
            cases.add(c("max of a broadcast matrix" + t, reduce(Reduce.Kind.MAX, 0, 1), new double[] {7},
                    columns(d, N31, 1, 7, 3)));
            cases.add(c("argmax of 2^32+3 equal" + t, new ArgReduce(true, null), new double[] {0}, fill(d, 4, N32)));
            cases.add(c("argmax of a broadcast matrix" + t, new ArgReduce(true, null), new double[] {N31},
                    columns(d, N31, 1, 7, 7)));
            cases.add(c("argmin along the long axis" + t, new ArgReduce(false, 1), new double[] {0, 0},
                    columns(d, N31, 1, 7)));
            cases.add(c("dot of 1s and 2s" + t, new Dot(), new double[] {2.0 * N32}, fill(d, 1, N32), fill(d, 2, N32)));
            cases.add(c("gemv with a 2^31+5 inner dimension" + t, new Dot(), new double[] {0.5 * N31, N31, 1.5 * N31},
                    columns(d, N31, 1, 2, 3), fill(d, 0.5, N31)));
            cases.add(c("vector times matrix" + t, new Dot(), new double[] {0.5 * N31, N31, 1.5 * N31},
                    fill(d, 0.5, N31), rows(d, N31, 1, 2, 3)));
            cases.add(c("matrix product" + t, new Dot(), new double[] {2.0 * N31, 4.0 * N31},
                    columns(d, N31, 1, 2), rows(d, N31, 2)));
        }
        cases.add(c("Gemv 2 dot + 3 z", new Gemv(2, 3), new double[] {2 * 0.5 * N31 + 3, 2 * N31 + 6},
                NDArray.of(new double[] {1, 2}), columns(DType.FLOAT64, N31, 1, 2), fill(DType.FLOAT64, 0.5, N31)));
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("hugeCases")
    void hugeBroadcastsAreExact(Case c) {
        Apply node = Parity.node(c.op, c.inputs);
        // exact results, rounded once to the output dtype (float32 cannot hold these sums exactly)
        double[] want = c.expected.clone();
        for (int i = 0; i < want.length && node.output(0).dtype() == DType.FLOAT32; i++) {
            want[i] = (float) want[i];
        }
        assertArrayEquals(want, Parity.runKernel(node, c.inputs).toDoubleArray(), "kernel");
        assertArrayEquals(want, Parity.reference(node, c.inputs).toDoubleArray(), "reference");
    }

    @Test
    void rowsTooLongForABufferAreRefused() {
        NDArray x = fill(DType.FLOAT32, 1, 1, N31);
        NDArray out = fill(DType.FLOAT32, 0, 1, N31); // a stride-0 stand-in: nothing may be written to it
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new VectorCpuBackend().kernelFor(Parity.node(new Softmax(), x)).run(new NDArray[] {x},
                        new NDArray[] {out}));
        assertTrue(e.getMessage().startsWith("Softmax: rows of 2147483653 elements are longer than"), e.getMessage());
    }

    /** Broadcasts whose trailing reduced axes make runs (some longer than a summation piece) of random values. */
    static Stream<Arguments> runCases() {
        List<Arguments> out = new ArrayList<>();
        for (Reduce.Kind kind : Reduce.Kind.values()) {
            out.add(Arguments.of(kind, new long[] {2, 1}, new long[] {2, 65_600}, List.of(1)));
            out.add(Arguments.of(kind, new long[] {2, 1}, new long[] {2, 65_600}, List.of(0, 1)));
            out.add(Arguments.of(kind, new long[] {2, 1, 3, 1}, new long[] {2, 7, 3, 3000}, List.of(1, 2, 3)));
            out.add(Arguments.of(kind, new long[] {2, 1, 3, 1}, new long[] {2, 7, 3, 3000}, List.of(0, 3)));
            out.add(Arguments.of(kind, new long[] {5, 1, 1}, new long[] {5, 40, 1000}, List.of(0, 1, 2)));
            out.add(Arguments.of(kind, new long[] {1, 4}, new long[] {20_000, 4}, List.of(0)));
            out.add(Arguments.of(kind, new long[] {1, 4}, new long[] {20_000, 4}, List.of(0, 1)));
            out.add(Arguments.of(kind, new long[] {1, 65_600}, new long[] {2, 65_600}, List.of(0, 1)));
            out.add(Arguments.of(kind, new long[] {1, 3, 1, 5}, new long[] {200, 3, 20, 5}, List.of(0, 1, 2, 3)));
            out.add(Arguments.of(kind, new long[] {1, 3, 1, 5}, new long[] {200, 3, 20, 5}, List.of(0, 2)));
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("runCases")
    void runsReduceLikeAMaterializedCopy(Reduce.Kind kind, long[] source, long[] shape, List<Integer> axes) {
        for (DType d : Parity.floats()) {
            double lo = kind == Reduce.Kind.PROD ? 0.9999 : -1;
            NDArray x = Parity.array(d, 17, lo, lo + (kind == Reduce.Kind.PROD ? 0.0002 : 2), false, source).broadcastTo(shape);
            NDArray copy = x.copy();
            Reduce op = new Reduce(kind, axes);
            double[] want = Parity.reference(Parity.node(op, copy), copy).toDoubleArray();
            String what = kind + " " + d.numpyName() + " axes " + axes;
            assertArrayEquals(want, Parity.reference(Parity.node(op, x), x).toDoubleArray(), what + " reference");
            assertArrayEquals(want, Parity.runKernel(Parity.node(op, x), x).toDoubleArray(), what + " kernel");
            for (boolean max : new boolean[] {true, false}) {
                ArgReduce arg = new ArgReduce(max, axes.size() == 1 ? axes.get(0) : null);
                double[] wantArg = Parity.reference(Parity.node(arg, copy), copy).toDoubleArray();
                assertArrayEquals(wantArg, Parity.reference(Parity.node(arg, x), x).toDoubleArray(), what + " arg reference");
                assertArrayEquals(wantArg, Parity.runKernel(Parity.node(arg, x), x).toDoubleArray(), what + " arg kernel");
            }
        }
    }

    @Test
    void repeatedProductsFollowTheReferenceOrder() {
        // 0.1 * 0.3 is not exact: each output is that product added left to right, as the reference does
        NDArray a = columns(DType.FLOAT64, 100_003, 0.1, -0.7);
        NDArray b = fill(DType.FLOAT64, 0.3, 100_003);
        Apply node = Parity.node(new Dot(), a, b);
        NDArray materialized = Parity.reference(Parity.node(new Dot(), a.copy(), b.copy()), a.copy(), b.copy());
        assertArrayEquals(materialized.toDoubleArray(), Parity.runKernel(node, a, b).toDoubleArray());
        assertArrayEquals(materialized.toDoubleArray(), Parity.reference(node, a, b).toDoubleArray());
        assertEquals(1, Parity.reference(Parity.node(new Dot(), fill(DType.FLOAT64, 1, 1), fill(DType.FLOAT64, 1, 1)),
                fill(DType.FLOAT64, 1, 1), fill(DType.FLOAT64, 1, 1)).item());
    }
}
