package org.theano4j.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.theano4j.Function;
import org.theano4j.FunctionOptions;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.NDArray;

/**
 * Runs one program through theano4j and compares with the {@link Oracle}: the static dtypes of
 * the built graph, then the compiled function in FAST_RUN on the default CPU backend (called
 * twice, then from two threads at once, twice each: buffers reused across calls must not change
 * results, and an earlier call's outputs must not change later), and the same graph compiled
 * with the reference backend in FAST_COMPILE. The arguments must be unchanged afterwards.
 */
final class Checker {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2, task -> {
        Thread t = new Thread(task, "fuzz-caller");
        t.setDaemon(true);
        return t;
    });

    /** What went wrong: {@code kind} (BUILD, DTYPE, ERROR, VALUE, CLOBBER), in which run, and the details. */
    record Failure(String kind, String run, String detail) {
        String signature() {
            return kind + " in " + run;
        }
    }

    private Checker() {
    }

    /**
     * The failures of {@code p}, at most one per backend (empty when every run matches the
     * oracle); a wrong static type is reported alone, since every run would inherit it.
     */
    static List<Failure> check(Program p, OTensor[] expected) {
        return check(p, expected, true, true);
    }

    /** {@link #check(Program, OTensor[])} running only the chosen backends. */
    static List<Failure> check(Program p, OTensor[] expected, boolean fastRun, boolean reference) {
        List<Variable> in = GraphBuilder.inputVariables(p);
        Variable[] vars;
        try {
            vars = GraphBuilder.build(p, in);
        } catch (RuntimeException e) {
            return List.of(new Failure("BUILD", "graph construction", e.toString()));
        }
        for (int k = 0; k < vars.length; k++) {
            Variable v = vars[k];
            if (v != null && (v.dtype() != expected[k].dtype || v.ndim() != expected[k].shape.length)) {
                return List.of(new Failure("DTYPE", "type inference", "n" + k + " = " + p.formula(k) + " has type "
                        + v.dtype().numpyName() + " with " + v.ndim() + " axes; numpy gives " + expected[k].dtype.numpyName()
                        + Arrays.toString(expected[k].shape)));
            }
        }
        List<Variable> outs = Arrays.stream(p.outputs()).mapToObj(o -> vars[o]).toList();
        OTensor[] want = Arrays.stream(p.outputs()).mapToObj(o -> expected[o]).toArray(OTensor[]::new);
        NDArray[] args = p.arguments();
        OTensor[] before = Arrays.stream(args).map(OTensor::readRaw).toArray(OTensor[]::new);
        List<Failure> failures = new ArrayList<>();
        Failure fast = fastRun ? runAll(in, outs, want, args, "vector-cpu FAST_RUN", Theano.options(), true) : null;
        Failure ref = reference ? runAll(in, outs, want, args, "reference FAST_COMPILE",
                Theano.options().device("reference").mode("FAST_COMPILE"), false) : null;
        for (Failure f : new Failure[] {fast, ref}) {
            if (f != null) {
                failures.add(f);
            }
        }
        for (int i = 0; i < args.length; i++) {
            String d = Compare.firstMismatch(before[i], OTensor.readRaw(args[i]));
            if (d != null) {
                failures.add(new Failure("CLOBBER", "after the calls", "argument x" + i + " was modified: " + d));
                break;
            }
        }
        return failures;
    }

    private static Failure runAll(List<Variable> in, List<Variable> outs, OTensor[] want, NDArray[] args, String name,
            FunctionOptions options, boolean repeat) {
        Function f;
        try {
            f = Theano.function(in, outs, options);
        } catch (RuntimeException e) {
            return new Failure("ERROR", name + " compile", describe(e));
        }
        List<NDArray> first;
        try {
            first = f.callAll(callArgs(args));
        } catch (RuntimeException e) {
            return new Failure("ERROR", name + " call 1", describe(e));
        }
        Failure bad = compare(first, want, name + " call 1");
        if (bad != null || !repeat) {
            return bad;
        }
        try {
            bad = compare(f.callAll(callArgs(args)), want, name + " call 2");
        } catch (RuntimeException e) {
            return new Failure("ERROR", name + " call 2", describe(e));
        }
        if (bad == null) {
            bad = compare(first, want, name + " call 1's outputs, re-read after call 2");
        }
        return bad != null ? bad : concurrently(f, args, want, name);
    }

    private static Failure concurrently(Function f, NDArray[] args, OTensor[] want, String name) {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Failure>> results = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            String run = name + " thread " + (t + 1) + " call ";
            results.add(POOL.submit(() -> {
                start.await();
                for (int c = 1; c <= 2; c++) {
                    Failure bad;
                    try {
                        bad = compare(f.callAll(callArgs(args)), want, run + c);
                    } catch (RuntimeException e) {
                        bad = new Failure("ERROR", run + c, describe(e));
                    }
                    if (bad != null) {
                        return bad;
                    }
                }
                return null;
            }));
        }
        Failure bad = null;
        for (Future<Failure> r : results) {
            try {
                Failure got = r.get();
                bad = bad != null ? bad : got;
            } catch (Exception e) {
                bad = bad != null ? bad : new Failure("ERROR", name + " threads", describe(e));
            }
        }
        return bad;
    }

    private static Failure compare(List<NDArray> got, OTensor[] want, String run) {
        for (int j = 0; j < want.length; j++) {
            NDArray g = got.get(j);
            if (g.dtype() != want[j].dtype) {
                return new Failure("DTYPE", run, "output " + j + " has dtype " + g.dtype().numpyName() + ", numpy gives "
                        + want[j].dtype.numpyName());
            }
            if (!Arrays.equals(g.shape(), want[j].shape)) {
                return new Failure("VALUE", run, "output " + j + " has shape " + Arrays.toString(g.shape())
                        + ", numpy gives " + Arrays.toString(want[j].shape));
            }
            String d = Compare.firstMismatch(want[j], OTensor.readRaw(g));
            if (d != null) {
                return new Failure("VALUE", run, "output " + j + " (" + want[j].dtype.numpyName()
                        + Arrays.toString(want[j].shape) + "): " + d);
            }
        }
        return null;
    }

    /** A plain Object[] (an NDArray[] would be taken as one Java-array argument). */
    private static Object[] callArgs(NDArray[] args) {
        return Arrays.copyOf(args, args.length, Object[].class);
    }

    private static String describe(Throwable e) {
        String m = String.valueOf(e.getMessage());
        return e.getClass().getSimpleName() + ": " + (m.length() > 400 ? m.substring(0, 400) + "..." : m);
    }

    /** The failure as text: replay line, program, arguments, and the first mismatch. */
    static String report(Program p, OTensor[] expected, Failure f) {
        return "seed " + Long.toHexString(p.seed()) + "  (replay: -Dfuzz.seed=0x" + Long.toHexString(p.seed()) + ")\n"
                + f.kind() + " in " + f.run() + ": " + f.detail() + "\nprogram (numpy):\n" + p.describe(expected);
    }
}
