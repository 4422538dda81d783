package org.theano4j.op;

import static org.theano4j.op.ScalarOp.Out.BOOL;
import static org.theano4j.op.ScalarOp.Out.SAME;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;

/**
 * The fixed scalar functions, one line each: arity, output kind, double and long evaluation,
 * and gradient (built from tensor ops). Float evaluation follows IEEE/numpy (e.g. {@code round}
 * is half-to-even, {@code mod} takes the divisor's sign, {@code pow} is C99's); the long forms are
 * the signed ones (division or modulo by zero gives 0 like numpy, a negative integer power is an
 * error) and {@link ScalarSemantics} adds the uint64 forms and the wrap to the dtype's width.
 */
public enum ScalarOp implements ScalarFn {
    ADD(2, SAME, "+", (a, b, c) -> a + b, (a, b, c) -> a + b, g -> List.of(g.gz, g.gz)),
    SUB(2, SAME, "-", (a, b, c) -> a - b, (a, b, c) -> a - b, g -> List.of(g.gz, Ops.neg(g.gz))),
    MUL(2, SAME, "*", (a, b, c) -> a * b, (a, b, c) -> a * b, g -> List.of(Ops.mul(g.gz, g.y()), Ops.mul(g.gz, g.x()))),
    TRUE_DIV(2, SAME, "/", (a, b, c) -> a / b, null,
            g -> List.of(Ops.div(g.gz, g.y()), Ops.neg(Ops.div(Ops.mul(g.gz, g.x()), Ops.sqr(g.y()))))),
    INT_DIV(2, SAME, "//", (a, b, c) -> Numerics.floorDiv(a, b), (a, b, c) -> b == 0 ? 0 : Math.floorDiv(a, b), g -> zeros(g)),
    MOD(2, SAME, "%", (a, b, c) -> Numerics.mod(a, b), (a, b, c) -> b == 0 ? 0 : Math.floorMod(a, b),
            g -> List.of(g.gz, Ops.mul(g.gz, Ops.neg(Ops.intDiv(g.x(), g.y()))))),
    POW(2, SAME, "**", (a, b, c) -> Numerics.pow(a, b), (a, b, c) -> Numerics.intPow(a, b),
            g -> List.of(Ops.mul(g.gz, Ops.mul(g.y(), Ops.pow(g.x(), Ops.sub(g.y(), 1)))),
                    Ops.switchOp(Ops.eq(g.x(), 0), 0, Ops.mul(g.gz, Ops.mul(Ops.log(g.x()), g.z))))),
    MAXIMUM(2, SAME, null, (a, b, c) -> Numerics.maximum(a, b), (a, b, c) -> Math.max(a, b), g -> pickGrad(g)),
    MINIMUM(2, SAME, null, (a, b, c) -> Numerics.minimum(a, b), (a, b, c) -> Math.min(a, b), g -> pickGrad(g)),
    NEG(1, SAME, null, (a, b, c) -> -a, (a, b, c) -> -a, g -> List.of(Ops.neg(g.gz))),
    ABS(1, SAME, null, (a, b, c) -> Math.abs(a), (a, b, c) -> Math.abs(a), g -> List.of(Ops.mul(g.gz, Ops.sign(g.x())))),
    SIGN(1, SAME, null, (a, b, c) -> Numerics.sign(a), (a, b, c) -> Long.signum(a), g -> zeros(g)),
    FLOOR(1, SAME, null, (a, b, c) -> Math.floor(a), null, g -> zeros(g)),
    CEIL(1, SAME, null, (a, b, c) -> Math.ceil(a), null, g -> zeros(g)),
    ROUND(1, SAME, null, (a, b, c) -> Math.rint(a), null, g -> zeros(g)),
    SQR(1, SAME, null, (a, b, c) -> a * a, (a, b, c) -> a * a, g -> List.of(Ops.mul(g.gz, Ops.mul(g.x(), 2)))),
    SQRT(1, SAME, null, (a, b, c) -> Math.sqrt(a), null, g -> List.of(Ops.div(Ops.mul(g.gz, 0.5), g.z))),
    INV(1, SAME, null, (a, b, c) -> 1 / a, null, g -> List.of(Ops.neg(Ops.mul(g.gz, Ops.sqr(g.z))))),
    EXP(1, SAME, null, (a, b, c) -> Elementary.exp(a), null, g -> List.of(Ops.mul(g.gz, g.z))),
    EXP2(1, SAME, null, (a, b, c) -> Math.pow(2, a), null, g -> List.of(Ops.mul(g.gz, Ops.mul(g.z, Math.log(2))))),
    EXPM1(1, SAME, null, (a, b, c) -> Math.expm1(a), null, g -> List.of(Ops.mul(g.gz, Ops.exp(g.x())))),
    LOG(1, SAME, null, (a, b, c) -> Elementary.log(a), null, g -> List.of(Ops.div(g.gz, g.x()))),
    LOG2(1, SAME, null, (a, b, c) -> Elementary.log(a) / Math.log(2), null, g -> List.of(Ops.div(g.gz, Ops.mul(g.x(), Math.log(2))))),
    LOG10(1, SAME, null, (a, b, c) -> Math.log10(a), null, g -> List.of(Ops.div(g.gz, Ops.mul(g.x(), Math.log(10))))),
    LOG1P(1, SAME, null, (a, b, c) -> Elementary.log1p(a), null, g -> List.of(Ops.div(g.gz, Ops.add(g.x(), 1)))),
    SIN(1, SAME, null, (a, b, c) -> Math.sin(a), null, g -> List.of(Ops.mul(g.gz, Ops.cos(g.x())))),
    COS(1, SAME, null, (a, b, c) -> Math.cos(a), null, g -> List.of(Ops.neg(Ops.mul(g.gz, Ops.sin(g.x()))))),
    TAN(1, SAME, null, (a, b, c) -> Math.tan(a), null, g -> List.of(Ops.mul(g.gz, Ops.add(1, Ops.sqr(g.z))))),
    ARCTAN(1, SAME, null, (a, b, c) -> Math.atan(a), null, g -> List.of(Ops.div(g.gz, Ops.add(1, Ops.sqr(g.x()))))),
    SINH(1, SAME, null, (a, b, c) -> Math.sinh(a), null, g -> List.of(Ops.mul(g.gz, Ops.cosh(g.x())))),
    COSH(1, SAME, null, (a, b, c) -> Math.cosh(a), null, g -> List.of(Ops.mul(g.gz, Ops.sinh(g.x())))),
    TANH(1, SAME, null, (a, b, c) -> Elementary.tanh(a), null, g -> List.of(Ops.mul(g.gz, Ops.sub(1, Ops.sqr(g.z))))),
    SIGMOID(1, SAME, null, (a, b, c) -> 1 / (Elementary.exp(-a) + 1), null,
            g -> List.of(Ops.mul(g.gz, Ops.mul(g.z, Ops.sub(1, g.z))))),
    SOFTPLUS(1, SAME, null, (a, b, c) -> Elementary.softplus(a), null, g -> List.of(Ops.mul(g.gz, Ops.sigmoid(g.x())))),
    GT(2, BOOL, ">", (a, b, c) -> a > b ? 1 : 0, (a, b, c) -> a > b ? 1 : 0, g -> none(g)),
    GE(2, BOOL, ">=", (a, b, c) -> a >= b ? 1 : 0, (a, b, c) -> a >= b ? 1 : 0, g -> none(g)),
    LT(2, BOOL, "<", (a, b, c) -> a < b ? 1 : 0, (a, b, c) -> a < b ? 1 : 0, g -> none(g)),
    LE(2, BOOL, "<=", (a, b, c) -> a <= b ? 1 : 0, (a, b, c) -> a <= b ? 1 : 0, g -> none(g)),
    EQ(2, BOOL, "==", (a, b, c) -> a == b ? 1 : 0, (a, b, c) -> a == b ? 1 : 0, g -> none(g)),
    NEQ(2, BOOL, "!=", (a, b, c) -> a != b ? 1 : 0, (a, b, c) -> a != b ? 1 : 0, g -> none(g)),
    AND(2, SAME, "&", null, (a, b, c) -> a & b, g -> none(g)),
    OR(2, SAME, "|", null, (a, b, c) -> a | b, g -> none(g)),
    XOR(2, SAME, "^", null, (a, b, c) -> a ^ b, g -> none(g)),
    /** Logical not for bool, bitwise not for integers (the long form is fixed up by {@link #applyNot}). */
    NOT(1, SAME, null, null, (a, b, c) -> ~a, g -> none(g)),
    SWITCH(3, SAME, null, (a, b, c) -> a != 0 ? b : c, (a, b, c) -> a != 0 ? b : c,
            g -> Arrays.asList(null, Ops.switchOp(g.x(), g.gz, 0), Ops.switchOp(g.x(), 0, g.gz))),
    CLIP(3, SAME, null, (a, b, c) -> Numerics.clip(a, b, c), (a, b, c) -> Math.min(Math.max(a, b), c),
            g -> List.of(Ops.mul(g.gz, Ops.and(Ops.ge(g.x(), g.y()), Ops.le(g.x(), g.in.get(2)))),
                    Ops.mul(g.gz, Ops.lt(g.x(), g.y())), Ops.mul(g.gz, Ops.gt(g.x(), g.in.get(2))))),
    IDENTITY(1, SAME, null, (a, b, c) -> a, (a, b, c) -> a, g -> List.of(g.gz));

