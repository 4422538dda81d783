package org.theano4j.op;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.theano4j.Config;
import org.theano4j.Slice;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Constant;
import org.theano4j.graph.TensorType;
import org.theano4j.tensor.DType;

/**
 * The internal graph builders: ops, gradient rules, rewrites and control flow build graphs
 * through these, never through the user facade {@code T} (which delegates here). Operands typed
 * {@code Object} accept a {@link Variable}, a Java {@link Number} (a weak scalar), a Java array
 * or an {@link org.theano4j.tensor.NDArray} (constants).
 */
public final class Ops {
    private Ops() {
    }

    /** A tensor of any rank with the given broadcastable pattern. */
    public static Variable tensor(DType dtype, boolean[] broadcastable, String name) {
        return new Variable(new TensorType(dtype, broadcastable), null, 0, name);
    }

    /** A constant from a Number, a Java array or an NDArray (strong: it keeps its own dtype). */
    public static Variable constant(Object value) {
        Variable v = Operands.of(value);
        if (v instanceof Constant c && c.isWeak()) {
            return new Constant(c.value());
        }
        return v;
    }

    // ---- elementwise arithmetic ----

    /** {@code a + b}. */
    public static Variable add(Object a, Object b) { return ElemwiseBuilder.apply(ScalarOp.ADD, a, b); }
    /** {@code a - b}. */
    public static Variable sub(Object a, Object b) { return ElemwiseBuilder.apply(ScalarOp.SUB, a, b); }
    /** {@code a * b}. */
    public static Variable mul(Object a, Object b) { return ElemwiseBuilder.apply(ScalarOp.MUL, a, b); }
    /** {@code a / b}, true division (integers give float64). */
    public static Variable div(Object a, Object b) { return ElemwiseBuilder.apply(ScalarOp.TRUE_DIV, a, b); }
    /** {@code a // b}, floor division. */
    public static Variable intDiv(Object a, Object b) { return ElemwiseBuilder.apply(ScalarOp.INT_DIV, a, b); }
    /** {@code a % b}, with the sign of the divisor. */
    public static Variable mod(Object a, Object b) { return ElemwiseBuilder.apply(ScalarOp.MOD, a, b); }
    /** {@code a ** b}. */
    public static Variable pow(Object a, Object b) { return ElemwiseBuilder.apply(ScalarOp.POW, a, b); }
    /** {@code -x}. */
    public static Variable neg(Object x) { return ElemwiseBuilder.apply(ScalarOp.NEG, x); }
    /** {@code |x|}. */
    public static Variable abs(Object x) { return ElemwiseBuilder.apply(ScalarOp.ABS, x); }
    /** {@code e ** x}. */
    public static Variable exp(Object x) { return ElemwiseBuilder.apply(ScalarOp.EXP, x); }
    /** {@code 2 ** x}. */
    public static Variable exp2(Object x) { return ElemwiseBuilder.apply(ScalarOp.EXP2, x); }
    /** Natural logarithm. */
    public static Variable log(Object x) { return ElemwiseBuilder.apply(ScalarOp.LOG, x); }
    /** Base-2 logarithm. */
    public static Variable log2(Object x) { return ElemwiseBuilder.apply(ScalarOp.LOG2, x); }
    /** Base-10 logarithm. */
    public static Variable log10(Object x) { return ElemwiseBuilder.apply(ScalarOp.LOG10, x); }
    /** {@code log(1 + x)}, accurate for small x. */
    public static Variable log1p(Object x) { return ElemwiseBuilder.apply(ScalarOp.LOG1P, x); }
    /** {@code exp(x) - 1}, accurate for small x. */
    public static Variable expm1(Object x) { return ElemwiseBuilder.apply(ScalarOp.EXPM1, x); }
    /** Square root. */
    public static Variable sqrt(Object x) { return ElemwiseBuilder.apply(ScalarOp.SQRT, x); }
    /** {@code x * x}. */
    public static Variable sqr(Object x) { return ElemwiseBuilder.apply(ScalarOp.SQR, x); }
    /** {@code 1 / x}. */
    public static Variable inv(Object x) { return ElemwiseBuilder.apply(ScalarOp.INV, x); }
    /** Sine. */
    public static Variable sin(Object x) { return ElemwiseBuilder.apply(ScalarOp.SIN, x); }
    /** Cosine. */
    public static Variable cos(Object x) { return ElemwiseBuilder.apply(ScalarOp.COS, x); }
    /** Tangent. */
    public static Variable tan(Object x) { return ElemwiseBuilder.apply(ScalarOp.TAN, x); }
    /** Arc tangent. */
    public static Variable arctan(Object x) { return ElemwiseBuilder.apply(ScalarOp.ARCTAN, x); }
    /** Hyperbolic sine. */
    public static Variable sinh(Object x) { return ElemwiseBuilder.apply(ScalarOp.SINH, x); }
    /** Hyperbolic cosine. */
    public static Variable cosh(Object x) { return ElemwiseBuilder.apply(ScalarOp.COSH, x); }
    /** Hyperbolic tangent. */
    public static Variable tanh(Object x) { return ElemwiseBuilder.apply(ScalarOp.TANH, x); }
    /** The logistic function {@code 1 / (1 + exp(-x))}. */
    public static Variable sigmoid(Object x) { return ElemwiseBuilder.apply(ScalarOp.SIGMOID, x); }
    /** {@code log(1 + exp(x))}, computed without overflow. */
    public static Variable softplus(Object x) { return ElemwiseBuilder.apply(ScalarOp.SOFTPLUS, x); }
    /** {@code max(x, 0)}, as Theano's {@code 0.5 * (x + |x|)}: its gradient at 0 is one half. */
    public static Variable relu(Object x) { return mul(0.5, add(x, abs(x))); }
    /** -1, 0 or 1 by the sign of x. */
    public static Variable sign(Object x) { return ElemwiseBuilder.apply(ScalarOp.SIGN, x); }
    /** Round down. */
    public static Variable floor(Object x) { return ElemwiseBuilder.apply(ScalarOp.FLOOR, x); }
    /** Round up. */
    public static Variable ceil(Object x) { return ElemwiseBuilder.apply(ScalarOp.CEIL, x); }
    /** Round half to even, like numpy. */
    public static Variable round(Object x) { return ElemwiseBuilder.apply(ScalarOp.ROUND, x); }
    /** Elementwise maximum (NaN propagates). */
    public static Variable maximum(Object a, Object b) { return ElemwiseBuilder.apply(ScalarOp.MAXIMUM, a, b); }
    /** Elementwise minimum (NaN propagates). */
    public static Variable minimum(Object a, Object b) { return ElemwiseBuilder.apply(ScalarOp.MINIMUM, a, b); }
    /** {@code minimum(maximum(x, lo), hi)}. */
    public static Variable clip(Object x, Object lo, Object hi) { return ElemwiseBuilder.apply(ScalarOp.CLIP, x, lo, hi); }

