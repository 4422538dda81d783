package org.theano4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.op.Dot;
import org.theano4j.op.Join;
import org.theano4j.op.LogSoftmax;
import org.theano4j.op.Reduce;
import org.theano4j.op.Softmax;
import org.theano4j.tensor.NDArray;

/**
 * Shapes computed from the ops' shape rules ({@code Op.inferShape}) without running the ops
 * (Theano's {@code InferShapeTester}): a function of {@code out.shape} has no node of the op, and
 * gives the shape that computing {@code out} gives, on inputs of several shapes.
 */
class ShapeInferenceTest {
    /** An expression of two matrices, the op its shape must not run, and input shapes to try. */
    record Case(String name, Function<Variable[], Variable> expr, Class<? extends Op> absent, long[][][] shapes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        long[][][] sameCols = {{{2, 3}, {4, 3}}, {{0, 5}, {7, 5}}, {{1, 1}, {1, 1}}};
        long[][][] chain = {{{2, 3}, {3, 4}}, {{5, 1}, {1, 7}}, {{1, 0}, {0, 2}}};
        return Stream.of(
                new Case("join(0, x, y)", v -> T.join(0, v[0], v[1]), Join.class, sameCols),
                new Case("concatenate([x, y, x], 0)", v -> T.concatenate(List.of(v[0], v[1], v[0]), 0), Join.class, sameCols),
                new Case("join(1, x.T, y.T)", v -> T.join(1, T.transpose(v[0]), T.transpose(v[1])), Join.class, sameCols),
                new Case("stack([x, x], 1)", v -> T.stack(List.of(v[0], v[0]), 1), Join.class, sameCols),
                new Case("join(0, x, constant)", v -> T.join(0, v[0], T.constant(new double[][] {{1, 2, 3}})), Join.class,
                        new long[][][] {{{2, 3}, {1, 1}}, {{0, 3}, {1, 1}}}),
                new Case("dot(x, y)", v -> T.dot(v[0], v[1]), Dot.class, chain),
                new Case("exp(dot(x, y)) + 1", v -> T.add(T.exp(T.dot(v[0], v[1])), 1), Dot.class, chain),
                new Case("softmax(join(0, x, y))", v -> T.softmax(T.join(0, v[0], v[1])), Softmax.class, sameCols),
                new Case("logSoftmax(x)", v -> T.logSoftmax(v[0]), LogSoftmax.class, sameCols),
                new Case("sum(join(0, x, y), 1)", v -> T.sum(T.join(0, v[0], v[1]), 1), Join.class, sameCols),
                new Case("sum(dot(x, y), 0)", v -> T.sum(T.dot(v[0], v[1]), 0), Reduce.class, chain));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theShapeIsComputedWithoutTheOp(Case c) {
        Variable x = T.dmatrix("x");
        Variable y = T.dmatrix("y");
        Variable out = c.expr().apply(new Variable[] {x, y});
        org.theano4j.Function shapeOnly = Theano.function(List.of(x, y), T.shape(out));
        org.theano4j.Function full = Theano.function(List.of(x, y), out);
        for (Apply node : shapeOnly.planNodes()) {
            assertTrue(!c.absent().isInstance(node.op()), c + ": the shape function runs " + node.op() + "\n" + shapeOnly.debugprint());
        }
        for (long[][] s : c.shapes()) {
            NDArray a = filled(s[0]);
            NDArray b = filled(s[1]);
            long[] want = full.call(a, b).shape();
            assertArrayEquals(want, toLongs(shapeOnly.call(a, b)), c + " on " + java.util.Arrays.toString(s[0]) + ", " + java.util.Arrays.toString(s[1]));
        }
    }

    @Test
    void joinShapeHasNoJoinNode() {
        Variable x = T.dmatrix("x");
        Variable y = T.dmatrix("y");
        org.theano4j.Function f = Theano.function(List.of(x, y), T.shape(T.join(0, x, y)));
        assertTrue(f.planNodes().stream().noneMatch(n -> n.op() instanceof Join), f.debugprint());
        assertTrue(!f.debugprint().contains("Join"), f.debugprint());
        assertArrayEquals(new long[] {9, 4}, toLongs(f.call(filled(new long[] {3, 4}), filled(new long[] {6, 4}))));
    }

    @Test
    void anElementwiseShapeThatMayFailStillRuns() {
        Variable x = T.dvector("x");
        Variable y = T.dvector("y");
        org.theano4j.Function f = Theano.function(List.of(x, y), T.shape(T.add(x, y)));
        assertEquals(List.of(5L), List.of(toLongs(f.call(filled(new long[] {5}), filled(new long[] {5})))[0]));
        assertThrows(IllegalArgumentException.class, () -> f.call(filled(new long[] {3}), filled(new long[] {4})));
        // y's axis is not broadcastable, so a length-1 y is a mismatch too (Theano's run-time rule, BroadcastCheck)
        assertThrows(IllegalArgumentException.class, () -> f.call(filled(new long[] {5}), filled(new long[] {1})));
    }

    private static NDArray filled(long[] shape) {
        int n = 1;
        for (long d : shape) {
            n *= (int) d;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 0.25 * i - 1;
        }
        return NDArray.of(v).reshape(shape);
    }

    private static long[] toLongs(NDArray a) {
        long[] out = new long[(int) a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.getFlatLong(i);
        }
        return out;
    }
}
