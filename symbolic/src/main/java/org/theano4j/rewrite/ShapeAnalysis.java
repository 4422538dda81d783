package org.theano4j.rewrite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Constant;
import org.theano4j.graph.Graphs;
import org.theano4j.graph.Op;
import org.theano4j.op.Alloc;
import org.theano4j.op.Composite;
import org.theano4j.op.DimShuffle;
import org.theano4j.op.Dot;
import org.theano4j.op.Elemwise;
import org.theano4j.op.Gemm;
import org.theano4j.op.Gemv;
import org.theano4j.op.LogSoftmax;
import org.theano4j.op.Reduce;
import org.theano4j.op.Shape;
import org.theano4j.op.Softmax;
import org.theano4j.op.SoftmaxGrad;
import org.theano4j.op.SpecifyShape;
import org.theano4j.op.SumToShape;

/**
 * A static shape analysis (Theano's ShapeFeature, simplified): every tensor variable of a graph
 * gets one symbolic {@link Dim} per axis. Two axes with equal dims are provably of equal length
 * in every run of the graph that succeeds; nothing else is claimed (numpy broadcasting lets a
 * non-broadcastable axis have length 1 at run time, so different dims may or may not agree).
 *
 * <p>Graph inputs get a fresh symbol per axis ({@link Dim.Known} 1 where their type is
 * broadcastable: arguments are checked against it); constants get their literal sizes. An
 * elementwise result takes, per axis, the broadcast of its inputs' dims: 1 when all are 1, the
 * one symbol when all others are 1, else the set of the symbols (the broadcast of the same run
 * time lengths is the same length). A dot, gemv or gemm equates the contracted axes (the op fails
 * otherwise); specifyShape gives its checked lengths. Ops without a rule get fresh symbols.
 */
public final class ShapeAnalysis {
    /** One symbolic axis length. */
    public sealed interface Dim {
        /** A length known at compile time. */
        record Known(long length) implements Dim {
        }

        /** An unknown length, equal only to itself (and to the symbols unified with it). */
        record Sym(int id) implements Dim {
        }

        /** The numpy broadcast of two or more unknown lengths (ids sorted, deduplicated). */
        record Broadcast(List<Integer> ids) implements Dim {
        }
    }

    private static final Dim ONE = new Dim.Known(1);
    private final Map<Variable, Dim[]> dims = new IdentityHashMap<>();
    private final List<Integer> parent = new ArrayList<>();

    private ShapeAnalysis() {
    }

    /** The analysis of the graph of {@code outputs}. */
    public static ShapeAnalysis of(List<Variable> outputs) {
        ShapeAnalysis a = new ShapeAnalysis();
        for (Apply node : Graphs.toposort(outputs)) {
            a.visit(node);
        }
        return a;
    }

    /** The dims of tensor variable {@code v}, canonical (after all unifications), or null for a non-tensor. */
    public List<Dim> dims(Variable v) {
        Dim[] d = of(v);
        if (d == null) {
            return null;
        }
        List<Dim> out = new ArrayList<>(d.length);
        for (Dim x : d) {
            out.add(canonical(x));
        }
        return out;
    }

    /** Whether {@code a} and {@code b} provably have the same shape in every successful run. */
    public boolean sameShape(Variable a, Variable b) {
        List<Dim> da = dims(a);
        return da != null && da.equals(dims(b));
    }

    /** Whether axis {@code i} of {@code a} and axis {@code j} of {@code b} provably have equal lengths. */
    public boolean sameLength(Variable a, int i, Variable b, int j) {
        return canonical(of(a)[i]).equals(canonical(of(b)[j]));
    }

    /** Whether the numpy broadcast of {@code vs} provably has the shape of {@code template}. */
    public boolean broadcastHasShapeOf(List<Variable> vs, Variable template) {
        List<Dim> t = dims(template);
        if (t == null || vs.stream().anyMatch(v -> v.ndim() != t.size())) {
            return false;
        }
        return Arrays.asList(broadcast(vs)).equals(t);
    }

    private Dim[] of(Variable v) {
        Dim[] d = dims.get(v);
        if (d == null && v.isTensor()) {
            d = leaf(v);
            dims.put(v, d);
        }
        return d;
    }

    private Dim[] leaf(Variable v) {
        Dim[] d = new Dim[v.ndim()];
        if (v instanceof Constant c) {
            for (int i = 0; i < d.length; i++) {
                d[i] = new Dim.Known(c.value().shape(i));
            }
            return d;
        }
        for (int i = 0; i < d.length; i++) {
            d[i] = v.owner() == null && v.tensorType().isBroadcastable(i) ? ONE : fresh();
        }
        return d;
    }

    private void visit(Apply node) {
        Dim[] out = rule(node);
        for (int k = 0; k < node.outputs().size(); k++) {
            Variable o = node.output(k);
            if (o.isTensor()) {
                dims.put(o, k == 0 && out != null && out.length == o.ndim() ? out : freshDims(o.ndim()));
            }
        }
    }