    // ---- comparisons and logic (bool results) ----

    /** {@code a > b}. */
    public static Variable gt(Object a, Object b) { return ElemwiseBuilder.apply(ScalarOp.GT, a, b); }
    /** {@code a >= b}. */
    public static Variable ge(Object a, Object b) { return ElemwiseBuilder.apply(ScalarOp.GE, a, b); }
    /** {@code a < b}. */
    public static Variable lt(Object a, Object b) { return ElemwiseBuilder.apply(ScalarOp.LT, a, b); }
    /** {@code a <= b}. */
    public static Variable le(Object a, Object b) { return ElemwiseBuilder.apply(ScalarOp.LE, a, b); }
    /** {@code a == b}. */
    public static Variable eq(Object a, Object b) { return ElemwiseBuilder.apply(ScalarOp.EQ, a, b); }
    /** {@code a != b}. */
    public static Variable neq(Object a, Object b) { return ElemwiseBuilder.apply(ScalarOp.NEQ, a, b); }
    /** Logical (bool) or bitwise (integers) and. */
    public static Variable and(Object a, Object b) { return ElemwiseBuilder.apply(ScalarOp.AND, a, b); }
    /** Logical (bool) or bitwise (integers) or. */
    public static Variable or(Object a, Object b) { return ElemwiseBuilder.apply(ScalarOp.OR, a, b); }
    /** Logical (bool) or bitwise (integers) exclusive or. */
    public static Variable xor(Object a, Object b) { return ElemwiseBuilder.apply(ScalarOp.XOR, a, b); }
    /** Logical (bool) or bitwise (integers) not. */
    public static Variable not(Object a) { return ElemwiseBuilder.apply(ScalarOp.NOT, a); }
    /** Theano's {@code T.switch}: elementwise {@code cond ? ifTrue : ifFalse} (both evaluated). */
    public static Variable switchOp(Object cond, Object ifTrue, Object ifFalse) {
        return ElemwiseBuilder.apply(ScalarOp.SWITCH, cond, ifTrue, ifFalse);
    }

