package org.theano4j.fuzz;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.theano4j.tensor.DType;

/**
 * Random argument values and memory layouts. Values mix small numbers (so float results stay
 * exact often enough to be compared bit for bit), each dtype's edges (0, +-1, MIN, MAX, 2^53 +- 1,
 * 2^60 + 1, 2^63 + 1; NaN, +-inf, -0.0, subnormals) and full-range noise, in proportions set by
 * the program's {@link Mode}.
 */
final class Values {
    /** How wild a program's values are. */
    enum Mode {
        /** Small numbers only: no NaN or infinities, integers within +-20. */
        TAME,
        /** Small numbers with frequent edge values. */
        EDGES,
        /** Full-range noise with edge values. */
        WILD
    }

    private Values() {
    }

    static OTensor random(SplittableRandom r, DType d, long[] shape, Mode mode) {
        OTensor t = new OTensor(d, shape);
        for (int i = 0; i < t.size; i++) {
            if (d.isFloat()) {
                t.fv[i] = Dtypes.round(d, randomFloat(r, d, mode));
            } else {
                t.iv[i] = randomInt(r, d, mode);
            }
        }
        return t;
    }

    static BigInteger randomInt(SplittableRandom r, DType d, Mode mode) {
        if (d == DType.BOOL) {
            return BigInteger.valueOf(r.nextInt(2));
        }
        int roll = r.nextInt(100);
        BigInteger v;
        if (mode == Mode.TAME || roll < (mode == Mode.EDGES ? 55 : 30)) {
            v = BigInteger.valueOf(r.nextInt(-20, 21));
        } else if (roll < 85) {
            List<BigInteger> edges = intEdges(d);
            v = edges.get(r.nextInt(edges.size()));
        } else {
            v = new BigInteger(Dtypes.bits(d), new java.util.Random(r.nextLong()));
        }
        return Dtypes.wrap(d, v);
    }

