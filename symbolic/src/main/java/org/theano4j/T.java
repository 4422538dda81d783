package org.theano4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.theano4j.control.IfElse;
import org.theano4j.control.Scan;
import org.theano4j.control.ScanResult;
import org.theano4j.grad.Gradients;
import org.theano4j.op.ComplexOps;
import org.theano4j.op.Operands;
import org.theano4j.op.Ops;
import org.theano4j.op.ShapeOps;
import org.theano4j.tensor.DType;

/**
 * The tensor facade, Theano's {@code theano.tensor} ({@code import theano.tensor as T}).
 * Operands typed {@code Object} accept a {@link Variable}, a Java {@link Number} (a weak scalar),
 * a Java array or an {@link org.theano4j.tensor.NDArray} (constants). Elementwise operations
 * broadcast like numpy and promote dtypes by numpy's rules.
 */
public final class T extends TensorConstructors {
    /** Theano's {@code T.nnet}: {@code T.nnet.conv2d(x, w)}, {@code T.nnet.relu(x)}, {@code T.nnet.bn...}. */
    public static final Nnet nnet = new Nnet();
    /** Theano's {@code theano.tensor.signal}: {@code T.signal.pool.pool2d(x, ws, ignoreBorder)}. */
    public static final Signal signal = new Signal();

    private T() {
    }

    // ---- untyped constructors (floatX) and constants ----

    /** A scalar of dtype floatX. */
    public static Variable scalar(String name) { return input(Config.floatX(), 0, name); }
    /** An unnamed scalar of dtype floatX. */
    public static Variable scalar() { return input(Config.floatX(), 0, null); }
    /** A vector of dtype floatX. */
    public static Variable vector(String name) { return input(Config.floatX(), 1, name); }
    /** An unnamed vector of dtype floatX. */
    public static Variable vector() { return input(Config.floatX(), 1, null); }
    /** A matrix of dtype floatX. */
    public static Variable matrix(String name) { return input(Config.floatX(), 2, name); }
    /** An unnamed matrix of dtype floatX. */
    public static Variable matrix() { return input(Config.floatX(), 2, null); }
    /** A 3-d tensor of dtype floatX. */
    public static Variable tensor3(String name) { return input(Config.floatX(), 3, name); }
    /** A 4-d tensor of dtype floatX. */
    public static Variable tensor4(String name) { return input(Config.floatX(), 4, name); }
    /** An unnamed scalar of {@code dtype}. */
    public static Variable scalar(DType dtype) { return input(dtype, 0, null); }
    /** A scalar of {@code dtype}. */
    public static Variable scalar(String name, DType dtype) { return input(dtype, 0, name); }
    /** A vector of {@code dtype}. */
    public static Variable vector(String name, DType dtype) { return input(dtype, 1, name); }
    /** A matrix of {@code dtype}. */
    public static Variable matrix(String name, DType dtype) { return input(dtype, 2, name); }

    /** A tensor of any rank with the given broadcastable pattern. */
    public static Variable tensor(DType dtype, boolean[] broadcastable, String name) {
        return Ops.tensor(dtype, broadcastable, name);
    }

    /** A constant from a Number, a Java array or an NDArray (strong: it keeps its own dtype). */
    public static Variable constant(Object value) {
        return Ops.constant(value);
    }

    // ---- elementwise arithmetic ----

