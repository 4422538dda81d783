package org.theano4j.compile;

import org.theano4j.graph.Apply;

/**
 * Observes a {@link KernelPlan} as it runs (profiling, NaN checks, MonitorMode hooks, DebugMode). A plan run without a listener
 * pays nothing for this hook; with one, each step is timed and reported after it ran.
 */
public interface StepListener {
    /** Called once per call, before any step runs, with the converted arguments. */
    default void beforeSteps(Object[] args) {
    }

    /**
     * Called before step {@code index} runs {@code node} on {@code inputs} (one value per input of
     * the node; the arrays are the step's own: an in-place step overwrites one of them). For a lazy
     * ifelse the branch values are computed inside its step, so they are not ready here (null or
     * stale). Throwing aborts the call.
     */
    default void beforeStep(int index, Apply node, Object[] inputs) {
    }

    /**
     * Called after step {@code index} (running {@code node}) took {@code nanos} nanoseconds and
     * produced {@code outputs} (one value per output of the node). Throwing aborts the call.
     */
    void afterStep(int index, Apply node, long nanos, Object[] outputs);

    /**
     * Like {@link #afterStep(int, Apply, long, Object[])}, also given the step's {@code inputs} (as
     * they are after the step: an in-place step has overwritten one). The plan calls this form;
     * the default forwards to the one without inputs.
     */
    default void afterStep(int index, Apply node, long nanos, Object[] inputs, Object[] outputs) {
        afterStep(index, node, nanos, outputs);
    }

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
            public void beforeStep(int index, Apply node, Object[] inputs) {
                a.beforeStep(index, node, inputs);
                b.beforeStep(index, node, inputs);
            }

            @Override
            public void afterStep(int index, Apply node, long nanos, Object[] outputs) {
                a.afterStep(index, node, nanos, outputs);
                b.afterStep(index, node, nanos, outputs);
            }

            @Override
            public void afterStep(int index, Apply node, long nanos, Object[] inputs, Object[] outputs) {
                a.afterStep(index, node, nanos, inputs, outputs);
                b.afterStep(index, node, nanos, inputs, outputs);
            }

            @Override
            public void afterSteps() {
                a.afterSteps();
                b.afterSteps();
            }
        };
    }
}
