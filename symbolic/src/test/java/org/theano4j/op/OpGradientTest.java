package org.theano4j.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.theano4j.op.OpEvaluationTest.gen;
import static org.theano4j.op.OpEvaluationTest.lit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.Slice;
import org.theano4j.T;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.tensor.NDArray;

/**
 * Each op's gradient rule (its {@code grad} applied once, evaluated with the reference ops)
 * against central finite differences of {@code sum(out * w)} for a fixed weight {@code w}.
 */
class OpGradientTest {

    record Case(String name, Function<Variable[], Variable> build, List<OpEvaluationTest.Input> inputs) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case g(String name, Function<Variable[], Variable> build, OpEvaluationTest.Input... inputs) {
        return new Case(name, build, List.of(inputs));
    }

    static OpEvaluationTest.Input f(long... shape) {
        return gen('v', "float64", shape, 'c');
    }

    static OpEvaluationTest.Input p(long... shape) {
        return gen('p', "float64", shape, 'c');
    }

    static Stream<Case> cases() {
        return Stream.of(
                g("sum all", v -> T.sum(v[0]), f(3, 4)),
                g("sum axis 1", v -> T.sum(v[0], 1), f(3, 4)),
                g("sum row axis 0", v -> T.sum(v[0], 0), f(1, 4)),
                g("mean axes (0,2)", v -> T.mean(v[0], 0, 2), f(2, 3, 4)),
                g("prod axis 0", v -> T.prod(v[0], 0), p(3, 4)),
                g("max axis 1", v -> T.max(v[0], 1), p(3, 4)),
                g("min all", v -> T.min(v[0]), p(7)),
                g("dot v.v", v -> T.dot(v[0], v[1]), f(3), p(3)),
                g("dot M.v", v -> T.dot(v[0], v[1]), f(2, 3), p(3)),
                g("dot v.M", v -> T.dot(v[0], v[1]), f(3), p(3, 4)),
                g("dot M.M", v -> T.dot(v[0], v[1]), f(2, 3), p(3, 4)),
                g("dot row.M", v -> T.dot(v[0], v[1]), f(1, 3), p(3, 4)),
                g("dot 3d.M (the Dot op itself)", v -> Apply.single(new Dot(), v[0], v[1]), f(2, 3, 4), p(4, 5)),
                g("reshape", v -> T.reshape(v[0], 3, -1), f(2, 3, 2)),
                g("flatten", v -> T.flatten(v[0]), f(2, 3)),
                g("concatenate axis 0", v -> T.concatenate(List.of(v[0], v[1], v[2]), 0), f(2, 3), f(1, 3), p(3, 3)),
                g("concatenate axis 1", v -> T.concatenate(List.of(v[0], v[1]), 1), f(2, 3), p(2, 2)),
                g("subtensor slices", v -> v[0].get(Slice.of(1, 3), Slice.of(null, null, -2)), f(4, 5)),
                g("subtensor variable index", v -> v[0].get(Slice.all(), v[1]), f(3, 4), lit("int32", new long[0], new double[] {-2})),
                g("incSubtensor", v -> Indexing.incSubtensor(v[0], v[1], Slice.of(null, null, 2)), f(3, 4), p(1, 4)),
                g("setSubtensor", v -> Indexing.setSubtensor(v[0], v[1], 1), f(3, 4), p(4)),
                g("take", v -> Indexing.take(v[0], v[1], 0), f(3, 2), lit("int64", new long[] {4}, new double[] {2, 0, 2, -1})),
                g("take axis 1", v -> Indexing.take(v[0], v[1], 1), f(2, 3), lit("int32", new long[] {2}, new double[] {1, 1})),
                g("advancedIncSubtensor1", v -> Indexing.advancedIncSubtensor1(v[0], v[1], v[2], 0), f(3, 2), p(4, 2),
                        lit("int64", new long[] {4}, new double[] {2, 0, 2, -1})),
                g("advancedSetSubtensor1", v -> Indexing.advancedSetSubtensor1(v[0], v[1], v[2], 0), f(3, 2), p(2),
                        lit("int64", new long[] {2}, new double[] {2, 0})),
                g("advancedSubtensor x[i, j]", v -> v[0].get(v[1], v[2]), f(3, 4),
                        lit("int64", new long[] {4}, new double[] {2, 0, 2, -1}), lit("int32", new long[] {4}, new double[] {1, 3, 1, 0})),
                g("advancedIncSubtensor", v -> Apply.of(new AdvancedIncSubtensor(), List.of(v[0], v[1], v[2])).output(0), f(3, 2),
                        p(1, 2), lit("int64", new long[] {3}, new double[] {2, 0, 2})),
                g("reshape to run-time lengths", v -> T.reshape(v[0], List.of(v[1].shape(1), -1)), f(2, 3, 2), p(1, 4)),
                g("alloc of run-time lengths", v -> T.alloc(v[0], v[1].shape(0), 3), f(1, 3), p(2)),
                g("broadcastLike", v -> ShapeOps.broadcastLike(v[0], v[1]), f(1, 3), gen('v', "int32", new long[] {2, 3}, 'c')),
                g("softmax matrix", v -> T.softmax(v[0]), f(3, 4)),
                g("softmax vector", v -> T.softmax(v[0]), f(5)),
                g("logSoftmax", v -> T.logSoftmax(v[0]), f(3, 4)),
                g("SoftmaxGrad", v -> Apply.single(new SoftmaxGrad(), v[0], v[1]), f(2, 3), p(2, 3)),
                g("categoricalCrossentropy", v -> T.categoricalCrossentropy(v[0], v[1]), p(3, 4),
                        lit("int32", new long[] {3}, new double[] {1, 3, 0})),
                g("CrossentropyCategorical1HotGrad", v -> Apply.single(new CrossentropyCategorical1HotGrad(), v[0], v[1], v[2]),
                        f(3), p(3, 4), lit("int32", new long[] {3}, new double[] {1, 3, 0})));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleMatchesFiniteDifferences(Case c) {
        Variable[] vars = new Variable[c.inputs().size()];
        Map<Variable, NDArray> values = new HashMap<>();
        for (int k = 0; k < vars.length; k++) {
            vars[k] = c.inputs().get(k).variable(k);
            values.put(vars[k], c.inputs().get(k).array().copy());
        }
        Variable out = c.build().apply(vars);
        Apply node = out.owner();
        NDArray w = weights(GraphEval.eval(out, values).shape());
        Variable gz = T.tensor(out.dtype(), out.broadcastable(), "gz");
        values.put(gz, w);
        List<Variable> grads = node.op().grad(node, List.of(gz));
        assertEquals(node.inputs().size(), grads.size(), "one gradient per input");
        int checked = 0;
        for (int i = 0; i < grads.size(); i++) {
            Variable x = node.input(i);
            if (!x.dtype().isFloat()) {
                assertNull(grads.get(i), "integer input " + i + " gets no gradient");
                continue;
            }
            int k = List.of(vars).indexOf(x);
            if (k < 0) {
                continue;
            }
            assertNotNull(grads.get(i), "gradient of input " + i);
            assertEquals(x.dtype(), grads.get(i).dtype(), "gradient dtype");
            assertEquals(x.ndim(), grads.get(i).ndim(), "gradient ndim");
            NDArray symbolic = GraphEval.eval(grads.get(i), values);
            NDArray xv = values.get(x);
            assertArrayEquals(xv.shape(), symbolic.shape(), "gradient shape");
            for (long e = 0; e < xv.size(); e++) {
                double numeric = numericGrad(out, values, xv, w, e);
                double got = symbolic.getFlat(e);
                long at = e;
                assertTrue(Math.abs(numeric - got) <= 1e-6 * (1 + Math.abs(numeric)),
                        () -> "input " + k + " element " + at + ": finite differences " + numeric + ", rule " + got);
            }
            checked++;
        }
        assertTrue(checked > 0, "no input checked");
    }

    private static NDArray weights(long[] shape) {
        NDArray w = NDArray.empty(org.theano4j.tensor.DType.FLOAT64, shape);
        for (long i = 0; i < w.size(); i++) {
            w.setFlat(i, 0.5 + ((i * 5) % 7) * 0.25);
        }
        return w;
    }

    private static double numericGrad(Variable out, Map<Variable, NDArray> values, NDArray x, NDArray w, long e) {
        double h = 1e-6;
        double orig = x.getFlat(e);
        x.setFlat(e, orig + h);
        double plus = cost(out, values, w);
        x.setFlat(e, orig - h);
        double minus = cost(out, values, w);
        x.setFlat(e, orig);
        return (plus - minus) / (2 * h);
    }

    private static double cost(Variable out, Map<Variable, NDArray> values, NDArray w) {
        double[] o = GraphEval.eval(out, values).toDoubleArray();
        double[] wv = w.toDoubleArray();
        double s = 0;
        for (int i = 0; i < o.length; i++) {
            s += o[i] * wv[i];
        }
        return s;
    }
}
