package org.theano4j.compile;

import java.util.Arrays;
import org.theano4j.Printing;
import org.theano4j.backend.HostSync;
import org.theano4j.backend.Kernel;
import org.theano4j.control.IfElse;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/**
 * One step of a {@link KernelPlan}: a node, the slots it reads and writes, and how it runs: a
 * backend kernel into preallocated outputs, or the op's own evaluation (views, data-dependent
 * shapes, ops without a kernel).
 */
final class Step {
    final Apply node;
    final int[] in;
    final int[] out;
    private final Kernel kernel;
    private final boolean freshOutputs;
    private final DType[] outDTypes;
    private final boolean memoShapes;
    /** Per output, the update it is the new value of (its offered target may be written), or -1. */
    private final int[] updateOf;
    /** Per output, the planned buffer group ({@link BufferPlan}), or -1 for a buffer of its own. */
    private final int[] group;
    /** The input whose buffer output 0 may overwrite (in-place elementwise), or -1. */
    private int inPlaceInput = -1;
    private Guarded guarded;
    /** Theano's run-time broadcasting rule, for elementwise nodes (else null). */
    private final BroadcastCheck broadcastCheck;

    /**
     * The guarded segments of a lazy ifelse step: the steps (with their workspace indices) that
     * only the then-branch or only the else-branch needs.
     */
    record Guarded(Step[] then, int[] thenIndex, Step[] otherwise, int[] otherwiseIndex) {
    }

    Step(Apply node, int[] in, int[] out, Kernel kernel, boolean freshOutputs) {
        this.node = node;
        this.in = in;
        this.out = out;
        this.kernel = kernel;
        this.freshOutputs = freshOutputs;
        this.outDTypes = new DType[out.length];
        for (int i = 0; i < out.length; i++) {
            outDTypes[i] = node.output(i).isTensor() ? node.output(i).dtype() : null;
        }
        this.memoShapes = node.op().shapesFromInputShapesOnly();
        this.broadcastCheck = BroadcastCheck.forNode(node);
        this.updateOf = new int[out.length];
        java.util.Arrays.fill(updateOf, -1);
        this.group = new int[out.length];
        java.util.Arrays.fill(group, -1);
    }

    /** Whether a backend kernel runs this step (else the op's evaluation). */
    boolean hasKernel() {
        return kernel != null;
    }

    /** Whether this step's outputs are roots (handed to the caller, so freshly allocated). */
    boolean isRoot() {
        return freshOutputs;
    }

    /** The dtype of output {@code k} (null for non-tensor outputs). */
    DType outDType(int k) {
        return outDTypes[k];
    }

    /** Output {@code k} lives in buffer group {@code g}; output 0 may overwrite input {@code inPlace} (or -1). */
    void planOutput(int k, int g, int inPlace) {
        group[k] = g;
        if (k == 0) {
            inPlaceInput = inPlace;
        }
    }

    /** Records which outputs are update values ({@code updateOf}: slot to update index). */
    void markUpdateTargets(java.util.Map<Integer, Integer> slotToUpdate) {
        for (int i = 0; i < out.length; i++) {
            updateOf[i] = slotToUpdate.getOrDefault(out[i], -1);
        }
    }

    /** Makes this (ifelse) step run only the chosen segment before picking its values. */
    void guard(Guarded segments) {
        this.guarded = segments;
    }

    /** The guarded segments, or null for an ordinary step. */
    Guarded guarded() {
        return guarded;
    }

    /** Runs the step on the slots of {@code ws}. */
    void run(Workspace ws, int index) {
        if (guarded != null) {
            runGuarded(ws);
            return;
        }
        Object[] slots = ws.slots;
        StepState state = ws.state(index, this);
        Object[] args = state.args;
        for (int i = 0; i < in.length; i++) {
            args[i] = slots[in[i]];
        }
        try {
            if (broadcastCheck != null) {
                broadcastCheck.check(args);
            }
            long[][] shapes = kernel != null ? state.outputShapes(node.op(), args, memoShapes) : null;
            if (shapes != null) {
                runKernel(ws, state, shapes);
            } else {
                runEvaluate(ws, args);
            }
        } catch (RuntimeException e) {
            throw StepFailure.wrap(e, node, args);
        }
    }

    private void runKernel(Workspace ws, StepState state, long[][] shapes) {
        NDArray[] ins = state.ins;
        for (int i = 0; i < in.length; i++) {
            ins[i] = (NDArray) state.args[i];
        }
        NDArray[] outs = state.outs;
        for (int i = 0; i < out.length; i++) {
            outs[i] = freshOutputs ? freshOutput(ws, i, shapes[i], ins) : planned(ws, state, i, shapes[i], ins);
        }
        if (kernel.onHost()) {
            HostSync.toHost(ins);
            for (NDArray o : outs) {
                HostSync.release(o);
            }
        }
        kernel.run(ins, outs);
        for (int i = 0; i < out.length; i++) {
            ws.slots[out[i]] = outs[i];
            ws.fresh[out[i]] = freshOutputs;
            outs[i] = null;
        }
    }

