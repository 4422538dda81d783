package org.theano4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * {@code check}: computes the cross-check results that benchmarks/python/aggregate.py compares
 * between theano4j and every peer, and writes them under {@code out=DIR} (default
 * {@code check-out}) as {@code DIR/<case>/<array>.txt}, one value a line in C order. The cases and
 * their arrays are those of benchmarks/python/workloads.py's {@code check}: the seed's logreg
 * after {@code logregSteps} (100) steps (w, b), the MLP after {@code mlpSteps} (10) steps in
 * float64 and float32 (cost of the last step, W1, b1, W2, b2), the transposed gemm shape of the
 * MLP's weight gradient, and the logistic over 1e5 elements.
 */
final class CrossCheck {
    /** The gemm product checked: the MLP's {@code x.T . dh}. */
    static final GemmShape GEMM = GemmShape.parse("784x128x500T");
    /** Elements of the logistic checked. */
    static final int LOGISTIC_N = 100_000;

    private CrossCheck() {
    }

    /** Runs every case and writes its arrays. */
    static void check(Bench bench) {
        Path out = Path.of(bench.option("out", "check-out"));
        LogReg logreg = LogReg.create();
        long logregSteps = bench.longOption("logregSteps", 100);
        for (long i = 0; i < logregSteps; i++) {
            logreg.step();
        }
        write(out.resolve("logreg"), "w", logreg.w.getValue());
        write(out.resolve("logreg"), "b", logreg.b.getValue());
        long mlpSteps = bench.longOption("mlpSteps", 10);
        for (DType dtype : List.of(DType.FLOAT64, DType.FLOAT32)) {
            Mlp mlp = Mlp.create(dtype);
            double cost = Double.NaN;
            for (long i = 0; i < mlpSteps; i++) {
                cost = mlp.run();
            }
            Path dir = out.resolve("mlp_" + dtype.numpyName());
            write(dir, "cost", NDArray.of(cost));
            for (SharedVariable p : mlp.params) {
                write(dir, p.name(), p.getValue());
            }
        }
        for (DType dtype : List.of(DType.FLOAT64, DType.FLOAT32)) {
            Function f = Kernels.matmul(dtype, GEMM.transposeA());
            NDArray c = f.call(Kernels.random(dtype, GEMM.storedA()), Kernels.random(dtype, GEMM.k(), GEMM.n()));
            write(out.resolve((dtype == DType.FLOAT64 ? "dgemm_" : "sgemm_") + GEMM.label()), "c", c);
        }
        write(out.resolve("logistic"), "y", Kernels.logistic().call(Kernels.random(DType.FLOAT64, LOGISTIC_N)));
        Bench.note("check: wrote the cross-check arrays under " + out.toAbsolutePath());
    }

    /** Writes {@code a} as {@code dir/name.txt}, one {@link Double#toString} value a line. */
    static void write(Path dir, String name, NDArray a) {
        double[] values = a.toDoubleArray();
        List<String> lines = new ArrayList<>(values.length);
        for (double v : values) {
            lines.add(Double.toString(v));
        }
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".txt"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException("check: cannot write " + dir.resolve(name + ".txt"), e);
        }
    }
}
