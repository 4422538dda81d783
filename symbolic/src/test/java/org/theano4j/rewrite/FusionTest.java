package org.theano4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.op.Alloc;
import org.theano4j.op.Composite;
import org.theano4j.op.Elemwise;
import org.theano4j.op.ScalarExpr;
import org.theano4j.op.ScalarOp;
import org.theano4j.op.SumToShape;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** Fusion across removed sums, recomputation of cheap shared nodes, and its bounds. */
class FusionTest {
    private static final SplittableRandom RNG = new SplittableRandom(7);

    /** The seed's logistic-regression train function over shared w (given) and b = 0, in {@code mode}. */
    private record Seed(SharedVariable w, SharedVariable b, Function train) {
        static Seed build(double[] w0, String mode) {
            Variable x = T.dmatrix("x");
            Variable y = T.dvector("y");
            SharedVariable w = Theano.shared(w0.clone(), "w");
            SharedVariable b = Theano.shared(0.0, "b");
            Variable p1 = T.div(1, T.add(1, T.exp(T.sub(T.neg(T.dot(x, w)), b))));
            Variable prediction = T.gt(p1, 0.5);
            Variable xent = T.sub(T.mul(T.neg(y), T.log(p1)), T.mul(T.sub(1, y), T.log(T.sub(1, p1))));
            Variable cost = T.add(xent.mean(), T.mul(0.01, T.sum(T.pow(w, 2))));
            List<Variable> g = T.grad(cost, List.of(w, b));
            Function train = Theano.function(List.of(x, y), List.of(prediction, xent), Theano.options().mode(mode)
                    .update(w, w.sub(T.mul(0.1, g.get(0)))).update(b, b.sub(T.mul(0.1, g.get(1)))));
            return new Seed(w, b, train);
        }
    }

    @Test
    void seedTrainFunctionTakesFewSteps() {
        Seed s = Seed.build(new double[5], "FAST_RUN");
        List<Apply> steps = s.train().planNodes();
        // 60 steps before the shape rules and recomputation of cheap nodes
        assertTrue(steps.size() <= 24, steps.size() + " steps:\n" + s.train().debugprint());
        // left: the two sums where y meets dot(x, w) (y may be the longer one); b's broadcast is a plain Sum
        assertEquals(2, steps.stream().filter(n -> n.op() instanceof SumToShape).count(), s.train().debugprint());
        assertEquals(0, steps.stream().filter(n -> n.op() instanceof Alloc).count(), s.train().debugprint());
    }

