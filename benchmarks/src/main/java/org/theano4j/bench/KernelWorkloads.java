package org.theano4j.bench;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import org.theano4j.Function;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** The kernel-level workloads: call overhead, fused logistic, gemm and gemv. */
final class KernelWorkloads {
    private static final Double X = 1.5;
    private static final Double Y = 2.25;

    private KernelWorkloads() {
    }

    /** {@code call}: us per call of a compiled {@code x + y}, and bytes allocated per call. */
    static void call(Bench bench) {
        Function f = Kernels.scalarAdd();
        Runnable op = () -> f.call(X, Y);
        Bench.report("call", bench.medianNanos(op) / 1e3, "us");
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        int calls = 100_000;
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < calls; i++) {
            f.call(X, Y);
        }
        double perCall = (double) (mx.getThreadAllocatedBytes(tid) - before) / calls;
        Bench.report("call_alloc", perCall, "bytes/call");
    }

    /** {@code logistic}: ns per element of the fused logistic over 1e5, 1e6 and 1e7 float64. */
    static void logistic(Bench bench) {
        Function f = Kernels.logistic();
        for (long n : bench.longsOption("n", 100_000, 1_000_000, 10_000_000)) {
            NDArray x = Kernels.random(DType.FLOAT64, n);
            double nanos = bench.medianNanos(() -> f.call(x));
            Bench.report("logistic/" + sizeName(n), nanos / n, "ns/element");
        }
    }

    /**
     * {@code dgemm}/{@code sgemm}: GFLOP/s of {@code T.dot} of two n x n matrices ({@code n=}), then of
     * the rectangular and transposed MLP shapes ({@code shapes=}, see {@link GemmShape}; empty: none).
     */
    static void gemm(Bench bench, DType dtype) {
        String name = dtype == DType.FLOAT64 ? "dgemm" : "sgemm";
        for (long n : bench.longsOption("n", 256, 512, 1024, 2048)) {
            gemm(bench, dtype, name, GemmShape.square(n));
        }
        for (String s : bench.option("shapes", GemmShape.MLP_SHAPES).split(",")) {
            if (!s.isBlank()) {
                gemm(bench, dtype, name, GemmShape.parse(s));
            }
        }
    }

    private static void gemm(Bench bench, DType dtype, String name, GemmShape shape) {
        Function f = Kernels.matmul(dtype, shape.transposeA());
        NDArray a = Kernels.random(dtype, shape.storedA());
        NDArray b = Kernels.random(dtype, shape.k(), shape.n());
        double nanos = bench.medianNanos(() -> f.call(a, b));
        Bench.report(name + "/" + shape.label(), shape.flops() / nanos, "GFLOP/s");
    }

    /** {@code dgemv}: us of a 400 x 784 matrix times a vector, and of its transpose. */
    static void gemv(Bench bench) {
        NDArray a = Kernels.random(DType.FLOAT64, Kernels.GEMV_ROWS, Kernels.GEMV_COLS);
        Function normal = Kernels.gemv(false);
        NDArray v = Kernels.random(DType.FLOAT64, Kernels.GEMV_COLS);
        Bench.report("dgemv/400x784", bench.medianNanos(() -> normal.call(a, v)) / 1e3, "us");
        Function transposed = Kernels.gemv(true);
        NDArray u = Kernels.random(DType.FLOAT64, Kernels.GEMV_ROWS);
        Bench.report("dgemv/784x400T", bench.medianNanos(() -> transposed.call(a, u)) / 1e3, "us");
    }

    /** 100000 -> "1e5"; other sizes print as they are. */
    static String sizeName(long n) {
        int exp = (int) Math.round(Math.log10(n));
        return Math.pow(10, exp) == n ? "1e" + exp : Long.toString(n);
    }
}
