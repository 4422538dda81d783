package org.theano4j.rewrite;

import java.util.List;

/**
 * The local rules of each phase, in the order they are tried. The rules themselves live in
 * one file per phase: {@link CanonicalizeRules}, {@link StabilizeRules}, {@link SpecializeRules}.
 */
final class Rules {
    private Rules() {
    }

    /** Canonical forms, with constant folding, and shape inference ({@link ShapeRules}). */
    static List<LocalRule> canonicalize() {
        List<LocalRule> r = new java.util.ArrayList<>(CanonicalizeRules.all());
        r.addAll(ShapeRules.all());
        return r;
    }

    /** Numerically stable forms; also applied to a cost before differentiation. */
    static List<LocalRule> stabilize() {
        return StabilizeRules.all();
    }

    /** Cheaper special cases. */
    static List<LocalRule> specialize() {
        return SpecializeRules.all();
    }
}
