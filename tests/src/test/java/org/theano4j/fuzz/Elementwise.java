package org.theano4j.fuzz;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.theano4j.tensor.DType;

/**
 * numpy's elementwise semantics, one scalar at a time. Integers are exact ({@link BigInteger})
 * and wrap to the result's width; floats are computed in double and rounded to the dtype, which
 * for + - * / sqrt equals IEEE single/double arithmetic. Each result carries an error bound:
 * 0 for exactly rounded ops on exact operands, a few ulps for transcendental functions, a
 * first-order propagated bound for inexact operands, and +inf where numpy leaves the value
 * undefined (float to integer casts out of range, NaN to integer) or the operands are too
 * uncertain (a comparison within its operands' error).
 */
final class Elementwise {
    static final Set<String> UNARY = Set.of("neg", "abs", "sqr", "sign", "exp", "log", "sqrt", "tanh", "sigmoid",
            "floor", "ceil", "not");
    static final Set<String> BINARY = Set.of("add", "sub", "mul", "div", "intdiv", "mod", "pow", "maximum", "minimum",
            "gt", "ge", "lt", "le", "eq", "neq", "and", "or", "xor");
    static final Set<String> COMPARISONS = Set.of("gt", "ge", "lt", "le", "eq", "neq");
    private static final Set<String> TRANSCENDENTAL = Set.of("exp", "log", "tanh", "sigmoid", "pow");
    /** Allowed error of one transcendental call, in ulps of the result: both sides may be a few ulps off. */
    private static final double TRANSCENDENTAL_ULPS = 8;
    private static final double INF = Double.POSITIVE_INFINITY;

    /** One scalar: an exact integer {@code i} or a double {@code f}, its error bound and zero-sign looseness. */
    static final class S {
        BigInteger i;
        double f;
        double err;
        boolean loose;

        static S ofInt(BigInteger v, double err) {
            S s = new S();
            s.i = v;
            s.err = err;
            return s;
        }

        static S ofFloat(double v, double err, boolean loose) {
            S s = new S();
            s.f = v;
            s.err = err;
            s.loose = loose;
            return s;
        }

        boolean truthy() {
            return i != null ? i.signum() != 0 : f != 0;
        }
    }

    private Elementwise() {
    }

    /** The dtype the operands are converted to: numpy's, a weak scalar taking its partner's dtype. */
    static DType computeDType(String op, List<DType> dtypes, List<Boolean> weak) {
        int from = op.equals("switch") ? 1 : 0;
        DType strong = null;
        for (int k = from; k < dtypes.size(); k++) {
            if (!weak.get(k)) {
                strong = strong == null ? dtypes.get(k) : Dtypes.promote(strong, dtypes.get(k));
            }
        }
        if (strong == null) {
            throw new IllegalArgumentException(op + " of weak scalars only");
        }
        for (int k = from; k < dtypes.size(); k++) {
            if (weak.get(k) && kindRank(dtypes.get(k)) > kindRank(strong)) {
                // a Python/Java scalar of a higher kind: bool + 1 is int64, int8 + 1.5 is float64
                strong = Dtypes.promote(strong, dtypes.get(k).isFloat() ? DType.FLOAT64 : DType.INT64);
            }
        }
        if (op.equals("div") && !strong.isFloat()) {
            return DType.FLOAT64;
        }
        return strong;
    }

    private static int kindRank(DType d) {
        return d.isBool() ? 0 : d.isFloat() ? 2 : 1;
    }

    /** The result dtype of {@code op} computed in {@code compute}. */
    static DType resultDType(String op, DType compute) {
        return COMPARISONS.contains(op) ? DType.BOOL : compute;
    }

    /** {@code s} (of dtype {@code from}) converted to {@code to} with numpy's astype semantics. */
    static S cast(S s, DType from, DType to) {
        if (from == to) {
            return s;
        }
        if (!from.isFloat()) {
            if (!to.isFloat()) {
                return S.ofInt(Dtypes.wrap(to, s.i), s.err);
            }
            return S.ofFloat(Dtypes.intToFloat(to, s.i), s.err == 0 ? 0 : INF, false);
        }
        if (to.isFloat()) {
            double r = Dtypes.round(to, s.f);
            double err = s.err == 0 ? 0 : s.err + Dtypes.ulp(to, r);
            return S.ofFloat(r, err, s.loose);
        }
        if (to == DType.BOOL) {
            boolean certain = s.err == 0 || !Double.isNaN(s.f) && Math.abs(s.f) > s.err;
            return S.ofInt(s.f != 0 ? BigInteger.ONE : BigInteger.ZERO, certain ? 0 : INF);
        }
        if (Double.isNaN(s.f) || Double.isInfinite(s.f)) {
            return S.ofInt(BigInteger.ZERO, INF);
        }
        double lo = truncate(s.f - s.err);
        double hi = truncate(s.f + s.err);
        BigInteger t = new java.math.BigDecimal(truncate(s.f)).toBigInteger();
        boolean known = lo == hi && Dtypes.fits(to, t);
        return S.ofInt(known ? t : BigInteger.ZERO, known ? 0 : INF);
    }

