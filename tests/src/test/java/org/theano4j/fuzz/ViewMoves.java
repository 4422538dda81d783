package org.theano4j.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.theano4j.fuzz.Program.Node;
import org.theano4j.fuzz.Program.SliceSpec;

/**
 * The generator's view moves: transpose, dimshuffle, reshape, flatten, basic indexing with
 * positive and negative steps and out-of-range bounds, and integer-vector indexing; and the
 * views of a node that keep its shape, used as partners of the node itself.
 */
final class ViewMoves {
    private ViewMoves() {
    }

    static void view(ProgramGenerator g, int x) {
        SplittableRandom r = g.random();
        long[] s = g.shapeOf(x);
        switch (r.nextInt(6)) {
            case 0 -> {
                if (s.length >= 2) {
                    g.addNode(new Node("transpose", new int[] {x}, r.nextBoolean() ? null : permutation(r, s.length)));
                }
            }
            case 1 -> dimshuffle(g, x);
            case 2 -> reshape(g, x);
            case 3 -> g.addNode(new Node("flatten", x));
            case 4 -> subtensor(g, x);
            default -> take(g, x);
        }
    }

    /** A view of {@code x} with x's shape: x itself, x reversed along an axis, x.T when square. */
    static int selfView(ProgramGenerator g, int x) {
        SplittableRandom r = g.random();
        long[] s = g.shapeOf(x);
        int roll = r.nextInt(100);
        if (roll < 35 && s.length == 2 && s[0] == s[1]) {
            return g.addNode(new Node("transpose", new int[] {x}, null));
        }
        if (roll < 85 && s.length > 0) {
            return reversed(g, x, r.nextInt(s.length));
        }
        return x;
    }

    /** {@code x[:, ..., ::-1]} with the reversal on {@code axis}. */
    static int reversed(ProgramGenerator g, int x, int axis) {
        Object[] entries = new Object[axis + 1];
        for (int d = 0; d < axis; d++) {
            entries[d] = new SliceSpec(null, null, null);
        }
        entries[axis] = new SliceSpec(null, null, -1L);
        return g.addNode(new Node("subtensor", new int[] {x}, entries));
    }

    private static int[] permutation(SplittableRandom r, int n) {
        List<Integer> p = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            p.add(i);
        }
        Collections.shuffle(p, new java.util.Random(r.nextLong()));
        return p.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void dimshuffle(ProgramGenerator g, int x) {
        SplittableRandom r = g.random();
        long[] s = g.shapeOf(x);
        boolean[] bc = g.broadcastableOf(x);
        List<Object> pattern = new ArrayList<>();
        for (int d : permutation(r, s.length)) {
            if (!(bc[d] && r.nextBoolean())) {
                pattern.add(d);
            }
        }
        int extra = r.nextInt(3);
        for (int i = 0; i < extra && pattern.size() < 4; i++) {
            pattern.add(r.nextInt(pattern.size() + 1), "x");
        }
        g.addNode(new Node("dimshuffle", new int[] {x}, pattern.toArray()));
    }

    private static void reshape(ProgramGenerator g, int x) {
        SplittableRandom r = g.random();
        long size = 1;
        for (long d : g.shapeOf(x)) {
            size *= d;
        }
        int nd = r.nextInt(0, 4);
        if (nd == 0 && size != 1) {
            nd = 1;
        }
        long[] target = new long[nd];
        long rest = size;
        for (int d = 0; d < nd - 1; d++) {
            List<Long> divisors = new ArrayList<>();
            for (long v = 1; v <= Math.max(rest, 1) && v <= 64; v++) {
                if (rest == 0 || rest % v == 0) {
                    divisors.add(v);
                }
            }
            if (rest == 0 && r.nextBoolean()) {
                divisors.add(0L);
            }
            target[d] = divisors.get(r.nextInt(divisors.size()));
            rest = target[d] == 0 ? 0 : rest / target[d];
        }
        if (nd > 0) {
            target[nd - 1] = rest;
            long product = 1;
            for (long t : target) {
                product *= t;
            }
            if (product != size) {
                return;
            }
            if (size > 0 && r.nextInt(100) < 30) {
                target[r.nextInt(nd)] = -1;
            }
        }
        g.addNode(new Node("reshape", new int[] {x}, target));
    }

    private static void subtensor(ProgramGenerator g, int x) {
        SplittableRandom r = g.random();
        long[] s = g.shapeOf(x);
        if (s.length == 0) {
            return;
        }
        int k = r.nextInt(1, s.length + 1);
        Object[] entries = new Object[k];
        for (int d = 0; d < k; d++) {
            long n = s[d];
            if (n > 0 && r.nextInt(100) < 25) {
                entries[d] = (long) r.nextInt((int) -n, (int) n);
            } else {
                Long step = new Long[] {null, 1L, 2L, 3L, -1L, -1L, -2L}[r.nextInt(7)];
                entries[d] = new SliceSpec(bound(r, n), bound(r, n), step);
            }
        }
        g.addNode(new Node("subtensor", new int[] {x}, entries));
    }

    private static Long bound(SplittableRandom r, long n) {
        return r.nextInt(100) < 45 ? null : (long) r.nextInt((int) -n - 2, (int) n + 3);
    }

    private static void take(ProgramGenerator g, int x) {
        SplittableRandom r = g.random();
        long[] s = g.shapeOf(x);
        if (s.length == 0) {
            return;
        }
        int axis = r.nextInt(s.length);
        long n = s[axis];
        long[] idx = new long[n == 0 ? 0 : r.nextInt(0, 6)];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = r.nextInt((int) -n, (int) n);
        }
        g.addNode(new Node("take", new int[] {x}, new Program.Take(idx, axis)));
    }
}