    /** {@code a + b}. */
    public static Variable add(Object a, Object b) { return Ops.add(a, b); }
    /** {@code a - b}. */
    public static Variable sub(Object a, Object b) { return Ops.sub(a, b); }
    /** {@code a * b}. */
    public static Variable mul(Object a, Object b) { return Ops.mul(a, b); }
    /** {@code a / b}, true division (integers give float64). */
    public static Variable div(Object a, Object b) { return Ops.div(a, b); }
    /** {@code a // b}, floor division. */
    public static Variable intDiv(Object a, Object b) { return Ops.intDiv(a, b); }
    /** {@code a % b}, with the sign of the divisor. */
    public static Variable mod(Object a, Object b) { return Ops.mod(a, b); }
    /** {@code a ** b}. */
    public static Variable pow(Object a, Object b) { return Ops.pow(a, b); }
    /** {@code -x}. */
    public static Variable neg(Object x) { return Ops.neg(x); }
    /** {@code |x|}. */
    public static Variable abs(Object x) { return Ops.abs(x); }
    /** The real part of a complex tensor (float32 for complex64, float64 for complex128); a real tensor itself. */
    public static Variable real(Object x) { return ComplexOps.real(Operands.of(x)); }
    /** The imaginary part of a complex tensor (a float tensor); zeros like a real tensor. */
    public static Variable imag(Object x) { return ComplexOps.imag(Operands.of(x)); }
    /** The complex conjugate; a real tensor is its own conjugate. */
    public static Variable conj(Object x) { return ComplexOps.conj(Operands.of(x)); }
    /** numpy's {@code angle}: {@code atan2(imag, real)}, a float tensor (0 or pi for real input). */
    public static Variable angle(Object x) { return ComplexOps.angle(Operands.of(x)); }
    /**
     * Theano's {@code complex(re, im)}: {@code re + j im} from two real tensors (broadcast); complex64
     * when both fit a float32, else complex128.
     */
    public static Variable complex(Object re, Object im) { return ComplexOps.complex(Operands.of(re), Operands.of(im)); }
    /** {@code e ** x}. */
    public static Variable exp(Object x) { return Ops.exp(x); }
    /** {@code 2 ** x}. */
    public static Variable exp2(Object x) { return Ops.exp2(x); }
    /** Natural logarithm. */
    public static Variable log(Object x) { return Ops.log(x); }
    /** Base-2 logarithm. */
    public static Variable log2(Object x) { return Ops.log2(x); }
    /** Base-10 logarithm. */
    public static Variable log10(Object x) { return Ops.log10(x); }
    /** {@code log(1 + x)}, accurate for small x. */
    public static Variable log1p(Object x) { return Ops.log1p(x); }
    /** {@code exp(x) - 1}, accurate for small x. */
    public static Variable expm1(Object x) { return Ops.expm1(x); }
    /** Square root. */
    public static Variable sqrt(Object x) { return Ops.sqrt(x); }
    /** {@code x * x}. */
    public static Variable sqr(Object x) { return Ops.sqr(x); }
    /** {@code 1 / x}. */
    public static Variable inv(Object x) { return Ops.inv(x); }
    /** Sine. */
    public static Variable sin(Object x) { return Ops.sin(x); }
    /** Cosine. */
    public static Variable cos(Object x) { return Ops.cos(x); }
    /** Tangent. */
    public static Variable tan(Object x) { return Ops.tan(x); }
    /** Arc tangent. */
    public static Variable arctan(Object x) { return Ops.arctan(x); }
    /** Hyperbolic sine. */
    public static Variable sinh(Object x) { return Ops.sinh(x); }
    /** Hyperbolic cosine. */
    public static Variable cosh(Object x) { return Ops.cosh(x); }
    /** Hyperbolic tangent. */
    public static Variable tanh(Object x) { return Ops.tanh(x); }
    /** The logistic function {@code 1 / (1 + exp(-x))}. */
    public static Variable sigmoid(Object x) { return Ops.sigmoid(x); }
    /** {@code log(1 + exp(x))}, computed without overflow. */
    public static Variable softplus(Object x) { return Ops.softplus(x); }
    /** {@code max(x, 0)}, as Theano's {@code 0.5 * (x + |x|)}: its gradient at 0 is one half. */
    public static Variable relu(Object x) { return Ops.relu(x); }
    /** -1, 0 or 1 by the sign of x. */
    public static Variable sign(Object x) { return Ops.sign(x); }
    /** Round down. */
    public static Variable floor(Object x) { return Ops.floor(x); }
    /** Round up. */
    public static Variable ceil(Object x) { return Ops.ceil(x); }
    /** Round half to even, like numpy. */
    public static Variable round(Object x) { return Ops.round(x); }
    /** Elementwise maximum (NaN propagates). */
    public static Variable maximum(Object a, Object b) { return Ops.maximum(a, b); }
    /** Elementwise minimum (NaN propagates). */
    public static Variable minimum(Object a, Object b) { return Ops.minimum(a, b); }
    /** {@code minimum(maximum(x, lo), hi)}. */
    public static Variable clip(Object x, Object lo, Object hi) { return Ops.clip(x, lo, hi); }

    // ---- comparisons and logic (bool results) ----