    /** Traits of the scalar functions, read by fusion, the kernels and the tests (one table, here). */
    private static final class Traits {
        static final Set<ScalarOp> CHEAP = EnumSet.of(ADD, SUB, MUL, NEG, ABS, SQR, MAXIMUM, MINIMUM, GT, GE, LT, LE, EQ,
                NEQ, AND, OR, XOR, NOT, SWITCH, IDENTITY);
        static final Set<ScalarOp> BOOL_SAFE = EnumSet.of(GT, GE, LT, LE, EQ, NEQ, AND, OR, XOR, NOT, SWITCH, MAXIMUM,
                MINIMUM, IDENTITY);
        static final Set<ScalarOp> TRANSCENDENTAL = EnumSet.of(EXP, EXPM1, LOG, LOG2, LOG10, LOG1P, SIN, COS, TAN, ARCTAN,
                SINH, COSH, TANH, SIGMOID, SOFTPLUS);
        static final Set<ScalarOp> MODULAR = EnumSet.of(ADD, SUB, MUL, NEG, SQR, AND, OR, XOR, NOT, IDENTITY);
        static final Set<ScalarOp> OVERFLOWING = EnumSet.of(ADD, SUB, MUL, NEG, SQR, POW, ABS, INT_DIV);
    }

    /** Output dtype kinds. */
    enum Out { SAME, BOOL }

