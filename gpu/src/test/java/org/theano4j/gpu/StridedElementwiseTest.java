package org.theano4j.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.theano4j.gpu.Exprs.in;
import static org.theano4j.gpu.Exprs.op;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.op.Composite;
import org.theano4j.op.ScalarExpr;
import org.theano4j.op.ScalarOp;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * {@link ElementwiseKernel} on the host-memory {@link HostDevice} with inputs in every layout a
 * view op makes (transposed, sliced with steps, reversed, broadcast rows, columns and scalars, a
 * stride-0 view, an offset row slice) next to a contiguous input, for float64, float32, int32 and
 * bool, with the bases host-only, shared, or only on the device (their host memory holding other
 * numbers). The oracle is the reference evaluation over the logical inputs broadcast on the host;
 * data are small integers, so any mis-read element gives another number, compared bit for bit.
 * Resident bases are read in place: nothing is uploaded (a shared one once, whole), and a host-only
 * input is uploaded at its own size, not broadcast. {@link StridedElementwiseGpuTest} runs the same
 * cases on the GPU.
 */
class StridedElementwiseTest {

    private static final int ROWS = 4;
    private static final int COLS = 5;
    private static final long[] OUT = {ROWS, COLS};

    /** How an input's logical {@value #ROWS} x {@value #COLS} (or broadcastable) value lies in its base. */
    enum Layout {
        CONTIGUOUS(new long[] {ROWS, COLS}, b -> b),
        TRANSPOSED(new long[] {COLS, ROWS}, NDArray::transpose),
        STEPPED(new long[] {2 * ROWS + 1, 2 * COLS + 2}, b -> b.slice(0, 1, 2 * ROWS + 1, 2).slice(1, 2, 2 * COLS + 2, 2)),
        REVERSED(new long[] {ROWS, COLS}, b -> b.slice(0, ROWS - 1, -1, -1).slice(1, COLS - 1, -1, -1)),
        REVERSED_TRANSPOSED_SLICE(new long[] {COLS + 2, ROWS + 1},
                b -> b.slice(0, 1, COLS + 1, 1).slice(1, ROWS, 0, -1).transpose()),
        ROW_SLICE(new long[] {ROWS + 3, COLS}, b -> b.slice(0, 2, ROWS + 2, 1)),
        ROW(new long[] {COLS}, b -> b.expandDims(0)),
        COLUMN(new long[] {ROWS}, b -> b.expandDims(1)),
        STRIDE_ZERO(new long[] {COLS}, b -> b.broadcastTo(ROWS, COLS)),
        SCALAR(new long[] {}, b -> b.expandDims(0).expandDims(0)),
        REVERSED_ROW(new long[] {2 * COLS}, b -> b.slice(0, 2 * COLS - 1, -1, -2).expandDims(0));

        final long[] base;
        final UnaryOperator<NDArray> view;

        Layout(long[] base, UnaryOperator<NDArray> view) {
            this.base = base;
            this.view = view;
        }
    }

