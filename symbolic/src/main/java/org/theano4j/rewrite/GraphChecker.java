package org.theano4j.rewrite;

import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.TensorType;

/**
 * Checks after each pass that outputs kept their dtype and rank. Always on: it costs one
 * comparison per output.
 */
final class GraphChecker {
    private GraphChecker() {
    }

    static void check(String pass, List<Variable> before, List<Variable> after) {
        if (before.size() != after.size()) {
            throw new IllegalStateException(pass + " changed the number of outputs");
        }
        for (int i = 0; i < before.size(); i++) {
            if (before.get(i).type() instanceof TensorType a && after.get(i).type() instanceof TensorType b
                    && (a.dtype() != b.dtype() || a.ndim() != b.ndim())) {
                throw new IllegalStateException(pass + " changed output " + i + " from " + a.describe() + " to " + b.describe());
            }
        }
    }
}
