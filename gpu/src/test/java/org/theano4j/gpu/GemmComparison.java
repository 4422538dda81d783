package org.theano4j.gpu;

import java.util.List;
import java.util.Random;
import org.theano4j.Function;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Run on a GPU machine ({@code gpu/scripts/h200-run.sh}): {@code T.dot} compiled for {@code cuda}
 * against cuBLAS called directly on the same operands, for float32 and float64 square matrices.
 * Prints, per size, whether the results are bit-identical, the time per call of the theano4j function
 * (host operands uploaded and the product downloaded every call) and of the bare GEMM (operands
 * already on the device), as GFLOP/s; then {@code T.dot(a, W.T)} with {@code W} a shared variable
 * (read from its device memory with cuBLAS's transpose flag, uploaded once) against the bare
 * transposed GEMM. Not a test: it has no assertions; the gpu-tagged tests check correctness.
 */
public final class GemmComparison {

    private GemmComparison() {
    }

    /**
     * @param args optional sizes, default 256 1024 2048 4096
     */
    public static void main(String[] args) {
        System.out.println("GPU: " + (GpuAvailability.isAvailable() ? "usable" : "unusable: " + GpuAvailability.reason()));
        if (!GpuAvailability.isAvailable()) {
            System.exit(2);
        }
        GpuDevice gpu = GpuDevice.get();
        System.out.println("device " + gpu.context().deviceName() + ", kernels for " + gpu.arch() + ", NVRTC "
                + NvrtcProgram.version() + ", cuBLAS " + gpu.cublas().version());
        int[] sizes = args.length > 0 ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] {256, 1024, 2048, 4096};
        System.out.println("dtype    n  identical  theano4j_ms  theano4j_GFLOPs  cublas_ms  cublas_GFLOPs");
        for (DType t : List.of(DType.FLOAT32, DType.FLOAT64)) {
            for (int n : sizes) {
                compare(gpu, t, n);
            }
        }
        System.out.println("dot(a, W.T), W shared: dtype    n  identical  theano4j_ms  theano4j_GFLOPs");
        for (DType t : List.of(DType.FLOAT32, DType.FLOAT64)) {
            for (int n : sizes) {
                compareTransposed(gpu, t, n);
            }
        }
    }

    /** {@code T.dot(a, W.T)} with a shared W against cuBLAS's GEMM with the transpose flag on B. */
    private static void compareTransposed(GpuDevice gpu, DType t, int n) {
        Random rnd = new Random(n * 37L + t.ordinal());
        NDArray a = random(rnd, t, n);
        NDArray w = random(rnd, t, n);
        Variable va = t == DType.FLOAT32 ? T.fmatrix("a") : T.dmatrix("a");
        org.theano4j.SharedVariable sw = Theano.shared(w, "w");
        Function f = Theano.function(List.of(va), T.dot(va, sw.T()), Theano.options().device("cuda"));
        NDArray viaTheano = f.call(a);
        int reps = n >= 2048 ? 5 : 20;
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            f.call(a);
        }
        double theanoMs = (System.nanoTime() - t0) / 1e6 / reps;
        long bytes = (long) n * n * t.byteSize();
        gpu.context().makeCurrent();
        try (DeviceBuffer da = DeviceBuffer.allocate(gpu.context(), bytes);
                DeviceBuffer dw = DeviceBuffer.allocate(gpu.context(), bytes);
                DeviceBuffer dc = DeviceBuffer.allocate(gpu.context(), bytes)) {
            da.copyFromHost(HostArrays.bytes(a));
            dw.copyFromHost(HostArrays.bytes(w));
            if (t == DType.FLOAT32) {
                gpu.cublas().sgemm(false, true, n, n, n, 1f, da, dw, 0f, dc);
            } else {
                gpu.cublas().dgemm(false, true, n, n, n, 1.0, da, dw, 0.0, dc);
            }
            NDArray direct = NDArray.empty(t, n, n);
            dc.copyToHost(HostArrays.bytes(direct));
            boolean same = java.util.Arrays.equals(direct.toDoubleArray(), viaTheano.toDoubleArray());
            System.out.printf("%-7s %5d  %-9s  %11.3f  %15.1f%n", t.numpyName(), n, same, theanoMs,
                    2.0 * n * n * n / theanoMs / 1e6);
        }
    }

    private static void compare(GpuDevice gpu, DType t, int n) {
        Random rnd = new Random(n * 31L + t.ordinal());
        NDArray a = random(rnd, t, n);
        NDArray b = random(rnd, t, n);
        Variable va = t == DType.FLOAT32 ? T.fmatrix("a") : T.dmatrix("a");
        Variable vb = t == DType.FLOAT32 ? T.fmatrix("b") : T.dmatrix("b");
        Function f = Theano.function(List.of(va, vb), T.dot(va, vb), Theano.options().device("cuda"));
        NDArray viaTheano = f.call(a, b);
        int reps = n >= 2048 ? 5 : 20;
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            f.call(a, b);
        }
        double theanoMs = (System.nanoTime() - t0) / 1e6 / reps;
        long bytes = (long) n * n * t.byteSize();
        gpu.context().makeCurrent();
        try (DeviceBuffer da = DeviceBuffer.allocate(gpu.context(), bytes);
                DeviceBuffer db = DeviceBuffer.allocate(gpu.context(), bytes);
                DeviceBuffer dc = DeviceBuffer.allocate(gpu.context(), bytes)) {
            da.copyFromHost(HostArrays.bytes(a));
            db.copyFromHost(HostArrays.bytes(b));
            gemm(gpu, t, n, da, db, dc);
            gpu.context().synchronize();
            long t1 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                gemm(gpu, t, n, da, db, dc);
            }
            gpu.context().synchronize();
            double blasMs = (System.nanoTime() - t1) / 1e6 / reps;
            NDArray direct = NDArray.empty(t, n, n);
            dc.copyToHost(HostArrays.bytes(direct));
            boolean same = java.util.Arrays.equals(direct.toDoubleArray(), viaTheano.toDoubleArray());
            double flops = 2.0 * n * n * n;
            System.out.printf("%-7s %5d  %-9s  %11.3f  %15.1f  %9.3f  %13.1f%n", t.numpyName(), n, same, theanoMs,
                    flops / theanoMs / 1e6, blasMs, flops / blasMs / 1e6);
        }
    }

    private static void gemm(GpuDevice gpu, DType t, int n, DeviceBuffer a, DeviceBuffer b, DeviceBuffer c) {
        if (t == DType.FLOAT32) {
            gpu.cublas().sgemm(false, false, n, n, n, 1f, a, b, 0f, c);
        } else {
            gpu.cublas().dgemm(false, false, n, n, n, 1.0, a, b, 0.0, c);
        }
    }

    private static NDArray random(Random rnd, DType t, int n) {
        double[] v = new double[n * n];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextGaussian();
        }
        NDArray d = NDArray.of(v).reshape(n, n);
        return t == DType.FLOAT64 ? d : d.astype(t);
    }
}
