package org.theano4j.cpu;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.theano4j.T;
import org.theano4j.Variable;
import org.theano4j.op.ScalarCast;
import org.theano4j.op.ScalarExpr;
import org.theano4j.op.ScalarFn;
import org.theano4j.op.ScalarOp;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Random integer and bool expression trees for the property test, built three ways at once: as a
 * graph of the {@code T} facade, as the {@link ScalarExpr} a composite kernel runs, and as an
 * oracle in {@link BigInteger} arithmetic written from numpy's definitions (exact result, then
 * reduced modulo 2^width into the dtype's range; floor division and modulo round toward minus
 * infinity, a zero divisor gives 0), which shares no code with the library. Leaves are inputs of
 * random shapes (full, row, column, vector, 0-d; contiguous, strided, reversed or transposed
 * views) with edge values, typed 0-d constants, and float inputs under a cast to an integer.
 */
final class IntegerTrees {
    static final List<DType> INTEGERS = List.of(DType.INT8, DType.INT16, DType.INT32, DType.INT64, DType.UINT8,
            DType.UINT16, DType.UINT32, DType.UINT64);
    private static final List<DType> SMALL = List.of(DType.INT8, DType.INT16, DType.UINT8, DType.UINT16);
    /** Operations (the overflowing ones twice: their wrapped results then feed the others). */
    private static final ScalarOp[] INT_OPS = {ScalarOp.ADD, ScalarOp.SUB, ScalarOp.MUL, ScalarOp.ADD, ScalarOp.SUB,
        ScalarOp.MUL, ScalarOp.SQR, ScalarOp.NEG, ScalarOp.INT_DIV, ScalarOp.MOD,
        ScalarOp.MAXIMUM, ScalarOp.MINIMUM, ScalarOp.AND, ScalarOp.OR, ScalarOp.XOR, ScalarOp.NEG, ScalarOp.ABS,
        ScalarOp.SIGN, ScalarOp.NOT, ScalarOp.SQR, ScalarOp.POW, ScalarOp.CLIP, ScalarOp.SWITCH};
    private static final ScalarOp[] COMPARISONS = {ScalarOp.GT, ScalarOp.GE, ScalarOp.LT, ScalarOp.LE, ScalarOp.EQ,
        ScalarOp.NEQ};
    private static final ScalarOp[] BOOL_OPS = {ScalarOp.AND, ScalarOp.OR, ScalarOp.XOR, ScalarOp.NOT, ScalarOp.MAXIMUM,
        ScalarOp.MINIMUM, ScalarOp.SWITCH};

    /** The oracle of a subtree: its exact value at one output element. */
    @FunctionalInterface
    interface Oracle {
        BigInteger at(int r, int c);
    }

    /** A subtree: the facade graph, the kernel's tree, its dtype and its oracle. */
    record Tree(Variable var, ScalarExpr expr, DType dtype, Oracle oracle) {
    }

    /** An input: its variable, its array (a view of some layout) and its dtype. */
    record Leaf(Variable var, NDArray value, DType dtype) {
        /** The index of the element broadcast to output position (r, c). */
        long[] index(int r, int c) {
            return switch (value.ndim()) {
                case 0 -> new long[0];
                case 1 -> new long[] {value.shape(0) == 1 ? 0 : c};
                default -> new long[] {value.shape(0) == 1 ? 0 : r, value.shape(1) == 1 ? 0 : c};
            };
        }
    }

    private final SplittableRandom rnd;
    private final int rows;
    private final int cols;
    final List<Leaf> leaves = new ArrayList<>();

    IntegerTrees(SplittableRandom rnd, int rows, int cols) {
        this.rnd = rnd;
        this.rows = rows;
        this.cols = cols;
    }

    /** A random tree of dtype {@code d} and at most {@code depth} levels. */
    Tree tree(DType d, int depth) {
        if (depth == 0 || rnd.nextInt(5) == 0) {
            return leaf(d);
        }
        if (rnd.nextInt(8) == 0) {
            return cast(d, depth);
        }
        if (d == DType.BOOL) {
            return rnd.nextBoolean() ? compare(depth) : apply(BOOL_OPS[rnd.nextInt(BOOL_OPS.length)], d, depth);
        }
        return apply(INT_OPS[rnd.nextInt(INT_OPS.length)], d, depth);
    }

