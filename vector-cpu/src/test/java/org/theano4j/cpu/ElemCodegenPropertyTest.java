package org.theano4j.cpu;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.theano4j.op.Elementary;
import org.theano4j.op.Numerics;
import org.theano4j.op.ScalarCast;
import org.theano4j.op.ScalarExpr;
import org.theano4j.op.ScalarExpr.Call;
import org.theano4j.op.ScalarExpr.Const;
import org.theano4j.op.ScalarExpr.Input;
import org.theano4j.op.ScalarOp;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Random float programs through the generated kernels ({@link ElemCodegen}): the output bits must
 * be the block interpreter's and, value for value, those of an independent scalar oracle that walks
 * the tree with {@link Elementary}'s functions, over awkward sizes (0, 1, the lane width +-1, past
 * {@link Species#BLOCK}, threaded) with contiguous and one-value inputs and special values. Other
 * call shapes (strided inputs, bool outputs) must leave the generated path. Bits means raw bits,
 * but for NaNs: which NaN an operation on two NaNs returns (x86 keeps the first operand's) is not
 * Java semantics, and C2 may order commutative operands either way, so any NaN matches any NaN.
 */
class ElemCodegenPropertyTest {
    private static final int INPUTS = 4;
    private static final ScalarOp[] UNARY = {ScalarOp.NEG, ScalarOp.ABS, ScalarOp.SQR, ScalarOp.SQRT, ScalarOp.EXP,
        ScalarOp.LOG, ScalarOp.TANH, ScalarOp.SIGMOID, ScalarOp.INV, ScalarOp.SIGN, ScalarOp.LOG2,
        ScalarOp.LOG1P, ScalarOp.SOFTPLUS};
    private static final ScalarOp[] BINARY = {ScalarOp.ADD, ScalarOp.SUB, ScalarOp.MUL, ScalarOp.TRUE_DIV,
        ScalarOp.MAXIMUM, ScalarOp.MINIMUM};
    private static final ScalarOp[] COMPARE = {ScalarOp.GT, ScalarOp.GE, ScalarOp.LT, ScalarOp.LE, ScalarOp.EQ,
        ScalarOp.NEQ};
    private static final ScalarOp[] LOGIC = {ScalarOp.AND, ScalarOp.OR, ScalarOp.XOR};
    private static final double[] SPECIAL = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
        1e-310, -1e-40, 1e300, -1e300, 700, -745, 88.5, -104, 1, -1, 0.5};

    @AfterEach
    void restore() {
        System.clearProperty("theano4j.cpu.threads");
        Species.configure();
    }

    /** Sizes around the lane width and the block, and past it. */
    static int[] sizes(SplittableRandom rnd) {
        int l = Species.D.length();
        int f = Species.F.length();
        return new int[] {0, 1, l - 1, l, l + 1, f - 1, f + 1, 2 * f + 3, Species.BLOCK - 1, Species.BLOCK + 1,
            2 * Species.BLOCK + l + 1, 1 + rnd.nextInt(3000)};
    }

    @ParameterizedTest
    @ValueSource(strings = {"float64", "float32"})
    void randomProgramsGiveTheInterpretersBitsAndTheOracles(String dtype) {
        DType d = DType.of(dtype);
        SplittableRandom rnd = new SplittableRandom(dtype.hashCode() * 31L + 7);
        int generated = 0;
        for (int t = 0; t < 250; t++) {
            ScalarExpr tree = floatTree(rnd, d, 1 + rnd.nextInt(5));
            ElemProgram p = ElemProgram.compile(tree);
            if (p == null || !ElemCodegen.canGenerate(p)) {
                continue;
            }
            generated++;
            for (int n : sizes(rnd)) {
                NDArray[] in = inputs(rnd, d, n, rnd.nextInt(1 << INPUTS));
                check("tree " + t + " n=" + n + " " + ScalarExpr.format(tree), tree, p, in, d, n, true);
            }
        }
        assertTrue(generated > 150, "too few generated programs: " + generated);
    }

    @ParameterizedTest
    @ValueSource(strings = {"float64", "float32"})
    void threadedRangesGiveTheSameBits(String dtype) {
        System.setProperty("theano4j.cpu.threads", "3");
        Species.configure();
        DType d = DType.of(dtype);
        SplittableRandom rnd = new SplittableRandom(11);
        for (int t = 0; t < 6; t++) {
            ScalarExpr tree = floatTree(rnd, d, 3);
            ElemProgram p = ElemProgram.compile(tree);
            if (p != null && ElemCodegen.canGenerate(p)) {
                int n = 3 * (int) Species.PARALLEL_ELEMENTS + 17;
                check("threaded tree " + t, tree, p, inputs(rnd, d, n, rnd.nextInt(1 << INPUTS)), d, n, true);
            }
        }
    }

    /** The same bits once C2 has compiled the generated loop (hundreds of calls), not only interpreted. */
    @ParameterizedTest
    @ValueSource(strings = {"float64", "float32"})
    void compiledLoopsKeepTheBits(String dtype) {
        DType d = DType.of(dtype);
        SplittableRandom rnd = new SplittableRandom(5);
        for (int t = 0; t < 3; t++) {
            ScalarExpr tree = new Call(ScalarOp.SIGMOID, List.of(floatTree(rnd, d, 3)), d);
            ElemProgram p = ElemProgram.compile(tree);
            int n = 4099;
            NDArray[] in = inputs(rnd, d, n, 1 << 3);
            ElemwiseKernel gen = new ElemwiseKernel(p, true, true);
            ElemwiseKernel interp = new ElemwiseKernel(p, false);
            NDArray out = NDArray.empty(d, n);
            for (int r = 0; r < 400; r++) {
                gen.run(in, new NDArray[] {out});
                interp.run(in, new NDArray[] {out});
            }
            check("hot tree " + t, tree, in, d, n, true, gen, interp);
        }
    }

    /** Strided inputs and bool results run the interpreter, with its bits. */
    @ParameterizedTest
    @ValueSource(strings = {"float64", "float32"})
    void otherGeometriesFallBack(String dtype) {
        DType d = DType.of(dtype);
        SplittableRandom rnd = new SplittableRandom(3);
        ScalarExpr x = new Input(0, d);
        ScalarExpr tree = new Call(ScalarOp.ADD, List.of(new Call(ScalarOp.EXP, List.of(x), d), x), d);
        ElemProgram p = ElemProgram.compile(tree);
        int n = 100;
        NDArray wide = inputs(rnd, d, 2 * n, 0)[0];
        NDArray[] strided = {wide.slice(0, 0, 2 * n, 2)};
        check("strided", tree, p, strided, d, n, false);
        ScalarExpr gt = new Call(ScalarOp.GT, List.of(tree, new Const(1, d)), DType.BOOL);
        ElemProgram pb = ElemProgram.compile(gt);
        NDArray[] flat = inputs(rnd, d, n, 0);
        assertFalse(new ElemwiseKernel(pb, true, true).runsGenerated(flat, NDArray.empty(DType.BOOL, n)), "bool output");
        assertTrue(new ElemwiseKernel(p, true, true).runsGenerated(flat, NDArray.empty(d, n)), "flat input");
        assertFalse(new ElemwiseKernel(p, false, true).runsGenerated(flat, NDArray.empty(d, n)), "flag off");
        assertFalse(new ElemwiseKernel(p, true).runsGenerated(flat, NDArray.empty(d, n)), "exp: left to the interpreter");
        ScalarExpr cheap = new Call(ScalarOp.MUL, List.of(new Call(ScalarOp.ADD, List.of(x, new Const(1, d)), d), x), d);
        assertTrue(new ElemwiseKernel(ElemProgram.compile(cheap), true).runsGenerated(flat, NDArray.empty(d, n)), "cheap ops");
    }

    /** Runs {@code p} generated and interpreted on {@code in}; compares both with each other and the oracle. */
    private static void check(String what, ScalarExpr tree, ElemProgram p, NDArray[] in, DType d, int n,
            boolean expectGenerated) {
        check(what, tree, in, d, n, expectGenerated, new ElemwiseKernel(p, true, true), new ElemwiseKernel(p, false));
    }

    /** {@code gen} (generated where it can) against {@code interp} (the interpreter) and the oracle. */
    private static void check(String what, ScalarExpr tree, NDArray[] in, DType d, int n, boolean expectGenerated,
            ElemwiseKernel gen, ElemwiseKernel interp) {
        NDArray outGen = NDArray.empty(d, n);
        NDArray outInterp = NDArray.empty(d, n);
        if (gen.runsGenerated(in, outGen) != expectGenerated) {
            fail(what + ": generated path " + (expectGenerated ? "not taken" : "taken"));
        }
        gen.run(in, new NDArray[] {outGen});
        interp.run(in, new NDArray[] {outInterp});
        double[] x = new double[INPUTS];
        for (int i = 0; i < n; i++) {
            long g = bits(outGen, i);
            long r = bits(outInterp, i);
            for (int k = 0; k < in.length; k++) {
                x[k] = in[k].size() == 1 ? in[k].getFlat(0) : in[k].getFlat(i);
            }
            double want = oracle(tree, x, d);
            double got = outGen.getFlat(i);
            boolean oracleOk = Double.isNaN(want) ? Double.isNaN(got)
                    : d == DType.FLOAT32 ? Float.floatToRawIntBits((float) want) == Float.floatToRawIntBits((float) got)
                            : Double.doubleToRawLongBits(want) == Double.doubleToRawLongBits(got);
            boolean same = g == r || Double.isNaN(got) && Double.isNaN(outInterp.getFlat(i));
            if (!same || !oracleOk) {
                fail(what + " at " + i + ": generated " + got + " (bits " + Long.toHexString(g) + "), interpreter "
                        + outInterp.getFlat(i) + " (bits " + Long.toHexString(r) + "), oracle " + want + ", inputs "
                        + java.util.Arrays.toString(java.util.Arrays.copyOf(x, in.length)));
            }
        }
    }

    private static long bits(NDArray a, long i) {
        return a.dtype() == DType.FLOAT32 ? Float.floatToRawIntBits(a.segment().getAtIndex(ValueLayout.JAVA_FLOAT, a.offset() + i))
                : Double.doubleToRawLongBits(a.segment().getAtIndex(ValueLayout.JAVA_DOUBLE, a.offset() + i));
    }

    /** {@code INPUTS} inputs of length {@code n}; those whose bit is set in {@code scalarMask} one value (0-d or [1]). */
    static NDArray[] inputs(SplittableRandom rnd, DType d, int n, int scalarMask) {
        NDArray[] in = new NDArray[INPUTS];
        for (int k = 0; k < INPUTS; k++) {
            boolean one = (scalarMask >>> k & 1) != 0;
            NDArray a = one ? (rnd.nextBoolean() ? NDArray.empty(d) : NDArray.empty(d, 1)) : NDArray.empty(d, n);
            for (long i = 0; i < a.size(); i++) {
                double v = value(rnd);
                if (d == DType.FLOAT32) {
                    a.segment().setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) v);
                } else {
                    a.segment().setAtIndex(ValueLayout.JAVA_DOUBLE, i, v);
                }
            }
            in[k] = a;
        }
        return in;
    }

    private static double value(SplittableRandom rnd) {
        return rnd.nextInt(20) == 0 ? SPECIAL[rnd.nextInt(SPECIAL.length)] : rnd.nextDouble(-6, 6);
    }

    /** A random float tree of dtype {@code d} over inputs 0..3 and constants. */
    static ScalarExpr floatTree(SplittableRandom rnd, DType d, int depth) {
        if (depth <= 0 || rnd.nextInt(6) == 0) {
            return rnd.nextInt(4) == 0 ? new Const(rnd.nextInt(8) == 0 ? value(rnd) : rnd.nextInt(-3, 4), d)
                    : new Input(rnd.nextInt(INPUTS), d);
        }
        int kind = rnd.nextInt(10);
        if (kind < 4) {
            return new Call(UNARY[rnd.nextInt(UNARY.length)], List.of(floatTree(rnd, d, depth - 1)), d);
        }
        if (kind < 8) {
            return new Call(BINARY[rnd.nextInt(BINARY.length)],
                    List.of(floatTree(rnd, d, depth - 1), floatTree(rnd, d, depth - 1)), d);
        }
        if (kind == 8) {
            ScalarExpr cond = rnd.nextBoolean() ? boolTree(rnd, d, depth - 1) : floatTree(rnd, d, depth - 1);
            return new Call(ScalarOp.SWITCH, List.of(cond, floatTree(rnd, d, depth - 1), floatTree(rnd, d, depth - 1)), d);
        }
        return rnd.nextBoolean() ? new Call(new ScalarCast(d), List.of(boolTree(rnd, d, depth - 1)), d)
                : new Call(ScalarOp.CLIP, List.of(floatTree(rnd, d, depth - 1), floatTree(rnd, d, depth - 1),
                        floatTree(rnd, d, depth - 1)), d);
    }

    /** A random bool tree: comparisons of float trees, and/or/xor/not of bool trees. */
    static ScalarExpr boolTree(SplittableRandom rnd, DType d, int depth) {
        int kind = depth <= 0 ? 0 : rnd.nextInt(4);
        List<ScalarExpr> args = new ArrayList<>();
        return switch (kind) {
            case 0, 1 -> {
                args.add(floatTree(rnd, d, depth - 1));
                args.add(floatTree(rnd, d, depth - 1));
                yield new Call(COMPARE[rnd.nextInt(COMPARE.length)], args, DType.BOOL);
            }
            case 2 -> {
                args.add(boolTree(rnd, d, depth - 1));
                args.add(boolTree(rnd, d, depth - 1));
                yield new Call(LOGIC[rnd.nextInt(LOGIC.length)], args, DType.BOOL);
            }
            default -> new Call(rnd.nextBoolean() ? ScalarOp.NOT : new ScalarCast(DType.BOOL),
                    List.of(rnd.nextBoolean() ? boolTree(rnd, d, depth - 1) : floatTree(rnd, d, depth - 1)), DType.BOOL);
        };
    }

    /**
     * The tree's value at one element, walked node by node: IEEE arithmetic rounded to the dtype,
     * {@link Elementary}'s exp/log/tanh in the dtype's precision, numpy's maximum/minimum/sign/clip,
     * bools as 0/1.
     */
    static double oracle(ScalarExpr e, double[] x, DType d) {
        boolean single = d == DType.FLOAT32;
        return switch (e) {
            case Input in -> x[in.index()];
            case Const c -> single ? (float) c.doubleValue() : c.doubleValue();
            case Call call -> {
                double[] a = new double[3];
                for (int k = 0; k < call.args().size(); k++) {
                    a[k] = oracle(call.args().get(k), x, d);
                }
                if (call.fn() instanceof ScalarCast cast) {
                    yield cast.to() == DType.BOOL ? (a[0] != 0 ? 1 : 0) : a[0];
                }
                double v = apply((ScalarOp) call.fn(), a[0], a[1], a[2], single);
                yield single ? (float) v : v;
            }
        };
    }

    private static double apply(ScalarOp op, double a, double b, double c, boolean single) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case TRUE_DIV -> a / b;
            case MAXIMUM -> Numerics.maximum(a, b);
            case MINIMUM -> Numerics.minimum(a, b);
            case NEG -> -a;
            case ABS -> Math.abs(a);
            case SQR -> a * a;
            case SQRT -> Math.sqrt(a);
            case INV -> 1 / a;
            case SIGN -> Numerics.sign(a);
            case EXP -> single ? Elementary.exp((float) a) : Elementary.exp(a);
            case LOG -> single ? Elementary.log((float) a) : Elementary.log(a);
            case LOG2 -> single ? Elementary.log((float) a) / (float) Math.log(2) : Elementary.log(a) / Math.log(2);
            case TANH -> single ? Elementary.tanh((float) a) : Elementary.tanh(a);
            case LOG1P -> single ? Elementary.log1p((float) a) : Elementary.log1p(a);
            case SOFTPLUS -> single ? Elementary.softplus((float) a) : Elementary.softplus(a);
            case SIGMOID -> single ? 1f / (Elementary.exp(-(float) a) + 1f) : 1 / (Elementary.exp(-a) + 1);
            case GT -> a > b ? 1 : 0;
            case GE -> a >= b ? 1 : 0;
            case LT -> a < b ? 1 : 0;
            case LE -> a <= b ? 1 : 0;
            case EQ -> a == b ? 1 : 0;
            case NEQ -> a != b ? 1 : 0;
            case AND -> a != 0 && b != 0 ? 1 : 0;
            case OR -> a != 0 || b != 0 ? 1 : 0;
            case XOR -> (a != 0) != (b != 0) ? 1 : 0;
            case NOT -> a == 0 ? 1 : 0;
            case SWITCH -> a != 0 ? b : c;
            case CLIP -> Numerics.clip(a, b, c);
            default -> throw new IllegalArgumentException("oracle has no " + op);
        };
    }
}
