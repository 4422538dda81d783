package org.theano4j.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.theano4j.op.Composite;
import org.theano4j.op.Elemwise;
import org.theano4j.op.ScalarCast;
import org.theano4j.op.ScalarExpr;
import org.theano4j.op.ScalarExpr.Call;
import org.theano4j.op.ScalarExpr.Const;
import org.theano4j.op.ScalarExpr.Input;
import org.theano4j.op.ScalarOp;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Elementwise parity with the reference evaluation: every float op over awkward sizes, both float
 * dtypes, broadcasting and strided inputs, fused trees, scalar and threaded paths. Exact except
 * for the transcendental ops, whose vector forms (SVML) are within a few ulp.
 */
class ElemwiseKernelTest {

    @AfterEach
    void restore() {
        System.clearProperty("theano4j.cpu.vector");
        System.clearProperty("theano4j.cpu.threads");
        Species.configure();
    }

    static int ulps(ScalarOp op) {
        return op.isTranscendental() ? 4 : 0;
    }

    static Stream<Arguments> unaryCases() {
        List<Arguments> cases = new ArrayList<>();
        for (ScalarOp op : ScalarOp.values()) {
            if (op.arity() == 1 && op.acceptsFloat()) {
                for (DType d : Parity.floats()) {
                    cases.add(Arguments.of(op, d));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("unaryCases")
    void unaryOpsMatchReferenceOverSizes(ScalarOp op, DType dtype) {
        for (int n : Parity.SIZES) {
            NDArray x = Parity.array(dtype, n, -4, 4, true, n);
            Parity.check("n=" + n, Parity.node(new Elemwise(op), x), ulps(op), x);
        }
        NDArray s = Parity.strided(dtype, 5, 9, 17);
        Parity.check("strided", Parity.node(new Elemwise(op), s), ulps(op), s);
    }

    static Stream<Arguments> binaryCases() {
        List<Arguments> cases = new ArrayList<>();
        for (ScalarOp op : ScalarOp.values()) {
            if (op.arity() == 2 && op.acceptsFloat()) {
                for (DType d : Parity.floats()) {
                    cases.add(Arguments.of(op, d));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("binaryCases")
    void binaryOpsMatchReferenceWithBroadcasting(ScalarOp op, DType dtype) {
        Elemwise e = new Elemwise(op);
        for (int n : Parity.SIZES) {
            NDArray a = Parity.array(dtype, n, -3, 3, true, 3, n);
            NDArray b = Parity.array(dtype, n + 100, -3, 3, true, 3, n);
            NDArray row = Parity.array(dtype, n + 200, -3, 3, true, 1, n);
            NDArray col = Parity.array(dtype, n + 300, -3, 3, true, 3, 1);
            NDArray one = Parity.array(dtype, n + 400, 0.5, 2, false, 1, 1);
            Parity.check("same n=" + n, Parity.node(e, a, b), ulps(op), a, b);
            Parity.check("row n=" + n, Parity.node(e, a, row), ulps(op), a, row);
            Parity.check("col n=" + n, Parity.node(e, col, a), ulps(op), col, a);
            Parity.check("scalar n=" + n, Parity.node(e, a, one), ulps(op), a, one);
        }
        NDArray t = Parity.array(dtype, 7, -3, 3, true, 33, 17).transpose(1, 0);
        NDArray s = Parity.strided(dtype, 8, 17, 33);
        Parity.check("transposed/strided", Parity.node(e, t, s), ulps(op), t, s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"switch", "clip"})
    void ternaryOpsMatchReference(String which) {
        for (DType d : Parity.floats()) {
            for (int n : Parity.SIZES) {
                NDArray a = Parity.array(d, n, -3, 3, true, 2, n);
                NDArray b = Parity.array(d, n + 1, -3, 3, true, 2, n);
                NDArray c = Parity.array(d, n + 2, -1, 1, false, 1, n);
                if (which.equals("switch")) {
                    NDArray cond = Parity.array(DType.FLOAT64, n + 3, -1, 1, false, 2, n).astype(DType.BOOL);
                    NDArray condF = Parity.array(d, n + 4, -1, 1, true, 2, 1);
                    Parity.check("switch bool n=" + n, Parity.node(new Elemwise(ScalarOp.SWITCH), cond, a, b), 0, cond, a, b);
                    Parity.check("switch float n=" + n, Parity.node(new Elemwise(ScalarOp.SWITCH), condF, a, b), 0, condF, a, b);
                } else {
                    NDArray lo = c.astype(d);
                    NDArray hi = Parity.array(d, n + 5, 1, 2, false, 2, 1);
                    Parity.check("clip n=" + n, Parity.node(new Elemwise(ScalarOp.CLIP), a, lo, hi), 0, a, lo, hi);
                }
            }
        }
    }

    /** sigmoid-like logistic 1 / (1 + exp(-x)) as the fusion rewrite builds it. */
    static ScalarExpr logistic(DType d) {
        ScalarExpr x = new Input(0, d);
        ScalarExpr e = new Call(ScalarOp.EXP, List.of(new Call(ScalarOp.NEG, List.of(x), d)), d);
        ScalarExpr den = new Call(ScalarOp.ADD, List.of(new Const(1, d), e), d);
        return new Call(ScalarOp.TRUE_DIV, List.of(new Const(1, d), den), d);
    }

    /** switch(x > 0, x, 0.1 * y) + cast(int8 z): bools, int input under a cast, three inputs. */
    static ScalarExpr leakyMix(DType d) {
        ScalarExpr x = new Input(0, d);
        ScalarExpr gt = new Call(ScalarOp.GT, List.of(x, new Const(0, d)), DType.BOOL);
        ScalarExpr scaled = new Call(ScalarOp.MUL, List.of(new Const(d == DType.FLOAT32 ? (float) 0.1 : 0.1, d),
                new Input(1, d)), d);
        ScalarExpr sw = new Call(ScalarOp.SWITCH, List.of(gt, x, scaled), d);
        ScalarExpr z = new Call(new ScalarCast(d), List.of(new Input(2, DType.INT8)), d);
        return new Call(ScalarOp.ADD, List.of(sw, z), d);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vector", "scalar", "threads"})
    void compositeTreesMatchReference(String mode) {
        if (mode.equals("scalar")) {
            System.setProperty("theano4j.cpu.vector", "false");
        }
        System.setProperty("theano4j.cpu.threads", mode.equals("threads") ? "2" : "1");
        Species.configure();
        int[] sizes = mode.equals("threads") ? new int[] {70_001, 200_000} : Parity.SIZES;
        for (DType d : Parity.floats()) {
            for (int n : sizes) {
                NDArray x = Parity.array(d, n, -5, 5, true, n);
                Parity.check("logistic n=" + n, Parity.node(new Composite(logistic(d), 1), x), 4, x);
                NDArray y = Parity.array(d, n + 1, -5, 5, true, 1, n);
                NDArray xm = Parity.array(d, n + 2, -5, 5, true, 2, n);
                NDArray z = Parity.array(DType.FLOAT64, n + 3, -100, 100, false, 2, 1).astype(DType.INT8);
                Parity.check("mix n=" + n, Parity.node(new Composite(leakyMix(d), 3), xm, y, z), 0, xm, y, z);
            }
        }
    }

    /** (x > 0) and b: a float compare and a bool input combined, stored as bool (bulk byte loads and stores). */
    @ParameterizedTest
    @ValueSource(strings = {"float64", "float32"})
    void boolInputsAndOutputsMatchReference(String dtype) {
        DType d = DType.of(dtype);
        ScalarExpr gt = new Call(ScalarOp.GT, List.of(new Input(0, d), new Const(0, d)), DType.BOOL);
        ScalarExpr and = new Call(ScalarOp.AND, List.of(gt, new Input(1, DType.BOOL)), DType.BOOL);
        for (int n : Parity.SIZES) {
            NDArray x = Parity.array(d, n, -1, 1, false, 3, n);
            NDArray b = Parity.array(DType.FLOAT64, n + 1, -1.9, 1.9, false, 3, n).astype(DType.INT8).astype(DType.BOOL);
            NDArray bRows = b.slice(0, 1, 3, 1);
            NDArray xRows = x.slice(0, 1, 3, 1);
            Parity.check("and n=" + n, Parity.node(new Composite(and, 2), x, b), 0, x, b);
            Parity.check("and offset rows n=" + n, Parity.node(new Composite(and, 2), xRows, bRows), 0, xRows, bRows);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"int32", "int8", "int64", "uint8", "uint32", "uint64"})
    void integerElemwiseMatchesReference(String dtype) {
        DType d = DType.of(dtype);
        for (ScalarOp op : List.of(ScalarOp.ADD, ScalarOp.MUL, ScalarOp.INT_DIV, ScalarOp.MOD, ScalarOp.MAXIMUM)) {
            NDArray a = Parity.array(d, 1, -200, 200, false, 4, 33);
            NDArray b = Parity.array(d, 2, -20, 20, false, 1, 33);
            Parity.check(dtype, Parity.node(new Elemwise(op), a, b), 0, a, b);
        }
        ScalarExpr tree = new Call(ScalarOp.MUL, List.of(new Call(ScalarOp.ADD, List.of(new Input(0, DType.INT32),
                new Const(3, DType.INT32)), DType.INT32), new Input(1, DType.INT32)), DType.INT32);
        NDArray a = Parity.array(DType.INT32, 3, -1e5, 1e5, false, 17);
        NDArray b = Parity.array(DType.INT32, 4, -1e5, 1e5, false, 17);
        Parity.check("int composite", Parity.node(new Composite(tree, 2), a, b), 0, a, b);
    }

    /** One-element outputs of the scalar loop (mean's cast of a size): 0-d and size-1 inputs, views at an offset. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void scalarLoopOneElementOutputs(int ndim) {
        long[] shape = new long[ndim];
        java.util.Arrays.fill(shape, 1);
        NDArray n = NDArray.of(new long[] {400}).reshape(shape);
        NDArray k = NDArray.of(new long[] {9, -3}).slice(0, 1, 2, 1).reshape(shape);
        Parity.check("cast int64", Parity.node(new Elemwise(new ScalarCast(DType.FLOAT64)), n), 0, n);
        Parity.check("int64 * int64 view", Parity.node(new Elemwise(ScalarOp.MUL), n, k), 0, n, k);
        assertEquals(-1200, Parity.runKernel(Parity.node(new Elemwise(ScalarOp.MUL), n, k), n, k).getFlat(0));
        NDArray off = NDArray.of(new long[] {7, 400}).slice(0, 1, 2, 1).reshape(shape);
        assertEquals(400.0, Parity.runKernel(Parity.node(new Elemwise(new ScalarCast(DType.FLOAT64)), off), off).getFlat(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3})
    void zeroDimensionalAndSingletonShapes(int ndim) {
        long[] shape = new long[ndim];
        java.util.Arrays.fill(shape, 1);
        NDArray x = Parity.array(DType.FLOAT64, 9, -2, 2, false, shape);
        NDArray got = Parity.runKernel(Parity.node(new Composite(logistic(DType.FLOAT64), 1), x), x);
        double v = x.getFlat(0);
        assertEquals(1 / (1 + Math.exp(-v)), got.getFlat(0), Math.ulp(1.0) * 4);
    }
}
