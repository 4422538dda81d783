package org.theano4j.bench.jmh;

import java.util.List;
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
import org.theano4j.SharedVariable;
import org.theano4j.Theano;
import org.theano4j.bench.LogReg;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** The seed's logistic regression: one train step, and compiling its train function. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {JmhFlags.ADD_VECTOR, JmhFlags.NATIVE_ACCESS})
public class LogRegBench {
    private LogReg model;
    private SharedVariable w;
    private SharedVariable b;

    /** Draws the seed's data and compiles the train function once per fork. */
    @Setup
    public void setUp() {
        model = LogReg.create();
        w = Theano.shared(NDArray.zeros(DType.FLOAT64, LogReg.FEATS), "w");
        b = Theano.shared(0.0, "b");
    }

    /** One step {@code train(x, y)}: prediction and xent out, w and b updated. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<NDArray> trainStep() {
        return model.step();
    }

    /** Builds the graph (gradients included) and compiles the train function (warm). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object compileTrain() {
        return LogReg.compileTrain(w, b);
    }
}