    /** Where the bases' values are when the kernel runs. */
    enum Residency { NONE, SHARED, DEVICE }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (DType t : List.of(DType.FLOAT64, DType.FLOAT32, DType.INT32, DType.BOOL)) {
            for (Layout a : Layout.values()) {
                for (Layout b : Layout.values()) {
                    for (Residency r : Residency.values()) {
                        all.add(Arguments.of(t, a, b, r));
                    }
                }
            }
        }
        return all.stream();
    }

    private Device device;
    private DeviceValues values;

    /** @return the device the kernel runs on: here the host-memory fake */
    Device newDevice() {
        return new HostDevice();
    }

    @BeforeEach
    void open() {
        device = newDevice();
        values = new DeviceValues(device);
    }

    /** @return the fake device's strided launches so far (0 on a real device, where they are not counted) */
    private long stridedLaunches() {
        return device instanceof HostDevice d ? d.stridedLaunches.get() : 0;
    }

    /** Checks a count of strided launches, on the fake device (which counts them). */
    private void assertStrided(long expected, long before, String what) {
        if (device instanceof HostDevice) {
            assertEquals(expected, stridedLaunches() - before, what);
        }
    }

    /** An input: the view the kernel gets, the same view over the values it must read, and its base. */
    private record Input(NDArray view, NDArray logical, NDArray base) {
    }

    /** Small integers (bools: whether positive), a fixed sequence per seed. */
    private static NDArray data(DType t, long seed, long... shape) {
        NDArray ints = ExactData.integers(DType.INT64, seed, shape);
        NDArray a = NDArray.empty(t, shape);
        for (long i = 0; i < a.size(); i++) {
            long v = ints.getFlatLong(i);
            a.setFlat(i, t == DType.BOOL ? (v > 0 ? 1 : 0) : v);
        }
        return a;
    }

    /** {@code layout.view} over a new base placed as {@code residency} says. */
    private Input input(DType t, long seed, Layout layout, Residency residency) {
        NDArray value = data(t, seed, layout.base);
        NDArray base = residency == Residency.DEVICE ? NDArray.full(t, t == DType.BOOL ? 0 : 100, layout.base) : value.copy();
        if (residency == Residency.SHARED) {
            values.shared(base);
        } else if (residency == Residency.DEVICE) {
            device.upload(HostArrays.bytes(value), values.output(base, new NDArray[0]));
        }
        return new Input(layout.view.apply(base), layout.view.apply(value), base);
    }

    /** {@code x0 * x1 - x2} for numbers, {@code (x0 & x1) ^ x2} for bools. */
    private static ScalarExpr expr(DType t) {
        return t == DType.BOOL ? op(ScalarOp.XOR, op(ScalarOp.AND, in(0, t), in(1, t)), in(2, t))
                : op(ScalarOp.SUB, op(ScalarOp.MUL, in(0, t), in(1, t)), in(2, t));
    }

    /** The reference evaluation over the logical inputs broadcast to the output's shape. */
    private static NDArray oracle(ScalarExpr e, long[] shape, NDArray... logical) {
        NDArray[] in = Stream.of(logical).map(a -> a.broadcastTo(shape)).toArray(NDArray[]::new);
        NDArray out = NDArray.empty(e.dtype(), shape);
        Composite.evaluateInto(e, in, out);
        return out;
    }

    /** Runs the kernel over {@code inputs} twice; both results must be the oracle's, bit for bit. */
    private void check(ScalarExpr e, long[] shape, List<Input> inputs, List<Residency> residency) {
        ElementwiseKernel kernel = new ElementwiseKernel(values, device.elementwise(e, Exprs.inputTypes(e)), inputs.size());
        NDArray[] views = inputs.stream().map(Input::view).toArray(NDArray[]::new);
        NDArray want = oracle(e, shape, inputs.stream().map(Input::logical).toArray(NDArray[]::new));
        for (int call = 0; call < 2; call++) {
            long uploads = values.uploads();
            long bytes = device instanceof HostDevice d ? d.uploadedBytes.get() : 0;
            NDArray out = NDArray.empty(e.dtype(), shape);
            kernel.run(views, new NDArray[] {out});
            long wantUploads = 0;
            long wantBytes = 0;
            for (int k = 0; k < inputs.size(); k++) {
                Input x = inputs.get(k);
                boolean up = residency.get(k) == Residency.NONE || (residency.get(k) == Residency.SHARED && call == 0);
                wantUploads += up ? 1 : 0;
                wantBytes += !up ? 0 : (residency.get(k) == Residency.NONE ? x.view().size() : x.base().size())
                        * x.view().dtype().byteSize();
            }
            assertEquals(wantUploads, values.uploads() - uploads, "uploads on call " + call);
            if (device instanceof HostDevice d) {
                assertEquals(wantBytes, d.uploadedBytes.get() - bytes, "bytes uploaded on call " + call
                        + " (a host input at its own size, a shared base whole)");
            }
            values.toHost(out);
            assertArrayEquals(want.toDoubleArray(), out.toDoubleArray(), "call " + call);
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("cases")
    void everyLayoutIsReadInPlaceExactly(DType t, Layout a, Layout b, Residency residency) {
        long launches = stridedLaunches();
        List<Input> in = List.of(input(t, 1, a, residency), input(t, 2, b, residency),
                input(t, 3, Layout.CONTIGUOUS, Residency.NONE));
        check(expr(t), OUT, in, List.of(residency, residency, Residency.NONE));
        boolean strided = readsStrided(a, residency) || readsStrided(b, residency);
        assertStrided(strided ? 2 : 0, launches, "strided launches");
    }

    /**
     * Whether the kernel reads the layout strided: a broadcast always (a host-only one is uploaded at
     * its own shape), a resident view in place; a host-only view is uploaded in C order, so dense.
     */
    private static boolean readsStrided(Layout layout, Residency residency) {
        return switch (layout) {
            case CONTIGUOUS -> false;
            case ROW, COLUMN, SCALAR, REVERSED_ROW -> true;
            default -> residency != Residency.NONE;
        };
    }

    /** {@code switch(cond, x, y)} of a bool condition and float32 and int32 branches, each in another layout. */
    @Test
    void mixedDTypesInMixedLayouts() {
        ScalarExpr e = op(ScalarOp.SWITCH, in(0, DType.BOOL), in(1, DType.FLOAT32),
                Exprs.cast(DType.FLOAT32, in(2, DType.INT32)));
        for (Residency r : Residency.values()) {
            List<Input> in = List.of(input(DType.BOOL, 4, Layout.COLUMN, r), input(DType.FLOAT32, 5, Layout.REVERSED, r),
                    input(DType.INT32, 6, Layout.TRANSPOSED, r));
            check(e, OUT, in, List.of(r, r, r));
        }
    }

    /**
     * Rank 3: a transpose of the last two axes (three merged dims), a broadcast over the first axis
     * (two), a slice along the middle (two) and a contiguous input; and rank 9 with every axis
     * reversed, beyond {@link ElementwiseLayout#MAX_RANK}: copied to C order on the host instead.
     */
    @Test
    void higherRanksMergeAxesAndFallBackBeyondTheLimit() {
        DType t = DType.FLOAT64;
        long[] shape = {3, 4, 5};
        for (Residency r : Residency.values()) {
            long strided = stridedLaunches();
            List<Input> in = List.of(
                    operand(t, 7, new long[] {3, 5, 4}, b -> b.transpose(0, 2, 1), r),
                    operand(t, 8, new long[] {4, 5}, b -> b.expandDims(0), r),
                    operand(t, 9, new long[] {3, 6, 5}, b -> b.slice(1, 1, 5, 1), Residency.NONE));
            ScalarExpr e = op(ScalarOp.SUB, op(ScalarOp.MUL, in(0, t), in(1, t)), in(2, t));
            check(e, shape, in, List.of(r, r, Residency.NONE));
            assertStrided(2, strided, "strided launches");
        }
        long[] deep = new long[9];
        java.util.Arrays.fill(deep, 2);
        int[] reversed = {8, 7, 6, 5, 4, 3, 2, 1, 0};
        Input x = operand(t, 10, deep, b -> b.transpose(reversed), Residency.DEVICE);
        ScalarExpr e = op(ScalarOp.NEG, in(0, t));
        long strided = stridedLaunches();
        ElementwiseKernel kernel = new ElementwiseKernel(values, device.elementwise(e, List.of(t)), 1);
        NDArray out = NDArray.empty(t, deep);
        kernel.run(new NDArray[] {x.view()}, new NDArray[] {out});
        values.toHost(out);
        assertArrayEquals(oracle(e, deep, x.logical()).toDoubleArray(), out.toDoubleArray());
        assertStrided(0, strided, "rank 9: the copy path");
    }

    private Input operand(DType t, long seed, long[] baseShape, UnaryOperator<NDArray> view, Residency r) {
        NDArray value = data(t, seed, baseShape);
        NDArray base = r == Residency.DEVICE ? NDArray.full(t, 100, baseShape) : value.copy();
        if (r == Residency.SHARED) {
            values.shared(base);
        } else if (r == Residency.DEVICE) {
            device.upload(HostArrays.bytes(value), values.output(base, new NDArray[0]));
        }
        return new Input(view.apply(base), view.apply(value), base);
    }

    /**
     * An in-place step {@code W <- -W.T} where the output is W's own array: the kernel reads W's
     * device memory through the view, so the output gets new memory instead of overwriting it mid-read.
     */
    @Test
    void anOutputIsNotWrittenOverTheBaseItsViewInputReads() {
        DType t = DType.FLOAT64;
        NDArray w = NDArray.full(t, 100, COLS, COLS);
        NDArray value = data(t, 11, COLS, COLS);
        device.upload(HostArrays.bytes(value), values.output(w, new NDArray[0]));
        ScalarExpr e = op(ScalarOp.NEG, in(0, t));
        ElementwiseKernel kernel = new ElementwiseKernel(values, device.elementwise(e, List.of(t)), 1);
        kernel.run(new NDArray[] {w.transpose()}, new NDArray[] {w});
        values.toHost(w);
        assertArrayEquals(oracle(e, new long[] {COLS, COLS}, value.transpose()).toDoubleArray(), w.toDoubleArray());
    }
}