    @FunctionalInterface
    interface DoubleFn {
        double apply(double a, double b, double c);
    }

    @FunctionalInterface
    interface LongFn {
        long apply(long a, long b, long c);
    }

    /** Arguments of a gradient rule: inputs, output and output gradient. */
    record GradArgs(List<Variable> in, Variable z, Variable gz) {
        Variable x() {
            return in.get(0);
        }

        Variable y() {
            return in.get(1);
        }
    }

    @FunctionalInterface
    interface GradRule {
        List<Variable> apply(GradArgs g);
    }

    private final int arity;
    private final Out out;
    private final String infix;
    private final DoubleFn doubleFn;
    private final LongFn longFn;
    private final GradRule gradRule;

    ScalarOp(int arity, Out out, String infix, DoubleFn doubleFn, LongFn longFn, GradRule gradRule) {
        this.arity = arity;
        this.out = out;
        this.infix = infix;
        this.doubleFn = doubleFn;
        this.longFn = longFn;
        this.gradRule = gradRule;
    }

    @Override
    public int arity() {
        return arity;
    }

    @Override
    public String infix() {
        return infix;
    }

    @Override
    public DType outputDType(DType compute) {
        return out == BOOL ? DType.BOOL : compute;
    }

    /** Whether the op is defined on floats (logic ops are not). */
    public boolean acceptsFloat() {
        return doubleFn != null;
    }

    @Override
    public boolean acceptsInteger() {
        return longFn != null;
    }

    @Override
    public int conditionInput() {
        return this == SWITCH ? 0 : -1;
    }

    @Override
    public double applyDouble(double a, double b, double c) {
        return doubleFn.apply(a, b, c);
    }

    @Override
    public long applyLong(long a, long b, long c) {
        return longFn.apply(a, b, c);
    }

    /** Whether recomputing the function where its result is used costs less than a trip through memory (fusion may duplicate it). */
    public boolean isCheap() {
        return Traits.CHEAP.contains(this);
    }

    /** Whether the function maps 0/1 operands to 0/1, so that it may compute in bool. */
    public boolean isBoolSafe() {
        return Traits.BOOL_SAFE.contains(this);
    }

    /** Whether its vector forms (SVML, CUDA's libdevice) may differ from {@link java.lang.Math} by a few ulp. */
    public boolean isTranscendental() {
        return Traits.TRANSCENDENTAL.contains(this);
    }

    /** Whether the low bits of its integer result depend only on the low bits of every operand. */
    public boolean isModular() {
        return Traits.MODULAR.contains(this);
    }

    /** Whether its integer result may leave the dtype's range on in-range operands. */
    public boolean mayOverflow() {
        return Traits.OVERFLOWING.contains(this);
    }

    /** NOT on a bool is logical; {@link #applyLong} gives the bitwise form used for integers. */
    public static long applyNot(long a, boolean isBool) {
        return isBool ? (a == 0 ? 1 : 0) : ~a;
    }

    @Override
    public List<Variable> grad(List<Variable> inputs, Variable output, Variable outputGrad) {
        return gradRule.apply(new GradArgs(inputs, output, outputGrad));
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    private static List<Variable> zeros(GradArgs g) {
        return g.in.stream().map(Ops::zerosLike).toList();
    }

    private static List<Variable> none(GradArgs g) {
        return Arrays.asList(new Variable[g.in.size()]);
    }

    /**
     * Theano's rule for maximum and minimum: the whole gradient goes to the first operand where
     * it is the result (ties included), else to the second ({@code neq} is {@code 1 - eq}, NaN too).
     */
    private static List<Variable> pickGrad(GradArgs g) {
        return List.of(Ops.mul(g.gz, Ops.eq(g.z, g.x())), Ops.mul(g.gz, Ops.neq(g.z, g.x())));
    }
}
