package org.theano4j.bench;

import java.util.List;
import org.theano4j.SharedVariable;
import org.theano4j.Theano;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** The model-level workloads: the seed's logistic regression, its compile time, and an MLP. */
final class ModelWorkloads {
    private ModelWorkloads() {
    }

    /**
     * {@code logreg}: median us per training step. {@code steps} (default 10,000) measured steps
     * are split into {@link Bench#rounds()} equal rounds after {@code warmupSteps} (default
     * min(steps / 5, 2000)) unmeasured ones; xent of the last step must be finite.
     */
    static void logreg(Bench bench) {
        LogReg model = LogReg.create();
        long steps = bench.longOption("steps", 10_000);
        long warmup = bench.longOption("warmupSteps", Math.min(steps / 5, 2000));
        for (long i = 0; i < warmup; i++) {
            model.step();
        }
        long perRound = Math.max(1, steps / bench.rounds());
        double[] usPerStep = new double[bench.rounds()];
        List<NDArray> last = null;
        for (int r = 0; r < usPerStep.length; r++) {
            long t0 = System.nanoTime();
            for (long i = 0; i < perRound; i++) {
                last = model.step();
            }
            usPerStep[r] = (System.nanoTime() - t0) / 1e3 / perRound;
        }
        Bench.report("logreg", Bench.median(usPerStep), "us/step");
        checkXent(last.get(1), warmup + perRound * usPerStep.length);
    }

    private static void checkXent(NDArray xent, long steps) {
        boolean finite = LogReg.allFinite(xent);
        double[] v = xent.toDoubleArray();
        double mean = 0;
        for (double e : v) {
            mean += e / v.length;
        }
        Bench.note("logreg: after " + steps + " steps xent is " + (finite ? "finite" : "NOT finite")
                + " (mean " + mean + ")");
        if (!finite) {
            Workloads.fail("logreg: non-finite xent from the seed's literal formula");
        }
    }

    /**
     * {@code compile}: ms to build the seed's graph (with gradients) and compile its train
     * function, warm (median after warm-up); the first compile of this JVM is reported as
     * {@code compile/cold} when this workload runs first (compare.sh runs each in a fresh JVM).
     */
    static void compile(Bench bench) {
        SharedVariable w = Theano.shared(NDArray.zeros(DType.FLOAT64, LogReg.FEATS), "w");
        SharedVariable b = Theano.shared(0.0, "b");
        long t0 = System.nanoTime();
        LogReg.compileTrain(w, b);
        double coldMs = (System.nanoTime() - t0) / 1e6;
        Bench.report("compile", bench.medianNanos(() -> LogReg.compileTrain(w, b)) / 1e6, "ms");
        Bench.report("compile/cold", coldMs, "ms");
        Bench.note("compile/cold is the first compile in this JVM (class loading, interpreter); it means"
                + " a cold JVM only when compile is the first workload of the process");
    }

    /** {@code mlp}: ms per SGD step of the 784-500-10 MLP, float32 and float64. */
    static void mlp(Bench bench) {
        for (DType dtype : List.of(DType.FLOAT32, DType.FLOAT64)) {
            Mlp model = Mlp.create(dtype);
            double nanos = bench.medianNanos(model::run);
            Bench.report("mlp/" + dtype.numpyName(), nanos / 1e6, "ms/step");
            double cost = model.run();
            if (!Double.isFinite(cost)) {
                Workloads.fail("mlp/" + dtype.numpyName() + ": non-finite cost " + cost);
            }
        }
    }
}