    static List<BigInteger> intEdges(DType d) {
        List<BigInteger> e = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, BigInteger.ONE.negate(),
                Dtypes.min(d), Dtypes.max(d), Dtypes.min(d).add(BigInteger.ONE), Dtypes.max(d).subtract(BigInteger.ONE)));
        if (d.byteSize() == 8) {
            BigInteger p53 = BigInteger.ONE.shiftLeft(53);
            e.addAll(List.of(p53.subtract(BigInteger.ONE), p53, p53.add(BigInteger.ONE), BigInteger.ONE.shiftLeft(60).add(BigInteger.ONE),
                    p53.add(BigInteger.ONE).negate(), BigInteger.ONE.shiftLeft(63).add(BigInteger.ONE),
                    BigInteger.ONE.shiftLeft(62).add(BigInteger.valueOf(3))));
        }
        if (d.byteSize() == 4) {
            e.addAll(List.of(BigInteger.valueOf(46341), BigInteger.ONE.shiftLeft(24).add(BigInteger.ONE)));
        }
        return e;
    }

    static double randomFloat(SplittableRandom r, DType d, Mode mode) {
        int roll = r.nextInt(100);
        if (mode == Mode.TAME || roll < (mode == Mode.EDGES ? 50 : 25)) {
            return r.nextBoolean() ? r.nextInt(-8, 9) : r.nextInt(-64, 65) / 8.0;
        }
        if (roll < 80) {
            double[] edges = floatEdges(d);
            return edges[r.nextInt(edges.length)];
        }
        double mag = Math.pow(2, r.nextInt(-30, 31));
        return (r.nextDouble() * 2 - 1) * mag;
    }

    static double[] floatEdges(DType d) {
        double max = Dtypes.maxFinite(d);
        double tiny = d == DType.FLOAT32 ? Float.MIN_VALUE : Double.MIN_VALUE;
        double normal = d == DType.FLOAT32 ? Float.MIN_NORMAL : Double.MIN_NORMAL;
        return new double[] {0.0, -0.0, 1, -1, 0.5, 2, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            max, -max, tiny, -tiny, normal, 0x1p53 + 2, 1e10, -3.5};
    }

    /**
     * A layout whose final view has {@code shape}: with probability each, a strided slice of a
     * bigger buffer, a transpose, reversed axes and stride-0 broadcast axes. The buffer is filled
     * with random values, padding included, so reads outside the view show up as wrong results.
     */
    static Program.Layout layout(SplittableRandom r, DType d, long[] shape, Mode mode, boolean plain) {
        int nd = shape.length;
        boolean[] broadcast = new boolean[nd];
        long[] pre = shape.clone();
        if (!plain && r.nextInt(100) < 15) {
            for (int i = 0; i < nd; i++) {
                if (shape[i] > 1 && r.nextBoolean()) {
                    broadcast[i] = true;
                    pre[i] = 1;
                }
            }
        }
        int[] perm = Oracle.reversedPerm(nd);
        if (plain || nd < 2 || r.nextInt(100) >= 30) {
            perm = identity(nd);
        } else if (nd == 3 && r.nextBoolean()) {
            perm = new int[] {1, 2, 0};
        }
        long[] sliced = new long[nd];
        for (int i = 0; i < nd; i++) {
            sliced[perm[i]] = pre[i];
        }
        boolean strided = !plain && r.nextInt(100) < 35;
        long[] start = new long[nd];
        long[] step = new long[nd];
        long[] base = new long[nd];
        for (int i = 0; i < nd; i++) {
            step[i] = strided ? r.nextInt(1, 4) : 1;
            start[i] = strided ? r.nextInt(0, 3) : 0;
            base[i] = sliced[i] == 0 ? start[i] + r.nextInt(0, 2) : start[i] + (sliced[i] - 1) * step[i] + 1 + (strided ? r.nextInt(0, 2) : 0);
        }
        boolean[] reverse = new boolean[nd];
        if (!plain && r.nextInt(100) < 25) {
            for (int i = 0; i < nd; i++) {
                reverse[i] = r.nextBoolean();
            }
        }
        return new Program.Layout(random(r, d, base, mode), start, step, sliced, perm, reverse, broadcast);
    }

    /** A C-contiguous layout holding exactly {@code value}. */
    static Program.Layout contiguous(OTensor value) {
        int nd = value.shape.length;
        long[] ones = new long[nd];
        java.util.Arrays.fill(ones, 1);
        return new Program.Layout(value, new long[nd], ones, value.shape.clone(), identity(nd), new boolean[nd], new boolean[nd]);
    }

    static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }


    /**
     * A program's inputs: 1-3 arrays of related shapes (equal, broadcastable, transposed or
     * unrelated; "big" programs use shapes past one 1024-element block) in the domain's dtypes
     * ({@code i} integers, {@code f} floats, {@code b} bool), sometimes followed by an input passed
     * the very same array as the first, or a reversed view of it.
     */
    static List<Program.InputSpec> inputs(SplittableRandom r, Mode mode, boolean big, char domain) {
        return new InputMaker(r, mode).make(big, domain);
    }

    /** The state of one {@link #inputs} call. */
    private static final class InputMaker {
        private static final long[] DIMS = {0, 1, 1, 2, 2, 3, 3, 4, 5, 6, 7, 8, 9, 16, 17};
        private static final long[][] BIG_SHAPES = {{64, 64}, {33, 33}, {48, 48}, {40, 65}, {2100}, {1025}, {3, 700}, {17, 17, 9}};
        private final SplittableRandom r;
        private final Mode mode;
        private final List<Program.InputSpec> inputs = new ArrayList<>();

        InputMaker(SplittableRandom r, Mode mode) {
            this.r = r;
            this.mode = mode;
        }

        private List<Program.InputSpec> make(boolean big, char domain) {
            DType base = switch (domain) {
                case 'f' -> Dtypes.FLOATS.get(r.nextInt(2));
                case 'b' -> DType.BOOL;
                default -> pick(r, List.of(DType.INT8, DType.INT16, DType.INT32, DType.INT32, DType.INT64, DType.INT64,
                        DType.UINT8, DType.UINT16, DType.UINT32, DType.UINT64, DType.UINT64));
            };
            long[] first = big ? BIG_SHAPES[r.nextInt(BIG_SHAPES.length)].clone() : randomShape();
            int n = r.nextInt(1, 4);
            for (int i = 0; i < n; i++) {
                long[] shape = i == 0 ? first : relatedShape(first);
                DType d = i == 0 || r.nextInt(100) < 65 ? base : otherDType(domain);
                addInput(d, shape, -1, false);
            }
            if (r.nextInt(100) < 12) {
                addInput(inputs.get(0).dtype(), first, 0, false);
            } else if (first.length > 0 && r.nextInt(100) < 10) {
                addInput(inputs.get(0).dtype(), first, 0, true);
            }
            return inputs;
        }

        private void addInput(DType d, long[] shape, int aliasOf, boolean reversed) {
            boolean[] bc = new boolean[shape.length];
            for (int i = 0; i < shape.length; i++) {
                bc[i] = shape[i] == 1 && r.nextInt(100) < 85;
            }
            Program.Layout layout = aliasOf >= 0 ? null : layout(r, d, shape, mode, r.nextInt(100) < 35);
            inputs.add(new Program.InputSpec(d, shape, bc, layout, aliasOf, reversed));
        }

        private DType otherDType(char domain) {
            return switch (domain) {
                case 'f' -> r.nextInt(100) < 80 ? Dtypes.FLOATS.get(r.nextInt(2)) : pick(r, Dtypes.INTS);
                case 'b' -> r.nextBoolean() ? DType.BOOL : pick(r, Dtypes.INTS);
                default -> pick(r, Dtypes.INTS);
            };
        }

        private long[] randomShape() {
            for (;;) {
                int nd = new int[] {0, 1, 1, 1, 2, 2, 2, 2, 3, 3}[r.nextInt(10)];
                long[] s = new long[nd];
                long size = 1;
                for (int d = 0; d < nd; d++) {
                    s[d] = DIMS[r.nextInt(DIMS.length)];
                    size *= s[d];
                }
                if (nd == 2 && r.nextInt(100) < 40) {
                    s[1] = s[0];
                    size = s[0] * s[0];
                }
                if (size <= 600) {
                    return s;
                }
            }
        }

        private long[] relatedShape(long[] s) {
            int roll = r.nextInt(100);
            if (roll < 50) {
                return s.clone();
            }
            if (roll < 75) {
                int drop = s.length == 0 ? 0 : r.nextInt(s.length + 1);
                long[] t = Arrays.copyOfRange(s, drop, s.length);
                for (int d = 0; d < t.length; d++) {
                    if (r.nextInt(3) == 0) {
                        t[d] = 1;
                    }
                }
                return t;
            }
            if (roll < 85 && s.length >= 2) {
                long[] t = s.clone();
                t[0] = s[s.length - 1];
                t[s.length - 1] = s[0];
                return t;
            }
            return randomShape();
        }

        private static <T> T pick(SplittableRandom r, List<T> l) {
            return l.get(r.nextInt(l.size()));
        }
    }
}
