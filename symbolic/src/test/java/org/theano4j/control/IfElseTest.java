package org.theano4j.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.Function;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.grad.GradCheck;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.Type;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** Theano's "conditions" tutorial (ifelse vs switch), laziness of the plan, gradients. */
class IfElseTest {
    /** Identity that counts its evaluations (or fails when {@code fail}): tells whether a branch ran. */
    record Probe(AtomicInteger count, boolean fail) implements Op {
        @Override
        public List<Type> outputTypes(List<Variable> inputs) {
            return List.of(inputs.get(0).type());
        }

        @Override
        public Object[] evaluate(Object[] inputs) {
            if (fail) {
                throw new IllegalStateException("the untaken branch was evaluated");
            }
            count.incrementAndGet();
            return new Object[] {((NDArray) inputs[0]).copy()};
        }

        static Variable on(Variable x, AtomicInteger count) {
            return Apply.single(new Probe(count, false), x);
        }

        static Variable failing(Variable x) {
            return Apply.single(new Probe(new AtomicInteger(), true), x);
        }
    }

    static double[][] filled(double v) {
        double[][] m = new double[4][3];
        for (double[] row : m) {
            java.util.Arrays.fill(row, v);
        }
        return m;
    }

    @Test
    void tutorialIfElseAndSwitchGiveTheSameValue() {
        // conditions.txt: z_switch = switch(lt(a, b), mean(x), mean(y)); z_lazy = ifelse(lt(a, b), mean(x), mean(y))
        Variable[] ab = T.dscalars("a", "b");
        Variable[] xy = T.dmatrices("x", "y");
        Variable zSwitch = T.switchOp(T.lt(ab[0], ab[1]), T.mean(xy[0]), T.mean(xy[1]));
        Variable zLazy = T.ifelse(T.lt(ab[0], ab[1]), T.mean(xy[0]), T.mean(xy[1]));
        Function fSwitch = Theano.function(List.of(ab[0], ab[1], xy[0], xy[1]), zSwitch);
        Function fLazy = Theano.function(List.of(ab[0], ab[1], xy[0], xy[1]), zLazy);
        assertEquals(1.0, fSwitch.call(0.0, 1.0, filled(1), filled(1)).item());
        assertEquals(1.0, fLazy.call(0.0, 1.0, filled(1), filled(1)).item());
        assertEquals(2.0, fLazy.call(0.0, 1.0, filled(2), filled(5)).item());
        assertEquals(5.0, fLazy.call(1.0, 0.0, filled(2), filled(5)).item());
        assertEquals(5.0, fSwitch.call(1.0, 0.0, filled(2), filled(5)).item());
    }

    @Test
    void onlyTheChosenBranchRuns() {
        AtomicInteger thenCount = new AtomicInteger();
        AtomicInteger elseCount = new AtomicInteger();
        Variable c = T.dscalar("c");
        Variable x = T.dvector("x");
        Variable z = T.ifelse(T.gt(c, 0), T.sum(T.exp(Probe.on(x, thenCount))), T.mean(T.mul(Probe.on(x, elseCount), 2)));
        Function f = Theano.function(List.of(c, x), z);
        double[] xs = {0, 1, 2};
        assertEquals(1 + Math.E + Math.exp(2), f.call(1.0, xs).item(), 1e-12);
        assertEquals(1, thenCount.get());
        assertEquals(0, elseCount.get());
        assertEquals(2.0, f.call(-1.0, xs).item());
        assertEquals(1, thenCount.get());
        assertEquals(1, elseCount.get());
    }

    @Test
    void theUntakenBranchMayFail() {
        Variable c = T.bscalar("c");
        Variable x = T.dmatrix("x");
        Function f = Theano.function(List.of(c, x), T.ifelse(c, T.sum(x), T.sum(Probe.failing(x))));
        assertEquals(12.0, f.call(1, filled(1)).item());
        assertThrows(IllegalStateException.class, () -> f.call(0, filled(1)));
    }

