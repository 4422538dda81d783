package org.theano4j.grad;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.Slice;
import org.theano4j.T;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.Type;
import org.theano4j.op.ElemwiseBuilder;
import org.theano4j.op.Indexing;
import org.theano4j.op.ScalarOp;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Every differentiable op against central finite differences ({@link GradCheck}), at several
 * shapes and broadcast patterns. Points avoid kinks (integers and half-integers for
 * floor/round, zero for abs/sign, ties for max/min, integer ratios for mod).
 */
class GradTableTest {
    /** One check: a graph builder and the point where its gradient is verified. */
    record Case(String name, GradCheck.GraphBuilder fn, List<Object> point, GradCheck.Options options) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Random RNG = new Random(20240611);

    /** Logic, comparison and integer-only scalar ops: no gradient to check. */
    private static final Set<ScalarOp> NOT_DIFFERENTIABLE = EnumSet.of(ScalarOp.GT, ScalarOp.GE, ScalarOp.LT, ScalarOp.LE,
            ScalarOp.EQ, ScalarOp.NEQ, ScalarOp.AND, ScalarOp.OR, ScalarOp.XOR, ScalarOp.NOT, ScalarOp.SWITCH, ScalarOp.CLIP);

    private static final Set<ScalarOp> POSITIVE = EnumSet.of(ScalarOp.LOG, ScalarOp.LOG2, ScalarOp.LOG10, ScalarOp.LOG1P,
            ScalarOp.SQRT, ScalarOp.INV);

    static NDArray uniform(double lo, double hi, long... shape) {
        NDArray a = NDArray.zeros(DType.FLOAT64, shape);
        for (long i = 0; i < a.size(); i++) {
            a.setFlat(i, lo + (hi - lo) * RNG.nextDouble());
        }
        return a;
    }

    /** Values n + [0.1, 0.4) for n in {-2..1}: no integer, half-integer or zero. */
    static NDArray away(long... shape) {
        NDArray a = NDArray.zeros(DType.FLOAT64, shape);
        for (long i = 0; i < a.size(); i++) {
            a.setFlat(i, RNG.nextInt(4) - 2 + 0.1 + 0.3 * RNG.nextDouble());
        }
        return a;
    }

    /** Values of magnitude [lo, hi) with random signs. */
    static NDArray signed(double lo, double hi, long... shape) {
        NDArray a = uniform(lo, hi, shape);
        for (long i = 0; i < a.size(); i++) {
            a.setFlat(i, RNG.nextBoolean() ? a.getFlat(i) : -a.getFlat(i));
        }
        return a;
    }

    static long[] s(long... shape) {
        return shape;
    }

    static Case c(String name, GradCheck.GraphBuilder fn, Object... point) {
        return new Case(name, fn, Arrays.asList(point), GradCheck.Options.defaults());
    }

