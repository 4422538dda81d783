package org.theano4j.rewrite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Clients;
import org.theano4j.graph.Constant;
import org.theano4j.graph.Graphs;
import org.theano4j.graph.Rebuild;
import org.theano4j.op.Alloc;
import org.theano4j.op.Composite;
import org.theano4j.op.Elemwise;
import org.theano4j.op.ScalarCast;
import org.theano4j.op.ScalarExpr;
import org.theano4j.op.ScalarFn;
import org.theano4j.op.ScalarOp;

/**
 * Elementwise fusion (Theano's {@code local_elemwise_fusion}): a tree of elementwise nodes becomes
 * one {@link Composite} evaluated in one pass. An input used only by the node being fused is
 * inlined; so is a cheap one (add, mul, neg, comparisons, casts, ...) whose every client is an
 * elementwise node of the same rank, recomputed in each of them rather than written to memory and
 * read back (expensive functions such as exp or log are never recomputed). Scalar constants are
 * inlined, and so is an alloc of a value that broadcasts anywhere (the composite broadcasts it).
 * Every dtype fuses: a composite's evaluation is exact ({@link ScalarExpr}), integers included.
 *
 * <p>Recomputation is bounded: the scalar nodes inlined at more than one place, over the whole
 * graph, number at most the graph's node count, and one composite has at most
 * {@value #MAX_EXPR_NODES} scalar nodes and {@value #MAX_INPUTS} inputs.
 */
public final class Fusion implements Rewrite {
    private static final int MAX_INPUTS = 24;
    private static final int MAX_EXPR_NODES = 128;

    @Override
    public String name() {
        return "fusion";
    }

    @Override
    public List<Variable> apply(List<Variable> outputs) {
        List<Apply> order = Graphs.toposort(outputs);
        Graph g = new Graph(order, outputs);
        Set<Variable> needed = Collections.newSetFromMap(new IdentityHashMap<>());
        needed.addAll(outputs);
        Map<Apply, Fused> roots = new IdentityHashMap<>();
        // reverse topological order: every client of a node is decided before the node itself
        for (int n = order.size() - 1; n >= 0; n--) {
            Apply node = order.get(n);
            if (!fusable(node)) {
                if (!inlinable(node) || needed.contains(node.output(0))) {
                    needed.addAll(node.inputs());
                }
            } else if (needed.contains(node.output(0))) {
                Fused f = new Fused(node.output(0).ndim(), g);
                f.expr = f.build(node.output(0), true, false);
                if (f.leaves.isEmpty()) {
                    needed.addAll(node.inputs()); // constants only: left to constant folding
                } else {
                    roots.put(node, f);
                    needed.addAll(f.leaves);
                }
            }
        }
        return rebuild(order, outputs, roots, needed);
    }

    private static List<Variable> rebuild(List<Apply> order, List<Variable> outputs, Map<Apply, Fused> roots,
            Set<Variable> needed) {
        return Rebuild.run(order, outputs, Map.of(), false, (node, state) -> {
            if (inlinable(node) && !needed.contains(node.output(0))) {
                return node.outputs(); // inlined into every client
            }
            Fused f = roots.get(node);
            if (f == null) {
                return null;
            }
            List<Variable> ins = state.all(f.leaves);
            return Apply.of(new Composite(f.expr, ins.size()), ins).outputs();
        });
    }

    /** Whether the node is elementwise (of any dtype: a composite's evaluation is exact, integers included). */
    static boolean fusable(Apply node) {
        return node.op() instanceof Composite || node.op() instanceof Elemwise;
    }

    /**
     * Whether the node can be inlined into a composite: an elementwise node, or an alloc of a
     * value that broadcasts anywhere (inlined as that value; its template stays an input, so that
     * the composite keeps the template's shape).
     */
    static boolean inlinable(Apply node) {
        if (fusable(node) || !(node.op() instanceof Alloc)) {
            return fusable(node);
        }
        Variable v = node.input(0);
        return v instanceof Constant c && c.value().size() == 1
                || v.ndim() == node.output(0).ndim() && allBroadcastable(v);
    }

    private static boolean allBroadcastable(Variable v) {
        for (boolean b : v.broadcastable()) {
            if (!b) {
                return false;
            }
        }
        return true;
    }

