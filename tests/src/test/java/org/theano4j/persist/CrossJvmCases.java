package org.theano4j.persist;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.theano4j.Function;
import org.theano4j.In;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.control.ScanResult;
import org.theano4j.rng.MRGRandomStreams;
import org.theano4j.rng.RandomState;
import org.theano4j.rng.RandomStreams;
import org.theano4j.rng.SharedRandomState;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.io.Npz;

/**
 * The functions the cross-JVM test saves, the calls both JVMs make on them after the save, and
 * what a run records: every output of every call, then every shared container's value.
 */
final class CrossJvmCases {
    private CrossJvmCases() {
    }

    /** One call: positional arguments and keyword arguments. */
    record Call(List<NDArray> positional, Map<String, NDArray> keywords) {
        static Call of(NDArray... positional) {
            return new Call(List.of(positional), Map.of());
        }
    }

    /**
     * A saved function and the calls made on it after the save.
     *
     * @param sharesWith the case whose shared variables this one uses after loading (by name), or null
     */
    record Case(String name, Function function, List<Call> calls, String sharesWith) {
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>(logisticRegression());
        cases.add(randomStreams());
        cases.add(mrg());
        cases.add(ifelse());
        cases.add(scan());
        cases.add(integersAndBools());
        cases.add(defaultsAndKeywords());
        return cases;
    }