    /**
     * A new array for root output {@code i}: the target the caller offered for its update when it
     * fits (a recycled former value that nobody else holds), else a newly allocated one.
     */
    private NDArray freshOutput(Workspace ws, int i, long[] shape, NDArray[] ins) {
        int u = updateOf[i];
        if (u >= 0) {
            NDArray[] targets = ws.updateTargets();
            NDArray t = targets[u];
            if (t != null && t.dtype() == outDTypes[i] && t.hasShape(shape) && t.isCContiguous() && !among(t, ins)) {
                targets[u] = null;
                return t;
            }
        }
        return NDArray.empty(outDTypes[i], shape);
    }

    /** An intermediate's buffer: the dying input itself (in place), its group's memory, or its own buffer. */
    private NDArray planned(Workspace ws, StepState state, int i, long[] shape, NDArray[] ins) {
        if (i == 0 && inPlaceInput >= 0) {
            NDArray x = ins[inPlaceInput];
            if (x.dtype() == outDTypes[0] && x.hasShape(shape) && x.isCContiguous()) {
                return x;
            }
            return ws.buffer(out[i], outDTypes[i], shape);
        }
        if (group[i] >= 0) {
            return ws.groupBuffer(group[i], outDTypes[i], shape, state, i);
        }
        return ws.buffer(out[i], outDTypes[i], shape);
    }

    private static boolean among(NDArray a, NDArray[] arrays) {
        for (NDArray x : arrays) {
            if (x == a) {
                return true;
            }
        }
        return false;
    }

    private void runEvaluate(Workspace ws, Object[] args) {
        Op op = node.op();
        toHostWhereRead(op, args);
        Object[] results = op.evaluate(args);
        if (op.destroys() >= 0) {
            HostSync.release(args[op.destroys()]);
        }
        for (int i = 0; i < out.length; i++) {
            ws.slots[out[i]] = results[i];
            ws.fresh[out[i]] = !op.isView() && !aliasesInput(results[i], args);
        }
    }

    /**
     * Makes current on the host the inputs whose elements {@code op}'s evaluation reads
     * ({@link Op#readsElements}): a view op leaves a device-only input there, and a reader of the
     * view's elements refreshes its base later.
     */
    private static void toHostWhereRead(Op op, Object[] args) {
        for (int i = 0; i < args.length; i++) {
            if (op.readsElements(i, args)) {
                HostSync.toHost(args[i]);
            }
        }
    }

    /** Lazy ifelse: evaluates the condition's branch only, then hands its values to the outputs. */
    private void runGuarded(Workspace ws) {
        IfElse op = (IfElse) node.op();
        HostSync.toHost(ws.slots[in[0]]);
        boolean then = IfElse.isTrue(ws.slots[in[0]]);
        Step[] segment = then ? guarded.then() : guarded.otherwise();
        int[] index = then ? guarded.thenIndex() : guarded.otherwiseIndex();
        for (int i = 0; i < segment.length; i++) {
            segment[i].run(ws, index[i]);
        }
        for (int i = 0; i < out.length; i++) {
            int src = in[op.branchInput(i, then)];
            ws.slots[out[i]] = ws.slots[src];
            ws.fresh[out[i]] = ws.fresh[src];
            ws.fresh[src] = false;
        }
    }

    private static boolean aliasesInput(Object r, Object[] args) {
        for (Object a : args) {
            if (a == r) {
                return true;
            }
        }
        return false;
    }

    /** Turns a failure inside a step into an error that names the node and its input shapes. */
    static final class StepFailure {
        private StepFailure() {
        }

        static RuntimeException wrap(RuntimeException e, Apply node, Object[] args) {
            if (e.getMessage() != null && e.getMessage().contains("Apply node that caused the error")) {
                return e;
            }
            String shapes = Arrays.stream(args)
                    .map(a -> a instanceof NDArray n ? n.dtype().numpyName() + Shapes.toString(n.shape()) : String.valueOf(a))
                    .reduce((x, y) -> x + ", " + y).orElse("");
            String msg = e.getMessage() + "\nApply node that caused the error: " + node.op().displayName()
                    + " with inputs [" + shapes + "]\nExpression: " + Printing.formula(node.output(0));
            return e instanceof IllegalArgumentException ? new IllegalArgumentException(msg, e) : new IllegalStateException(msg, e);
        }
    }
}
