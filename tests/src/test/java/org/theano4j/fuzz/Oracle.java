package org.theano4j.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.theano4j.fuzz.Elementwise.S;
import org.theano4j.tensor.DType;

/**
 * Evaluates programs with numpy's semantics, independently of the library: every node becomes a
 * dense {@link OTensor}. Elementwise ops broadcast like numpy and follow {@link Elementwise};
 * views are index maps; reductions and dot are in {@link Reductions}.
 */
final class Oracle {
    private Oracle() {
    }

    /** The value of every node of {@code p}, in node order. */
    static OTensor[] evaluate(Program p) {
        OTensor[] inputs = new OTensor[p.inputs().size()];
        org.theano4j.tensor.NDArray[] args = p.arguments();
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = OTensor.readRaw(args[i]);
        }
        OTensor[] vals = new OTensor[p.nodes().size()];
        for (int k = 0; k < vals.length; k++) {
            vals[k] = eval(p, p.nodes().get(k), vals, inputs);
        }
        return vals;
    }

    /** The value of node {@code n} given the values of earlier nodes. */
    static OTensor eval(Program p, Program.Node n, OTensor[] vals, OTensor[] inputs) {
        List<OTensor> a = new ArrayList<>();
        List<Boolean> weak = new ArrayList<>();
        for (int i : n.args()) {
            a.add(vals[i]);
            weak.add(isWeak(p.nodes().get(i)));
        }
        String op = n.op();
        if (Elementwise.UNARY.contains(op) || Elementwise.BINARY.contains(op) || op.equals("switch") || op.equals("clip")) {
            return elementwise(op, a, weak);
        }
        return switch (op) {
            case "in" -> inputs[(Integer) n.param()];
            case "const" -> ((Program.Const) n.param()).value();
            case "cast" -> cast(a.get(0), (DType) n.param());
            case "sum", "prod", "max", "min", "mean" -> Reductions.reduce(op, a.get(0), (Program.Reduction) n.param());
            case "dot" -> Reductions.dot(a.get(0), a.get(1));
            case "transpose" -> transpose(a.get(0), n.param() == null ? reversedPerm(a.get(0).shape.length) : (int[]) n.param());
            case "dimshuffle" -> dimshuffle(a.get(0), (Object[]) n.param());
            case "reshape" -> reshape(a.get(0), reshapeTarget(a.get(0).size, (long[]) n.param()));
            case "flatten" -> reshape(a.get(0), new long[] {a.get(0).size});
            case "subtensor" -> subtensor(a.get(0), (Object[]) n.param());
            case "take" -> take(a.get(0), (Program.Take) n.param());
            default -> throw new IllegalArgumentException("unknown op " + op);
        };
    }

    static boolean isWeak(Program.Node n) {
        return n.op().equals("const") && ((Program.Const) n.param()).weak();
    }

    // ---- elementwise ----

    /** numpy broadcasting of {@code shapes}, or null when they do not broadcast. */
    static long[] broadcast(List<long[]> shapes) {
        int nd = shapes.stream().mapToInt(s -> s.length).max().orElse(0);
        long[] out = new long[nd];
        Arrays.fill(out, 1);
        for (long[] s : shapes) {
            for (int d = 0; d < s.length; d++) {
                int o = nd - s.length + d;
                if (s[d] != 1) {
                    if (out[o] != 1 && out[o] != s[d]) {
                        return null;
                    }
                    out[o] = s[d];
                }
            }
        }
        return out;
    }

    static OTensor elementwise(String op, List<OTensor> a, List<Boolean> weak) {
        List<DType> dts = a.stream().map(t -> t.dtype).toList();
        DType compute = Elementwise.computeDType(op, dts, weak);
        DType out = Elementwise.resultDType(op, compute);
        long[] shape = broadcast(a.stream().map(t -> t.shape).toList());
        if (shape == null) {
            throw new IllegalArgumentException(op + ": shapes do not broadcast");
        }
        OTensor r = new OTensor(out, shape);
        long[][] strides = new long[a.size()][];
        for (int k = 0; k < a.size(); k++) {
            strides[k] = broadcastStrides(a.get(k).shape, shape);
        }
        S[] s = new S[3];
        for (int i = 0; i < r.size; i++) {
            long[] idx = OTensor.unravel(i, shape);
            for (int k = 0; k < a.size(); k++) {
                int src = (int) dotIndex(idx, strides[k]);
                boolean keep = op.equals("switch") && k == 0;
                s[k] = Elementwise.cast(scalar(a.get(k), src), a.get(k).dtype, keep ? a.get(k).dtype : compute);
            }
            store(r, i, Elementwise.apply(op, compute, s[0], s[1], s[2]));
        }
        return r;
    }

    private static long[] broadcastStrides(long[] from, long[] to) {
        long[] st = new long[to.length];
        long[] own = OTensor.cStrides(from);
        for (int d = 0; d < from.length; d++) {
            st[to.length - from.length + d] = from[d] == 1 ? 0 : own[d];
        }
        return st;
    }

    private static long dotIndex(long[] idx, long[] strides) {
        long p = 0;
        for (int d = 0; d < idx.length; d++) {
            p += idx[d] * strides[d];
        }
        return p;
    }

    static S scalar(OTensor t, int i) {
        return t.isFloat() ? S.ofFloat(t.fv[i], t.err[i], t.loose[i]) : S.ofInt(t.iv[i], t.err[i]);
    }

    static void store(OTensor t, int i, S s) {
        if (t.isFloat()) {
            t.fv[i] = s.f;
            t.loose[i] = s.loose;
        } else {
            t.iv[i] = s.i;
        }
        t.err[i] = s.err;
    }

    static OTensor cast(OTensor x, DType to) {
        OTensor r = new OTensor(to, x.shape);
        for (int i = 0; i < r.size; i++) {
            store(r, i, Elementwise.cast(scalar(x, i), x.dtype, to));
        }
        return r;
    }

    // ---- views (dense copies here: the oracle needs no aliasing) ----

    static int[] reversedPerm(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = n - 1 - i;
        }
        return p;
    }

    /** Builds a tensor of {@code shape} whose element at each index is {@code x}'s element at {@code map(index)}. */
    private static OTensor gather(OTensor x, long[] shape, java.util.function.Function<long[], long[]> map) {
        OTensor r = new OTensor(x.dtype, shape);
        long[] st = OTensor.cStrides(x.shape);
        for (int i = 0; i < r.size; i++) {
            r.copyElement(i, x, (int) dotIndex(map.apply(OTensor.unravel(i, shape)), st));
        }
        return r;
    }

    static OTensor transpose(OTensor x, int[] perm) {
        long[] shape = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            shape[i] = x.shape[perm[i]];
        }
        return gather(x, shape, o -> {
            long[] in = new long[perm.length];
            for (int i = 0; i < perm.length; i++) {
                in[perm[i]] = o[i];
            }
            return in;
        });
    }

    /** Theano's dimshuffle: axis numbers (a permutation of the kept axes) and "x" for new length-1 axes. */
    static OTensor dimshuffle(OTensor x, Object[] pattern) {
        long[] shape = new long[pattern.length];
        for (int i = 0; i < pattern.length; i++) {
            shape[i] = pattern[i] instanceof Integer k ? x.shape[k] : 1;
        }
        return gather(x, shape, o -> {
            long[] in = new long[x.shape.length];
            for (int i = 0; i < pattern.length; i++) {
                if (pattern[i] instanceof Integer k) {
                    in[k] = o[i];
                }
            }
            return in;
        });
    }

    static long[] reshapeTarget(long size, long[] target) {
        long[] t = target.clone();
        long known = 1;
        int unknown = -1;
        for (int d = 0; d < t.length; d++) {
            if (t[d] == -1) {
                unknown = d;
            } else {
                known *= t[d];
            }
        }
        if (unknown >= 0) {
            t[unknown] = size / known;
        }
        return t;
    }

    static OTensor reshape(OTensor x, long[] shape) {
        OTensor r = new OTensor(x.dtype, shape);
        if (r.size != x.size) {
            throw new IllegalArgumentException("reshape of " + x.size + " elements to " + Arrays.toString(shape));
        }
        for (int i = 0; i < r.size; i++) {
            r.copyElement(i, x, i);
        }
        return r;
    }

    /** CPython's slice.indices: {start, step, length} of {@code s} over an axis of length {@code n}. */
    static long[] resolve(Program.SliceSpec s, long n) {
        long step = s.step() == null ? 1 : s.step();
        long start = s.start() == null ? (step < 0 ? n - 1 : 0) : adjust(s.start(), n, step);
        long stop = s.stop() == null ? (step < 0 ? -1 : n) : adjust(s.stop(), n, step);
        long len;
        if (step < 0) {
            len = stop < start ? (start - stop - 1) / -step + 1 : 0;
        } else {
            len = start < stop ? (stop - start - 1) / step + 1 : 0;
        }
        return new long[] {start, step, len};
    }

    private static long adjust(long b, long n, long step) {
        if (b < 0) {
            b += n;
            if (b < 0) {
                b = step < 0 ? -1 : 0;
            }
        } else if (b >= n) {
            b = step < 0 ? n - 1 : n;
        }
        return b;
    }

    /** Basic indexing: integers drop their axis (negative from the end), slices keep it. */
    static OTensor subtensor(OTensor x, Object[] entries) {
        int nd = x.shape.length;
        List<Long> shape = new ArrayList<>();
        long[][] axis = new long[nd][];
        for (int d = 0; d < nd; d++) {
            Object e = d < entries.length ? entries[d] : new Program.SliceSpec(null, null, null);
            if (e instanceof Program.SliceSpec s) {
                axis[d] = resolve(s, x.shape[d]);
                shape.add(axis[d][2]);
            } else {
                long i = (Long) e;
                axis[d] = new long[] {i < 0 ? i + x.shape[d] : i, 0, -1};
            }
        }
        long[] outShape = shape.stream().mapToLong(Long::longValue).toArray();
        return gather(x, outShape, o -> {
            long[] in = new long[nd];
            int k = 0;
            for (int d = 0; d < nd; d++) {
                in[d] = axis[d][2] < 0 ? axis[d][0] : axis[d][0] + o[k++] * axis[d][1];
            }
            return in;
        });
    }

    static OTensor take(OTensor x, Program.Take t) {
        long[] shape = x.shape.clone();
        shape[t.axis()] = t.indices().length;
        long n = x.shape[t.axis()];
        return gather(x, shape, o -> {
            long[] in = o.clone();
            long i = t.indices()[(int) o[t.axis()]];
            in[t.axis()] = i < 0 ? i + n : i;
            return in;
        });
    }

    /** Which axes of an {@code ndim}-d tensor a reduction over {@code axes} (null: all, negatives allowed) removes. */
    static boolean[] reducedAxes(int[] axes, int ndim) {
        boolean[] r = new boolean[ndim];
        if (axes == null) {
            Arrays.fill(r, true);
        } else {
            for (int a : axes) {
                r[a < 0 ? a + ndim : a] = true;
            }
        }
        return r;
    }
}
