package org.theano4j.fuzz;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.theano4j.Variable;
import org.theano4j.fuzz.Program.Node;
import org.theano4j.tensor.DType;

/**
 * Grows a random program from one seed. Each move picks a focus node (usually a recent one) and
 * applies an elementwise op, a reduction, a view, a dot, a cast, a switch or a clip to it. Partners
 * of binary ops are often views of the focus itself ({@code x + x.T}, {@code x + x[::-1]},
 * {@code f(x) * x[:, ::-1]}, {@code dot(x, x.T)}): the same intermediate read directly and through a
 * view is what in-place planning must not break. Every node is evaluated by the {@link Oracle} and
 * built with {@link GraphBuilder} as it is added; a move the library rejects at build time is
 * dropped and counted in {@link #rejected}.
 */
final class ProgramGenerator {
    /** Build-time rejections by op ("op: message"), summed over all programs of a run. */
    static final Map<String, Integer> rejected = new TreeMap<>();

    private final long seed;
    private final SplittableRandom r;
    private final Values.Mode mode;
    private final List<Program.InputSpec> inputs = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final List<OTensor> vals = new ArrayList<>();
    private final List<Variable> vars = new ArrayList<>();
    private List<Variable> inputVars;

    private ProgramGenerator(long seed) {
        this.seed = seed;
        this.r = new SplittableRandom(seed);
        this.mode = Values.Mode.values()[r.nextInt(3)];
    }

    /** The program of {@code seed} (deterministic). */
    static Program generate(long seed) {
        for (long attempt = 0; ; attempt++) {
            Program p = new ProgramGenerator(attempt == 0 ? seed : seed * 31 + attempt).grow();
            if (p != null) {
                return attempt == 0 ? p : new Program(seed, p.inputs(), p.nodes(), p.outputs());
            }
        }
    }