    /** {@code a > b}. */
    public static Variable gt(Object a, Object b) { return Ops.gt(a, b); }
    /** {@code a >= b}. */
    public static Variable ge(Object a, Object b) { return Ops.ge(a, b); }
    /** {@code a < b}. */
    public static Variable lt(Object a, Object b) { return Ops.lt(a, b); }
    /** {@code a <= b}. */
    public static Variable le(Object a, Object b) { return Ops.le(a, b); }
    /** {@code a == b}. */
    public static Variable eq(Object a, Object b) { return Ops.eq(a, b); }
    /** {@code a != b}. */
    public static Variable neq(Object a, Object b) { return Ops.neq(a, b); }
    /** Logical (bool) or bitwise (integers) and. */
    public static Variable and(Object a, Object b) { return Ops.and(a, b); }
    /** Logical (bool) or bitwise (integers) or. */
    public static Variable or(Object a, Object b) { return Ops.or(a, b); }
    /** Logical (bool) or bitwise (integers) exclusive or. */
    public static Variable xor(Object a, Object b) { return Ops.xor(a, b); }
    /** Logical (bool) or bitwise (integers) not. */
    public static Variable not(Object a) { return Ops.not(a); }
    /** Theano's {@code T.switch}: elementwise {@code cond ? ifTrue : ifFalse} (both evaluated). */
    public static Variable switchOp(Object cond, Object ifTrue, Object ifFalse) {
        return Ops.switchOp(cond, ifTrue, ifFalse);
    }

    /** Conversion to {@code dtype}. */
    public static Variable cast(Object x, DType dtype) { return Ops.cast(x, dtype); }

    // ---- reductions ----

    /** Sum of all elements. */
    public static Variable sum(Object x) { return Ops.sum(x); }
    /** Sum over {@code axes}. */
    public static Variable sum(Object x, int... axes) { return Ops.sum(x, axes); }
    /** Mean of all elements. */
    public static Variable mean(Object x) { return Ops.mean(x); }
    /** Mean over {@code axes}. */
    public static Variable mean(Object x, int... axes) { return Ops.mean(x, axes); }
    /** Product of all elements. */
    public static Variable prod(Object x) { return Ops.prod(x); }
    /** Product over {@code axes}. */
    public static Variable prod(Object x, int... axes) { return Ops.prod(x, axes); }
    /** Maximum of all elements. */
    public static Variable max(Object x) { return Ops.max(x); }
    /** Maximum over {@code axes}. */
    public static Variable max(Object x, int... axes) { return Ops.max(x, axes); }
    /** Minimum of all elements. */
    public static Variable min(Object x) { return Ops.min(x); }
    /** Minimum over {@code axes}. */
    public static Variable min(Object x, int... axes) { return Ops.min(x, axes); }
    /** Index of the maximum of the flattened tensor. */
    public static Variable argmax(Object x) { return Ops.argmax(x); }
    /** Index of the maximum along {@code axis}. */
    public static Variable argmax(Object x, int axis) { return Ops.argmax(x, axis); }
    /** Index of the minimum of the flattened tensor. */
    public static Variable argmin(Object x) { return Ops.argmin(x); }
    /** Index of the minimum along {@code axis}. */
    public static Variable argmin(Object x, int axis) { return Ops.argmin(x, axis); }
    /** Standard deviation of all elements (ddof 0). */
    public static Variable std(Object x) { return Ops.std(x); }
    /** Standard deviation over {@code axes} (ddof 0). */
    public static Variable std(Object x, int... axes) { return Ops.std(x, axes); }
    /** Variance of all elements (ddof 0). */
    public static Variable var(Object x) { return Ops.var(x); }
    /** Variance over {@code axes} (ddof 0). */
    public static Variable var(Object x, int... axes) { return Ops.var(x, axes); }

    // ---- linear algebra ----

    /** Dot product: vector-vector, matrix-vector, vector-matrix or matrix-matrix. */
    public static Variable dot(Object a, Object b) { return Ops.dot(a, b); }
    /** Outer product of two vectors. */
    public static Variable outer(Object a, Object b) { return Ops.outer(a, b); }

    // ---- shapes ----

    /** Reshape to {@code shape} (one -1 allowed). */
    public static Variable reshape(Object x, long... shape) { return Ops.reshape(x, shape); }
    /** Theano's {@code x.reshape([n0, n1, ...])}: lengths are numbers or integer scalar variables (one may be -1). */
    public static Variable reshape(Object x, List<?> shape) { return ShapeOps.reshape(Operands.of(x), shape); }
    /** Theano's {@code tensor.alloc(value, *shape)}: value broadcast to lengths that are numbers or integer scalar variables. */
    public static Variable alloc(Object value, Object... shape) { return ShapeOps.alloc(value, List.of(shape)); }
    /** Flatten to a vector (C order). */
    public static Variable flatten(Object x) { return Ops.flatten(x); }
    /** Theano's {@code T.flatten(x, ndim)}: the first {@code outdim - 1} axes kept, the rest joined into the last. */
    public static Variable flatten(Object x, int outdim) { return ShapeOps.flatten(Operands.of(x), outdim); }
    /** Permute axes; no {@code perm} reverses them. */
    public static Variable transpose(Object x, int... perm) { return Ops.transpose(x, perm); }

