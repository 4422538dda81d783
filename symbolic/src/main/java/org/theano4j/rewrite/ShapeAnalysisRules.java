package org.theano4j.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Graphs;
import org.theano4j.graph.Rebuild;
import org.theano4j.op.Alloc;
import org.theano4j.op.DimShuffle;
import org.theano4j.op.Elemwise;
import org.theano4j.op.SumToShape;

/**
 * Rules that need the {@link ShapeAnalysis} of the whole graph, run as one pass:
 * <ul>
 * <li>{@code dropNeedlessSumToShape}: {@code sumToShape(g, x) -> g} where g and x provably have
 * the same shape, so the op would return g itself. The gradient of broadcasting puts one after
 * every elementwise node; left in place they split chains that fusion could join. Where x only
 * might have g's shape (a non-broadcastable axis can have length 1 at run time) the sum stays.
 * <li>{@code dropAllocIntoElemwise}: {@code elemwise(alloc(v, t), ys...) -> elemwise(v, ys...)}
 * for a v that broadcasts anywhere (all axes of length 1) where the broadcast of the ys provably
 * has t's shape: the alloc only wrote out a broadcast that the elementwise op does anyway.
 * </ul>
 * Nodes whose inputs become all constants are folded on the way.
 *
 * <p>Facts the analysis draws from a dot (its contracted axes agree) hold because that dot runs:
 * the pass goes late in the pipeline, after the rules that could drop nodes, and before fusion.
 */
public final class ShapeAnalysisRules implements Rewrite {
    @Override
    public String name() {
        return "shape-rules";
    }

    @Override
    public List<Variable> apply(List<Variable> outputs) {
        List<Apply> order = Graphs.toposort(outputs);
        if (order.stream().noneMatch(ShapeAnalysisRules::candidate)) {
            return outputs;
        }
        ShapeAnalysis shapes = ShapeAnalysis.of(outputs);
        return Rebuild.run(order, outputs, Map.of(), false, (node, state) -> {
            if (node.op() instanceof SumToShape && dropNeedlessSumToShape(shapes, node)) {
                return List.of(state.get(node.input(0)));
            }
            List<Variable> ins = inputsAfterAllocDrop(shapes, node, state);
            return ins.equals(node.inputs()) ? null : folded(node.withInputs(ins));
        });
    }

    private static boolean candidate(Apply node) {
        return node.op() instanceof SumToShape || node.op() instanceof Alloc;
    }

    /** Whether the sum is the identity: same proven shape, and g already has the output's type. */
    static boolean dropNeedlessSumToShape(ShapeAnalysis shapes, Apply node) {
        Variable g = node.input(0);
        return g.type().equals(node.output(0).type()) && shapes.sameShape(g, node.input(1));
    }

    /** The node's (rewritten) inputs, with each alloc that the other inputs cover replaced by its value. */
    private static List<Variable> inputsAfterAllocDrop(ShapeAnalysis shapes, Apply node, Rebuild state) {
        List<Variable> ins = state.all(node.inputs());
        if (!(node.op() instanceof Elemwise)) {
            return ins;
        }
        List<Variable> kept = List.copyOf(ins);
        boolean changed = false;
        for (int i = 0; i < ins.size(); i++) {
            Apply alloc = node.input(i).owner();
            if (alloc != null && alloc.op() instanceof Alloc && allBroadcastable(alloc.input(0))
                    && coveredByOthers(shapes, node, i, alloc.input(1))) {
                ins.set(i, padded(state.get(alloc.input(0)), node.input(i).ndim()));
                changed = true;
            }
        }
        // the broadcastable pattern of the result must not change
        return !changed || Apply.of(node.op(), ins).output(0).type().equals(node.output(0).type()) ? ins : kept;
    }

    private static boolean allBroadcastable(Variable v) {
        for (boolean b : v.broadcastable()) {
            if (!b) {
                return false;
            }
        }
        return true;
    }

    private static boolean coveredByOthers(ShapeAnalysis shapes, Apply node, int skip, Variable template) {
        List<Variable> others = new ArrayList<>(node.inputs());
        others.remove(skip);
        return !others.isEmpty() && shapes.broadcastHasShapeOf(others, template);
    }

    private static Variable padded(Variable v, int ndim) {
        if (v.ndim() == ndim) {
            return v;
        }
        Object[] pattern = new Object[ndim];
        int lead = ndim - v.ndim();
        for (int i = 0; i < ndim; i++) {
            pattern[i] = i < lead ? "x" : (Object) (i - lead);
        }
        return Apply.single(DimShuffle.of(v.tensorType(), pattern), v);
    }

    /** The outputs of {@code copy}, folded when its inputs are all constants. */
    private static List<Variable> folded(Apply copy) {
        List<Variable> folded = ConstantFolding.rule().apply(copy);
        return folded != null ? folded : copy.outputs();
    }
}
