package org.theano4j.gpu;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.theano4j.graph.Op;
import org.theano4j.op.Composite;
import org.theano4j.op.LogSoftmax;
import org.theano4j.op.Reduce;
import org.theano4j.op.ScalarExpr;
import org.theano4j.op.Softmax;
import org.theano4j.op.SoftmaxGrad;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * A {@link Device} in host memory that counts what it is asked to do, so residency is tested
 * without a GPU: elementwise programs run the reference evaluation ({@link Composite#evaluateInto})
 * on the device memory seen as the kernel would see it (each strided input as a view at its offset
 * and strides over the layout's merged dims, bounds-checked, a dense one as exactly n elements), reductions and softmax programs the ops' own {@link Op#evaluate} on the
 * memory seen as the kernel would see it (a reduction over its {@link ReduceGeometry}'s merged
 * groups, a softmax as rows x cols), GEMM and GEMV are plain row-major loops summing in index order over operands
 * stored from an offset with a leading dimension, then {@code alpha * sum + beta * c} (c not read
 * when beta is 0) (checked against the memory's size, as cuBLAS would
 * need them).
 */
final class HostDevice implements Device {

    /** Memory: a host segment. */
    record HostMemory(MemorySegment segment) implements Memory {
        @Override
        public long byteSize() {
            return segment.byteSize();
        }
    }

    final AtomicLong uploads = new AtomicLong();
    final AtomicLong uploadedBytes = new AtomicLong();
    final AtomicLong downloads = new AtomicLong();
    final AtomicLong launches = new AtomicLong();
    /** Elementwise launches that read at least one input strided, in place. */
    final AtomicLong stridedLaunches = new AtomicLong();
    /** Device-to-device copies ({@link #copy}). */
    final AtomicLong copies = new AtomicLong();
    final Set<Memory> live = ConcurrentHashMap.newKeySet();

    private static MemorySegment seg(Memory m) {
        return ((HostMemory) m).segment();
    }

    private static NDArray view(Memory m, DType dtype, long n) {
        return NDArray.wrap(seg(m), dtype, n);
    }

    @Override
    public void enter() {
    }

    @Override
    public Memory allocate(long byteSize) {
        Memory m = new HostMemory(Arena.ofAuto().allocate(Math.max(1, byteSize), 64).asSlice(0, byteSize));
        live.add(m);
        return m;
    }

    @Override
    public void free(Memory memory) {
        if (!live.remove(memory)) {
            throw new IllegalStateException("freed twice or not ours: " + memory);
        }
    }

    @Override
    public void upload(MemorySegment host, Memory device) {
        check(device, host.byteSize());
        seg(device).copyFrom(host);
        uploads.incrementAndGet();
        uploadedBytes.addAndGet(host.byteSize());
    }

    @Override
    public void download(Memory device, MemorySegment host) {
        check(device, host.byteSize());
        host.copyFrom(seg(device));
        downloads.incrementAndGet();
    }

    private void check(Memory m, long bytes) {
        if (!live.contains(m) || m.byteSize() != bytes) {
            throw new IllegalStateException("copy of " + bytes + " bytes with " + (live.contains(m) ? "" : "freed ") + m);
        }
    }

    @Override
    public Program elementwise(ScalarExpr expr, List<DType> inputTypes) {
        return (layout, inputs, out) -> {
            launches.incrementAndGet();
            boolean strided = layout.indexing().strided().contains(true);
            if (strided) {
                stridedLaunches.incrementAndGet();
            }
            if (layout.rank() > ElementwiseLayout.MAX_RANK) {
                throw new IllegalStateException("rank " + layout.rank() + " launched: " + layout);
            }
            long n = layout.n();
            long[] dims = strided ? layout.dims() : new long[] {n};
            NDArray[] in = new NDArray[inputs.length];
            for (int k = 0; k < in.length; k++) {
                in[k] = input(inputs[k], inputTypes.get(k), layout, k, dims);
            }
            check(out, n * expr.dtype().byteSize());
            Composite.evaluateInto(expr, in, NDArray.wrap(seg(out), expr.dtype(), dims));
        };
    }

    /**
     * Input {@code k} as the kernel reads it: a dense one C order over the dims, of exactly
     * {@code n} elements; a strided one at its offset and strides, every position inside its memory.
     */
    private NDArray input(Memory m, DType t, ElementwiseLayout layout, int k, long[] dims) {
        if (!layout.strided(k)) {
            check(m, layout.n() * t.byteSize());
            return NDArray.wrap(seg(m), t, dims);
        }
        if (!live.contains(m)) {
            throw new IllegalStateException("strided read of freed " + m);
        }
        return NDArray.view(seg(m), t, layout.dims(), layout.strides(k), layout.offsets()[k]);
    }

    @Override
    public ReduceProgram reduce(Reduce.Kind kind, DType input, ReduceGeometry.Pattern pattern) {
        DType output = kind.outputDType(input);
        return (geometry, in, out) -> {
            launches.incrementAndGet();
            if (!geometry.pattern().equals(pattern) || geometry.reducedLength() == 0) {
                throw new IllegalStateException(geometry + " launched on a program for " + pattern);
            }
            long n = 1;
            for (long s : geometry.sizes()) {
                n *= s;
            }
            check(in, n * input.byteSize());
            check(out, geometry.outputCount() * output.byteSize());
            NDArray x = NDArray.wrap(seg(in), input, geometry.sizes());
            Op op = new Reduce(kind, geometry.reducedGroupAxes());
            view(out, output, geometry.outputCount()).copyFrom(((NDArray) op.evaluate(new Object[] {x})[0]).reshape(-1));
        };
    }

    @Override
    public RowProgram rows(SoftmaxKernelSource.Kind kind, DType dtype) {
        Op op = switch (kind) {
            case SOFTMAX -> new Softmax();
            case LOG_SOFTMAX -> new LogSoftmax();
            case SOFTMAX_GRAD -> new SoftmaxGrad();
        };
        return (rows, cols, inputs, out) -> {
            launches.incrementAndGet();
            Object[] in = new Object[inputs.length];
            for (int k = 0; k < in.length; k++) {
                check(inputs[k], rows * cols * dtype.byteSize());
                in[k] = NDArray.wrap(seg(inputs[k]), dtype, rows, cols);
            }
            check(out, rows * cols * dtype.byteSize());
            view(out, dtype, rows * cols).copyFrom(((NDArray) op.evaluate(in)[0]).reshape(-1));
        };
    }

    @Override
    public void copy(Memory from, Memory to) {
        if (!live.contains(from) || !live.contains(to) || to.byteSize() < from.byteSize()) {
            throw new IllegalStateException("device copy of " + from + " into " + to);
        }
        seg(to).copyFrom(seg(from));
        copies.incrementAndGet();
    }

    @Override
    public void gemm(DType dtype, boolean transA, boolean transB, int m, int n, int k, double alpha, Memory a,
            long aOffset, int lda, Memory b, long bOffset, int ldb, double beta, Memory c, int ldc) {
        launches.incrementAndGet();
        checkMatrix(dtype, a, aOffset, transA ? k : m, transA ? m : k, lda);
        checkMatrix(dtype, b, bOffset, transB ? n : k, transB ? k : n, ldb);
        checkMatrix(dtype, c, 0, m, n, ldc);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += get(dtype, a, aOffset + (transA ? (long) p * lda + i : (long) i * lda + p))
                            * get(dtype, b, bOffset + (transB ? (long) j * ldb + p : (long) p * ldb + j));
                }
                scale(dtype, c, (long) i * ldc + j, alpha, s, beta);
            }
        }
    }

    @Override
    public void gemv(DType dtype, boolean transA, int m, int n, double alpha, Memory a, long aOffset, int lda, Memory x,
            long xOffset, double beta, Memory y) {
        launches.incrementAndGet();
        int rows = transA ? n : m;
        int inner = transA ? m : n;
        checkMatrix(dtype, a, aOffset, m, n, lda);
        checkMatrix(dtype, x, xOffset, 1, inner, Math.max(1, inner));
        checkMatrix(dtype, y, 0, 1, rows, Math.max(1, rows));
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int p = 0; p < inner; p++) {
                s += get(dtype, a, aOffset + (transA ? (long) p * lda + i : (long) i * lda + p))
                        * get(dtype, x, xOffset + p);
            }
            scale(dtype, y, i, alpha, s, beta);
        }
    }

    /**
     * Sets element {@code i} of {@code c} to {@code alpha * product + beta * c[i]}, the factors rounded
     * to the dtype as cuBLAS takes them; with {@code beta == 0} the old element is not read (BLAS).
     */
    private static void scale(DType t, Memory c, long i, double alpha, double product, double beta) {
        double a = t == DType.FLOAT32 ? (float) alpha : alpha;
        double b = t == DType.FLOAT32 ? (float) beta : beta;
        set(t, c, i, b == 0 ? a * product : a * product + b * get(t, c, i));
    }

    /**
     * Fails unless memory {@code m} is live and holds a row-major {@code rows x cols} matrix from
     * element {@code offset} with leading dimension {@code ld}, which must be at least {@code max(1, cols)}
     * (cuBLAS's rule).
     */
    private void checkMatrix(DType dtype, Memory m, long offset, long rows, long cols, long ld) {
        long end = rows == 0 || cols == 0 ? 0 : offset + (rows - 1) * ld + cols;
        if (!live.contains(m) || offset < 0 || ld < Math.max(1, cols) || end * dtype.byteSize() > m.byteSize()) {
            throw new IllegalStateException("a " + rows + " x " + cols + " matrix at offset " + offset + " with leading"
                    + " dimension " + ld + " in " + (live.contains(m) ? "" : "freed ") + m);
        }
    }

    private static double get(DType t, Memory m, long i) {
        return t == DType.FLOAT32 ? seg(m).getAtIndex(ValueLayout.JAVA_FLOAT, i) : seg(m).getAtIndex(ValueLayout.JAVA_DOUBLE, i);
    }

    private static void set(DType t, Memory m, long i, double v) {
        if (t == DType.FLOAT32) {
            seg(m).setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) v);
        } else {
            seg(m).setAtIndex(ValueLayout.JAVA_DOUBLE, i, v);
        }
    }
}