    private static double truncate(double v) {
        return v < 0 ? Math.ceil(v) : Math.floor(v);
    }

    /** {@code op} on operands already converted to {@code d} (a switch's condition keeps its own dtype). */
    static S apply(String op, DType d, S a, S b, S c) {
        boolean unknown = a.err == INF || b != null && b.err == INF || c != null && c.err == INF;
        if (op.equals("switch")) {
            return select(a, b, c);
        }
        if (unknown) {
            return d.isFloat() && !COMPARISONS.contains(op) ? S.ofFloat(0, INF, false) : S.ofInt(BigInteger.ZERO, INF);
        }
        if (d.isFloat()) {
            return switch (op) {
                case "clip" -> clip(d, a, b, c);
                default -> b == null ? FloatOps.unary(op, d, a) : FloatOps.binary(op, d, a, b);
            };
        }
        BigInteger r = integer(op, d, a.i, b == null ? null : b.i, c == null ? null : c.i);
        return S.ofInt(Dtypes.wrap(resultDType(op, d), r), 0);
    }

    private static S select(S cond, S a, S b) {
        if (cond.err == 0) {
            return cond.truthy() ? a : b;
        }
        if (a.i != null) {
            boolean same = a.err == 0 && b.err == 0 && a.i.equals(b.i);
            return S.ofInt(a.i, same ? 0 : INF);
        }
        double spread = Math.abs(a.f - b.f) + Math.max(a.err, b.err);
        return S.ofFloat(a.f, Double.isNaN(spread) ? INF : spread, true);
    }

    /** numpy.clip for floats: NaN anywhere gives NaN; the sign of a zero result is left open. */
    private static S clip(DType d, S x, S lo, S hi) {
        double r;
        if (Double.isNaN(x.f) || Double.isNaN(lo.f) || Double.isNaN(hi.f)) {
            r = Double.NaN;
        } else {
            double m = x.f > lo.f ? x.f : lo.f;
            r = m < hi.f ? m : hi.f;
        }
        double err = Math.max(x.err, Math.max(lo.err, hi.err));
        return S.ofFloat(r, err, true);
    }

    /** Exact integer (and bool) semantics before wrapping; x // 0 == x % 0 == 0 as numpy. */
    private static BigInteger integer(String op, DType d, BigInteger a, BigInteger b, BigInteger c) {
        boolean bool = d == DType.BOOL;
        return switch (op) {
            case "add" -> bool ? a.or(b) : a.add(b);
            case "sub" -> a.subtract(b);
            case "mul" -> bool ? a.and(b) : a.multiply(b);
            case "intdiv" -> b.signum() == 0 ? BigInteger.ZERO : floorDiv(a, b);
            case "mod" -> b.signum() == 0 ? BigInteger.ZERO : a.subtract(floorDiv(a, b).multiply(b));
            case "pow" -> a.pow(b.intValueExact());
            case "maximum" -> a.max(b);
            case "minimum" -> a.min(b);
            case "gt" -> bit(a.compareTo(b) > 0);
            case "ge" -> bit(a.compareTo(b) >= 0);
            case "lt" -> bit(a.compareTo(b) < 0);
            case "le" -> bit(a.compareTo(b) <= 0);
            case "eq" -> bit(a.equals(b));
            case "neq" -> bit(!a.equals(b));
            case "and" -> a.and(b);
            case "or" -> a.or(b);
            case "xor" -> a.xor(b);
            case "neg" -> a.negate();
            case "abs" -> a.abs();
            case "sqr" -> a.multiply(a);
            case "sign" -> BigInteger.valueOf(a.signum());
            case "not" -> bool ? bit(a.signum() == 0) : a.not();
            case "clip" -> a.max(b).min(c);
            default -> throw new IllegalArgumentException(op + " is not an integer op");
        };
    }