    private Program grow() {
        boolean big = r.nextInt(100) < 22;
        char domain = "iiiifffb".charAt(r.nextInt(8));
        inputs.addAll(Values.inputs(r, mode, big, domain));
        inputVars = GraphBuilder.inputVariables(snapshot(new int[0]));
        for (int i = 0; i < inputs.size(); i++) {
            add(new Node("in", new int[0], i));
        }
        if (r.nextInt(100) < (big ? 45 : 15)) {
            aliasingPattern(focus());
        }
        int moves = big ? r.nextInt(2, 6) : r.nextInt(3, 10);
        for (int m = 0; m < moves * 3 && countComputed() < moves; m++) {
            move(focus());
        }
        List<Integer> candidates = new ArrayList<>();
        for (int k = 0; k < nodes.size(); k++) {
            if (!nodes.get(k).op().equals("in") && !nodes.get(k).op().equals("const")) {
                candidates.add(k);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        int last = candidates.get(candidates.size() - 1);
        int[] outs = {last};
        if (candidates.size() > 1 && r.nextInt(100) < 40) {
            int other = candidates.get(r.nextInt(candidates.size() - 1));
            outs = new int[] {other, last};
        }
        return snapshot(outs);
    }

    private Program snapshot(int[] outputs) {
        return new Program(seed, List.copyOf(inputs), List.copyOf(nodes), outputs);
    }

    private int countComputed() {
        return (int) nodes.stream().filter(n -> !n.op().equals("in") && !n.op().equals("const")).count();
    }

    // ---- adding nodes ----

    /** Adds {@code n} if the oracle and the library both accept it; returns its index or -1. */
    private int add(Node n) {
        Program p = snapshot(new int[0]);
        OTensor v;
        try {
            v = Oracle.eval(p, n, vals.toArray(OTensor[]::new), inputValues());
        } catch (IllegalArgumentException | ArithmeticException e) {
            return -1;
        }
        Variable var;
        try {
            var = GraphBuilder.apply(n, vars.toArray(Variable[]::new), p, inputVars);
        } catch (RuntimeException e) {
            String msg = String.valueOf(e.getMessage());
            synchronized (rejected) {
                rejected.merge(n.op() + ": " + msg.substring(0, Math.min(msg.length(), 90)), 1, Integer::sum);
            }
            return -1;
        }
        nodes.add(n);
        vals.add(v);
        vars.add(var);
        return nodes.size() - 1;
    }

    private OTensor[] inputValues() {
        OTensor[] in = new OTensor[inputs.size()];
        for (int k = 0; k < nodes.size(); k++) {
            if (nodes.get(k).op().equals("in")) {
                in[(Integer) nodes.get(k).param()] = vals.get(k);
            }
        }
        if (nodes.size() < inputs.size()) {
            org.theano4j.tensor.NDArray[] args = snapshot(new int[0]).arguments();
            for (int i = 0; i < in.length; i++) {
                in[i] = OTensor.readRaw(args[i]);
            }
        }
        return in;
    }

    private int focus() {
        List<Integer> pool = valueNodes();
        if (r.nextInt(100) < 70) {
            return pool.get(Math.max(0, pool.size() - 1 - r.nextInt(Math.min(3, pool.size()))));
        }
        return pool.get(r.nextInt(pool.size()));
    }

    private List<Integer> valueNodes() {
        List<Integer> pool = new ArrayList<>();
        for (int k = 0; k < nodes.size(); k++) {
            if (!Oracle.isWeak(nodes.get(k))) {
                pool.add(k);
            }
        }
        return pool;
    }

    private DType dt(int k) {
        return vals.get(k).dtype;
    }

    private long[] shape(int k) {
        return vals.get(k).shape;
    }

    private void move(int x) {
        int roll = r.nextInt(100);
        if (roll < 34) {
            binary(x);
        } else if (roll < 48) {
            unary(x);
        } else if (roll < 60) {
            reduce(x);
        } else if (roll < 75) {
            ViewMoves.view(this, x);
        } else if (roll < 82) {
            dot(x);
        } else if (roll < 89) {
            add(new Node("cast", new int[] {x}, pick(Dtypes.ALL)));
        } else if (roll < 95) {
            switchOp(x);
        } else {
            clip(x);
        }
    }

    /**
     * {@code reduce(op(f(t), view(t)))} for an intermediate {@code t} (a dot, or an elementwise
     * result with two readers): the buffer of t dies at the elementwise step, which is where
     * in-place planning may reuse it while the view still reads it.
     */
    private void aliasingPattern(int x) {
        DType d = dt(x);
        int t;
        int roll = r.nextInt(3);
        if (roll == 0 && shape(x).length == 2 && d != DType.BOOL) {
            int xt = add(new Node("transpose", new int[] {x}, null));
            t = xt < 0 ? -1 : add(new Node("dot", x, xt));
        } else if (roll == 1 && d != DType.BOOL) {
            int c = constant(x);
            t = c < 0 ? -1 : add(new Node(r.nextBoolean() ? "add" : "mul", x, c));
        } else {
            t = add(new Node(d.isFloat() ? pick(List.of("exp", "neg", "abs", "tanh")) : d == DType.BOOL ? "not"
                    : pick(List.of("neg", "abs", "sqr")), x));
        }
        if (t < 0) {
            return;
        }
        int view = ViewMoves.selfView(this, t);
        int left = t;
        if (r.nextBoolean() && dt(t).isFloat()) {
            int f = add(new Node(pick(List.of("exp", "tanh", "neg", "sqrt")), t));
            left = f >= 0 ? f : t;
        }
        if (view < 0 || !compatible(left, view)) {
            return;
        }
        DType compute = computeOf(left, view);
        List<String> ops = compute == DType.BOOL ? List.of("and", "or", "xor") : List.of("add", "sub", "mul", "maximum");
        int y = add(new Node(pick(ops), left, view));
        if (y >= 0) {
            reduceNode(y, r.nextInt(100) < 25);
        }
    }

    // ---- elementwise moves ----

    private void unary(int x) {
        DType d = dt(x);
        if (d.isFloat()) {
            add(new Node(pick(List.of("neg", "abs", "sqr", "sign", "exp", "log", "sqrt", "tanh", "sigmoid", "floor", "ceil")), x));
        } else if (d == DType.BOOL) {
            add(new Node("not", x));
        } else if (r.nextInt(100) < 25) {
            int f = add(new Node("cast", new int[] {x}, Dtypes.FLOATS.get(r.nextInt(2))));
            if (f >= 0) {
                add(new Node(pick(List.of("exp", "sqrt", "tanh", "sigmoid", "log")), f));
            }
        } else {
            add(new Node(pick(List.of("neg", "abs", "sqr", "sign", "not")), x));
        }
    }

    private void binary(int x) {
        int left = x;
        if (r.nextInt(100) < 30 && dt(x).isFloat()) {
            int f = add(new Node(pick(List.of("exp", "tanh", "neg", "abs", "sqrt", "sigmoid")), x));
            left = f >= 0 ? f : x;
        }
        int partner = partner(x, left);
        if (partner < 0) {
            return;
        }
        if (r.nextInt(100) < 12 && !dt(left).isFloat() && dt(left) != DType.BOOL) {
            add(new Node("pow", left, weakInt(x, 0, 5)));
            return;
        }
        DType compute = computeOf(left, partner);
        String op = pick(binaryOps(compute));
        boolean swap = r.nextBoolean() && !Oracle.isWeak(nodes.get(partner));
        add(swap ? new Node(op, partner, left) : new Node(op, left, partner));
    }

    private DType computeOf(int a, int b) {
        return Elementwise.computeDType("add", List.of(dt(a), dt(b)),
                List.of(Oracle.isWeak(nodes.get(a)), Oracle.isWeak(nodes.get(b))));
    }

    private static List<String> binaryOps(DType d) {
        if (d.isFloat()) {
            return List.of("add", "add", "sub", "mul", "mul", "div", "maximum", "minimum", "gt", "ge", "lt", "le", "eq",
                    "neq", "pow", "intdiv", "mod");
        }
        if (d == DType.BOOL) {
            return List.of("and", "or", "xor", "eq", "neq", "maximum", "minimum", "add", "mul", "gt", "lt");
        }
        return List.of("add", "add", "sub", "mul", "mul", "intdiv", "mod", "maximum", "minimum", "gt", "ge", "lt", "le",
                "eq", "neq", "and", "or", "xor", "div");
    }

    /** A second operand for an elementwise op on the focus {@code x}: a view of x, a compatible node or a scalar. */
    private int partner(int x, int left) {
        int roll = r.nextInt(100);
        if (roll < 40) {
            int v = ViewMoves.selfView(this, x);
            if (v >= 0 && compatible(left, v)) {
                return v;
            }
        }
        if (roll < 70) {
            List<Integer> ok = new ArrayList<>();
            for (int k : valueNodes()) {
                if (k != left && compatible(left, k)) {
                    ok.add(k);
                }
            }
            if (!ok.isEmpty()) {
                return ok.get(r.nextInt(ok.size()));
            }
        }
        if (roll < 85 && shape(x).length > 0) {
            int red = reduceNode(x, true);
            if (red >= 0 && compatible(left, red)) {
                return red;
            }
        }
        return constant(x);
    }

    /** A scalar constant suited to the dtype of {@code x}: a weak Java number or a strong 0-d array. */
    int constant(int x) {
        DType d = dt(x);
        if (r.nextInt(100) < 55 && d != DType.BOOL) {
            if (d.isFloat() && r.nextBoolean()) {
                double[] pool = {0.5, -1.5, 2.0, 3.0, 1e-3, -0.0, 0.0, 7.25};
                OTensor c = new OTensor(DType.FLOAT64, new long[0]);
                c.fv[0] = pool[r.nextInt(pool.length)];
                return add(new Node("const", new int[0], new Program.Const(c, true)));
            }
            return weakInt(x, Dtypes.unsigned(d) ? 0 : -100, 101);
        }
        DType cd = r.nextInt(100) < 70 ? d : pick(Dtypes.ALL);
        OTensor c = Values.random(r, cd, new long[0], mode);
        return add(new Node("const", new int[0], new Program.Const(c, false)));
    }

    private int weakInt(int x, int lo, int hi) {
        OTensor c = new OTensor(DType.INT64, new long[0]);
        c.iv[0] = BigInteger.valueOf(r.nextInt(lo, hi));
        return add(new Node("const", new int[0], new Program.Const(c, true)));
    }

    /** numpy broadcasting as Theano allows it: a length-1 axis stretches only when its type says broadcastable. */
    boolean compatible(int a, int b) {
        if (Oracle.isWeak(nodes.get(a)) || Oracle.isWeak(nodes.get(b))) {
            return true;
        }
        long[] sa = shape(a);
        long[] sb = shape(b);
        boolean[] ba = vars.get(a).broadcastable();
        boolean[] bb = vars.get(b).broadcastable();
        int nd = Math.max(sa.length, sb.length);
        for (int d = 0; d < nd; d++) {
            int ia = d - (nd - sa.length);
            int ib = d - (nd - sb.length);
            long la = ia < 0 ? 1 : sa[ia];
            long lb = ib < 0 ? 1 : sb[ib];
            boolean fa = ia < 0 || ba[ia];
            boolean fb = ib < 0 || bb[ib];
            if (la != lb && !(la == 1 && fa) && !(lb == 1 && fb)) {
                return false;
            }
        }
        return true;
    }

    private void switchOp(int x) {
        int cond = -1;
        for (int k : valueNodes()) {
            if (dt(k) == DType.BOOL && k != x && compatible(x, k) && r.nextBoolean()) {
                cond = k;
            }
        }
        if (cond < 0) {
            int c = constant(x);
            cond = c < 0 ? -1 : add(new Node(pick(List.of("gt", "lt", "eq", "ge")), x, c));
        }
        int other = partner(x, x);
        if (cond >= 0 && other >= 0 && compatible(cond, other)) {
            add(r.nextBoolean() ? new Node("switch", cond, x, other) : new Node("switch", cond, other, x));
        }
    }

    private void clip(int x) {
        int lo = r.nextInt(100) < 70 ? constant(x) : partner(x, x);
        int hi = constant(x);
        if (lo >= 0 && hi >= 0 && compatible(lo, hi) && dt(x) != DType.BOOL) {
            add(new Node("clip", x, lo, hi));
        }
    }

    // ---- reductions and dot ----

    private void reduce(int x) {
        reduceNode(x, r.nextInt(100) < 30);
    }

    private int reduceNode(int x, boolean keepdims) {
        long[] s = shape(x);
        int[] axes = null;
        if (s.length > 0 && r.nextInt(100) < 70) {
            List<Integer> chosen = new ArrayList<>();
            for (int d = 0; d < s.length; d++) {
                if (r.nextBoolean()) {
                    chosen.add(r.nextInt(100) < 25 ? d - s.length : d);
                }
            }
            if (chosen.isEmpty()) {
                chosen.add(r.nextInt(s.length));
            }
            axes = chosen.stream().mapToInt(Integer::intValue).toArray();
        }
        boolean[] red = Oracle.reducedAxes(axes, s.length);
        long extent = 1;
        for (int d = 0; d < s.length; d++) {
            extent *= red[d] ? s[d] : 1;
        }
        List<String> kinds = new ArrayList<>(List.of("sum", "sum", "prod", "mean"));
        if (extent > 0) {
            kinds.addAll(List.of("max", "min", "max"));
        }
        return add(new Node(pick(kinds), new int[] {x}, new Program.Reduction(axes, keepdims)));
    }

    private void dot(int x) {
        long[] s = shape(x);
        if (s.length < 1 || s.length > 2 || dt(x) == DType.BOOL) {
            return;
        }
        long n = s[s.length - 1];
        List<Integer> ok = new ArrayList<>();
        for (int k : valueNodes()) {
            long[] t = shape(k);
            if ((t.length == 1 || t.length == 2) && t[0] == n && dt(k) != DType.BOOL) {
                ok.add(k);
            }
        }
        int roll = r.nextInt(100);
        int other;
        if (roll < 45) {
            other = s.length == 2 ? add(new Node("transpose", new int[] {x}, null))
                    : r.nextBoolean() ? x : ViewMoves.reversed(this, x, 0);
        } else if (roll < 60 && s.length == 2 && s[0] > 0) {
            other = add(new Node("subtensor", new int[] {x}, new Object[] {(long) r.nextInt((int) s[0])}));
        } else if (!ok.isEmpty()) {
            other = ok.get(r.nextInt(ok.size()));
        } else {
            return;
        }
        if (other >= 0) {
            add(new Node("dot", x, other));
        }
    }

    // ---- shared with ViewMoves ----

    int addNode(Node n) {
        return add(n);
    }

    SplittableRandom random() {
        return r;
    }

    long[] shapeOf(int k) {
        return shape(k);
    }

    boolean[] broadcastableOf(int k) {
        return vars.get(k).broadcastable();
    }

    <T> T pick(List<T> l) {
        return l.get(r.nextInt(l.size()));
    }
}
