package org.theano4j.control;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.theano4j.Variable;
import org.theano4j.graph.SharedContainer;

/**
 * What {@link Scan} returns, Theano's {@code (outputs, updates)} pair: one stacked output per
 * step output (axis 0 is the step), in the order of {@code outputsInfo}, and the updates to pass
 * to {@code Theano.function}: for each shared variable the step updated (its returned map) and
 * each random generator it drew from, the value after the last step. For example Theano's
 * accumulator {@code scan(lambda: {k: k + 1}, n_steps=n)}:
 *
 * <pre>{@code
 * ScanResult r = Scan.builder(a -> List.of(Map.of(k, k.add(1)))).nSteps(n).build();
 * Function acc = Theano.function(List.of(n), List.of(), Theano.options().updates(r.updates()));
 * }</pre>
 *
 * {@link #outputs()} is Theano's {@code return_list=True} form, {@link #output()} the single
 * output that {@code return_list=False} gives.
 *
 * @param outputs the stacked outputs
 * @param updates the shared variables' (and random states') values after the loop, in the order the step made them
 */
public record ScanResult(List<Variable> outputs, Map<SharedContainer, Variable> updates) {
    /** Copies the list and the map (keeping its order). */
    public ScanResult {
        outputs = List.copyOf(outputs);
        updates = Collections.unmodifiableMap(new LinkedHashMap<>(updates));
    }

    /** Output {@code i}. */
    public Variable output(int i) {
        return outputs.get(i);
    }

    /** The only output; {@link IllegalArgumentException} when there are none or several. */
    public Variable output() {
        if (outputs.size() != 1) {
            throw new IllegalArgumentException("this scan has " + outputs.size() + " outputs; use outputs() or output(i)");
        }
        return outputs.get(0);
    }
}
