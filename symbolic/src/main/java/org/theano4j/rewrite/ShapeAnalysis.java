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
import org.theano4j.graph.ShapeAlgebra;

/**
 * A static shape analysis (Theano's ShapeFeature, simplified): every tensor variable of a graph
 * gets one symbolic {@link Dim} per axis. Two axes with equal dims are provably of equal length
 * in every run of the graph that succeeds; nothing else is claimed (numpy broadcasting lets a
 * non-broadcastable axis have length 1 at run time, so different dims may or may not agree).
 *
 * <p>Graph inputs get a fresh symbol per axis ({@link Dim.Known} 1 where their type is
 * broadcastable: arguments are checked against it); constants get their literal sizes. Each
 * node's dims come from its op's shape rule ({@link org.theano4j.graph.Op#inferShape}) run over
 * symbols. An elementwise result takes, per axis, the broadcast of its inputs' dims: 1 when all are 1, the
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
    private final DimAlgebra algebra = new DimAlgebra();

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
        List<List<Dim>> in = new ArrayList<>(node.inputs().size());
        for (Variable v : node.inputs()) {
            Dim[] d = of(v);
            in.add(d == null ? null : Arrays.asList(d));
        }
        List<List<Dim>> out = node.op().inferShape(node, in, algebra);
        for (int k = 0; k < node.outputs().size(); k++) {
            Variable o = node.output(k);
            if (o.isTensor()) {
                List<Dim> d = out != null && k < out.size() ? out.get(k) : null;
                dims.put(o, d != null && d.size() == o.ndim() ? d.toArray(Dim[]::new) : freshDims(o.ndim()));
            }
        }
    }

    /** Lengths as symbols: sums of unknowns are new symbols, required equalities unify. */
    private final class DimAlgebra implements ShapeAlgebra<Dim> {
        @Override
        public Dim known(long length) {
            return length == 1 ? ONE : new Dim.Known(length);
        }

        @Override
        public Dim broadcast(List<Dim> lengths) {
            return broadcastAxis(lengths.stream().map(ShapeAnalysis.this::canonical).toArray(Dim[]::new));
        }

        @Override
        public Dim sum(List<Dim> lengths) {
            long total = 0;
            for (Dim d : lengths) {
                Long n = length(d);
                if (n == null || (n > 0 ? total > Long.MAX_VALUE - n : total < Long.MIN_VALUE - n)) {
                    return fresh(); // unknown, or overflow (terms of shape rules may be negative)
                }
                total += n;
            }
            return known(total);
        }

        @Override
        public Dim same(Dim a, Dim b) {
            unify(a, b);
            return canonical(a) instanceof Dim.Known || !(canonical(b) instanceof Dim.Known) ? a : b;
        }

        @Override
        public Dim times(Dim a, long k) {
            if (k == 1) {
                return a;
            }
            Long n = length(a);
            return n == null ? fresh() : exact(() -> Math.multiplyExact(n, k));
        }

        @Override
        public Dim floorDiv(Dim a, long k) {
            if (k == 1) {
                return a;
            }
            Long n = length(a);
            return n == null ? fresh() : known(Math.floorDiv(n, k));
        }

        @Override
        public Dim max(Dim a, long k) {
            Long n = length(a);
            return n == null ? fresh() : known(Math.max(n, k));
        }

        @Override
        public Dim element(Apply node, int input, int index) {
            return node.input(input) instanceof Constant c && c.value().ndim() == 1 && index < c.value().shape(0)
                    ? known(c.value().getLong(index)) : fresh();
        }

        private Long length(Dim d) {
            return canonical(d) instanceof Dim.Known k ? k.length() : null;
        }

        private Dim exact(java.util.function.LongSupplier f) {
            try {
                return known(f.getAsLong());
            } catch (ArithmeticException overflow) {
                return fresh();
            }
        }
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
