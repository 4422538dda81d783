package org.theano4j.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.theano4j.Function;
import org.theano4j.bench.Kernels;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** A 400 x 784 float64 matrix times a vector, and its transpose times a vector. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {JmhFlags.ADD_VECTOR, JmhFlags.NATIVE_ACCESS})
public class GemvBench {
    /** {@code dot(A.T, u)} instead of {@code dot(A, v)}. */
    @Param({"false", "true"})
    public boolean transposed;
    private Function gemv;
    private NDArray a;
    private NDArray v;

    /** Compiles the function and draws the operands. */
    @Setup
    public void setUp() {
        gemv = Kernels.gemv(transposed);
        a = Kernels.random(DType.FLOAT64, Kernels.GEMV_ROWS, Kernels.GEMV_COLS);
        v = Kernels.random(DType.FLOAT64, transposed ? Kernels.GEMV_ROWS : Kernels.GEMV_COLS);
    }

    /** One matrix-vector product. */
    @Benchmark
    public NDArray gemv() {
        return gemv.call(a, v);
    }
}