    /** Conversion to {@code dtype}. */
    public static Variable cast(Object x, DType dtype) { return ElemwiseBuilder.cast(x, dtype); }

    // ---- reductions ----

    /** Sum of all elements. */
    public static Variable sum(Object x) { return Reductions.sum(Operands.of(x), null); }
    /** Sum over {@code axes}. */
    public static Variable sum(Object x, int... axes) { return Reductions.sum(Operands.of(x), axes); }
    /** Mean of all elements. */
    public static Variable mean(Object x) { return Reductions.mean(Operands.of(x), null); }
    /** Mean over {@code axes}. */
    public static Variable mean(Object x, int... axes) { return Reductions.mean(Operands.of(x), axes); }
    /** Product of all elements. */
    public static Variable prod(Object x) { return Reductions.prod(Operands.of(x), null); }
    /** Product over {@code axes}. */
    public static Variable prod(Object x, int... axes) { return Reductions.prod(Operands.of(x), axes); }
    /** Maximum of all elements. */
    public static Variable max(Object x) { return Reductions.max(Operands.of(x), null); }
    /** Maximum over {@code axes}. */
    public static Variable max(Object x, int... axes) { return Reductions.max(Operands.of(x), axes); }
    /** Minimum of all elements. */
    public static Variable min(Object x) { return Reductions.min(Operands.of(x), null); }
    /** Minimum over {@code axes}. */
    public static Variable min(Object x, int... axes) { return Reductions.min(Operands.of(x), axes); }
    /** Index of the maximum of the flattened tensor. */
    public static Variable argmax(Object x) { return Reductions.argmax(Operands.of(x), null); }
    /** Index of the maximum along {@code axis}. */
    public static Variable argmax(Object x, int axis) { return Reductions.argmax(Operands.of(x), axis); }
    /** Index of the minimum of the flattened tensor. */
    public static Variable argmin(Object x) { return Reductions.argmin(Operands.of(x), null); }
    /** Index of the minimum along {@code axis}. */
    public static Variable argmin(Object x, int axis) { return Reductions.argmin(Operands.of(x), axis); }
    /** Standard deviation of all elements (ddof 0). */
    public static Variable std(Object x) { return Reductions.std(Operands.of(x), null); }
    /** Standard deviation over {@code axes} (ddof 0). */
    public static Variable std(Object x, int... axes) { return Reductions.std(Operands.of(x), axes); }
    /** Variance of all elements (ddof 0). */
    public static Variable var(Object x) { return Reductions.var(Operands.of(x), null); }
    /** Variance over {@code axes} (ddof 0). */
    public static Variable var(Object x, int... axes) { return Reductions.var(Operands.of(x), axes); }

    // ---- linear algebra ----

    /** Dot product: vector-vector, matrix-vector, vector-matrix or matrix-matrix. */
    public static Variable dot(Object a, Object b) { return LinearAlgebra.dot(Operands.of(a), Operands.of(b)); }
    /** Outer product of two vectors. */
    public static Variable outer(Object a, Object b) { return LinearAlgebra.outer(Operands.of(a), Operands.of(b)); }

    // ---- shapes ----

    /** Reshape to {@code shape} (one -1 allowed). */
    public static Variable reshape(Object x, long... shape) { return ShapeOps.reshape(Operands.of(x), shape); }
    /** Flatten to a vector (C order). */
    public static Variable flatten(Object x) { return ShapeOps.flatten(Operands.of(x)); }
    /** Permute axes; no {@code perm} reverses them. */
    public static Variable transpose(Object x, int... perm) { return ShapeOps.transpose(Operands.of(x), perm); }

    /** Theano's dimshuffle: axis indices and {@code "x"} (new broadcastable axis). */
    public static Variable dimshuffle(Object x, Object... pattern) {
        Variable v = Operands.of(x);
        return Apply.single(DimShuffle.of(v.tensorType(), pattern), v);
    }

