package org.theano4j.rewrite;

import java.util.ArrayList;
import java.util.List;

/** The local rules of each phase, in the order they are tried. */
final class Rules {
    private Rules() {
    }

    static List<LocalRule> canonicalize() {
        List<LocalRule> r = new ArrayList<>();
        r.add(ConstantFolding.rule());
        return r;
    }

    static List<LocalRule> stabilize() {
        return List.of();
    }

    static List<LocalRule> specialize() {
        return List.of();
    }
}
