package org.theano4j.compile;

import java.util.List;
import org.theano4j.Printing;
import org.theano4j.graph.Apply;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/**
 * Theano's {@code NanGuardMode} as a {@link StepListener}: checks the floating-point arguments of
 * each call and the outputs of each step, and stops the call with an
 * {@link IllegalStateException} naming the first input or node that holds a NaN, an infinity or
 * (optionally) a value whose magnitude exceeds {@value #BIG}. A failed call changes no shared state.
 */
public final class NanGuard implements StepListener {
    /** The magnitude above which a value is "big", as in Theano. */
    public static final double BIG = 1e10;

    /** Which values are errors. */
    public record Checks(boolean nan, boolean inf, boolean big) {
        /** Whether any check is on. */
        public boolean any() {
            return nan || inf || big;
        }
    }

    private final Checks checks;
    private final List<String> inputLabels;

    /** A guard doing {@code checks}; {@code inputLabels} names the function's inputs, in order. */
    public NanGuard(Checks checks, List<String> inputLabels) {
        this.checks = checks;
        this.inputLabels = List.copyOf(inputLabels);
    }

    @Override
    public void beforeSteps(Object[] args) {
        for (int i = 0; i < args.length; i++) {
            String bad = args[i] instanceof NDArray a ? firstBad(a) : null;
            if (bad != null) {
                throw new IllegalStateException("NaN guard: " + inputLabels.get(i) + " contains " + bad);
            }
        }
    }

    @Override
    public void afterStep(int index, Apply node, long nanos, Object[] outputs) {
        for (int k = 0; k < outputs.length; k++) {
            String bad = outputs[k] instanceof NDArray a ? firstBad(a) : null;
            if (bad != null) {
                throw new IllegalStateException("NaN guard: node " + index + " (" + node.op().displayName() + ") produced "
                        + bad + " in output " + k + "\nExpression: " + Printing.formula(node.output(k)));
            }
        }
    }

    /** A description of the first offending value of {@code a}, or null when all are fine. */
    private String firstBad(NDArray a) {
        if (!a.dtype().isFloat() || a.size() == 0) {
            return null;
        }
        double[] values = a.toDoubleArray();
        for (int i = 0; i < values.length; i++) {
            String what = classify(values[i]);
            if (what != null) {
                return what + " (first at flat index " + i + " of an array of shape " + Shapes.toString(a.shape()) + ")";
            }
        }
        return null;
    }

    private String classify(double v) {
        if (Double.isNaN(v)) {
            return checks.nan ? "NaN" : null;
        }
        if (Double.isInfinite(v)) {
            return checks.inf ? (v > 0 ? "inf" : "-inf") : null;
        }
        return checks.big && Math.abs(v) > BIG ? "a big value " + v : null;
    }
}
