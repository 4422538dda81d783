package org.theano4j.compile;

import org.theano4j.tensor.NDArray;

/**
 * A plan with its own pool of workspaces and frames, for code that runs a plan directly (a
 * scan's step, run once per iteration) rather than through a {@link org.theano4j.Function}.
 */
public final class PlanRunner {
    /** One run's working state and frame, pooled together. */
    private record Session(Workspace ws, Frame frame) {
    }

    private final KernelPlan plan;
    private final Pool<Session> pool;

    /** A runner for {@code plan}. */
    public PlanRunner(KernelPlan plan) {
        this.plan = plan;
        this.pool = new Pool<>(() -> new Session(plan.newWorkspace(), new Frame(plan)), s -> s.ws().close());
    }

    /** The plan this runner runs. */
    public KernelPlan plan() {
        return plan;
    }

    /**
     * Runs the plan on {@code args} and the shared values {@code shared} (in {@link KernelPlan#shared()}
     * order), filling {@code outputs} (owned by the caller) and {@code updates}. Throws without side effects.
     */
    public void run(NDArray[] args, Object[] shared, NDArray[] outputs, Object[] updates) {
        Session s = pool.acquire();
        try {
            System.arraycopy(args, 0, s.frame().args, 0, s.frame().args.length);
            System.arraycopy(shared, 0, s.frame().shared, 0, s.frame().shared.length);
            plan.execute(s.ws(), s.frame(), null);
            System.arraycopy(s.frame().outputs, 0, outputs, 0, s.frame().outputs.length);
            System.arraycopy(s.frame().updates, 0, updates, 0, s.frame().updates.length);
        } finally {
            s.frame().clear();
            pool.release(s);
        }
    }
}