    static Stream<Case> unaryScalarOps() {
        List<Case> cases = new ArrayList<>();
        for (ScalarOp op : ScalarOp.values()) {
            if (op.arity() != 1 || NOT_DIFFERENTIABLE.contains(op) || !op.acceptsFloat()) {
                continue;
            }
            for (long[] shape : List.of(s(), s(5), s(2, 3))) {
                NDArray x = POSITIVE.contains(op) ? uniform(0.5, 2, shape) : op == ScalarOp.TAN ? uniform(-1, 1, shape) : away(shape);
                cases.add(c(op + Arrays.toString(shape), in -> ElemwiseBuilder.apply(op, in.get(0)), x));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unaryScalarOps")
    void unaryScalarOpGradients(Case c) {
        GradCheck.verifyGrad(c.fn(), c.point(), c.options());
    }

    /** Broadcast patterns of two operands: same shape, row, column, scalar, both, lower rank. */
    static final List<long[][]> PATTERNS = List.of(new long[][] {s(3, 4), s(3, 4)}, new long[][] {s(3, 4), s(1, 4)},
            new long[][] {s(3, 4), s(3, 1)}, new long[][] {s(3, 4), s()}, new long[][] {s(1, 4), s(3, 1)},
            new long[][] {s(2, 3, 4), s(4)}, new long[][] {s(), s(2, 2)});

    static NDArray binaryValue(ScalarOp op, int arg, long[] shape) {
        return switch (op) {
            case TRUE_DIV -> arg == 0 ? signed(0.2, 2, shape) : signed(0.5, 2, shape);
            case MOD, INT_DIV -> arg == 0 ? signed(0.2, 1.8, shape) : uniform(2, 2.5, shape);
            case POW -> arg == 0 ? uniform(0.5, 2, shape) : uniform(-1.5, 1.5, shape);
            default -> uniform(-2, 2, shape);
        };
    }

    static Stream<Case> binaryScalarOps() {
        List<Case> cases = new ArrayList<>();
        for (ScalarOp op : ScalarOp.values()) {
            if (op.arity() != 2 || NOT_DIFFERENTIABLE.contains(op)) {
                continue;
            }
            for (long[][] p : PATTERNS) {
                cases.add(c(op + Arrays.toString(p[0]) + Arrays.toString(p[1]), in -> ElemwiseBuilder.apply(op, in.get(0), in.get(1)),
                        binaryValue(op, 0, p[0]), binaryValue(op, 1, p[1])));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaryScalarOps")
    void binaryScalarOpGradientsSumBroadcastBack(Case c) {
        GradCheck.verifyGrad(c.fn(), c.point(), c.options());
    }

    static Stream<Case> elementwiseExtras() {
        NDArray mask = NDArray.of(new boolean[] {true, false, false, true});
        return Stream.of(
                c("switch(x > 0, 2x, y) row", in -> T.switchOp(T.gt(in.get(0), 0), T.mul(in.get(0), 2), in.get(1)),
                        signed(0.2, 1, 3, 4), uniform(-1, 1, 1, 4)),
                c("switch(bool mask, x, y) scalar y", in -> T.switchOp(in.get(2), in.get(0), in.get(1)),
                        uniform(-1, 1, 3, 4), uniform(-1, 1), mask),
                c("clip(x, -0.5, 0.5)", in -> T.clip(in.get(0), -0.5, 0.5), away(3, 4).astype(DType.FLOAT64)),
                c("clip(x, lo, hi) scalar bounds", in -> T.clip(in.get(0), in.get(1), in.get(2)),
                        NDArray.of(new double[] {-1.3, -0.2, 0.1, 0.45, 1.2}), NDArray.of(-0.4), NDArray.of(0.3)),
                c("maximum(x, 0) relu", in -> T.relu(in.get(0)), signed(0.1, 2, 2, 5)),
                c("minimum(x, y) col", in -> T.minimum(in.get(0), in.get(1)), uniform(-1, 1, 3, 4), uniform(-1, 1, 3, 1)),
                c("abs(x)", in -> T.abs(in.get(0)), signed(0.1, 2, 7)),
                c("pow(x, 3) negative base", in -> T.pow(in.get(0), 3), uniform(-2, 2, 2, 3)),
                c("pow(x, y) col exponent", in -> T.pow(in.get(0), in.get(1)), uniform(0.5, 2, 2, 3), uniform(-2, 2, 2, 1)),
                c("sigmoid float32", in -> T.sigmoid(in.get(0)), uniform(-3, 3, 2, 3).astype(DType.FLOAT32)),
                c("tanh(x) * y float32 row", in -> T.mul(T.tanh(in.get(0)), in.get(1)),
                        uniform(-1, 1, 3, 4).astype(DType.FLOAT32), uniform(-1, 1, 1, 4).astype(DType.FLOAT32)),
                c("x + int vector (int held fixed)", in -> T.mul(in.get(0), in.get(1)), uniform(-1, 1, 4), NDArray.of(new long[] {1, -2, 3, 0})),
                // the graph itself rounds to float32, so the step and tolerance must be float32's
                new Case("cast float64 -> float32", in -> T.mul(T.cast(in.get(0), DType.FLOAT32), 3), List.of(uniform(-1, 1, 2, 3)),
                        GradCheck.Options.defaults().withEps(1e-2).withTolerance(1e-3, 1e-3)),
                c("cast float32 -> float64", in -> T.exp(T.cast(in.get(0), DType.FLOAT64)), uniform(-1, 1, 2, 3).astype(DType.FLOAT32)),
                c("logistic regression cost", in -> T.mean(T.binaryCrossentropy(T.sigmoid(T.dot(in.get(0), in.get(1))), in.get(2))),
                        uniform(-1, 1, 4, 3), uniform(-1, 1, 3), NDArray.of(new double[] {1, 0, 0, 1})));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwiseExtras")
    void elementwiseExtraGradients(Case c) {
        GradCheck.verifyGrad(c.fn(), c.point(), c.options());
    }

    static Stream<Case> shapeOps() {
        NDArray idx = NDArray.of(new long[] {0, 2, 0});
        return Stream.of(
                c("dimshuffle(1, x, 0)", in -> T.dimshuffle(in.get(0), 1, "x", 0), uniform(-1, 1, 2, 3)),
                c("dimshuffle drops broadcastable axis", in -> T.dimshuffle(in.get(0), 0), uniform(-1, 1, 3, 1)),
                c("dimshuffle(x, 0) * matrix", in -> T.mul(T.dimshuffle(in.get(0), "x", 0), in.get(1)), uniform(-1, 1, 3), uniform(-1, 1, 2, 3)),
                c("reshape(3, 2)", in -> T.mul(T.reshape(in.get(0), 3, 2), in.get(0).reshape(3, 2)), uniform(-1, 1, 2, 3)),
                c("reshape(2, -1)", in -> T.reshape(in.get(0), 2, -1), uniform(-1, 1, 6)),
                c("flatten 3d", in -> T.flatten(in.get(0)), uniform(-1, 1, 2, 3, 2)),
                c("transpose", in -> T.transpose(in.get(0)), uniform(-1, 1, 2, 3)),
                c("transpose(2, 0, 1)", in -> T.transpose(in.get(0), 2, 0, 1), uniform(-1, 1, 2, 3, 4)),
                c("concatenate axis 0", in -> T.concatenate(List.of(in.get(0), in.get(1)), 0), uniform(-1, 1, 2, 3), uniform(-1, 1, 1, 3)),
                c("concatenate axis 1", in -> T.concatenate(List.of(in.get(0), in.get(1), in.get(0)), 1), uniform(-1, 1, 2, 3), uniform(-1, 1, 2, 2)),
                c("stack axis 0", in -> T.stack(List.of(in.get(0), in.get(1)), 0), uniform(-1, 1, 3), uniform(-1, 1, 3)),
                c("stack axis 1", in -> T.stack(List.of(in.get(0), in.get(1)), 1), uniform(-1, 1, 2, 3), uniform(-1, 1, 2, 3)),
                c("x[1]", in -> in.get(0).get(1), uniform(-1, 1, 4, 5)),
                c("x[1:3]", in -> in.get(0).get(Slice.of(1, 3)), uniform(-1, 1, 4, 5)),
                c("x[::-1]", in -> in.get(0).get(Slice.of(null, null, -1)), uniform(-1, 1, 4, 5)),
                c("x[3:0:-2, 2]", in -> in.get(0).get(Slice.of(3, 0, -2), 2), uniform(-1, 1, 4, 5)),
                c("x[-1, 1:]", in -> in.get(0).get(-1, Slice.of(1, null)), uniform(-1, 1, 4, 5)),
                c("x[i] with int input i", in -> in.get(0).get(in.get(1)), uniform(-1, 1, 4, 5), NDArray.of(2L)),
                c("x[:, ::-2] * 2", in -> in.get(0).get(Slice.all(), Slice.of(null, null, -2)).mul(2), uniform(-1, 1, 3, 5)),
                c("take rows [0, 2, 0]", in -> Indexing.take(in.get(0), in.get(1), 0), uniform(-1, 1, 3, 4), idx),
                c("take columns [0, 2, 0]", in -> Indexing.take(in.get(0), in.get(1), 1), uniform(-1, 1, 2, 3), idx),
                c("take from vector", in -> Indexing.take(in.get(0), in.get(1), 0), uniform(-1, 1, 5), idx));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapeOps")
    void shapeAndIndexingGradients(Case c) {
        GradCheck.verifyGrad(c.fn(), c.point(), c.options());
    }

    static Stream<Case> linearAlgebra() {
        return Stream.of(
                c("dot vector vector", in -> T.dot(in.get(0), in.get(1)), uniform(-1, 1, 3), uniform(-1, 1, 3)),
                c("dot matrix vector", in -> T.dot(in.get(0), in.get(1)), uniform(-1, 1, 2, 3), uniform(-1, 1, 3)),
                c("dot vector matrix", in -> T.dot(in.get(0), in.get(1)), uniform(-1, 1, 3), uniform(-1, 1, 3, 2)),
                c("dot matrix matrix", in -> T.dot(in.get(0), in.get(1)), uniform(-1, 1, 2, 3), uniform(-1, 1, 3, 4)),
                c("dot matrix matrix float32", in -> T.dot(in.get(0), in.get(1)),
                        uniform(-1, 1, 2, 3).astype(DType.FLOAT32), uniform(-1, 1, 3, 4).astype(DType.FLOAT32)),
                c("dot x x^T", in -> T.dot(in.get(0), in.get(0).T()), uniform(-1, 1, 3, 2)),
                c("outer", in -> T.outer(in.get(0), in.get(1)), uniform(-1, 1, 3), uniform(-1, 1, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("linearAlgebra")
    void linearAlgebraGradients(Case c) {
        GradCheck.verifyGrad(c.fn(), c.point(), c.options());
    }

    interface Reduction {
        Variable apply(Variable x, int[] axes);
    }

    static Stream<Case> reductions() {
        List<Case> cases = new ArrayList<>();
        List<Object[]> ops = List.of(new Object[] {"sum", (Reduction) (x, a) -> a == null ? T.sum(x) : T.sum(x, a)},
                new Object[] {"mean", (Reduction) (x, a) -> a == null ? T.mean(x) : T.mean(x, a)},
                new Object[] {"prod", (Reduction) (x, a) -> a == null ? T.prod(x) : T.prod(x, a)},
                new Object[] {"max", (Reduction) (x, a) -> a == null ? T.max(x) : T.max(x, a)},
                new Object[] {"min", (Reduction) (x, a) -> a == null ? T.min(x) : T.min(x, a)},
                new Object[] {"std", (Reduction) (x, a) -> a == null ? T.std(x) : T.std(x, a)},
                new Object[] {"var", (Reduction) (x, a) -> a == null ? T.var(x) : T.var(x, a)});
        List<Object[]> shapes = List.of(new Object[] {s(3, 4), null}, new Object[] {s(3, 4), new int[] {0}},
                new Object[] {s(3, 4), new int[] {1}}, new Object[] {s(3, 4), new int[] {0, 1}},
                new Object[] {s(2, 3, 4), new int[] {0, 2}}, new Object[] {s(2, 3, 4), new int[] {-1}}, new Object[] {s(5), new int[] {0}});
        for (Object[] op : ops) {
            for (Object[] sh : shapes) {
                Reduction r = (Reduction) op[1];
                int[] axes = (int[]) sh[1];
                NDArray x = op[0].equals("prod") ? signed(0.5, 1.5, (long[]) sh[0]) : uniform(-2, 2, (long[]) sh[0]);
                cases.add(c(op[0] + Arrays.toString((long[]) sh[0]) + " axes " + Arrays.toString(axes), in -> r.apply(in.get(0), axes), x));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reductions")
    void reductionGradients(Case c) {
        GradCheck.verifyGrad(c.fn(), c.point(), c.options());
    }

    /** Products are multilinear, so finite differences hold at zeros too: one zero in a group, several, none. */
    static Stream<Case> prodWithZeros() {
        NDArray m = NDArray.of(new double[][] {{1, 0, 2, 3}, {0, 0, 1.5, 2}, {4, -0.5, 0.75, 0.5}});
        NDArray t = NDArray.of(new double[][][] {{{1, 2}, {0, 3}, {4, 0.5}}, {{0, 0}, {-1.5, 0.7}, {0.8, 0}}});
        return Stream.of(
                c("prod vector, one zero", in -> T.prod(in.get(0)), NDArray.of(new double[] {3, 0, -2, 0.5})),
                c("prod vector, two zeros", in -> T.prod(in.get(0)), NDArray.of(new double[] {3, 0, 2, 0})),
                c("prod matrix, all axes", in -> T.prod(in.get(0)), NDArray.of(new double[][] {{1, 0.5}, {0, -2}})),
                c("prod matrix axis 0", in -> T.prod(in.get(0), 0), m),
                c("prod matrix axis 1", in -> T.prod(in.get(0), 1), m),
                c("prod 3d axes 0, 2", in -> T.prod(in.get(0), 0, 2), t),
                c("prod 3d axis 1 times x", in -> T.mul(T.prod(in.get(0), 1), in.get(0).get(Slice.all(), 0)), t));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prodWithZeros")
    void prodGradientsAtZeros(Case c) {
        GradCheck.verifyGrad(c.fn(), c.point(), c.options());
    }

    static Stream<Case> nnet() {
        NDArray targets = NDArray.of(new long[] {1, 0, 3});
        return Stream.of(
                c("softmax matrix", in -> T.softmax(in.get(0)), uniform(-2, 2, 3, 4)),
                c("softmax vector", in -> T.softmax(in.get(0)), uniform(-2, 2, 4)),
                c("softmax of x + row bias", in -> T.softmax(T.add(in.get(0), in.get(1))), uniform(-2, 2, 3, 4), uniform(-1, 1, 1, 4)),
                c("logSoftmax matrix", in -> T.logSoftmax(in.get(0)), uniform(-2, 2, 3, 4)),
                c("logSoftmax vector", in -> T.logSoftmax(in.get(0)), uniform(-2, 2, 5)),
                c("binaryCrossentropy", in -> T.binaryCrossentropy(in.get(0), in.get(1)), uniform(0.1, 0.9, 2, 3), uniform(0, 1, 2, 3)),
                c("binaryCrossentropy of sigmoid", in -> T.binaryCrossentropy(T.sigmoid(in.get(0)), in.get(1)),
                        uniform(-2, 2, 4), NDArray.of(new double[] {0, 1, 1, 0})),
                c("categoricalCrossentropy indices", in -> T.categoricalCrossentropy(in.get(0), in.get(1)), uniform(0.1, 0.9, 3, 4), targets),
                c("categoricalCrossentropy of softmax", in -> T.categoricalCrossentropy(T.softmax(in.get(0)), in.get(1)),
                        uniform(-2, 2, 3, 4), targets),
                c("categoricalCrossentropy one-hot", in -> T.categoricalCrossentropy(T.softmax(in.get(0)), in.get(1)),
                        uniform(-2, 2, 2, 3), NDArray.of(new double[][] {{0, 1, 0}, {1, 0, 0}})));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nnet")
    void nnetGradients(Case c) {
        GradCheck.verifyGrad(c.fn(), c.point(), c.options());
    }

    /** x**2 with a wrong gradient rule (gz * x instead of 2 * gz * x). */
    record WrongSquare() implements Op {
        @Override
        public List<Type> outputTypes(List<Variable> inputs) {
            return List.of(inputs.get(0).type());
        }

        @Override
        public Object[] evaluate(Object[] inputs) {
            NDArray x = ((NDArray) inputs[0]).copy();
            for (long i = 0; i < x.size(); i++) {
                x.setFlat(i, x.getFlat(i) * x.getFlat(i));
            }
            return new Object[] {x};
        }

        @Override
        public List<Variable> grad(Apply node, List<Variable> outputGrads) {
            return List.of(T.mul(outputGrads.get(0), node.input(0)));
        }
    }

    @Test
    void aWrongGradientRuleIsReported() {
        GradCheck.GradientError e = assertThrows(GradCheck.GradientError.class,
                () -> GradCheck.verifyGrad(in -> Apply.single(new WrongSquare(), in.get(0)), List.of(uniform(0.5, 1, 3))));
        assertTrue(e.getMessage().contains("gradient of input 0"), e.getMessage());
    }

    @Test
    void aPointWithoutFloatsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> GradCheck.verifyGrad(in -> in.get(0), List.of(NDArray.of(new long[] {1}))));
    }
}
