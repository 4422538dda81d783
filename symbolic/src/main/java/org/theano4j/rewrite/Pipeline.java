package org.theano4j.rewrite;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.theano4j.Variable;
import org.theano4j.graph.Graphs;

/**
 * The one place that orders the rewrite phases (Theano's optdb positions): merge (0),
 * canonicalize (1, with constant folding), stabilize (1.5), specialize (2, then gemm), dropping
 * needless sumToShape nodes (late, see {@link ShapeAnalysisRules}), merge, elementwise fusion
 * (49), then merge again. FAST_COMPILE runs merge and constant folding only.
 */
public final class Pipeline {
    private final List<Rewrite> passes;

    private Pipeline(List<Rewrite> passes) {
        this.passes = List.copyOf(passes);
    }

    /** The pipeline of a mode: {@code FAST_RUN} or {@code FAST_COMPILE}. */
    public static Pipeline forMode(String mode) {
        return switch (mode) {
            case "FAST_RUN", "DEBUGMODE", "DebugMode" -> fastRun();
            case "FAST_COMPILE" -> new Pipeline(List.of(new Merge(), new LocalRewriter("constant-folding", List.of(ConstantFolding.rule()))));
            default -> throw new IllegalArgumentException("mode must be FAST_RUN or FAST_COMPILE, got " + mode);
        };
    }

    private static Pipeline fastRun() {
        List<Rewrite> p = new ArrayList<>();
        p.add(new Merge());
        p.add(new LocalRewriter("canonicalize", Rules.canonicalize()));
        p.add(new LocalRewriter("stabilize", Rules.stabilize()));
        p.add(new LocalRewriter("specialize", Rules.specialize()));
        p.add(new GemmRewrite());
        p.add(new ShapeAnalysisRules());
        p.add(new Merge());
        p.add(new Fusion());
        p.add(new Merge());
        return new Pipeline(p);
    }

    /**
     * The cost with the stabilize rules applied, so that its gradient is built from stable
     * forms (the gradient of {@code log(1 - 1/(1 + exp(-z)))} is NaN where the sigmoid rounds to
     * 1; that of {@code -softplus(z)} is not). Variables of {@code keep} that are computed inside
     * the graph (gradients with respect to intermediate results) are kept as they are: the graph
     * is cut there during the rewrite.
     */
    public static Variable stabilizeForGradient(Variable cost, List<? extends Variable> keep) {
        Map<Variable, Variable> cut = new IdentityHashMap<>();
        Map<Variable, Variable> restore = new IdentityHashMap<>();
        for (Variable v : keep) {
            if (v.owner() != null && !cut.containsKey(v)) {
                Variable placeholder = new Variable(v.type(), null, 0, v.name());
                cut.put(v, placeholder);
                restore.put(placeholder, v);
            }
        }
        Variable c = cut.isEmpty() ? cost : Graphs.clone(List.of(cost), cut).get(0);
        Variable stable = new LocalRewriter("stabilize", Rules.stabilize()).apply(List.of(c)).get(0);
        return restore.isEmpty() ? stable : Graphs.clone(List.of(stable), restore).get(0);
    }

    /**
     * Gradient graphs with Theano's switch sinking ({@link SwitchSinkRules}) applied, so that the
     * branch a switch does not take contributes exact zeros to the gradient, not {@code 0 * inf}.
     * Done when the gradient is built, so that every mode computes the same gradient. The
     * sumToShape nodes that the gradients of elementwise ops put between a switch and the next
     * product go first where they provably do nothing ({@link ShapeAnalysisRules}). Graphs
     * without such a switch are returned as they are.
     */
    public static List<Variable> sinkSwitchesForGradient(List<Variable> grads) {
        if (Graphs.toposort(grads).stream().noneMatch(SwitchSinkRules::switchWithZeroBranch)) {
            return grads;
        }
        List<Variable> bare = new ShapeAnalysisRules().apply(grads);
        return new LocalRewriter("switch-sink", SwitchSinkRules.all(ShapeAnalysis.of(bare))).apply(bare);
    }

    /** The names of the passes, in order. */
    public List<String> passNames() {
        return passes.stream().map(Rewrite::name).toList();
    }

    /** Runs every pass in order. */
    public List<Variable> apply(List<Variable> outputs) {
        List<Variable> current = outputs;
        for (Rewrite pass : passes) {
            current = pass.apply(current);
            GraphChecker.check(pass.name(), outputs, current);
        }
        return current;
    }
}