    /** The seed's logistic regression (smaller data), trained a few steps before the save. */
    private static List<Case> logisticRegression() {
        RandomState rng = new RandomState(42);
        int n = 60;
        int feats = 30;
        NDArray dx = NDArray.of(rng.randn(n, feats)).reshape(n, feats);
        NDArray dy = NDArray.of(rng.randint(0, 2, n));
        Variable x = T.dmatrix("x");
        Variable y = T.dvector("y");
        SharedVariable w = Theano.shared(rng.randn(feats), "w");
        SharedVariable b = Theano.shared(0.0, "b");
        Variable p1 = T.div(1, T.add(1, T.exp(T.sub(T.neg(T.dot(x, w)), b))));
        Variable prediction = T.gt(p1, 0.5);
        Variable xent = T.sub(T.mul(T.neg(y), T.log(p1)), T.mul(T.sub(1, y), T.log(T.sub(1, p1))));
        Variable cost = T.add(xent.mean(), T.mul(0.01, w.pow(2).sum()));
        List<Variable> g = T.grad(cost, List.of(w, b));
        Function train = Theano.function(List.of(x, y), List.of(prediction, xent),
                Theano.options().update(w, w.sub(T.mul(0.1, g.get(0)))).update(b, b.sub(T.mul(0.1, g.get(1)))).name("train"));
        Function predict = Theano.function(List.of(x), prediction, Theano.options().name("predict"));
        for (int i = 0; i < 3; i++) {
            train.callAll(dx, dy);
        }
        List<Call> steps = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            steps.add(Call.of(dx, dy));
        }
        return List.of(new Case("logreg_train", train, steps, null),
                new Case("logreg_predict", predict, List.of(Call.of(dx)), "logreg_train"));
    }

    /** Numpy-exact streams of every distribution; one call before the save, so the states have moved. */
    private static Case randomStreams() {
        RandomStreams srng = new RandomStreams(234);
        Variable x = T.dscalar("x");
        List<Variable> outs = List.of(srng.uniform(2, 2).add(x), srng.normal(new long[] {3}, 1.0, 2.0),
                srng.binomial(new long[] {4}, 10, 0.3), srng.randomIntegers(new long[] {5}, -3, 3),
                srng.choice(new long[] {3}, 5, true, new double[] {0.1, 0.2, 0.3, 0.2, 0.2}),
                srng.permutation(new long[] {2}, 4), srng.multinomial(new long[] {2}, 5, new double[] {0.25, 0.75}));
        Function f = Theano.function(List.of(x), outs);
        f.callAll(0.5);
        return new Case("random_streams", f, List.of(Call.of(NDArray.of(1.0)), Call.of(NDArray.of(2.0)), Call.of(NDArray.of(3.0))), null);
    }

    /** Theano's MRG31k3p streams: uniform, normal, binomial, multinomial and choice draws. */
    private static Case mrg() {
        MRGRandomStreams m = new MRGRandomStreams(1234);
        double[][] pvals = {{0.2, 0.3, 0.5}, {0.6, 0.3, 0.1}};
        List<Variable> outs = List.of(m.uniform(new long[] {4, 3}, -1, 1), m.normal(5), m.binomial(new long[] {6}, 0.3),
                m.multinomial(pvals), m.choice(2, false, pvals));
        Function f = Theano.function(List.of(), outs);
        f.callAll();
        return new Case("mrg", f, List.of(Call.of(), Call.of(), Call.of()), null);
    }

    /** A lazy ifelse, both branches taken. */
    private static Case ifelse() {
        Variable a = T.dscalar("a");
        Variable b = T.dscalar("b");
        Variable x = T.dvector("x");
        Variable z = T.ifelse(T.lt(a, b), T.mean(T.sqr(x)), T.max(x).mul(a));
        Function f = Theano.function(List.of(a, b, x), z);
        NDArray xs = NDArray.of(new double[] {0.5, -1.25, 3.0, 1e-300});
        return new Case("ifelse", f, List.of(Call.of(NDArray.of(1.0), NDArray.of(2.0), xs),
                Call.of(NDArray.of(2.0), NDArray.of(1.0), xs)), null);
    }

    /** The loop tutorial's A ** k and polynomial, the gradient of the first (a reverse scan), and a shared accumulator. */
    private static Case scan() {
        Variable a = T.dvector("A");
        Variable k = T.iscalar("k");
        ScanResult pow = T.scan(s -> List.of(T.mul(s.get(0), s.get(1))), List.of(), List.of(T.onesLike(a)), List.of(a), k);
        Variable power = pow.output().get(-1);
        Variable coeffs = T.dvector("coefficients");
        Variable xv = T.dscalar("x");
        ScanResult poly = T.scan(s -> List.of(T.mul(s.get(0), T.pow(s.get(2), s.get(1)))), List.of(coeffs, T.arange(1000)),
                Arrays.asList((Object) null), List.of(xv));
        SharedVariable acc = Theano.shared(new double[] {0, 0, 0}, "acc");
        Function f = Theano.function(List.of(a, k, coeffs, xv), List.of(power, poly.output().sum(), T.grad(power.sum(), a)),
                Theano.options().update(acc, acc.add(power)));
        NDArray av = NDArray.of(new double[] {1.5, -0.5, 2.0});
        NDArray cv = NDArray.of(new double[] {1, 0, 2, -1});
        return new Case("scan", f, List.of(Call.of(av, NDArray.of(3), cv, NDArray.of(3.0)),
                Call.of(av, NDArray.of(5), cv, NDArray.of(-0.5))), null);
    }

    /** int8/int32/uint8/uint64/bool/float32 arithmetic and an int64 shared counter. */
    private static Case integersAndBools() {
        Variable xi = T.ivector("xi");
        Variable yb = T.bvector("yb");
        Variable mask = T.vector("mask", DType.BOOL);
        Variable u8 = T.vector("u8", DType.UINT8);
        Variable f32 = T.fvector("f32");
        SharedVariable counter = Theano.shared(0L, "counter");
        List<Variable> outs = List.of(T.switchOp(mask, xi.mul(yb), xi.intDiv(3)), T.sum(xi), T.and(mask, T.gt(xi, 0)),
                T.cast(xi, DType.UINT8).add(u8), f32.mul(1.5).exp(), T.mod(xi, -4), T.max(u8), T.eq(xi, 2),
                T.cast(xi, DType.UINT64).intDiv(7), T.not(mask), f32.mul(1.0f / 3).add(xi));
        Function f = Theano.function(List.of(xi, yb, mask, u8, f32), outs,
                Theano.options().update(counter, counter.add(T.sum(xi))));
        Call c = Call.of(NDArray.of(new int[] {-5, 3, 7, 0, 2}), NDArray.of(new byte[] {1, -2, 3, 127, -128}),
                NDArray.of(new boolean[] {true, false, true, true, false}), NDArray.of(new byte[] {0, 1, 100, 127, 5}).astype(DType.UINT8),
                NDArray.of(new float[] {0.1f, -2.5f, 3e-3f, 40f, -0.0f}));
        return new Case("ints_bools", f, List.of(c, c), null);
    }

    /** The seed page's function with a default value and a keyword name. */
    private static Case defaultsAndKeywords() {
        Variable[] xyw = T.dscalars("x", "y", "w");
        Function g = Theano.function(List.of(xyw[0], In.of(xyw[1]).value(1), In.of(xyw[2]).value(2).name("w_by_name")),
                xyw[0].add(xyw[1]).mul(xyw[2]));
        return new Case("defaults", g, List.of(Call.of(NDArray.of(33.0)),
                new Call(List.of(NDArray.of(33.0)), Map.of("w_by_name", NDArray.of(1.0), "y", NDArray.of(0.0))),
                new Call(List.of(), Map.of("x", NDArray.of(2L), "w_by_name", NDArray.of(-3.0)))), null);
    }

    /** Makes the calls on {@code f}; returns every output ({@code c<i>_o<j>}) and then every shared container's value ({@code s<k>...}). */
    static Map<String, NDArray> run(Function f, List<Call> calls) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (int i = 0; i < calls.size(); i++) {
            Call c = calls.get(i);
            List<NDArray> results = f.callAllKw(c.keywords(), c.positional().toArray());
            for (int j = 0; j < results.size(); j++) {
                out.put("c" + i + "_o" + j, results.get(j).copy());
            }
        }
        List<Variable> state = f.sharedState();
        for (int k = 0; k < state.size(); k++) {
            if (state.get(k) instanceof SharedVariable s) {
                out.put("s" + k, s.getValue());
            } else {
                RandomState.State st = ((SharedRandomState) state.get(k)).getValue().getState();
                out.put("s" + k + "_key", NDArray.of(st.key()));
                out.put("s" + k + "_pos", NDArray.of((long) st.pos()));
                out.put("s" + k + "_gauss", NDArray.of(new double[] {st.hasGauss() ? 1 : 0, st.cachedGaussian()}));
            }
        }
        return out;
    }

    static void saveCalls(Path file, List<Call> calls) {
        Map<String, NDArray> m = new LinkedHashMap<>();
        m.put("count", NDArray.of((long) calls.size()));
        for (int i = 0; i < calls.size(); i++) {
            Call c = calls.get(i);
            m.put("c" + i + "_n", NDArray.of((long) c.positional().size()));
            for (int j = 0; j < c.positional().size(); j++) {
                m.put("c" + i + "_p" + j, c.positional().get(j));
            }
            for (Map.Entry<String, NDArray> e : new TreeMap<>(c.keywords()).entrySet()) {
                m.put("c" + i + "_k_" + e.getKey(), e.getValue());
            }
        }
        Npz.save(file, m);
    }

    static List<Call> loadCalls(Path file) {
        Map<String, NDArray> m = Npz.load(file);
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < m.get("count").getLong(); i++) {
            List<NDArray> positional = new ArrayList<>();
            for (int j = 0; j < m.get("c" + i + "_n").getLong(); j++) {
                positional.add(m.get("c" + i + "_p" + j));
            }
            Map<String, NDArray> keywords = new LinkedHashMap<>();
            String prefix = "c" + i + "_k_";
            m.forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    keywords.put(k.substring(prefix.length()), v);
                }
            });
            calls.add(new Call(positional, keywords));
        }
        return calls;
    }

    /** {@code f} with the shared variables of {@code other} in place of its own of the same names (Function.copy with a swap). */
    static Function sharing(Function f, Function other) {
        Map<SharedVariable, SharedVariable> swap = new LinkedHashMap<>();
        f.sharedVariables().forEach((name, v) -> swap.put(v, other.sharedVariables().get(name)));
        return f.copy(swap, false);
    }

    /** What both JVMs print of a function: its summary and optimized graph. */
    static String describe(Function f) {
        return f + "\n" + f.debugprint();
    }
}
