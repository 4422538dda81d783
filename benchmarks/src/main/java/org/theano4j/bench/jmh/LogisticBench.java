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

/** The seed's fused logistic {@code 1 / (1 + exp(-x))} over a float64 vector of n elements. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {JmhFlags.ADD_VECTOR, JmhFlags.NATIVE_ACCESS})
public class LogisticBench {
    /** Number of elements. */
    @Param({"100000", "1000000"})
    public int n;
    private Function logistic;
    private NDArray x;

    /** Compiles the function and draws the input. */
    @Setup
    public void setUp() {
        logistic = Kernels.logistic();
        x = Kernels.random(DType.FLOAT64, n);
    }

    /** One call: divide the score by n for ns/element. */
    @Benchmark
    public NDArray logistic() {
        return logistic.call(x);
    }
}