    /** The dims of output 0 by the op's rule, or null for fresh symbols. */
    private Dim[] rule(Apply node) {
        Op op = node.op();
        return switch (op) {
            case Elemwise e -> broadcast(node.inputs());
            case Composite c -> broadcast(node.inputs());
            case DimShuffle ds -> dimShuffle(ds, of(node.input(0)));
            case SumToShape s -> of(node.input(1)).clone();
            case Alloc a -> of(node.input(1)).clone();
            case Dot d -> dot(node.input(0), node.input(1));
            case Gemv g -> gemm(node);
            case Gemm g -> gemm(node);
            case Reduce r -> kept(of(node.input(0)), r.axes());
            case Softmax s -> of(node.input(0)).clone();
            case LogSoftmax s -> of(node.input(0)).clone();
            case SoftmaxGrad s -> of(node.input(1)).clone();
            case Shape s -> new Dim[] {new Dim.Known(node.input(0).ndim())};
            case SpecifyShape s -> s.shape().stream().map(Dim.Known::new).toArray(Dim[]::new); // checked at run time
            default -> null;
        };
    }

    private Dim[] broadcast(List<Variable> inputs) {
        int ndim = inputs.get(0).ndim();
        Dim[] out = new Dim[ndim];
        Dim[] axis = new Dim[inputs.size()];
        for (int i = 0; i < ndim; i++) {
            for (int k = 0; k < axis.length; k++) {
                axis[k] = canonical(of(inputs.get(k))[i]);
            }
            out[i] = broadcastAxis(axis);
        }
        return out;
    }

    /** The broadcast of one axis: 1 if all are 1, a known length if one is known, else the set of symbols. */
    private Dim broadcastAxis(Dim[] axis) {
        Dim.Known known = null;
        TreeSet<Integer> ids = new TreeSet<>();
        for (Dim d : axis) {
            switch (d) {
                case Dim.Known k when k.length() == 1 -> { }
                case Dim.Known k -> {
                    if (known != null && known.length() != k.length()) {
                        return fresh(); // the op fails at run time; any answer is sound
                    }
                    known = k;
                }
                case Dim.Sym s -> ids.add(s.id());
                case Dim.Broadcast b -> ids.addAll(b.ids());
            }
        }
        if (known != null) {
            return known; // the others are 1 or this length
        }
        if (ids.isEmpty()) {
            return ONE;
        }
        return ids.size() == 1 ? new Dim.Sym(ids.first()) : new Dim.Broadcast(List.copyOf(ids));
    }

    private static Dim[] dimShuffle(DimShuffle ds, Dim[] in) {
        Dim[] out = new Dim[ds.pattern().size()];
        for (int i = 0; i < out.length; i++) {
            int a = ds.pattern().get(i);
            out[i] = a < 0 ? ONE : in[a];
        }
        return out;
    }

    /** numpy.dot: a's axes but the last, then b's axes but the contracted one; the contracted axes are equal. */
    private Dim[] dot(Variable a, Variable b) {
        Dim[] da = of(a);
        Dim[] db = of(b);
        int bAxis = db.length == 1 ? 0 : db.length - 2;
        unify(da[da.length - 1], db[bAxis]);
        Dim[] out = new Dim[da.length - 1 + db.length - 1];
        System.arraycopy(da, 0, out, 0, da.length - 1);
        for (int i = 0, k = da.length - 1; i < db.length; i++) {
            if (i != bAxis) {
                out[k++] = db[i];
            }
        }
        return out;
    }

    /** gemv/gemm(z, x, y): the shape of dot(x, y), which z must have. */
    private Dim[] gemm(Apply node) {
        Dim[] out = dot(node.input(1), node.input(2));
        Dim[] z = of(node.input(0));
        for (int i = 0; i < out.length && i < z.length; i++) {
            unify(out[i], z[i]);
        }
        return out;
    }

    private static Dim[] kept(Dim[] in, List<Integer> axes) {
        List<Dim> out = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            if (!axes.contains(i)) {
                out.add(in[i]);
            }
        }
        return out.toArray(new Dim[0]);
    }

    private Dim[] freshDims(int ndim) {
        Dim[] d = new Dim[ndim];
        Arrays.setAll(d, i -> fresh());
        return d;
    }

    private Dim.Sym fresh() {
        parent.add(parent.size());
        return new Dim.Sym(parent.size() - 1);
    }

    private int find(int id) {
        int root = id;
        while (parent.get(root) != root) {
            root = parent.get(root);
        }
        while (parent.get(id) != root) {
            int next = parent.get(id);
            parent.set(id, root);
            id = next;
        }
        return root;
    }

    /** Records that two dims are equal; only plain symbols are merged (other facts are dropped, which is sound). */
    private void unify(Dim a, Dim b) {
        if (canonical(a) instanceof Dim.Sym sa && canonical(b) instanceof Dim.Sym sb && sa.id() != sb.id()) {
            parent.set(Math.max(sa.id(), sb.id()), Math.min(sa.id(), sb.id()));
        }
    }

    private Dim canonical(Dim d) {
        return switch (d) {
            case Dim.Known k -> k;
            case Dim.Sym s -> new Dim.Sym(find(s.id()));
            case Dim.Broadcast b -> {
                TreeSet<Integer> ids = new TreeSet<>();
                for (int id : b.ids()) {
                    ids.add(find(id));
                }
                yield ids.size() == 1 ? new Dim.Sym(ids.first()) : new Dim.Broadcast(List.copyOf(ids));
            }
        };
    }
}