    /** Theano's dimshuffle: axis indices and {@code "x"} (new broadcastable axis). */
    public static Variable dimshuffle(Object x, Object... pattern) {
        return Ops.dimshuffle(x, pattern);
    }

    /** Join tensors along an existing axis. */
    public static Variable concatenate(List<?> xs, int axis) { return Ops.concatenate(xs, axis); }
    /** Join tensors along a new axis. */
    public static Variable stack(List<?> xs, int axis) { return Ops.stack(xs, axis); }
    /** The shape of {@code x} as an int64 vector. */
    public static Variable shape(Object x) { return Ops.shape(x); }
    /** Zeros of x's shape and dtype. */
    public static Variable zerosLike(Object x) { return Ops.zerosLike(x); }
    /** Ones of x's shape and dtype. */
    public static Variable onesLike(Object x) { return Ops.onesLike(x); }
    /** A constant tensor of zeros. */
    public static Variable zeros(DType dtype, long... shape) { return Ops.zeros(dtype, shape); }
    /** A constant tensor of ones. */
    public static Variable ones(DType dtype, long... shape) { return Ops.ones(dtype, shape); }
    /** {@code [0, 1, ..., stop-1]} as int64. */
    public static Variable arange(Object stop) { return Ops.arange(stop); }
    /** {@code [start, start+step, ...)} like numpy.arange. */
    public static Variable arange(Object start, Object stop, Object step) { return Ops.arange(start, stop, step); }
    /** The n x n identity (floatX). */
    public static Variable eye(long n) { return Ops.eye(n); }
    /** An n x m matrix with ones on diagonal k. */
    public static Variable eye(long n, long m, int k, DType dtype) { return Ops.eye(n, m, k, dtype); }

    /** Basic indexing (ints, {@link Slice}s, integer scalar variables), as {@link Variable#get}. */
    public static Variable subtensor(Object x, Object... index) { return Ops.subtensor(x, index); }

    // ---- neural-net helpers ----

    /** Row-wise softmax of a matrix (or of a vector). */
    public static Variable softmax(Object x) { return Ops.softmax(x); }
    /** Row-wise log-softmax, computed stably. */
    public static Variable logSoftmax(Object x) { return Ops.logSoftmax(x); }
    /** {@code -(t*log(p) + (1-t)*log(1-p))} elementwise. */
    public static Variable binaryCrossentropy(Object p, Object target) {
        return Ops.binaryCrossentropy(p, target);
    }
    /** {@code -log(p[i, t[i]])} per row, for integer class indices {@code t} (or one-hot rows). */
    public static Variable categoricalCrossentropy(Object p, Object targetIndices) {
        return Ops.categoricalCrossentropy(p, targetIndices);
    }

    // ---- gradients ----

    /** d cost / d wrt for a scalar cost. */
    public static Variable grad(Variable cost, Variable wrt) { return Gradients.grad(cost, List.of(wrt), false).get(0); }
    /**
     * d cost / d wrt; with {@code disconnectedZero} a {@code wrt} the cost does not depend on
     * gets zeros instead of an {@link IllegalArgumentException}.
     */
    public static Variable grad(Variable cost, Variable wrt, boolean disconnectedZero) {
        return Gradients.grad(cost, List.of(wrt), disconnectedZero).get(0);
    }

    /** d cost / d w for each w of {@code wrt}. */
    public static List<Variable> grad(Variable cost, List<? extends Variable> wrt) { return Gradients.grad(cost, wrt, false); }

    /**
     * Like {@link #grad(Variable, List)}; with {@code disconnectedZero} a {@code wrt} the cost does
     * not depend on gets zeros instead of an error (Theano's {@code disconnected_inputs='ignore'}).
     */
    public static List<Variable> grad(Variable cost, List<? extends Variable> wrt, boolean disconnectedZero) {
        return Gradients.grad(cost, wrt, disconnectedZero);
    }

    /** Jacobian of vector {@code y} with respect to {@code wrt}. */
    public static Variable jacobian(Variable y, Variable wrt) { return Gradients.jacobian(y, wrt); }
    /** Hessian of scalar {@code cost} with respect to vector {@code wrt}. */
    public static Variable hessian(Variable cost, Variable wrt) { return Gradients.hessian(cost, wrt); }
    /** R-operator: Jacobian of {@code y} wrt {@code wrt} times {@code eval}. */
    public static Variable Rop(Variable y, Variable wrt, Variable eval) { return Gradients.rop(y, wrt, eval); }
    /** L-operator: {@code eval} times the Jacobian of {@code y} wrt {@code wrt}. */
    public static Variable Lop(Variable y, Variable wrt, Variable eval) { return Gradients.lop(y, wrt, eval); }