    /** {@code (from) x} for a random other dtype, sometimes a float input. */
    private Tree cast(DType to, int depth) {
        boolean fromFloat = to != DType.BOOL && rnd.nextInt(4) == 0;
        Tree x = fromFloat ? floatLeaf(to) : tree(pick(), depth - 1);
        Variable v = T.cast(x.var(), to);
        ScalarExpr e = call(new ScalarCast(to), to, x.expr());
        return new Tree(v, e, to, (r, c) -> reduce(x.oracle().at(r, c), to));
    }

    private Tree compare(int depth) {
        ScalarOp op = COMPARISONS[rnd.nextInt(COMPARISONS.length)];
        DType s = pick();
        Tree a = tree(s, depth - 1);
        Tree b = tree(s, depth - 1);
        Variable v = facade(op, a.var(), b.var());
        return new Tree(v, call(op, DType.BOOL, a.expr(), b.expr()), DType.BOOL,
                (r, c) -> bool(compare(op, a.oracle().at(r, c).compareTo(b.oracle().at(r, c)))));
    }

    private Tree apply(ScalarOp op, DType d, int depth) {
        if (op == ScalarOp.SWITCH) {
            Tree cond = tree(rnd.nextBoolean() ? DType.BOOL : pick(), depth - 1); // any dtype: non-zero is true
            Tree a = tree(d, depth - 1);
            Tree b = tree(d, depth - 1);
            return new Tree(T.switchOp(cond.var(), a.var(), b.var()), call(op, d, cond.expr(), a.expr(), b.expr()), d,
                    (r, c) -> cond.oracle().at(r, c).signum() != 0 ? a.oracle().at(r, c) : b.oracle().at(r, c));
        }
        if (op == ScalarOp.POW) {
            Tree a = tree(d, depth - 1);
            int e = new int[] {0, 1, 2, 3, 7, 63}[rnd.nextInt(6)];
            Tree b = constant(d, e);
            return new Tree(facade(op, a.var(), b.var()), call(op, d, a.expr(), b.expr()), d,
                    (r, c) -> reduce(a.oracle().at(r, c).pow(e), d));
        }
        int arity = op.arity();
        Tree[] t = new Tree[arity];
        for (int i = 0; i < arity; i++) {
            t[i] = tree(d, depth - 1);
        }
        Variable[] vars = new Variable[arity];
        ScalarExpr[] exprs = new ScalarExpr[arity];
        for (int i = 0; i < arity; i++) {
            vars[i] = t[i].var();
            exprs[i] = t[i].expr();
        }
        return new Tree(facade(op, vars), call(op, d, exprs), d, (r, c) -> {
            BigInteger[] x = new BigInteger[arity];
            for (int i = 0; i < arity; i++) {
                x[i] = t[i].oracle().at(r, c);
            }
            return reduce(exact(op, d, x), d);
        });
    }

