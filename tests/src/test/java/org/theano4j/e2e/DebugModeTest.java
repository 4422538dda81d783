package org.theano4j.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.theano4j.DebugModeError;
import org.theano4j.Function;
import org.theano4j.FunctionOptions;
import org.theano4j.MonitorMode;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.control.ScanResult;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.Type;
import org.theano4j.rng.RandomStreams;
import org.theano4j.tensor.NDArray;

/**
 * {@code mode("DebugMode")} (every node re-evaluated by its op's reference evaluation, outputs and
 * updates compared with the unoptimized graph on the reference backend) and {@link MonitorMode}
 * hooks, as Theano 1.0's "Debugging Theano" and "Dealing with NaNs" pages use them.
 */
class DebugModeTest {
    /**
     * A deliberately broken op (Theano's test_debugmode {@code BROKEN_ON_PURPOSE} ops): adds how
     * often it ran before, so its second evaluation on the same input differs from the first.
     */
    record Flaky(AtomicInteger runs) implements Op {
        @Override
        public List<Type> outputTypes(List<Variable> inputs) {
            return List.of(inputs.get(0).type());
        }

        @Override
        public Object[] evaluate(Object[] inputs) {
            NDArray x = (NDArray) inputs[0];
            double[] v = x.toDoubleArray();
            int n = runs.getAndIncrement();
            for (int i = 0; i < v.length; i++) {
                v[i] += n;
            }
            return new Object[] {NDArray.of(v).reshape(x.shape())};
        }

        @Override
        public String displayName() {
            return "Flaky";
        }
    }

    private static final FunctionOptions DEBUG = Theano.options().mode("DebugMode");

    @Test
    void correctGraphsRunAsInFastRun() {
        // the seed's logistic regression step: outputs and updates checked, same numbers as FAST_RUN
        Variable x = T.dmatrix("x");
        Variable y = T.dvector("y");
        double[][] data = {{0.5, -1, 2}, {1.5, 0.25, -0.75}, {-2, 1, 0.5}, {0.1, 0.2, 0.3}};
        double[] labels = {1, 0, 1, 0};
        List<NDArray> last = new ArrayList<>();
        for (FunctionOptions base : List.of(Theano.options(), DEBUG)) {
            SharedVariable w = Theano.shared(new double[] {0.1, -0.2, 0.3}, "w");
            SharedVariable b = Theano.shared(0.0, "b");
            Variable p = T.div(1, T.add(1, T.exp(T.neg(T.dot(x, w).sub(b)))));
            Variable xent = T.neg(y.mul(T.log(p))).sub(T.sub(1, y).mul(T.log(T.sub(1, p))));
            Variable cost = xent.mean().add(T.mul(0.01, T.sum(T.sqr(w))));
            List<Variable> g = T.grad(cost, List.of(w, b));
            Function train = Theano.function(List.of(x, y), List.of(p.gt(0.5), xent),
                    base.update(w, w.sub(g.get(0).mul(0.1))).update(b, b.sub(g.get(1).mul(0.1))));
            for (int i = 0; i < 5; i++) {
                train.callAll(data, labels);
            }
            last.add(w.getValue());
        }
        assertArrayEquals(last.get(0).toDoubleArray(), last.get(1).toDoubleArray(), 0.0);
        assertTrue(Theano.options().mode("DebugMode").isDebugMode());
    }

    @Test
    void randomDrawsIfElseAndScanPassTheChecks() {
        RandomStreams srng = new RandomStreams(234);
        Variable u = srng.uniform(2, 2);
        Variable a = T.dscalar("a");
        Variable v = T.dvector("v");
        ScanResult s = T.scan(step -> List.of(step.get(0).mul(step.get(1))), List.of(), List.of(T.onesLike(v)), List.of(a), 3);
        Variable lazy = T.ifelse(T.lt(a, 1), T.mean(v), T.sum(v));
        Function f = Theano.function(List.of(a, v), List.of(u, lazy, s.output()), DEBUG);
        List<NDArray> r = f.callAll(2.0, new double[] {1, 2});
        // numpy.random.RandomState(RandomState(234).randint(2**30)).uniform(size=(2, 2)): the seed page's stream
        Function plain = Theano.function(List.of(), new RandomStreams(234).uniform(2, 2));
        assertArrayEquals(plain.call().toDoubleArray(), r.get(0).toDoubleArray(), 0.0);
        assertEquals(3.0, r.get(1).item());
        assertArrayEquals(new double[] {8, 8}, r.get(2).toDoubleMatrix()[2]);
    }

