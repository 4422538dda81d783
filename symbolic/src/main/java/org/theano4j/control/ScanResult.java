package org.theano4j.control;

import java.util.List;
import java.util.Map;
import org.theano4j.SharedVariable;
import org.theano4j.Variable;

/**
 * What {@link Scan#scan} returns, like Theano's {@code (outputs, updates)} pair: one stacked
 * output per step output (axis 0 is the step), in the order of {@code outputsInfo}, and the
 * updates to pass to {@code Theano.function} (always empty here: a step function may read shared
 * variables but not update them).
 *
 * @param outputs the stacked outputs
 * @param updates the shared-variable updates the loop needs
 */
public record ScanResult(List<Variable> outputs, Map<SharedVariable, Variable> updates) {
    /** Copies the lists. */
    public ScanResult {
        outputs = List.copyOf(outputs);
        updates = Map.copyOf(updates);
    }

    /** Output {@code i}. */
    public Variable output(int i) {
        return outputs.get(i);
    }

    /** The only output; {@link IllegalArgumentException} when there are several. */
    public Variable output() {
        if (outputs.size() != 1) {
            throw new IllegalArgumentException("this scan has " + outputs.size() + " outputs; use output(i)");
        }
        return outputs.get(0);
    }
}
