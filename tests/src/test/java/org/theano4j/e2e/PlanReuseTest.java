package org.theano4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.rng.RandomState;
import org.theano4j.tensor.NDArray;

/**
 * The compiled runtime's reuse mechanisms against the reference evaluator: buffers shared by
 * liveness (views keep their base alive), in-place elementwise steps (never clobbering a value
 * that is read later), output shapes memoized per input shapes (calls with changing shapes),
 * and Java scalars written into per-workspace buffers (results stay the caller's own).
 */
class PlanReuseTest {
    record Case(String name, Function<Variable, List<Variable>> outputs) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("shared intermediate read after an in-place candidate", x -> {
                    Variable t = T.exp(x);
                    Variable u = T.add(t, 1);
                    Variable v = T.mul(t, 2);
                    return List.of(T.dot(u, v.T()), T.sum(t), v);
                }),
                new Case("view read after its base's last direct use", x -> {
                    Variable a = T.exp(x.mul(0.5));
                    Variable av = a.T();
                    Variable b = T.dot(av, x);
                    Variable c = T.log(T.add(T.abs(b), 1));
                    return List.of(T.add(c, T.sum(a)), T.sum(T.mul(av, 3), 0));
                }),
                new Case("view outlives a new intermediate of its base's size", x -> {
                    Variable a = T.exp(x);
                    Variable s = T.sum(a);
                    Variable b = T.mul(x, s);
                    return List.of(T.dot(a.T(), b));
                }),
                new Case("outputs that are views of intermediates", x -> {
                    Variable t = T.tanh(x);
                    return List.of(t.T(), T.mul(t, t), T.sum(T.exp(t), 1));
                }),
                new Case("chain of elementwise steps between reductions", x -> {
                    Variable s = T.sum(x, 1);
                    Variable e = T.sub(x, s.dimshuffle(0, "x"));
                    Variable f = T.exp(e);
                    Variable g = T.div(f, T.sum(f, 1).dimshuffle(0, "x"));
                    return List.of(g, T.sum(T.mul(g, e)), T.max(f));
                }));
    }

    private static NDArray data(long seed, long rows, long cols) {
        return NDArray.of(new RandomState(seed).uniform(-1, 1, rows * cols)).reshape(rows, cols);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesTheReferenceOverCallsWithChangingShapes(Case c) {
        Variable x = T.dmatrix("x");
        List<Variable> outs = c.outputs().apply(x);
        org.theano4j.Function fast = Theano.function(List.of(x), outs);
        org.theano4j.Function ref = Theano.function(List.of(x), outs, Theano.options().device("reference"));
        long[][] shapes = {{3, 3}, {3, 3}, {5, 5}, {2, 2}, {5, 5}, {3, 3}};
        List<List<NDArray>> kept = new ArrayList<>();
        List<List<NDArray>> expected = new ArrayList<>();
        for (int i = 0; i < shapes.length; i++) {
            NDArray in = data(i, shapes[i][0], shapes[i][1]);
            kept.add(fast.callAll(in));
            expected.add(ref.callAll(in));
        }
        for (int i = 0; i < shapes.length; i++) {
            for (int k = 0; k < outs.size(); k++) {
                NDArray got = kept.get(i).get(k);
                NDArray want = expected.get(i).get(k);
                assertTrue(got.allClose(want, 1e-12, 1e-12), c + ", call " + i + ", output " + k + ": " + got + " vs " + want);
            }
        }
    }

    @Test
    void javaScalarArgumentsDoNotLeakIntoResults() {
        Variable[] xy = T.dscalars("x", "y");
        org.theano4j.Function f = Theano.function(List.of(xy[0], xy[1]), List.of(xy[0], T.add(T.mul(xy[0], xy[1]), xy[0])));
        List<List<NDArray>> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            results.add(f.callAll((double) i, 2.0));
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(i, results.get(i).get(0).item());
            assertEquals(3.0 * i, results.get(i).get(1).item());
        }
        Variable n = T.iscalar("n");
        org.theano4j.Function g = Theano.function(List.of(n), n.mul(2));
        assertEquals(14.0, g.call(7).item());
        assertEquals(-4.0, g.call(-2L).item());
    }
}