    @Test
    void nodesSharedWithTheConditionOrBothBranchesRunEagerly() {
        AtomicInteger shared = new AtomicInteger();
        AtomicInteger nested = new AtomicInteger();
        Variable c = T.dscalar("c");
        Variable x = T.dvector("x");
        Variable s = T.sum(Probe.on(x, shared));
        // s feeds the condition and both branches; the inner ifelse sits in the then-branch
        Variable inner = T.ifelse(T.gt(s, 10), T.max(Probe.on(x, nested)), T.min(x));
        Variable z = T.ifelse(T.gt(c, s), inner, T.mul(s, -1));
        Function f = Theano.function(List.of(c, x), z);
        assertEquals(1.0, f.call(100.0, new double[] {1, 2, 3}).item());
        assertEquals(0, nested.get());
        assertEquals(9.0, f.call(100.0, new double[] {4, 5, 9}).item());
        assertEquals(1, nested.get());
        assertEquals(-18.0, f.call(0.0, new double[] {4, 5, 9}).item());
        assertEquals(1, nested.get());
        assertEquals(3, shared.get());
    }

    @Test
    void severalOutputsAndABranchValueThatIsAlsoAnOutput() {
        Variable c = T.lscalar("c");
        Variable x = T.dvector("x");
        Variable twice = T.mul(x, 2);
        List<Variable> z = IfElse.ifelse(c, List.of(twice, T.sum(x)), List.of(T.neg(x), 7.5));
        Function f = Theano.function(List.of(c, x), List.of(z.get(0), z.get(1), twice));
        List<NDArray> yes = f.callAll(3, new double[] {1, 2});
        assertArrayEquals(new double[] {2, 4}, yes.get(0).toDoubleArray());
        assertEquals(3.0, yes.get(1).item());
        assertArrayEquals(new double[] {2, 4}, yes.get(2).toDoubleArray());
        List<NDArray> no = f.callAll(0, new double[] {1, 2});
        assertArrayEquals(new double[] {-1, -2}, no.get(0).toDoubleArray());
        assertEquals(7.5, no.get(1).item());
    }

    @Test
    void gradientFlowsThroughTheChosenBranch() {
        Variable c = T.dscalar("c");
        Variable x = T.dvector("x");
        Variable cost = T.sum(T.ifelse(T.gt(c, 0), T.sqr(x), T.mul(x, 3)));
        Function g = Theano.function(List.of(c, x), T.grad(cost, x));
        assertArrayEquals(new double[] {2, 4}, g.call(1.0, new double[] {1, 2}).toDoubleArray());
        assertArrayEquals(new double[] {3, 3}, g.call(-1.0, new double[] {1, 2}).toDoubleArray());
        for (double cond : new double[] {1, -1}) {
            GradCheck.verifyGrad(in -> T.ifelse(T.gt(in.get(0), 0), T.tanh(T.mul(in.get(1), in.get(2))), T.exp(in.get(1))),
                    List.of(NDArray.of(cond), NDArray.of(new double[] {0.3, -0.2}), NDArray.of(new double[] {1.5, 0.7})));
        }
    }

    static Stream<Object[]> badIfElse() {
        return Stream.of(new Object[] {T.dvector("c"), 1.0, 2.0, "must be a scalar"},
                new Object[] {T.dscalar("c"), T.dvector("v"), T.dmatrix("m"), "the else-value"});
    }

    @ParameterizedTest
    @MethodSource("badIfElse")
    void badIfElseIsAnIllegalArgument(Variable cond, Object a, Object b, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> T.ifelse(cond, a, b));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void branchesArePromotedToACommonDType() {
        Variable c = T.iscalar("c");
        Variable z = T.ifelse(c, T.fvector("f"), T.ivector("i"));
        assertEquals(DType.FLOAT64, z.dtype());
    }
}