    /** Join tensors along an existing axis. */
    public static Variable concatenate(List<?> xs, int axis) { return ShapeOps.concatenate(operands(xs), axis); }
    /** Join tensors along a new axis. */
    public static Variable stack(List<?> xs, int axis) { return ShapeOps.stack(operands(xs), axis); }
    /** The shape of {@code x} as an int64 vector. */
    public static Variable shape(Object x) { return ShapeOps.shape(Operands.of(x)); }
    /** Zeros of x's shape and dtype. */
    public static Variable zerosLike(Object x) { return ShapeOps.zerosLike(Operands.of(x)); }
    /** Ones of x's shape and dtype. */
    public static Variable onesLike(Object x) { return ShapeOps.onesLike(Operands.of(x)); }
    /** A constant tensor of zeros. */
    public static Variable zeros(DType dtype, long... shape) { return ShapeOps.zeros(dtype, shape); }
    /** A constant tensor of ones. */
    public static Variable ones(DType dtype, long... shape) { return ShapeOps.ones(dtype, shape); }
    /** {@code [0, 1, ..., stop-1]} as int64. */
    public static Variable arange(Object stop) { return ShapeOps.arange(0, stop, 1); }
    /** {@code [start, start+step, ...)} like numpy.arange. */
    public static Variable arange(Object start, Object stop, Object step) { return ShapeOps.arange(start, stop, step); }
    /** The n x n identity (floatX). */
    public static Variable eye(long n) { return ShapeOps.eye(n, n, 0, Config.floatX()); }
    /** An n x m matrix with ones on diagonal k. */
    public static Variable eye(long n, long m, int k, DType dtype) { return ShapeOps.eye(n, m, k, dtype); }

    /** Basic indexing (ints, {@link Slice}s, integer scalar variables), as {@code Variable.get}. */
    public static Variable subtensor(Object x, Object... index) { return Indexing.subtensor(Operands.of(x), index); }

    // ---- neural-net helpers ----

    /** Row-wise softmax of a matrix (or of a vector). */
    public static Variable softmax(Object x) { return NNet.softmax(Operands.of(x)); }
    /** Row-wise log-softmax, computed stably. */
    public static Variable logSoftmax(Object x) { return NNet.logSoftmax(Operands.of(x)); }
    /** {@code -(t*log(p) + (1-t)*log(1-p))} elementwise. */
    public static Variable binaryCrossentropy(Object p, Object target) {
        return NNet.binaryCrossentropy(Operands.of(p), Operands.of(target));
    }
    /** {@code -log(p[i, t[i]])} per row, for integer class indices {@code t} (or one-hot rows). */
    public static Variable categoricalCrossentropy(Object p, Object targetIndices) {
        return NNet.categoricalCrossentropy(Operands.of(p), Operands.of(targetIndices));
    }

    // ---- tutorial helpers: shape information, debugging and printing, eval ----
    // (Theano's tutorial pages "shape_info", "debug_faq" and "adding"; kept in one block.)

    /**
     * Theano's {@code T.specify_shape}: {@code x} unchanged, checked at run time to have exactly
     * {@code shape} (an {@link IllegalArgumentException} naming both shapes otherwise).
     */
    public static Variable specifyShape(Object x, long... shape) {
        return Apply.single(new SpecifyShape(java.util.Arrays.stream(shape).boxed().toList()), Operands.of(x));
    }

    /**
     * Theano's {@code theano.printing.Print(message)(x)}: {@code x} unchanged; each time the function
     * computes it, prints {@code message __str__ = <value>} to {@link System#out}.
     */
    public static Variable print(String message, Object x) {
        return print(message, x, List.of("__str__"), null);
    }

    /** Like {@link #print(String, Object)}, writing each line to {@code sink} instead of System.out. */
    public static Variable print(String message, Object x, Consumer<String> sink) {
        return print(message, x, List.of("__str__"), sink);
    }

    /**
     * Prints one line {@code message attr = value} per attribute ({@code __str__}, {@code shape},
     * {@code dtype}, {@code ndim}, {@code size}) to {@code sink} (null: System.out), as Theano's
     * {@code Print(message, attrs=...)}.
     */
    public static Variable print(String message, Object x, List<String> attrs, Consumer<String> sink) {
        return Apply.single(new Print(message, attrs, sink), Operands.of(x));
    }

    /** Theano's {@code T.join(axis, *tensors)}: {@link #concatenate} with the axis first. */
    public static Variable join(int axis, Object... xs) {
        return concatenate(java.util.Arrays.asList(xs), axis);
    }


    private static List<Variable> operands(List<?> xs) {
        List<Variable> vs = new ArrayList<>(xs.size());
        for (Object o : xs) {
            vs.add(Operands.of(o));
        }
        return vs;
    }
}
