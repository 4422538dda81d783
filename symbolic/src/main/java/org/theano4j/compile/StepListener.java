package org.theano4j.compile;

import org.theano4j.graph.Apply;

/**
 * Observes a {@link KernelPlan} as it runs (profiling, NaN checks). A plan run without a listener
 * pays nothing for this hook; with one, each step is timed and reported after it ran.
 */
public interface StepListener {
    /** Called once per call, before any step runs, with the converted arguments. */
    default void beforeSteps(Object[] args) {
    }

    /**
     * Called after step {@code index} (running {@code node}) took {@code nanos} nanoseconds and
     * produced {@code outputs} (one value per output of the node). Throwing aborts the call.
     */
    void afterStep(int index, Apply node, long nanos, Object[] outputs);

    /** Called once after every step of a call succeeded. */
    default void afterSteps() {
    }

    /** A listener calling {@code a} then {@code b}; either may be null. */
    static StepListener both(StepListener a, StepListener b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return new StepListener() {
            @Override
            public void beforeSteps(Object[] args) {
                a.beforeSteps(args);
                b.beforeSteps(args);
            }

            @Override
            public void afterStep(int index, Apply node, long nanos, Object[] outputs) {
                a.afterStep(index, node, nanos, outputs);
                b.afterStep(index, node, nanos, outputs);
            }

            @Override
            public void afterSteps() {
                a.afterSteps();
                b.afterSteps();
            }
        };
    }
}