    @Test
    void seedTrainFunctionAgreesWithFastCompile() {
        int n = 37, feats = 11;
        double[] w0 = uniform(feats, -1, 1);
        Seed fast = Seed.build(w0, "FAST_RUN");
        Seed plain = Seed.build(w0, "FAST_COMPILE");
        for (int step = 0; step < 3; step++) {
            double[][] x = new double[n][];
            for (int i = 0; i < n; i++) {
                x[i] = uniform(feats, -2, 2);
            }
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = RNG.nextInt(2);
            }
            List<NDArray> a = fast.train().callAll(x, y);
            List<NDArray> b = plain.train().callAll(x, y);
            assertArrayEquals(b.get(0).toDoubleArray(), a.get(0).toDoubleArray(), "prediction");
            assertArrayEquals(b.get(1).toDoubleArray(), a.get(1).toDoubleArray(), 1e-12, "xent");
            assertArrayEquals(plain.w().getValue().toDoubleArray(), fast.w().getValue().toDoubleArray(), 1e-12, "w");
            assertEquals(plain.b().getValue().item(), fast.b().getValue().item(), 1e-12, "b");
        }
    }

    @Test
    void cheapSharedNodeIsRecomputedInEachClient() {
        Variable x = T.dvector("x");
        Variable y = T.dvector("y");
        Variable a = T.add(x, y);
        Function f = Theano.function(List.of(x, y), List.of(T.exp(a), T.mul(a, 3)));
        assertEquals(2, f.planNodes().size(), f.debugprint());
        List<NDArray> out = f.callAll(new double[] {0, 1}, new double[] {1, 2});
        // numpy: np.exp([1., 3.]), [3., 9.]
        assertArrayEquals(new double[] {2.718281828459045, 20.085536923187668}, out.get(0).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {3, 9}, out.get(1).toDoubleArray());
    }

    @Test
    void expensiveSharedNodeIsComputedOnce() {
        Variable x = T.dvector("x");
        Variable e = T.exp(x);
        Function f = Theano.function(List.of(x), List.of(T.add(e, 1), T.mul(e, 2)));
        assertEquals(1, calls(f.planNodes(), ScalarOp.EXP), f.debugprint());
    }

    @Test
    void cheapNodeWithANonElementwiseClientIsStoredOnce() {
        Variable x = T.dvector("x");
        Variable y = T.dvector("y");
        Variable a = T.add(x, y);
        Function f = Theano.function(List.of(x, y), List.of(T.exp(a), T.sum(a)));
        assertEquals(1, calls(f.planNodes(), ScalarOp.ADD), f.debugprint());
    }

    @Test
    void recomputationIsBounded() {
        Variable x = T.dvector("x");
        Variable t = x;
        for (int k = 0; k < 30; k++) {
            t = T.add(T.mul(t, t), t); // t used three times per level: unbounded inlining would be 3^30 nodes
        }
        List<Variable> before = RewriteTesting.rulePhases(List.of(t));
        long elementwise = org.theano4j.graph.Graphs.toposort(before).stream()
                .filter(n -> n.op() instanceof Elemwise).count();
        List<Variable> after = new Fusion().apply(before);
        long fusedCalls = 0;
        for (Apply node : org.theano4j.graph.Graphs.toposort(after)) {
            if (node.op() instanceof Composite c) {
                fusedCalls += size(c.expr());
            }
        }
        assertTrue(fusedCalls <= 2 * elementwise + 128, fusedCalls + " fused calls for " + elementwise + " nodes");
        NDArray[] args = {RewriteTesting.random(RNG, DType.FLOAT64, -0.9, -0.1, 17)};
        assertArrayEquals(RewriteTesting.run("FAST_COMPILE", List.of(x), t, args).toDoubleArray(),
                RewriteTesting.run("FAST_RUN", List.of(x), t, args).toDoubleArray(), 1e-15);
    }

    @Test
    void broadcastLeavesJoinOneComposite() {
        Variable x = T.dmatrix("x");
        Variable s = T.dscalar("s");
        Variable r = T.tensor(DType.FLOAT64, new boolean[] {true, false}, "r");
        Variable c = T.tensor(DType.FLOAT64, new boolean[] {false, true}, "c");
        Variable out = T.exp(T.sub(T.mul(T.add(x, s), r), c));
        Function f = Theano.function(List.of(x, s, r, c), out);
        assertEquals(1, f.planNodes().stream().filter(n -> n.op() instanceof Composite).count(), f.debugprint());
        NDArray[] args = {RewriteTesting.random(RNG, DType.FLOAT64, -1, 1, 3, 4), NDArray.of(0.5),
                RewriteTesting.random(RNG, DType.FLOAT64, -1, 1, 1, 4), RewriteTesting.random(RNG, DType.FLOAT64, -1, 1, 3, 1)};
        assertArrayEquals(RewriteTesting.run("FAST_COMPILE", List.of(x, s, r, c), out, args).toDoubleArray(),
                f.call(java.util.Arrays.copyOf(args, args.length, Object[].class)).toDoubleArray(), 1e-15);
    }

    @Test
    void allocOfABroadcastValueIsInlined() {
        Variable x = T.dmatrix("x");
        Variable s = T.dscalar("s");
        Variable out = T.mul(T.add(T.onesLike(x), s), T.dimshuffle(s, "x", "x"));
        Function f = Theano.function(List.of(x, s), out);
        assertEquals(0, f.planNodes().stream().filter(n -> n.op() instanceof Alloc).count(), f.debugprint());
        NDArray got = f.call(new double[][] {{9, 9, 9}, {9, 9, 9}}, 2.0);
        assertArrayEquals(new long[] {2, 3}, got.shape());
        assertArrayEquals(new double[] {6, 6, 6, 6, 6, 6}, got.toDoubleArray());
    }

    @Test
    void compositeOfOnlyAnAllocKeepsTheTemplateShape() {
        Variable x = T.dmatrix("x");
        Variable out = T.neg(T.onesLike(x)); // the template is an input that the expression never reads
        Function f = Theano.function(List.of(x), out);
        assertEquals(0, f.planNodes().stream().filter(n -> n.op() instanceof Alloc).count(), f.debugprint());
        NDArray got = f.call(new double[][] {{5, 5}, {5, 5}, {5, 5}});
        assertArrayEquals(new long[] {3, 2}, got.shape());
        assertArrayEquals(new double[] {-1, -1, -1, -1, -1, -1}, got.toDoubleArray());
    }

    private static long calls(List<Apply> nodes, ScalarOp fn) {
        long n = 0;
        for (Apply node : nodes) {
            if (node.op() instanceof Composite c) {
                n += count(c.expr(), fn);
            } else if (node.op() instanceof Elemwise e && e.fn() == fn) {
                n++;
            }
        }
        return n;
    }

    private static long count(ScalarExpr e, ScalarOp fn) {
        if (!(e instanceof ScalarExpr.Call call)) {
            return 0;
        }
        long n = call.fn() == fn ? 1 : 0;
        for (ScalarExpr a : call.args()) {
            n += count(a, fn);
        }
        return n;
    }

    private static long size(ScalarExpr e) {
        return e instanceof ScalarExpr.Call call ? 1 + call.args().stream().mapToLong(FusionTest::size).sum() : 0;
    }

    private static double[] uniform(int n, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * RNG.nextDouble();
        }
        return v;
    }
}
