package org.theano4j.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.theano4j.tensor.DType;

/**
 * In-process workloads of benchmarks/BENCHMARKS.md. Usage:
 * {@code java --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED
 * -cp benchmarks/target/benchmarks.jar org.theano4j.bench.Workloads NAME [rounds] [key=value...]}.
 * Each measured row prints {@code NAME theano4j=<median> <unit>}; comment lines start with
 * {@code #}. Options: {@code warmup=} and {@code round=} seconds, {@code n=} sizes,
 * {@code shapes=} (gemm, see {@link GemmShape}), {@code steps=} (logreg, first_logreg, first_mlp),
 * {@code dtype=} (first_mlp), {@code out=} (check). {@code check} writes the cross-check arrays and
 * {@code info} prints the environment; {@code all} runs the others but the first-use ones.
 */
public final class Workloads {
    private static final Map<String, Consumer<Bench>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("call", KernelWorkloads::call);
        ALL.put("logistic", KernelWorkloads::logistic);
        ALL.put("dgemm", b -> KernelWorkloads.gemm(b, DType.FLOAT64));
        ALL.put("sgemm", b -> KernelWorkloads.gemm(b, DType.FLOAT32));
        ALL.put("dgemv", KernelWorkloads::gemv);
        ALL.put("logreg", ModelWorkloads::logreg);
        ALL.put("compile", ModelWorkloads::compile);
        ALL.put("mlp", ModelWorkloads::mlp);
        ALL.put("rng", RngWorkloads::rng);
        ALL.put("first_logreg", ModelWorkloads::firstLogreg);
        ALL.put("first_mlp", ModelWorkloads::firstMlp);
        ALL.put("check", CrossCheck::check);
        ALL.put("info", Info::info);
    }

    /**
     * What {@code all} leaves out: the cross-check and the environment, which measure nothing, and
     * the first-use workloads, which mean something only as the first work of a fresh process.
     */
    private static final Set<String> NOT_IN_ALL = Set.of("check", "info", "first_logreg", "first_mlp");

    private static boolean failed;

    private Workloads() {
    }

    /** Records a failed check (printed as a comment); the process then exits with status 1. */
    static void fail(String why) {
        Bench.note("FAILED: " + why);
        failed = true;
    }

    /** Runs the named workload ({@code all} for every one) and prints its rows. */
    public static void main(String[] args) {
        if (args.length == 0 || !(ALL.containsKey(args[0]) || args[0].equals("all"))) {
            System.err.println("usage: Workloads NAME [rounds] [key=value...]; NAME one of " + ALL.keySet() + " or all");
            System.exit(2);
        }
        boolean hasRounds = args.length > 1 && !args[1].contains("=");
        int rounds = hasRounds ? Integer.parseInt(args[1]) : 5;
        Bench bench = new Bench(rounds, Bench.parseOptions(args, hasRounds ? 2 : 1));
        if (args[0].equals("all")) {
            ALL.forEach((name, w) -> {
                if (!NOT_IN_ALL.contains(name)) {
                    w.accept(bench);
                }
            });
        } else {
            ALL.get(args[0]).accept(bench);
        }
        if (failed) {
            System.exit(1);
        }
    }
}
