package org.theano4j.rewrite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Constant;
import org.theano4j.graph.Graphs;
import org.theano4j.op.Composite;
import org.theano4j.op.Elemwise;
import org.theano4j.op.ScalarExpr;
import org.theano4j.tensor.DType;

/**
 * Elementwise fusion (Theano's {@code local_elemwise_fusion}): a chain of elementwise nodes,
 * each used only by the next, becomes one {@link Composite} evaluated in one pass. Scalar
 * constants are inlined. Dtypes whose values a double cannot hold exactly (int64, uint32,
 * uint64) are not fused.
 */
public final class Fusion implements Rewrite {
    private static final int MAX_INPUTS = 24;
    private static final Set<DType> FUSABLE = EnumSet.of(DType.FLOAT64, DType.FLOAT32, DType.BOOL, DType.INT8,
            DType.INT16, DType.INT32, DType.UINT8, DType.UINT16);

    @Override
    public String name() {
        return "fusion";
    }

    @Override
    public List<Variable> apply(List<Variable> outputs) {
        List<Apply> order = Graphs.toposort(outputs);
        Map<Variable, Integer> clients = clients(order, outputs);
        Set<Apply> absorbed = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Apply, Fused> roots = new IdentityHashMap<>();
        for (int n = order.size() - 1; n >= 0; n--) {
            Apply node = order.get(n);
            if (!absorbed.contains(node) && fusable(node)) {
                Fused f = new Fused(node.output(0).ndim());
                f.expr = f.build(node.output(0), clients, absorbed, true);
                roots.put(node, f);
            }
        }
        return rebuild(order, outputs, roots, absorbed);
    }

    private static List<Variable> rebuild(List<Apply> order, List<Variable> outputs, Map<Apply, Fused> roots, Set<Apply> absorbed) {
        Map<Variable, Variable> map = new IdentityHashMap<>();
        for (Apply node : order) {
            if (absorbed.contains(node)) {
                continue;
            }
            Fused f = roots.get(node);
            Apply copy;
            if (f != null) {
                List<Variable> ins = f.leaves.stream().map(v -> map.getOrDefault(v, v)).toList();
                copy = Apply.of(new Composite(f.expr, ins.size()), ins);
            } else {
                List<Variable> ins = node.inputs().stream().map(v -> map.getOrDefault(v, v)).toList();
                copy = ins.equals(node.inputs()) ? node : node.withInputs(ins);
            }
            for (int i = 0; i < node.outputs().size(); i++) {
                map.put(node.output(i), copy.output(i));
            }
        }
        List<Variable> result = new ArrayList<>();
        for (Variable out : outputs) {
            result.add(map.getOrDefault(out, out));
        }
        return result;
    }

    private static Map<Variable, Integer> clients(List<Apply> order, List<Variable> outputs) {
        Map<Variable, Integer> clients = new IdentityHashMap<>();
        for (Apply node : order) {
            for (Variable in : node.inputs()) {
                clients.merge(in, 1, Integer::sum);
            }
        }
        for (Variable out : outputs) {
            clients.merge(out, 2, Integer::sum); // an output is never absorbed
        }
        return clients;
    }

    static boolean fusable(Apply node) {
        if (node.op() instanceof Composite c) {
            return FUSABLE.contains(c.dtype()) && allFusable(node);
        }
        return node.op() instanceof Elemwise && FUSABLE.contains(node.output(0).dtype()) && allFusable(node);
    }

    private static boolean allFusable(Apply node) {
        for (Variable in : node.inputs()) {
            if (!FUSABLE.contains(in.dtype())) {
                return false;
            }
        }
        return true;
    }

    /** The tree and leaves of one fused node under construction. */
    private static final class Fused {
        final int ndim;
        final List<Variable> leaves = new ArrayList<>();
        ScalarExpr expr;

        Fused(int ndim) {
            this.ndim = ndim;
        }

        ScalarExpr build(Variable v, Map<Variable, Integer> clients, Set<Apply> absorbed, boolean root) {
            Apply node = v.owner();
            if (v instanceof Constant c && c.value().size() == 1 && v.ndim() <= ndim) {
                DType d = c.dtype();
                return new ScalarExpr.Const(d.isFloat() ? c.value().getFlat(0) : c.value().getFlatLong(0), d);
            }
            boolean inline = node != null && (root || clients.getOrDefault(v, 0) == 1) && fusable(node)
                    && v.ndim() == ndim && leaves.size() + node.inputs().size() <= MAX_INPUTS;
            if (!inline) {
                return leaf(v);
            }
            if (!root) {
                absorbed.add(node);
            }
            List<ScalarExpr> args = new ArrayList<>();
            for (Variable in : node.inputs()) {
                args.add(build(in, clients, absorbed, false));
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
