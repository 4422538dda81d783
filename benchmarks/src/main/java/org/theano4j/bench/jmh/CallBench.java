package org.theano4j.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.theano4j.Function;
import org.theano4j.bench.Kernels;
import org.theano4j.tensor.NDArray;

/** Overhead of calling a compiled {@code x + y} on two float64 scalars. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {JmhFlags.ADD_VECTOR, JmhFlags.NATIVE_ACCESS})
public class CallBench {
    private Function add;
    private final Double x = 1.5;
    private final Double y = 2.25;

    /** Compiles the function once per fork. */
    @Setup
    public void setUp() {
        add = Kernels.scalarAdd();
    }

    /** One call with boxed doubles (no boxing inside the measured code). */
    @Benchmark
    public NDArray call() {
        return add.call(x, y);
    }
}
