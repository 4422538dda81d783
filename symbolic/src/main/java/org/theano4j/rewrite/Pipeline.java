package org.theano4j.rewrite;

import java.util.ArrayList;
import java.util.List;
import org.theano4j.Variable;

/**
 * The one place that orders the rewrite phases (Theano's optdb positions): merge (0),
 * canonicalize (1), constant folding, stabilize (1.5), specialize (2), elementwise fusion (49),
 * then merge again. FAST_COMPILE runs merge and constant folding only.
 */
public final class Pipeline {
    private final List<Rewrite> passes;

    private Pipeline(List<Rewrite> passes) {
        this.passes = List.copyOf(passes);
    }

    /** The pipeline of a mode: {@code FAST_RUN} or {@code FAST_COMPILE}. */
    public static Pipeline forMode(String mode) {
        return switch (mode) {
            case "FAST_RUN" -> fastRun();
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
        p.add(new Merge());
        p.add(new Fusion());
        p.add(new Merge());
        return new Pipeline(p);
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
