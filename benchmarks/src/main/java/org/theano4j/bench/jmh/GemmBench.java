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

/** {@code T.dot} of two n x n matrices (dgemm for float64, sgemm for float32). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {JmhFlags.ADD_VECTOR, JmhFlags.NATIVE_ACCESS})
public class GemmBench {
    /** Element type, numpy name. */
    @Param({"float64", "float32"})
    public String dtype;
    /** Matrix order. */
    @Param({"256", "512"})
    public int n;
    private Function dot;
    private NDArray a;
    private NDArray b;

    /** Compiles the function and draws both operands. */
    @Setup
    public void setUp() {
        DType t = DType.of(dtype);
        dot = Kernels.matmul(t);
        a = Kernels.random(t, n, n);
        b = Kernels.random(t, n, n);
    }

    /** One product: GFLOP/s = 2 n^3 / (score in ms * 1e6). */
    @Benchmark
    public NDArray gemm() {
        return dot.call(a, b);
    }
}