    /** Whether recomputing the node costs about as much as reading a stored result: one cheap instruction or a few. */
    static boolean cheap(Apply node) {
        return switch (node.op()) {
            case Elemwise e -> cheap(e.fn());
            case Composite c -> cheap(c.expr());
            case Alloc a -> true;
            default -> false;
        };
    }

    private static boolean cheap(ScalarFn fn) {
        return fn instanceof ScalarCast || fn instanceof ScalarOp op && op.isCheap();
    }

    private static boolean cheap(ScalarExpr e) {
        return switch (e) {
            case ScalarExpr.Input in -> true;
            case ScalarExpr.Const c -> true;
            case ScalarExpr.Call call -> cheap(call.fn()) && call.args().stream().allMatch(Fusion::cheap);
        };
    }

    /** The clients index, which variables may be recomputed in all their clients, and the recomputation budget. */
    private static final class Graph {
        final Clients clients;
        final Set<Variable> duplicable = Collections.newSetFromMap(new IdentityHashMap<>());
        int budget;

        Graph(List<Apply> order, List<Variable> outputs) {
            budget = order.size();
            clients = Clients.of(order, outputs);
            for (Apply node : order) {
                Variable v = node.output(0);
                if (inlinable(node) && cheap(node) && allClientsFuse(v)) {
                    duplicable.add(v);
                }
            }
        }

        /** Whether every reader of {@code v} is an elementwise node of v's rank (and v is no output, which is stored anyway). */
        private boolean allClientsFuse(Variable v) {
            if (clients.outputUses(v) > 0 || clients.nodeUses(v) == 0) {
                return false;
            }
            for (Apply c : clients.readers(v)) {
                if (!fusable(c) || c.output(0).ndim() != v.ndim()) {
                    return false;
                }
            }
            return true;
        }

        /** Whether {@code v} is read more than once, or is an output (stored anyway). */
        boolean shared(Variable v) {
            return clients.uses(v) > 1 || clients.outputUses(v) > 0;
        }
    }

    /** The tree and leaves of one fused node under construction. */
    private static final class Fused {
        final int ndim;
        final Graph graph;
        final List<Variable> leaves = new ArrayList<>();
        int size;
        ScalarExpr expr;

        Fused(int ndim, Graph graph) {
            this.ndim = ndim;
            this.graph = graph;
        }

        /**
         * The tree computing {@code v}. {@code copy}: this subtree is one of several copies (so
         * only cheap nodes may be inlined below it, and each inlined node is charged to the budget).
         */
        ScalarExpr build(Variable v, boolean root, boolean copy) {
            Apply node = v.owner();
            if (v instanceof Constant c && c.value().size() == 1 && v.ndim() <= ndim) {
                return ScalarExpr.Const.of(c.value());
            }
            if (node == null || !inlinable(node) || v.ndim() != ndim
                    || leaves.size() + node.inputs().size() > MAX_INPUTS || size >= MAX_EXPR_NODES) {
                return leaf(v);
            }
            boolean shared = !root && graph.shared(v);
            boolean childCopy = copy || shared;
            if (!root && childCopy && !(graph.duplicable.contains(v) && graph.budget > 0)) {
                return leaf(v);
            }
            if (!root && childCopy) {
                graph.budget--;
            }
            size++;
            if (node.op() instanceof Alloc) {
                leaf(node.input(1)); // for its shape only
                return build(node.input(0), false, childCopy);
            }
            List<ScalarExpr> args = new ArrayList<>();
            for (Variable in : node.inputs()) {
                args.add(build(in, false, childCopy));
            }
            if (node.op() instanceof Composite c) {
                return substitute(c.expr(), args);
            }
            return new ScalarExpr.Call(((Elemwise) node.op()).fn(), args, v.dtype());
        }

        private ScalarExpr leaf(Variable v) {
            int i = -1;
            for (int k = 0; k < leaves.size(); k++) {
                if (leaves.get(k) == v) {
                    i = k;
                }
            }
            if (i < 0) {
                i = leaves.size();
                leaves.add(v);
            }
            return new ScalarExpr.Input(i, v.dtype());
        }

        private static ScalarExpr substitute(ScalarExpr e, List<ScalarExpr> args) {
            return switch (e) {
                case ScalarExpr.Input in -> args.get(in.index());
                case ScalarExpr.Const c -> c;
                case ScalarExpr.Call call -> new ScalarExpr.Call(call.fn(),
                        call.args().stream().map(a -> substitute(a, args)).toList(), call.dtype());
            };
        }
    }
}
