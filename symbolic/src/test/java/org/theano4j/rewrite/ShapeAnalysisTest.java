package org.theano4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.T;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.op.SumToShape;
import org.theano4j.tensor.DType;
import org.junit.jupiter.api.Test;

/**
 * The static shape analysis: equal dims only where the lengths are provably equal in every run
 * that succeeds, including runs where numpy broadcasts a non-broadcastable axis of length 1.
 */
class ShapeAnalysisTest {
    /** Two variables of one graph and whether they provably have the same shape. */
    record Case(String name, Supplier<Variable[]> pair, boolean same) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("an input and itself", () -> pair(T.dmatrix("x"), null), true),
                new Case("two matrix inputs", () -> new Variable[] {T.dmatrix("x"), T.dmatrix("y")}, false),
                new Case("x + y and x * y: the broadcast of the same lengths", () -> {
                    Variable x = T.dvector("x"), y = T.dvector("y");
                    return new Variable[] {T.add(x, y), T.mul(x, y)};
                }, true),
                new Case("(x + y) - x and y * x: broadcasting is idempotent", () -> {
                    Variable x = T.dvector("x"), y = T.dvector("y");
                    return new Variable[] {T.sub(T.add(x, y), x), T.mul(y, x)};
                }, true),
                new Case("x + y and x: x may have length 1 at run time", () -> {
                    Variable x = T.dvector("x");
                    return new Variable[] {T.add(x, T.dvector("y")), x};
                }, false),
                new Case("x + y and x + z", () -> {
                    Variable x = T.dvector("x");
                    return new Variable[] {T.add(x, T.dvector("y")), T.add(x, T.dvector("z"))};
                }, false),
                new Case("x + scalar and x: the scalar's axis is 1", () -> {
                    Variable x = T.dmatrix("x");
                    return new Variable[] {T.exp(T.add(x, T.dscalar("s"))), x};
                }, true),
                new Case("x + row and x: the row's free axis may be the longer one", () -> {
                    Variable x = T.dmatrix("x");
                    return new Variable[] {T.add(x, row("r")), x};
                }, false),
                new Case("dot(x, w) and x's rows", () -> {
                    Variable x = T.dmatrix("x");
                    return new Variable[] {T.dot(x, T.dvector("w")), T.sum(x, 1)};
                }, true),
                new Case("dot(x.T, g) and w after dot(x, w): contracted axes agree", () -> {
                    Variable x = T.dmatrix("x"), w = T.dvector("w");
                    Variable z = T.dot(x, w);
                    return new Variable[] {T.add(T.dot(T.transpose(x), z), T.mul(0, T.sum(z))), w};
                }, true),
                new Case("sumToShape(g, x) and x", () -> {
                    Variable x = T.dvector("x");
                    return new Variable[] {Apply.single(new SumToShape(), T.add(x, T.dvector("y")), x), x};
                }, true),
                new Case("onesLike(x + y) and x + y: an alloc has its template's shape", () -> {
                    Variable s = T.add(T.dvector("x"), T.dvector("y"));
                    return new Variable[] {T.onesLike(s), s};
                }, true),
                new Case("reshape(x, 2, 3) and x", () -> {
                    Variable x = T.dmatrix("x");
                    return new Variable[] {T.reshape(x, 2, 3), x};
                }, false),
                new Case("constant of 3 + v and another constant of 3", () -> new Variable[] {
                    T.add(T.constant(new double[] {1, 2, 3}), T.dvector("v")), T.constant(new double[] {4, 5, 6})}, true),
                new Case("specifyShape(x, 3) + y and specifyShape(z, 3): checked lengths", () -> new Variable[] {
                    T.add(T.specifyShape(T.dvector("x"), 3), T.dvector("y")), T.specifyShape(T.dvector("z"), 3)}, true),
                new Case("constants of 3 and of 4", () -> new Variable[] {
                    T.constant(new double[] {1, 2, 3}), T.constant(new double[] {1, 2, 3, 4})}, false));
    }

    private static Variable[] pair(Variable a, Variable b) {
        return new Variable[] {a, b == null ? a : b};
    }

    private static Variable row(String name) {
        return T.tensor(DType.FLOAT64, new boolean[] {true, false}, name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void provablyEqualShapes(Case c) {
        Variable[] p = c.pair().get();
        ShapeAnalysis a = ShapeAnalysis.of(List.of(p[0], p[1]));
        assertEquals(c.same(), a.sameShape(p[0], p[1]), a.dims(p[0]) + " vs " + a.dims(p[1]));
    }

    @Test
    void broadcastableAxesAndConstantsHaveKnownLengths() {
        Variable r = row("r");
        Variable c = T.constant(new double[][] {{1, 2, 3}, {4, 5, 6}});
        ShapeAnalysis a = ShapeAnalysis.of(List.of(r, c));
        assertEquals(new ShapeAnalysis.Dim.Known(1), a.dims(r).get(0));
        assertTrue(a.dims(r).get(1) instanceof ShapeAnalysis.Dim.Sym);
        assertEquals(List.of(new ShapeAnalysis.Dim.Known(2), new ShapeAnalysis.Dim.Known(3)), a.dims(c));
    }

    @Test
    void reductionsDropAxesAndDimshuffleInsertsOnes() {
        Variable x = T.dmatrix("x");
        Variable s = T.sum(x, 0);
        Variable d = T.dimshuffle(x, 1, "x", 0);
        ShapeAnalysis a = ShapeAnalysis.of(List.of(s, d));
        assertTrue(a.sameLength(s, 0, x, 1));
        assertEquals(List.of(a.dims(x).get(1), new ShapeAnalysis.Dim.Known(1), a.dims(x).get(0)), a.dims(d));
    }
}