    // ---- control flow ----

    /**
     * Theano's lazy {@code ifelse}: {@code thenBranch} when the scalar {@code cond} is non-zero,
     * else {@code elseBranch}. Unlike {@link #switchOp}, a compiled function evaluates only the
     * chosen branch (nodes that only the other branch needs are skipped). The branches are
     * promoted to a common dtype and must have the same number of axes.
     */
    public static Variable ifelse(Object cond, Object thenBranch, Object elseBranch) {
        return IfElse.ifelse(cond, thenBranch, elseBranch);
    }

    /**
     * Theano's {@code scan}: a loop over the rows of {@code sequences} whose body {@code fn} builds
     * the step graph from the step's symbolic inputs (sequence rows, previous values of the
     * recurrent outputs, non-sequences, in that order). An {@code outputsInfo} entry holding an
     * initial value makes that output recurrent; a {@code null} entry (use {@code Arrays.asList})
     * makes it a plain per-step output. Outputs are stacked along a new axis 0. Taps, updates,
     * {@code until}, {@code truncateGradient}, {@code strict} and the other arguments of
     * {@code theano.scan}: {@link Scan#builder}; see {@link Scan}.
     */
    public static ScanResult scan(Scan.StepFunction fn, List<?> sequences, List<?> outputsInfo, List<?> nonSequences) {
        return Scan.scan(fn, sequences, outputsInfo, nonSequences);
    }

    /** {@link #scan(Scan.StepFunction, List, List, List)} with {@code nSteps} steps (an integer or integer scalar variable). */
    public static ScanResult scan(Scan.StepFunction fn, List<?> sequences, List<?> outputsInfo, List<?> nonSequences, Object nSteps) {
        return Scan.scan(fn, sequences, outputsInfo, nonSequences, nSteps);
    }

    // ---- printing ----

    /** Pretty-prints the expression as a formula. */
    public static String pp(Variable v) { return Printing.formula(v); }
    /** An indented tree of the graph, one node per line (Theano's debugprint). */
    public static String debugprint(Variable v) { return Printing.debugprint(List.of(v)); }
    /** Like {@link #debugprint(Variable)}, at most {@code depth} levels deep (-1: all). */
    public static String debugprint(Variable v, int depth) { return Printing.debugprint(List.of(v), depth); }
    /** The graph of {@code v} in Graphviz DOT (Theano's {@code pydotprint}; render with {@code dot -Tsvg}). */
    public static String pydotprint(Variable v) { return Printing.toDot(List.of(v), v.name() != null ? v.name() : "graph"); }

    // ---- tutorial helpers: shape information, debugging and printing, eval ----
    // (Theano's tutorial pages "shape_info", "debug_faq" and "adding"; kept in one block.)

    /**
     * Theano's {@code T.specify_shape}: {@code x} unchanged, checked at run time to have exactly
     * {@code shape} (an {@link IllegalArgumentException} naming both shapes otherwise).
     */
    public static Variable specifyShape(Object x, long... shape) {
        return Ops.specifyShape(x, shape);
    }

    /**
     * Theano's {@code theano.printing.Print(message)(x)}: {@code x} unchanged; each time the function
     * computes it, prints {@code message __str__ = <value>} to {@link System#out}.
     */
    public static Variable print(String message, Object x) {
        return Ops.print(message, x);
    }

    /** Like {@link #print(String, Object)}, writing each line to {@code sink} instead of System.out. */
    public static Variable print(String message, Object x, Consumer<String> sink) {
        return Ops.print(message, x, sink);
    }

    /**
     * Prints one line {@code message attr = value} per attribute ({@code __str__}, {@code shape},
     * {@code dtype}, {@code ndim}, {@code size}) to {@code sink} (null: System.out), as Theano's
     * {@code Print(message, attrs=...)}.
     */
    public static Variable print(String message, Object x, List<String> attrs, Consumer<String> sink) {
        return Ops.print(message, x, attrs, sink);
    }

    /** Theano's {@code T.join(axis, *tensors)}: {@link #concatenate} with the axis first. */
    public static Variable join(int axis, Object... xs) {
        return Ops.join(axis, xs);
    }

    /**
     * Theano's {@code expr.eval({x: value, ...})}: compiles a function of the map's keys and calls
     * it once with the map's values. For repeated use compile a {@link Function} instead.
     */
    public static org.theano4j.tensor.NDArray eval(Variable expr, Map<Variable, ?> inputs) {
        List<Variable> vars = new ArrayList<>(inputs.keySet());
        Object[] args = vars.stream().map(inputs::get).toArray();
        return Theano.function(vars, expr).call(args);
    }

}
