package org.theano4j.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.theano4j.Variable;
import org.theano4j.graph.SharedContainer;
import org.theano4j.graph.TensorType;
import org.theano4j.op.Operands;

/**
 * What a step function returned, sorted like Theano's {@code get_updates_and_outputs}: the
 * outputs (variables or values, in order), the explicit updates (one map) and the stopping
 * condition (an {@link Scan.Until}, which must come last).
 *
 * @param outputs the step outputs
 * @param updates the explicit updates, in the map's order
 * @param condition the stopping condition, or null
 */
record StepReturn(List<Variable> outputs, Map<SharedContainer, Variable> updates, Variable condition) {

    static StepReturn parse(List<?> returned) {
        if (returned == null) {
            throw new IllegalArgumentException("scan: the step function returned null (return a list: outputs, updates, until)");
        }
        List<Variable> outputs = new ArrayList<>();
        Map<SharedContainer, Variable> updates = null;
        Variable condition = null;
        for (int i = 0; i < returned.size(); i++) {
            Object o = returned.get(i);
            if (o instanceof Scan.Until u) {
                if (i != returned.size() - 1) {
                    throw new IllegalArgumentException("scan: until(...) must be the last thing the step function returns, it is at "
                            + i + " of " + returned.size());
                }
                condition = u.condition();
            } else if (o instanceof Map<?, ?> m) {
                if (updates != null) {
                    throw new IllegalArgumentException("scan: the step function returned two update maps; merge them into one");
                }
                updates = updates(m);
            } else if (o == null) {
                throw new IllegalArgumentException("scan: step output " + outputs.size() + " is null");
            } else {
                outputs.add(Operands.of(o));
            }
        }
        return new StepReturn(outputs, updates == null ? Map.of() : updates, condition);
    }

    private static Map<SharedContainer, Variable> updates(Map<?, ?> m) {
        Map<SharedContainer, Variable> updates = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof SharedContainer c)) {
                throw new IllegalArgumentException("scan: update keys must be shared variables, got " + e.getKey());
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException("scan: the update of " + c.variable() + " is null");
            }
            Variable target = c.variable();
            Variable value = Operands.of(e.getValue());
            if (Operands.isWeak(value) && target.isTensor()) {
                value = Operands.castTo(value, target.dtype());
            }
            boolean same = target.type().equals(value.type()) || target.type() instanceof TensorType t && value.type() instanceof TensorType v
                    && t.dtype() == v.dtype() && t.ndim() == v.ndim();
            if (!same) {
                throw new IllegalArgumentException("scan: update of shared variable " + target + ": it is " + target.type().describe()
                        + " but the new value " + value + " is " + value.type().describe());
            }
            updates.put(c, value);
        }
        return updates;
    }
}
