package org.theano4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.T;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Constant;
import org.theano4j.graph.Graphs;
import org.theano4j.op.Elemwise;
import org.theano4j.op.ScalarCast;
import org.theano4j.op.SumToShape;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Each rule fires on its pattern (the op it introduces appears, the op it removes is gone),
 * canonicalize/specialize never grow the graph, and FAST_RUN agrees with FAST_COMPILE on
 * random inputs.
 */
class RuleTableTest {
    private static final Variable V = T.dvector("v");
    private static final Variable U = T.dvector("u");
    private static final Variable A = T.dmatrix("A");
    private static final Variable B = T.dmatrix("B");
    private static final Variable C = T.dmatrix("C");
    private static final Variable D = T.dmatrix("D");
    private static final Variable IV = T.ivector("iv");
    private static final Variable TGT = T.lvector("t");

    /** A rule case: the expression, an op name that must appear, op names (in order) that must not. */
    record Case(String name, Supplier<Variable> expr, String present, String absent, boolean mayGrow) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("x - (-y) -> x + y", () -> T.sub(V, T.neg(U)), "Elemwise{add}", "Elemwise{neg}", false),
                new Case("x + (-y) -> x - y", () -> T.add(V, T.neg(U)), "Elemwise{sub}", "Elemwise{neg}", false),
                new Case("neg(neg(x)) -> x", () -> T.exp(T.neg(T.neg(V))), "Elemwise{exp}", "Elemwise{neg}", false),
                new Case("x * 1 -> x", () -> T.exp(T.mul(V, 1)), "Elemwise{exp}", "Elemwise{mul}", false),
                new Case("1 * x -> x", () -> T.exp(T.mul(1, V)), "Elemwise{exp}", "Elemwise{mul}", false),
                new Case("x + 0 -> x", () -> T.exp(T.add(V, 0)), "Elemwise{exp}", "Elemwise{add}", false),
                new Case("x ** 1 -> x", () -> T.exp(T.pow(V, 1)), "Elemwise{exp}", "Elemwise{pow}", false),
                new Case("x / 2^k -> x * 2^-k (exact only then)", () -> T.div(V, 0.25), "Elemwise{mul}", "Elemwise{true_div}", false),
                new Case("int x * 0 -> zeros", () -> T.mul(IV, 0), "Alloc", "Elemwise{mul}", false),
                new Case("x ** 0 -> ones", () -> T.pow(V, 0), "Alloc", "Elemwise{pow}", false),
                new Case("cast to same dtype", () -> T.exp(Apply.single(new Elemwise(new ScalarCast(DType.FLOAT64)), V)),
                        "Elemwise{exp}", "cast", false),
                new Case("dimshuffle of dimshuffle", () -> T.transpose(T.transpose(A)), null, "DimShuffle", false),
                new Case("reshape of reshape", () -> T.reshape(T.reshape(A, 35), 7, 5), "Reshape", "Reshape ... Reshape", false),
                new Case("flatten of a vector", () -> T.exp(T.flatten(V)), "Elemwise{exp}", "Reshape", false),
                new Case("sum of a transpose", () -> T.sum(T.transpose(A)), "Sum{axis=[0, 1]}", "DimShuffle", false),
                new Case("1/(1+exp(-x)) -> sigmoid", () -> T.div(1, T.add(1, T.exp(T.neg(V)))), "Elemwise{sigmoid}", "Elemwise{exp}", false),
                new Case("1/(exp(-x)+1) -> sigmoid", () -> T.div(1, T.add(T.exp(T.neg(V)), 1)), "Elemwise{sigmoid}", "Elemwise{exp}", false),
                new Case("2/(1+exp(x)) -> 2*sigmoid(-x)", () -> T.div(2, T.add(1, T.exp(V))), "Elemwise{sigmoid}", "Elemwise{exp}", true),
                new Case("inv(1+exp(-x)) -> sigmoid", () -> T.inv(T.add(1, T.exp(T.neg(V)))), "Elemwise{sigmoid}", "Elemwise{exp}", false),
                new Case("float32 cast around the denominator",
                        () -> T.div(1, T.cast(T.add(1, T.exp(T.neg(T.cast(V, DType.FLOAT32)))), DType.FLOAT64)),
                        "Elemwise{sigmoid}", "Elemwise{exp}", false),
                new Case("log(1+x) -> log1p", () -> T.log(T.add(1, T.abs(V))), "Elemwise{log1p}", "Elemwise{log}", false),
                new Case("exp(x)-1 -> expm1", () -> T.sub(T.exp(V), 1), "Elemwise{expm1}", "Elemwise{exp}", false),
                new Case("log(sigmoid(x)) -> -softplus(-x)", () -> T.log(T.sigmoid(V)), "Elemwise{softplus}", "Elemwise{log}", true),
                new Case("log(1-sigmoid(x)) -> -softplus(x)", () -> T.log(T.sub(1, T.sigmoid(V))), "Elemwise{softplus}", "Elemwise{log}", false),
                new Case("log(softmax(x)) -> logSoftmax", () -> T.log(T.softmax(A)), "LogSoftmax", "Softmax", false),
                new Case("crossentropy(softmax(x), t)", () -> T.categoricalCrossentropy(T.softmax(A), TGT), "LogSoftmax",
                        "Crossentropy", true),
                new Case("one-hot crossentropy(softmax(x), T)", () -> T.categoricalCrossentropy(T.softmax(A), T.sqr(T.softmax(C.T().T()))),
                        "LogSoftmax", "Elemwise{log}", true),
                new Case("log(sum(exp(x))) max shift", () -> T.log(T.sum(T.exp(A), 1)), "Max{axis=[1]}", "Elemwise{log} ... Sum ... Elemwise{exp}", true),
                new Case("x ** 2 -> sqr", () -> T.pow(V, 2), "Elemwise{sqr}", "Elemwise{pow}", false),
                new Case("x ** 0.5 -> sqrt", () -> T.pow(T.abs(V), 0.5), "Elemwise{sqrt}", "Elemwise{pow}", false),
                new Case("x ** -1 -> inv", () -> T.pow(V, -1), "Elemwise{inv}", "Elemwise{pow}", false),
                new Case("x * x -> sqr", () -> T.mul(V, V), "Elemwise{sqr}", "Elemwise{mul}", false),
                new Case("sumToShape over a broadcastable axis -> sum", () -> Apply.single(new SumToShape(), T.exp(A),
                        T.dimshuffle(V, "x", 0)), "Sum{axis=[0]}", "SumToShape ... Sum", true),
                new Case("sum of sumToShape over length-1 axes", () -> T.sum(Apply.single(new SumToShape(), T.exp(A),
                        T.dimshuffle(V, "x", 0)), 0), "Sum{axis=[0]}", "DimShuffle{x,0} ... SumToShape", true),
                new Case("bias gradient", () -> T.grad(T.sum(T.tanh(T.add(A, V))), V), "Sum{axis=[0]} SumToShape",
                        "Sum{axis=[0]} ... Sum{", true),
                new Case("dot(M, v) + u -> gemv", () -> T.add(T.dot(A, V), T.dot(A, U).sqr()), "Gemv", "Elemwise{add}", false),
                new Case("z - 3 dot(M, N) -> gemm", () -> T.sub(T.exp(D), T.mul(3, T.dot(A, B))), "Gemm{alpha=-3.0, beta=1.0}",
                        "Elemwise{sub}", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleFiresAndPreservesValues(Case c) {
        Variable out = c.expr().get();
        List<Variable> rewritten = RewriteTesting.rulePhases(List.of(out));
        String names = String.join(" ", RewriteTesting.opNames(rewritten));
        if (c.present() != null) {
            assertTrue(names.contains(c.present()), c.name() + ": expected " + c.present() + " in " + names);
        }
        assertFalse(inOrder(c.absent()).matcher(names).find(),
                c.name() + ": expected no " + c.absent() + " in " + names);
        if (!c.mayGrow()) {
            assertTrue(RewriteTesting.nodeCount(rewritten) <= RewriteTesting.nodeCount(List.of(out)),
                    c.name() + " grew the graph: " + names);
        }
        assertModesAgree(out);
    }

    /** A pattern matching the " ... "-separated pieces of {@code spec} (each at the start of a word), in that order. */
    private static Pattern inOrder(String spec) {
        return Pattern.compile(String.join(".*", Arrays.stream(spec.split(" \\.\\.\\. ")).map(p -> "(?<!\\w)" + Pattern.quote(p)).toList()));
    }

    /** Runs FAST_RUN and FAST_COMPILE on three random draws and compares (float32 graphs to float32 precision). */
    static void assertModesAgree(Variable out) {
        List<Variable> inputs = new ArrayList<>();
        for (Variable leaf : Graphs.leaves(List.of(out))) {
            if (!(leaf instanceof Constant)) {
                inputs.add(leaf);
            }
        }
        boolean single = Graphs.toposort(List.of(out)).stream().anyMatch(n -> n.output(0).dtype() == DType.FLOAT32);
        double rtol = single ? 1e-6 : 1e-12;
        SplittableRandom rng = new SplittableRandom(42);
        for (int draw = 0; draw < 3; draw++) {
            Map<Variable, NDArray> values = values(rng);
            NDArray[] args = inputs.stream().map(values::get).toArray(NDArray[]::new);
            NDArray fast = RewriteTesting.run("FAST_RUN", inputs, out, args);
            NDArray slow = RewriteTesting.run("FAST_COMPILE", inputs, out, args);
            assertTrue(fast.allClose(slow.astype(fast.dtype()), rtol, rtol * 1e-2), fast + " vs " + slow);
        }
    }

    private static Map<Variable, NDArray> values(SplittableRandom rng) {
        Map<Variable, NDArray> m = new IdentityHashMap<>();
        m.put(V, RewriteTesting.random(rng, DType.FLOAT64, -3, 3, 7));
        m.put(U, RewriteTesting.random(rng, DType.FLOAT64, -3, 3, 7));
        m.put(A, RewriteTesting.random(rng, DType.FLOAT64, -3, 3, 5, 7));
        m.put(B, RewriteTesting.random(rng, DType.FLOAT64, -3, 3, 7, 4));
        m.put(C, RewriteTesting.random(rng, DType.FLOAT64, -3, 3, 5, 7));
        m.put(D, RewriteTesting.random(rng, DType.FLOAT64, -3, 3, 5, 4));
        m.put(IV, RewriteTesting.random(rng, DType.INT32, -5, 5, 7));
        m.put(TGT, RewriteTesting.random(rng, DType.INT64, 0, 7, 5));
        return m;
    }
}