    /** numpy's definition of {@code op} on exact values (before the reduction to the dtype). */
    private static BigInteger exact(ScalarOp op, DType d, BigInteger[] x) {
        return switch (op) {
            case ADD -> x[0].add(x[1]);
            case SUB -> x[0].subtract(x[1]);
            case MUL -> x[0].multiply(x[1]);
            case INT_DIV -> x[1].signum() == 0 ? BigInteger.ZERO : floorDiv(x[0], x[1]);
            case MOD -> x[1].signum() == 0 ? BigInteger.ZERO : x[0].subtract(floorDiv(x[0], x[1]).multiply(x[1]));
            case MAXIMUM -> x[0].max(x[1]);
            case MINIMUM -> x[0].min(x[1]);
            case AND -> x[0].and(x[1]);
            case OR -> x[0].or(x[1]);
            case XOR -> x[0].xor(x[1]);
            case NEG -> x[0].negate();
            case ABS -> x[0].abs();
            case SIGN -> BigInteger.valueOf(x[0].signum());
            case NOT -> d == DType.BOOL ? bool(x[0].signum() == 0) : x[0].not();
            case SQR -> x[0].multiply(x[0]);
            case CLIP -> x[0].max(x[1]).min(x[2]);
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    private static BigInteger floorDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() != 0 && qr[1].signum() != b.signum() ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    private static boolean compare(ScalarOp op, int cmp) {
        return switch (op) {
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case EQ -> cmp == 0;
            default -> cmp != 0;
        };
    }

    /** {@code v} reduced modulo 2^width into the range of {@code d} (bool: non-zero is 1). */
    static BigInteger reduce(BigInteger v, DType d) {
        if (d == DType.BOOL) {
            return bool(v.signum() != 0);
        }
        int bits = 8 * d.byteSize();
        BigInteger m = v.mod(BigInteger.ONE.shiftLeft(bits));
        return d.isSigned() && m.testBit(bits - 1) ? m.subtract(BigInteger.ONE.shiftLeft(bits)) : m;
    }

    /** An element in the long form arrays hold, as its exact value. */
    static BigInteger value(long v, DType d) {
        BigInteger b = BigInteger.valueOf(v);
        return d == DType.UINT64 && v < 0 ? b.add(BigInteger.ONE.shiftLeft(64)) : b;
    }

    private static BigInteger bool(boolean b) {
        return b ? BigInteger.ONE : BigInteger.ZERO;
    }

    private Tree leaf(DType d) {
        if (rnd.nextInt(4) == 0) {
            return constant(d, randomValue(d));
        }
        for (int k = 0; k < leaves.size(); k++) {
            if (leaves.get(k).dtype() == d && rnd.nextInt(3) == 0) {
                return inputTree(k);
            }
        }
        NDArray a = randomArray(d);
        for (long i = 0; i < a.size(); i++) {
            a.setFlatLong(i, randomValue(d));
        }
        leaves.add(new Leaf(variable(a), a, d));
        return inputTree(leaves.size() - 1);
    }

    /**
     * A float input (finite values within +-2^62) under a cast to {@code to}: truncation toward
     * zero, then the reduction.
     */
    private Tree floatLeaf(DType to) {
        DType f = rnd.nextBoolean() ? DType.FLOAT64 : DType.FLOAT32;
        NDArray a = randomArray(f);
        for (long i = 0; i < a.size(); i++) {
            double scale = Math.scalb(1.0, rnd.nextInt(63));
            a.setFlat(i, (rnd.nextDouble() * 2 - 1) * scale);
        }
        leaves.add(new Leaf(variable(a), a, f));
        int k = leaves.size() - 1;
        Leaf leaf = leaves.get(k);
        return new Tree(leaf.var(), new ScalarExpr.Input(k, f), f,
                (r, c) -> new BigDecimal(leaf.value().getDouble(leaf.index(r, c))).toBigInteger());
    }

    private Tree inputTree(int k) {
        Leaf leaf = leaves.get(k);
        return new Tree(leaf.var(), new ScalarExpr.Input(k, leaf.dtype()), leaf.dtype(),
                (r, c) -> value(leaf.value().getLong(leaf.index(r, c)), leaf.dtype()));
    }

    private static Tree constant(DType d, long v) {
        NDArray a = NDArray.zeros(d);
        a.setFlatLong(0, v);
        BigInteger exact = value(a.getFlatLong(0), d);
        return new Tree(T.constant(a), ScalarExpr.Const.of(a), d, (r, c) -> exact);
    }

    /**
     * A view of random shape (full, row, column, vector or 0-d, broadcasting to rows x cols) and
     * layout (contiguous, every other element, reversed, transposed).
     */
    private NDArray randomArray(DType d) {
        int shape = rnd.nextInt(6);
        if (shape == 0) {
            return NDArray.zeros(d);
        }
        if (shape == 1) {
            NDArray wide = NDArray.zeros(d, 2L * cols + 1);
            return rnd.nextBoolean() ? wide.slice(0, 1, 2L * cols + 1, 2) : wide.slice(0, cols - 1, -1, -1);
        }
        long r = shape == 2 ? 1 : rows;
        long c = shape == 3 ? 1 : cols;
        return switch (rnd.nextInt(4)) {
            case 0 -> NDArray.zeros(d, r, c);
            case 1 -> NDArray.zeros(d, r, 2 * c + 1).slice(1, 1, 2 * c + 1, 2);
            case 2 -> NDArray.zeros(d, r, c).slice(1, c - 1, -1, -1);
            default -> NDArray.zeros(d, c, r).transpose(1, 0);
        };
    }

    private static Variable variable(NDArray a) {
        boolean[] bc = new boolean[a.ndim()];
        for (int i = 0; i < bc.length; i++) {
            bc[i] = a.shape(i) == 1;
        }
        return T.tensor(a.dtype(), bc, null);
    }

    /** A value of {@code d}: often an edge (MIN, MAX, 0, +-1, 2^53 +- 1, 2^60 + 1, 2^63), often small, else random bits. */
    long randomValue(DType d) {
        if (d == DType.BOOL) {
            return rnd.nextInt(2);
        }
        long[] edges = {Long.MIN_VALUE, Long.MAX_VALUE, 0, 1, -1, 2, (1L << 53) - 1, 1L << 53, (1L << 53) + 1,
            (1L << 60) + 1, -(1L << 60) - 1, (long) d.minValue(), (long) d.maxValue(), (long) d.minValue() + 1};
        long v = switch (rnd.nextInt(3)) {
            case 0 -> d == DType.UINT64 && rnd.nextInt(4) == 0 ? Long.MIN_VALUE + rnd.nextInt(3) - 1 // 2^63 - 1 .. 2^63 + 1
                    : edges[rnd.nextInt(edges.length)];
            case 1 -> rnd.nextInt(-6, 7);
            default -> rnd.nextLong();
        };
        return reduce(BigInteger.valueOf(v), d).longValue();
    }

    /** A dtype for an operand: bool sometimes, the 8- and 16-bit ones (which overflow most) as often as all others. */
    private DType pick() {
        if (rnd.nextInt(10) == 0) {
            return DType.BOOL;
        }
        return rnd.nextBoolean() ? INTEGERS.get(rnd.nextInt(INTEGERS.size())) : SMALL.get(rnd.nextInt(SMALL.size()));
    }

    private static ScalarExpr call(ScalarFn fn, DType dtype, ScalarExpr... args) {
        return new ScalarExpr.Call(fn, List.of(args), dtype);
    }

    /** {@code op} through the facade (operands of one dtype, so no promotion or cast is added). */
    private static Variable facade(ScalarOp op, Variable... a) {
        return switch (op) {
            case ADD -> T.add(a[0], a[1]);
            case SUB -> T.sub(a[0], a[1]);
            case MUL -> T.mul(a[0], a[1]);
            case INT_DIV -> T.intDiv(a[0], a[1]);
            case MOD -> T.mod(a[0], a[1]);
            case POW -> T.pow(a[0], a[1]);
            case MAXIMUM -> T.maximum(a[0], a[1]);
            case MINIMUM -> T.minimum(a[0], a[1]);
            case AND -> T.and(a[0], a[1]);
            case OR -> T.or(a[0], a[1]);
            case XOR -> T.xor(a[0], a[1]);
            case NEG -> T.neg(a[0]);
            case ABS -> T.abs(a[0]);
            case SIGN -> T.sign(a[0]);
            case NOT -> T.not(a[0]);
            case SQR -> T.sqr(a[0]);
            case CLIP -> T.clip(a[0], a[1], a[2]);
            case GT -> T.gt(a[0], a[1]);
            case GE -> T.ge(a[0], a[1]);
            case LT -> T.lt(a[0], a[1]);
            case LE -> T.le(a[0], a[1]);
            case EQ -> T.eq(a[0], a[1]);
            case NEQ -> T.neq(a[0], a[1]);
            default -> throw new IllegalArgumentException(op.name());
        };
    }
}
