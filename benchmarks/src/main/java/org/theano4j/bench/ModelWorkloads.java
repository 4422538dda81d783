package org.theano4j.bench;

import java.util.List;
import org.theano4j.SharedVariable;
import org.theano4j.Theano;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The model-level workloads: the seed's logistic regression, its compile time, an MLP, and the
 * first-use cost of both (the first steps of a fresh process against the steady state).
 */
final class ModelWorkloads {
    private ModelWorkloads() {
    }

    /**
     * {@code logreg}: median us per training step. {@code steps} (default 10,000) measured steps
     * are split into {@link Bench#rounds()} equal rounds after {@code warmupSteps} unmeasured ones
     * (by default as many as {@link Bench#warmUp} takes: 2,000 steps, the peers' default, leave C2
     * unfinished on 2 cores); xent of the last step must be finite.
     */
    static void logreg(Bench bench) {
        LogReg model = LogReg.create();
        long steps = bench.longOption("steps", 10_000);
        long warmup = warmUpSteps(bench, model::step);
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

    /**
     * {@code first_logreg}: ms from building the seed's graph to the end of the first {@code steps}
     * (default 100) training steps, in this fresh process (compile, class loading and JIT warm-up
     * included; the data are drawn before the clock starts), then {@code first/logreg/steady}: ms of
     * as many steps once warm (median of rounds).
     */
    static void firstLogreg(Bench bench) {
        long steps = bench.longOption("steps", 100);
        LogReg.Data data = LogReg.Data.draw();
        long t0 = System.nanoTime();
        LogReg model = LogReg.create(data);
        repeat(steps, model::step);
        Bench.report("first/logreg", (System.nanoTime() - t0) / 1e6, "ms");
        Bench.report("first/logreg/steady", bench.medianNanos(() -> repeat(steps, model::step)) / 1e6, "ms");
        Bench.note("first/logreg: graph + compile + the first " + steps + " steps in a fresh process;"
                + " /steady: " + steps + " steps after warm-up");
    }

    /**
     * {@code first_mlp}: as {@link #firstLogreg} for the MLP, {@code steps} (default 10) SGD steps in
     * {@code dtype} (default float32; the first dtype of a process is the only cold one).
     */
    static void firstMlp(Bench bench) {
        long steps = bench.longOption("steps", 10);
        DType dtype = DType.of(bench.option("dtype", "float32"));
        Mlp.Data data = Mlp.Data.draw(dtype);
        long t0 = System.nanoTime();
        Mlp model = Mlp.create(data);
        repeat(steps, model::run);
        String name = "first/mlp/" + dtype.numpyName();
        Bench.report(name, (System.nanoTime() - t0) / 1e6, "ms");
        Bench.report(name + "/steady", bench.medianNanos(() -> repeat(steps, model::run)) / 1e6, "ms");
    }

    /** Runs {@code warmupSteps} steps, or without that option until {@link Bench#warmUp} is done; returns how many ran. */
    private static long warmUpSteps(Bench bench, Runnable step) {
        long given = bench.longOption("warmupSteps", -1);
        if (given >= 0) {
            repeat(given, step);
            return given;
        }
        long[] count = {0};
        bench.warmUp(() -> {
            step.run();
            count[0]++;
        });
        return count[0];
    }

    private static void repeat(long times, Runnable op) {
        for (long i = 0; i < times; i++) {
            op.run();
        }
    }
}
