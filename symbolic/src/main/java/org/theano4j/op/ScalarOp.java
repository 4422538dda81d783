package org.theano4j.op;

import static org.theano4j.op.ScalarOp.Kinds.ANY;
import static org.theano4j.op.ScalarOp.Kinds.FLOAT;
import static org.theano4j.op.ScalarOp.Kinds.INTEGER;
import static org.theano4j.op.ScalarOp.Out.BOOL;
import static org.theano4j.op.ScalarOp.Out.SAME;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;

/**
 * The fixed scalar functions: one table line each (arity, output kind, infix, operand kinds) and
 * one line each in the float, integer and gradient switches below (gradients are built from tensor
 * ops). Switches, not a lambda per entry: the ~140 lambdas cost about 20 ms of class initialisation
 * in a fresh JVM, paid before the first graph is built (README, "Cold start"). Float evaluation follows IEEE/numpy (e.g. {@code round}
 * is half-to-even, {@code mod} takes the divisor's sign, {@code pow} is C99's); the long forms are
 * the signed ones (division or modulo by zero gives 0 like numpy, a negative integer power is an
 * error) and {@link ScalarSemantics} adds the uint64 forms and the wrap to the dtype's width.
 */
public enum ScalarOp implements ScalarFn {
    ADD(2, SAME, "+", ANY),
    SUB(2, SAME, "-", ANY),
    MUL(2, SAME, "*", ANY),
    TRUE_DIV(2, SAME, "/", FLOAT),
    INT_DIV(2, SAME, "//", ANY),
    MOD(2, SAME, "%", ANY),
    POW(2, SAME, "**", ANY),
    MAXIMUM(2, SAME, null, ANY),
    MINIMUM(2, SAME, null, ANY),
    NEG(1, SAME, null, ANY),
    ABS(1, SAME, null, ANY),
    SIGN(1, SAME, null, ANY),
    FLOOR(1, SAME, null, FLOAT),
    CEIL(1, SAME, null, FLOAT),
    ROUND(1, SAME, null, FLOAT),
    SQR(1, SAME, null, ANY),
    SQRT(1, SAME, null, FLOAT),
    INV(1, SAME, null, FLOAT),
    EXP(1, SAME, null, FLOAT),
    EXP2(1, SAME, null, FLOAT),
    EXPM1(1, SAME, null, FLOAT),
    LOG(1, SAME, null, FLOAT),
    LOG2(1, SAME, null, FLOAT),
    LOG10(1, SAME, null, FLOAT),
    LOG1P(1, SAME, null, FLOAT),
    SIN(1, SAME, null, FLOAT),
    COS(1, SAME, null, FLOAT),
    TAN(1, SAME, null, FLOAT),
    ARCTAN(1, SAME, null, FLOAT),
    SINH(1, SAME, null, FLOAT),
    COSH(1, SAME, null, FLOAT),
    TANH(1, SAME, null, FLOAT),
    SIGMOID(1, SAME, null, FLOAT),
    SOFTPLUS(1, SAME, null, FLOAT),
    GT(2, BOOL, ">", ANY),
    GE(2, BOOL, ">=", ANY),
    LT(2, BOOL, "<", ANY),
    LE(2, BOOL, "<=", ANY),
    EQ(2, BOOL, "==", ANY),
    NEQ(2, BOOL, "!=", ANY),
    AND(2, SAME, "&", INTEGER),
    OR(2, SAME, "|", INTEGER),
    XOR(2, SAME, "^", INTEGER),
    /** Logical not for bool, bitwise not for integers (the long form is fixed up by {@link #applyNot}). */
    NOT(1, SAME, null, INTEGER),
    SWITCH(3, SAME, null, ANY),
    CLIP(3, SAME, null, ANY),
    IDENTITY(1, SAME, null, ANY);

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

    /** Which operand kinds a function is defined on (logic ops have no float form, most transcendentals no integer form). */
    enum Kinds { ANY, FLOAT, INTEGER }