    @Test
    void aBrokenNodeIsReportedWithItsInputsAndBothValues() {
        Variable x = T.dvector("x");
        SharedVariable total = Theano.shared(0.0, "total");
        Variable y = Apply.single(new Flaky(new AtomicInteger()), x.mul(2)).add(1);
        Function f = Theano.function(List.of(x), y, DEBUG.update(total, total.add(y.sum())));
        DebugModeError e = assertThrows(DebugModeError.class, () -> f.call(new double[] {1, 2}));
        assertEquals("BadThunkOutput", e.kind());
        assertEquals("Flaky", e.node().op().displayName());
        assertArrayEquals(new double[] {2, 4}, ((NDArray) e.inputs().get(0)).toDoubleArray());
        assertArrayEquals(new double[] {2, 4}, ((NDArray) e.actual()).toDoubleArray());
        assertArrayEquals(new double[] {3, 5}, ((NDArray) e.expected()).toDoubleArray());
        assertTrue(e.getMessage().startsWith("DebugMode: BadThunkOutput: output 0 of node 1 (Flaky)"), e.getMessage());
        assertTrue(e.getMessage().contains("\nNode:\nFlaky [id A] [TensorType(float64, vector)]\n"), e.getMessage());
        assertTrue(e.getMessage().contains("Input 0: float64(2,) array([2., 4.])"), e.getMessage());
        assertTrue(e.getMessage().contains("first at flat index 0: 2.0 instead of 3.0"), e.getMessage());
        assertEquals(0.0, total.getValue().item(), "a failed call commits no update");
        // the same graph without DebugMode runs (the op is only inconsistent between runs)
        assertEquals(2, Theano.function(List.of(x), y).call(new double[] {1, 2}).toDoubleArray().length);
    }

    @Test
    void aDifferenceOnlyTheWholeGraphSeesIsABadOptimization() {
        // inside a lazy ifelse branch the node is not re-run on its own: the graph-level check catches it
        Variable x = T.dvector("x");
        Variable c = T.dscalar("c");
        Variable branch = Apply.single(new Flaky(new AtomicInteger()), x.mul(3));
        Function f = Theano.function(List.of(c, x), T.ifelse(T.gt(c, 0), branch, x), DEBUG);
        DebugModeError e = assertThrows(DebugModeError.class, () -> f.call(1.0, new double[] {1, 2}));
        assertEquals("BadOptimization", e.kind());
        assertTrue(e.getMessage().startsWith("DebugMode: BadOptimization: output 0 of the optimized graph differs"), e.getMessage());
        assertArrayEquals(new double[] {3, 6}, ((NDArray) e.actual()).toDoubleArray());
        assertArrayEquals(new double[] {4, 7}, ((NDArray) e.expected()).toDoubleArray());
        // the other branch has no broken node
        assertArrayEquals(new double[] {1, 2}, f.call(-1.0, new double[] {1, 2}).toDoubleArray());
    }

    @Test
    void copiesKeepTheirChecks() {
        Variable x = T.dvector("x");
        SharedVariable s = Theano.shared(new double[] {1, 1}, "s");
        Variable y = Apply.single(new Flaky(new AtomicInteger()), x.add(s));
        Function f = Theano.function(List.of(x), y, DEBUG);
        Function g = f.copy(Map.of(s, Theano.shared(new double[] {5, 5}, "s2")), false);
        DebugModeError e = assertThrows(DebugModeError.class, () -> g.call(new double[] {1, 2}));
        assertArrayEquals(new double[] {6, 7}, ((NDArray) e.inputs().get(0)).toDoubleArray());
    }

    @Test
    void monitorModeHooksSeeEveryNode() {
        // "Dealing with NaNs": detect_nan as a post_func on log(x) * x, called with 0
        Variable x = T.dscalar("x");
        List<String> seen = new ArrayList<>();
        MonitorMode detect = MonitorMode.of(
                (i, node, ins, outs) -> {
                    seen.add("pre " + i + " " + node.op().displayName());
                    outs.forEach(o -> assertNull(o));
                },
                (i, node, ins, outs) -> {
                    NDArray out = (NDArray) outs.get(0);
                    if (Double.isNaN(out.item())) {
                        seen.add("*** NaN detected *** inputs " + ins + " outputs " + outs);
                    }
                });
        Function f = Theano.function(List.of(x), T.log(x).mul(x), Theano.options().mode(detect));
        assertTrue(Double.isNaN(f.call(0.0).item()));
        assertEquals(List.of("pre 0 Composite{(log(i0) * i0)}", "*** NaN detected *** inputs [array(0.)] outputs [array(nan)]"), seen);
        // without fusion every node is reported, in plan order, with its values
        List<String> nodes = new ArrayList<>();
        MonitorMode trace = MonitorMode.of(null, (i, node, ins, outs) -> nodes.add(node.op().displayName() + " -> " + outs.get(0)));
        Function slow = Theano.function(List.of(x), T.log(x).mul(x),
                Theano.options().mode("FAST_COMPILE").mode(trace));
        slow.call(1.0);
        assertEquals(List.of("Elemwise{log} -> array(0.)", "Elemwise{mul} -> array(0.)"), nodes);
        assertSame(trace, Theano.options().mode(trace).monitorMode());
        // a hook that throws aborts the call
        MonitorMode stop = MonitorMode.of(null, (i, node, ins, outs) -> {
            throw new IllegalStateException("stop at " + i);
        });
        assertThrows(IllegalStateException.class, () -> Theano.function(List.of(x), x.mul(2), Theano.options().mode(stop)).call(1.0));
    }
}