    private static BigInteger floorDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        if (qr[1].signum() != 0 && qr[1].signum() != b.signum()) {
            return qr[0].subtract(BigInteger.ONE);
        }
        return qr[0];
    }

    private static BigInteger bit(boolean b) {
        return b ? BigInteger.ONE : BigInteger.ZERO;
    }

    /** Float arithmetic with numpy's (C99's) special cases and first-order error propagation. */
    static final class FloatOps {
        private FloatOps() {
        }

        static S unary(String op, DType d, S a) {
            double x = a.f;
            double ea = a.err;
            double r;
            double prop;
            boolean loose = a.loose;
            switch (op) {
                case "neg" -> { r = -x; prop = ea; }
                case "abs" -> { r = Math.abs(x); prop = ea; loose = false; }
                case "sqr" -> { r = x * x; prop = 2 * Math.abs(x) * ea + ea * ea; loose = false; }
                case "sign" -> {
                    r = x > 0 ? 1 : x < 0 ? -1 : x == 0 ? 0 : Double.NaN;
                    loose = true; // numpy versions differ on sign(-0.0)
                    return S.ofFloat(r, ea == 0 || Math.abs(x) > ea ? 0 : INF, loose);
                }
                case "floor", "ceil" -> {
                    r = op.equals("floor") ? Math.floor(x) : Math.ceil(x);
                    double lo = op.equals("floor") ? Math.floor(x - ea) : Math.ceil(x - ea);
                    double hi = op.equals("floor") ? Math.floor(x + ea) : Math.ceil(x + ea);
                    return S.ofFloat(r, ea == 0 ? 0 : lo == hi ? 0 : INF, loose || ea > 0);
                }
                case "sqrt" -> { r = Math.sqrt(x); prop = ea == 0 ? 0 : x - ea > 0 ? ea / Math.sqrt(x - ea) : INF; }
                case "exp" -> { r = Math.exp(x); prop = Math.abs(r) * Math.expm1(ea); loose = false; }
                case "log" -> { r = Math.log(x); prop = ea == 0 ? 0 : x - ea > 0 ? -Math.log1p(-ea / x) : INF; loose = false; }
                case "tanh" -> { r = Math.tanh(x); prop = ea; }
                case "sigmoid" -> { r = sigmoid(x); prop = ea / 4; loose = false; }
                default -> throw new IllegalArgumentException(op + " is not a float op");
            }
            return finish(op, d, r, prop, ea > 0, loose, x, 0);
        }

        /** A logistic accurate to an ulp or two in double, without overflow. */
        static double sigmoid(double x) {
            if (x >= 0) {
                return 1 / (1 + Math.exp(-x));
            }
            double e = Math.exp(x);
            return e / (1 + e);
        }

        static S binary(String op, DType d, S a, S b) {
            double x = a.f;
            double y = b.f;
            double ea = a.err;
            double eb = b.err;
            boolean inexact = ea > 0 || eb > 0;
            boolean loose = a.loose || b.loose;
            if (COMPARISONS.contains(op)) {
                return compare(op, x, y, inexact ? ea + eb : 0);
            }
            double r;
            double prop;
            switch (op) {
                case "add" -> { r = x + y; prop = ea + eb; }
                case "sub" -> { r = x - y; prop = ea + eb; }
                case "mul" -> { r = x * y; prop = Math.abs(x) * eb + Math.abs(y) * ea + ea * eb; }
                case "div" -> {
                    r = x / y;
                    if (y == 0 && b.loose && x == x && x != 0) {
                        return S.ofFloat(r, INF, false); // the sign of the infinity is the zero's sign
                    }
                    prop = Math.abs(y) > eb ? (ea + Math.abs(Dtypes.round(d, r)) * eb) / (Math.abs(y) - eb) : INF;
                }
                case "maximum" -> { r = x != x ? x : y != y ? y : x > y ? x : y; prop = Math.max(ea, eb); loose |= inexact; }
                case "minimum" -> { r = x != x ? x : y != y ? y : x < y ? x : y; prop = Math.max(ea, eb); loose |= inexact; }
                case "pow" -> { return pow(d, a, b); }
                case "intdiv", "mod" -> {
                    if (b.loose && y == 0 || inexact) {
                        return S.ofFloat(0, INF, false);
                    }
                    double[] dm = divmod(d, x, y);
                    if (op.equals("mod")) {
                        return S.ofFloat(dm[1], 0, loose);
                    }
                    // past 2^(p-1) numpy's float32/64 steps round away from the true floor; either is accepted
                    boolean huge = Math.abs(dm[0]) >= Math.scalb(1.0, Dtypes.mantissaBits(d) - 1);
                    return S.ofFloat(dm[0], huge && Double.isFinite(dm[0]) ? 2 * Dtypes.ulp(d, dm[0]) : 0, loose);
                }
                default -> throw new IllegalArgumentException(op + " is not a float op");
            }
            if (inexact && (x != x && ea == 0 || y != y && eb == 0)) {
                return S.ofFloat(Double.NaN, 0, false); // an exact NaN operand makes the result NaN regardless
            }
            return finish(op, d, r, prop, inexact, loose, x, y);
        }

        private static S compare(String op, double x, double y, double tol) {
            boolean v = switch (op) {
                case "gt" -> x > y;
                case "ge" -> x >= y;
                case "lt" -> x < y;
                case "le" -> x <= y;
                case "eq" -> x == y;
                default -> x != y;
            };
            boolean certain = tol == 0 || Double.isFinite(x) && Double.isFinite(y) && Math.abs(x - y) > tol;
            return S.ofInt(v ? BigInteger.ONE : BigInteger.ZERO, certain ? 0 : INF);
        }

        /** C99's pow, which Java's Math.pow departs from for pow(1, y) and pow(-1, +-inf). */
        static double c99pow(double x, double y) {
            if (y == 0 || x == 1) {
                return 1;
            }
            if (x == -1 && Double.isInfinite(y)) {
                return 1;
            }
            return Math.pow(x, y);
        }

        private static S pow(DType d, S a, S b) {
            double x = a.f;
            double y = b.f;
            double r = c99pow(x, y);
            if (a.loose && x == 0 && y < 0) {
                return S.ofFloat(r, INF, false);
            }
            boolean inexact = a.err > 0 || b.err > 0;
            double prop = 0;
            if (inexact) {
                double ax = Math.abs(x);
                boolean integerY = b.err == 0 && y == Math.rint(y);
                if (ax - a.err > 0 && (x > 0 || integerY) && Double.isFinite(r)) {
                    prop = Math.abs(r) * (Math.abs(y) * a.err / (ax - a.err) + (b.err > 0 ? Math.abs(Math.log(ax)) * b.err : 0));
                    prop *= 1.01;
                } else {
                    prop = INF;
                }
            }
            return finish("pow", d, r, prop, inexact, a.loose && r == 0, x, y);
        }

        /** Rounds {@code r} to {@code d} and sets its bound: exact ops exact, transcendental ones a few ulps. */
        private static S finish(String op, DType d, double r, double prop, boolean inexact, boolean loose, double x, double y) {
            double v = Dtypes.round(d, r);
            if (!Double.isFinite(v)) {
                boolean special = !Double.isFinite(x) || !Double.isFinite(y) || Double.isNaN(v);
                boolean exactly = !inexact && (special || !TRANSCENDENTAL.contains(op) || Math.abs(r) > Dtypes.maxFinite(d) * 1.01);
                return S.ofFloat(v, exactly ? 0 : INF, false);
            }
            double err = 0;
            if (TRANSCENDENTAL.contains(op) && !isSpecialResult(op, x, y)) {
                err = TRANSCENDENTAL_ULPS * Dtypes.ulp(d, v);
                if (op.equals("sigmoid")) {
                    err += d == DType.FLOAT32 ? 0x1p-30 : 0x1p-60; // saturated tails (Theano cuts them off)
                }
            }
            if (inexact) {
                err += prop + Dtypes.ulp(d, v);
            }
            return S.ofFloat(v, Double.isNaN(err) ? INF : err, loose);
        }

        /** Special values of transcendental functions are exact in C99 (exp(-inf) = 0, pow(x, 0) = 1, ...). */
        private static boolean isSpecialResult(String op, double x, double y) {
            return switch (op) {
                case "pow" -> y == 0 || x == 1 || !Double.isFinite(x) || !Double.isFinite(y) || x == 0;
                case "log" -> x == 1 || x <= 0 || !Double.isFinite(x);
                default -> !Double.isFinite(x) || op.equals("tanh") && x == 0 || op.equals("exp") && x == 0;
            };
        }

        /** numpy's npy_divmod (floor_divide, remainder), each step rounded to {@code d}. */
        static double[] divmod(DType d, double a, double b) {
            double mod = Dtypes.round(d, a % b);
            if (b == 0) {
                return new double[] {Dtypes.round(d, a / b), mod};
            }
            double div = Dtypes.round(d, Dtypes.round(d, a - mod) / b);
            if (mod != 0) {
                if ((b < 0) != (mod < 0)) {
                    mod = Dtypes.round(d, mod + b);
                    div = Dtypes.round(d, div - 1.0);
                }
            } else {
                mod = Math.copySign(0.0, b);
            }
            double floordiv;
            if (div != 0) {
                floordiv = Math.floor(div);
                if (Dtypes.round(d, div - floordiv) > 0.5) {
                    floordiv = Dtypes.round(d, floordiv + 1.0);
                }
            } else {
                floordiv = Math.copySign(0.0, Dtypes.round(d, a / b));
            }
            return new double[] {floordiv, mod};
        }
    }
}
