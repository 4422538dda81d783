package org.theano4j.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * {@link DotKernel} on the host-memory {@link HostDevice} with operands in every layout it reads in
 * place (C order, transposed view, row/column slice with a leading dimension larger than the row,
 * transpose of a slice) and one it copies (a step-2 slice), float32 and float64, for GEMM
 * (matrix·matrix, vector·vector) and GEMV (matrix·vector, vector·matrix), each with the base arrays
 * not resident, resident as shared values, or resident as device-only kernel outputs. The oracle is a
 * triple loop in exact {@code long} arithmetic over the logical operands read with
 * {@link NDArray#getDouble}; inputs are small integers, so every product and sum is exact in float32
 * too and any indexing mistake gives another number. {@link DotViewsGpuTest} runs the same cases on
 * cuBLAS.
 */
class DotViewsTest {

    /** How an operand's logical matrix lies in its base array. */
    enum Layout {
        CONTIGUOUS, TRANSPOSED, SLICED, TRANSPOSED_SLICED, STRIDED;

        /** @return the shape of a base that this layout views as a rows x cols matrix */
        long[] base(long rows, long cols) {
            return switch (this) {
                case CONTIGUOUS -> new long[] {rows, cols};
                case TRANSPOSED -> new long[] {cols, rows};
                case SLICED -> new long[] {rows + 2, cols + 3};
                case TRANSPOSED_SLICED -> new long[] {cols + 2, rows + 3};
                case STRIDED -> new long[] {rows, 2 * cols};
            };
        }

        /** @return the rows x cols view of a base of {@link #base} shape */
        NDArray view(NDArray base, long rows, long cols) {
            return switch (this) {
                case CONTIGUOUS -> base;
                case TRANSPOSED -> base.transpose();
                case SLICED -> base.slice(0, 1, 1 + rows, 1).slice(1, 2, 2 + cols, 1);
                case TRANSPOSED_SLICED -> base.slice(0, 1, 1 + cols, 1).slice(1, 2, 2 + rows, 1).transpose();
                case STRIDED -> base.slice(1, 1, 2 * cols, 2);
            };
        }

        /** @return the vector of length n this layout views in a base vector of {@link #vectorBase} length */
        NDArray vector(NDArray base, long n) {
            return switch (this) {
                case CONTIGUOUS -> base;
                case SLICED -> base.slice(0, 2, 2 + n, 1);
                case STRIDED -> base.slice(0, 1, 1 + 2 * n, 2);
                default -> throw new IllegalArgumentException(name() + " is no vector layout");
            };
        }

        /** @return the length of a base vector that this layout views as n elements */
        long vectorBase(long n) {
            return switch (this) {
                case CONTIGUOUS -> n;
                case SLICED -> n + 5;
                case STRIDED -> 2 * n + 2;
                default -> throw new IllegalArgumentException(name() + " is no vector layout");
            };
        }
    }

    /** Where the base arrays' values are when the kernel runs. */
    enum Residency {
        /** host only: the kernel uploads each operand every call */
        NONE,
        /** shared values: uploaded once each, as whole bases, then read from the device */
        SHARED,
        /** kernel outputs: only the device holds the values (the host memory holds other numbers) */
        DEVICE
    }

    private static final Layout[] MATRIX = {Layout.CONTIGUOUS, Layout.TRANSPOSED, Layout.SLICED,
        Layout.TRANSPOSED_SLICED, Layout.STRIDED};
    private static final Layout[] VECTOR = {Layout.CONTIGUOUS, Layout.SLICED, Layout.STRIDED};

    /** @return dtype x A's layout x B's layout x residency */
    static Stream<Arguments> matrixMatrix() {
        List<Arguments> all = new ArrayList<>();
        for (DType t : List.of(DType.FLOAT32, DType.FLOAT64)) {
            for (Layout a : MATRIX) {
                for (Layout b : MATRIX) {
                    for (Residency r : Residency.values()) {
                        all.add(Arguments.of(t, a, b, r));
                    }
                }
            }
        }
        return all.stream();
    }

    /** @return dtype x the matrix's layout x the vector's layout x residency */
    static Stream<Arguments> matrixVector() {
        List<Arguments> all = new ArrayList<>();
        for (DType t : List.of(DType.FLOAT32, DType.FLOAT64)) {
            for (Layout a : MATRIX) {
                for (Layout x : VECTOR) {
                    for (Residency r : Residency.values()) {
                        all.add(Arguments.of(t, a, x, r));
                    }
                }
            }
        }
        return all.stream();
    }

    /** @return dtype x both vectors' layouts x residency */
    static Stream<Arguments> vectorVector() {
        List<Arguments> all = new ArrayList<>();
        for (DType t : List.of(DType.FLOAT32, DType.FLOAT64)) {
            for (Layout a : VECTOR) {
                for (Layout b : VECTOR) {
                    for (Residency r : Residency.values()) {
                        all.add(Arguments.of(t, a, b, r));
                    }
                }
            }
        }
        return all.stream();
    }

    private final Random random = new Random(20260);
    private Device device;
    private DeviceValues values;
    private DotKernel kernel;

    /** @return the device the kernel runs on: here the host-memory fake */
    Device newDevice() {
        return new HostDevice();
    }

    /** A fresh device, its values and the kernel for each case. */
    @BeforeEach
    void open() {
        device = newDevice();
        values = new DeviceValues(device);
        kernel = new DotKernel(values);
    }

    /** A base whose logical view the test reads: the host array and the same values the device holds. */
    private record Operand(NDArray view, NDArray logical, NDArray base) {
    }

    /** Small integers in [-6, 6], zero excluded, so a mis-read element changes the exact result. */
    private NDArray integers(DType t, long... shape) {
        NDArray a = NDArray.empty(t, shape);
        for (long i = 0; i < a.size(); i++) {
            int v = random.nextInt(1, 7);
            a.setFlat(i, random.nextBoolean() ? v : -v);
        }
        return a;
    }

    /**
     * The operand {@code layout.view(base)} over a new base of small integers placed as
     * {@code residency} says; {@code logical} is the same view over a host array that holds the
     * values the kernel must read.
     */
    private Operand operand(DType t, long[] baseShape, UnaryOperator<NDArray> view, Residency residency) {
        NDArray values = integers(t, baseShape);
        NDArray base = residency == Residency.DEVICE ? NDArray.full(t, 1000, baseShape) : values.copy();
        if (residency == Residency.SHARED) {
            this.values.shared(base);
        } else if (residency == Residency.DEVICE) {
            Device.Memory m = this.values.output(base, new NDArray[0]);
            device.upload(HostArrays.bytes(values), m);
        }
        return new Operand(view.apply(base), view.apply(values), base);
    }

    private Operand matrix(DType t, Layout layout, long rows, long cols, Residency residency) {
        return operand(t, layout.base(rows, cols), b -> layout.view(b, rows, cols), residency);
    }

    private Operand vector(DType t, Layout layout, long n, Residency residency) {
        return operand(t, new long[] {layout.vectorBase(n)}, b -> layout.vector(b, n), residency);
    }

    /** The exact product of two logical operands (1-D or 2-D) in long arithmetic. */
    private static long[] oracle(NDArray a, NDArray b) {
        long m = a.ndim() == 2 ? a.shape(0) : 1;
        long k = a.shape(-1);
        long n = b.ndim() == 2 ? b.shape(1) : 1;
        long[] c = new long[(int) (m * n)];
        for (long i = 0; i < m; i++) {
            for (long j = 0; j < n; j++) {
                long s = 0;
                for (long p = 0; p < k; p++) {
                    long x = (long) (a.ndim() == 2 ? a.getDouble(i, p) : a.getDouble(p));
                    long y = (long) (b.ndim() == 2 ? b.getDouble(p, j) : b.getDouble(p));
                    s += x * y;
                }
                c[(int) (i * n + j)] = s;
            }
        }
        return c;
    }

    /**
     * Runs the kernel twice on {@code a·b}: both times the result equals the oracle exactly; with
     * resident bases nothing is uploaded (shared ones once each on the first call, whole), without,
     * each operand once per call.
     */
    private void check(Operand a, Operand b, Residency residency) {
        DType t = a.view().dtype();
        long[] outShape = a.view().ndim() == 2 && b.view().ndim() == 2 ? new long[] {a.view().shape(0), b.view().shape(1)}
                : a.view().ndim() == 2 ? new long[] {a.view().shape(0)}
                : b.view().ndim() == 2 ? new long[] {b.view().shape(1)} : new long[0];
        long[] expected = oracle(a.logical(), b.logical());
        for (int call = 0; call < 2; call++) {
            long uploads = values.uploads();
            long bytes = device instanceof HostDevice d ? d.uploadedBytes.get() : 0;
            NDArray out = NDArray.empty(t, outShape);
            kernel.run(new NDArray[] {a.view(), b.view()}, new NDArray[] {out});
            assertEquals(uploads(a, residency, call) + uploads(b, residency, call), values.uploads() - uploads,
                    "uploads on call " + call);
            if (residency != Residency.NONE && device instanceof HostDevice d) {
                assertEquals(uploadedBytes(a, residency, call) + uploadedBytes(b, residency, call),
                        d.uploadedBytes.get() - bytes, "bytes uploaded on call " + call);
            }
            values.toHost(out);
            long[] got = new long[(int) out.size()];
            for (int i = 0; i < got.length; i++) {
                double v = out.getFlat(i);
                assertEquals(Math.rint(v), v, "an integer at " + i);
                got[i] = (long) v;
            }
            assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(got), "call " + call);
        }
    }

    /** @return whether BLAS cannot read the operand in place, so it is copied to C order on the host */
    private static boolean copied(Operand o) {
        return MatrixLayout.of(o.view()) == null;
    }

    /** Uploads the operand needs: a copied or host-only one each call, a shared base on the first call only. */
    private static int uploads(Operand o, Residency residency, int call) {
        return switch (residency) {
            case NONE -> 1;
            case SHARED -> copied(o) || call == 0 ? 1 : 0;
            case DEVICE -> copied(o) ? 1 : 0;
        };
    }

    /** Bytes those uploads carry: the view's elements when copied, else the whole base. */
    private static long uploadedBytes(Operand o, Residency residency, int call) {
        long bytes = (copied(o) ? o.view().size() : o.base().size()) * o.view().dtype().byteSize();
        return uploads(o, residency, call) * bytes;
    }

    @ParameterizedTest(name = "{0} {1}·{2} {3}")
    @MethodSource("matrixMatrix")
    void gemmReadsEveryLayout(DType t, Layout a, Layout b, Residency residency) {
        int m = 5;
        int k = 7;
        int n = 4;
        check(matrix(t, a, m, k, residency), matrix(t, b, k, n, residency), residency);
    }

    @ParameterizedTest(name = "{0} {1}·{2} {3}")
    @MethodSource("matrixVector")
    void gemvReadsEveryLayout(DType t, Layout a, Layout x, Residency residency) {
        int m = 6;
        int k = 9;
        check(matrix(t, a, m, k, residency), vector(t, x, k, residency), residency);
    }

    @ParameterizedTest(name = "{0} {2}·{1} {3}")
    @MethodSource("matrixVector")
    void transposedGemvReadsEveryLayout(DType t, Layout b, Layout x, Residency residency) {
        int k = 8;
        int n = 5;
        check(vector(t, x, k, residency), matrix(t, b, k, n, residency), residency);
    }

    @ParameterizedTest(name = "{0} {1}·{2} {3}")
    @MethodSource("vectorVector")
    void vectorDotReadsEveryLayout(DType t, Layout a, Layout b, Residency residency) {
        check(vector(t, a, 11, residency), vector(t, b, 11, residency), residency);
    }

    @Test
    void singleRowsAndColumnsOfViews() {
        for (DType t : List.of(DType.FLOAT32, DType.FLOAT64)) {
            for (Layout a : MATRIX) {
                for (Layout b : MATRIX) {
                    check(matrix(t, a, 1, 6, Residency.SHARED), matrix(t, b, 6, 1, Residency.SHARED), Residency.SHARED);
                    check(matrix(t, a, 4, 1, Residency.DEVICE), matrix(t, b, 1, 3, Residency.DEVICE), Residency.DEVICE);
                }
            }
        }
    }

    /** {@code view·b} through the kernel, as exact longs. */
    private long[] product(NDArray view, NDArray b) {
        NDArray out = NDArray.empty(view.dtype(), view.shape(0), b.shape(1));
        kernel.run(new NDArray[] {view, b}, new NDArray[] {out});
        values.toHost(out);
        return java.util.Arrays.stream(out.toDoubleArray()).mapToLong(v -> (long) v).toArray();
    }

    @Test
    void aWriteToASharedBaseReachesItsViews() {
        NDArray w = integers(DType.FLOAT64, 5, 4);
        NDArray b = integers(DType.FLOAT64, 5, 3);
        values.shared(w);
        assertEquals(java.util.Arrays.toString(oracle(w.transpose(), b)), java.util.Arrays.toString(product(w.transpose(), b)));
        w.copyFrom(integers(DType.FLOAT64, 5, 4));
        values.release(w); // setValue(w, true) after writing w in place
        values.shared(w);
        long uploads = values.uploads();
        assertEquals(java.util.Arrays.toString(oracle(w.transpose(), b)), java.util.Arrays.toString(product(w.transpose(), b)),
                "the view read the new values");
        assertEquals(2, values.uploads() - uploads, "w once again, and b");
    }

    /**
     * Two arrays over the same memory at different times (a memory group): a view of the one the
     * host wrote last never reads the other's device value, and a view of the one a kernel wrote
     * last reads that one's.
     */
    @Test
    void memoryGroupNeighboursNeverAnswerForEachOther() {
        java.lang.foreign.MemorySegment group = java.lang.foreign.Arena.ofAuto().allocate(6 * 4 * Double.BYTES, 64);
        NDArray first = NDArray.wrap(group, DType.FLOAT64, 6, 4);
        NDArray second = NDArray.wrap(group, DType.FLOAT64, 4, 6);
        NDArray b = integers(DType.FLOAT64, 4, 2);
        NDArray firstValue = integers(DType.FLOAT64, 6, 4);
        device.upload(HostArrays.bytes(firstValue), values.output(first, new NDArray[0]));
        NDArray view = first.slice(0, 1, 5, 1);
        assertEquals(java.util.Arrays.toString(oracle(firstValue.slice(0, 1, 5, 1), b)),
                java.util.Arrays.toString(product(view, b)), "the first array's device value");
        values.release(second); // a host kernel writes its output into the group's memory
        second.copyFrom(integers(DType.FLOAT64, 4, 6));
        NDArray secondView = second.transpose().slice(0, 0, 4, 1).transpose().slice(1, 0, 4, 1);
        NDArray c = integers(DType.FLOAT64, 4, 3);
        assertEquals(java.util.Arrays.toString(oracle(secondView, c)), java.util.Arrays.toString(product(secondView, c)),
                "the host's value, not the first array's device copy");
        NDArray secondValue = integers(DType.FLOAT64, 4, 6);
        device.upload(HostArrays.bytes(secondValue), values.output(second, new NDArray[0]));
        long uploads = values.uploads();
        assertEquals(java.util.Arrays.toString(oracle(secondValue.slice(1, 0, 4, 1), c)),
                java.util.Arrays.toString(product(second.slice(1, 0, 4, 1), c)), "the second array's device value");
        assertEquals(1, values.uploads() - uploads, "only c: the view was read in place");
    }

    @Test
    void layoutsBlasReadsInPlace() {
        NDArray c = NDArray.zeros(DType.FLOAT64, 4, 6);
        assertEquals(new MatrixLayout(false, 6, 4, 6), MatrixLayout.of(c));
        assertEquals(new MatrixLayout(true, 6, 4, 6), MatrixLayout.of(c.transpose()));
        assertEquals(new MatrixLayout(false, 6, 2, 3), MatrixLayout.of(c.slice(0, 1, 3, 1).slice(1, 2, 5, 1)));
        assertEquals(new MatrixLayout(true, 6, 2, 3), MatrixLayout.of(c.slice(0, 1, 3, 1).slice(1, 2, 5, 1).transpose()));
        assertNull(MatrixLayout.of(c.slice(1, 0, 6, 2)), "a step-2 column slice");
        assertNull(MatrixLayout.of(c.slice(0, 3, -1, -1)), "reversed rows");
        assertNull(MatrixLayout.of(NDArray.zeros(DType.FLOAT64, 6).broadcastTo(4, 6)), "broadcast rows");
        assertNotNull(MatrixLayout.of(NDArray.zeros(DType.FLOAT64, 1, 6).broadcastTo(1, 6)));
        assertNull(MatrixLayout.of(NDArray.zeros(DType.FLOAT64, 6).slice(0, 0, 6, 2)), "a strided vector");
    }
}