    /** Arguments of a gradient rule: inputs, output and output gradient. */
    record GradArgs(List<Variable> in, Variable z, Variable gz) {
        Variable x() {
            return in.get(0);
        }

        Variable y() {
            return in.get(1);
        }
    }

    private final int arity;
    private final Out out;
    private final String infix;
    private final Kinds kinds;

    ScalarOp(int arity, Out out, String infix, Kinds kinds) {
        this.arity = arity;
        this.out = out;
        this.infix = infix;
        this.kinds = kinds;
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
        return kinds != Kinds.INTEGER;
    }

    @Override
    public boolean acceptsInteger() {
        return kinds != Kinds.FLOAT;
    }

    @Override
    public int conditionInput() {
        return this == SWITCH ? 0 : -1;
    }

    @Override
    public double applyDouble(double a, double b, double c) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case TRUE_DIV -> a / b;
            case INT_DIV -> Numerics.floorDiv(a, b);
            case MOD -> Numerics.mod(a, b);
            case POW -> Numerics.pow(a, b);
            case MAXIMUM -> Numerics.maximum(a, b);
            case MINIMUM -> Numerics.minimum(a, b);
            case NEG -> -a;
            case ABS -> Math.abs(a);
            case SIGN -> Numerics.sign(a);
            case FLOOR -> Math.floor(a);
            case CEIL -> Math.ceil(a);
            case ROUND -> Math.rint(a);
            case SQR -> a * a;
            case SQRT -> Math.sqrt(a);
            case INV -> 1 / a;
            case EXP -> Elementary.exp(a);
            case EXP2 -> Math.pow(2, a);
            case EXPM1 -> Math.expm1(a);
            case LOG -> Elementary.log(a);
            case LOG2 -> Elementary.log(a) / Math.log(2);
            case LOG10 -> Math.log10(a);
            case LOG1P -> Elementary.log1p(a);
            case SIN -> Math.sin(a);
            case COS -> Math.cos(a);
            case TAN -> Math.tan(a);
            case ARCTAN -> Math.atan(a);
            case SINH -> Math.sinh(a);
            case COSH -> Math.cosh(a);
            case TANH -> Elementary.tanh(a);
            case SIGMOID -> 1 / (Elementary.exp(-a) + 1);
            case SOFTPLUS -> Elementary.softplus(a);
            case GT -> a > b ? 1 : 0;
            case GE -> a >= b ? 1 : 0;
            case LT -> a < b ? 1 : 0;
            case LE -> a <= b ? 1 : 0;
            case EQ -> a == b ? 1 : 0;
            case NEQ -> a != b ? 1 : 0;
            case SWITCH -> a != 0 ? b : c;
            case CLIP -> Numerics.clip(a, b, c);
            case IDENTITY -> a;
            case AND, OR, XOR, NOT -> throw noForm("float");
        };
    }

    @Override
    public long applyLong(long a, long b, long c) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case INT_DIV -> b == 0 ? 0 : Math.floorDiv(a, b);
            case MOD -> b == 0 ? 0 : Math.floorMod(a, b);
            case POW -> Numerics.intPow(a, b);
            case MAXIMUM -> Math.max(a, b);
            case MINIMUM -> Math.min(a, b);
            case NEG -> -a;
            case ABS -> Math.abs(a);
            case SIGN -> Long.signum(a);
            case SQR -> a * a;
            case GT -> a > b ? 1 : 0;
            case GE -> a >= b ? 1 : 0;
            case LT -> a < b ? 1 : 0;
            case LE -> a <= b ? 1 : 0;
            case EQ -> a == b ? 1 : 0;
            case NEQ -> a != b ? 1 : 0;
            case AND -> a & b;
            case OR -> a | b;
            case XOR -> a ^ b;
            case NOT -> ~a;
            case SWITCH -> a != 0 ? b : c;
            case CLIP -> Math.min(Math.max(a, b), c);
            case IDENTITY -> a;
            default -> throw noForm("integer");
        };
    }

    private UnsupportedOperationException noForm(String kind) {
        return new UnsupportedOperationException(this + " has no " + kind + " form");
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
        return gradient(new GradArgs(inputs, output, outputGrad));
    }

    /** The gradient rules, one line each, built from tensor ops. */
    private List<Variable> gradient(GradArgs g) {
        return switch (this) {
            case ADD -> List.of(g.gz, g.gz);
            case SUB -> List.of(g.gz, Ops.neg(g.gz));
            case MUL -> List.of(Ops.mul(g.gz, g.y()), Ops.mul(g.gz, g.x()));
            case TRUE_DIV -> List.of(Ops.div(g.gz, g.y()), Ops.neg(Ops.div(Ops.mul(g.gz, g.x()), Ops.sqr(g.y()))));
            case INT_DIV, SIGN, FLOOR, CEIL, ROUND -> zeros(g);
            case MOD -> List.of(g.gz, Ops.mul(g.gz, Ops.neg(Ops.intDiv(g.x(), g.y()))));
            case POW -> List.of(Ops.mul(g.gz, Ops.mul(g.y(), Ops.pow(g.x(), Ops.sub(g.y(), 1)))),
                    Ops.switchOp(Ops.eq(g.x(), 0), 0, Ops.mul(g.gz, Ops.mul(Ops.log(g.x()), g.z))));
            case MAXIMUM, MINIMUM -> pickGrad(g);
            case NEG -> List.of(Ops.neg(g.gz));
            case ABS -> List.of(Ops.mul(g.gz, Ops.sign(g.x())));
            case SQR -> List.of(Ops.mul(g.gz, Ops.mul(g.x(), 2)));
            case SQRT -> List.of(Ops.div(Ops.mul(g.gz, 0.5), g.z));
            case INV -> List.of(Ops.neg(Ops.mul(g.gz, Ops.sqr(g.z))));
            case EXP -> List.of(Ops.mul(g.gz, g.z));
            case EXP2 -> List.of(Ops.mul(g.gz, Ops.mul(g.z, Math.log(2))));
            case EXPM1 -> List.of(Ops.mul(g.gz, Ops.exp(g.x())));
            case LOG -> List.of(Ops.div(g.gz, g.x()));
            case LOG2 -> List.of(Ops.div(g.gz, Ops.mul(g.x(), Math.log(2))));
            case LOG10 -> List.of(Ops.div(g.gz, Ops.mul(g.x(), Math.log(10))));
            case LOG1P -> List.of(Ops.div(g.gz, Ops.add(g.x(), 1)));
            case SIN -> List.of(Ops.mul(g.gz, Ops.cos(g.x())));
            case COS -> List.of(Ops.neg(Ops.mul(g.gz, Ops.sin(g.x()))));
            case TAN -> List.of(Ops.mul(g.gz, Ops.add(1, Ops.sqr(g.z))));
            case ARCTAN -> List.of(Ops.div(g.gz, Ops.add(1, Ops.sqr(g.x()))));
            case SINH -> List.of(Ops.mul(g.gz, Ops.cosh(g.x())));
            case COSH -> List.of(Ops.mul(g.gz, Ops.sinh(g.x())));
            case TANH -> List.of(Ops.mul(g.gz, Ops.sub(1, Ops.sqr(g.z))));
            case SIGMOID -> List.of(Ops.mul(g.gz, Ops.mul(g.z, Ops.sub(1, g.z))));
            case SOFTPLUS -> List.of(Ops.mul(g.gz, Ops.sigmoid(g.x())));
            case GT, GE, LT, LE, EQ, NEQ, AND, OR, XOR, NOT -> none(g);
            case SWITCH -> Arrays.asList(null, Ops.switchOp(g.x(), g.gz, 0), Ops.switchOp(g.x(), 0, g.gz));
            case CLIP -> List.of(Ops.mul(g.gz, Ops.and(Ops.ge(g.x(), g.y()), Ops.le(g.x(), g.in.get(2)))),
                    Ops.mul(g.gz, Ops.lt(g.x(), g.y())), Ops.mul(g.gz, Ops.gt(g.x(), g.in.get(2))));
            case IDENTITY -> List.of(g.gz);
        };
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
