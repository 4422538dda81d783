package org.theano4j.control;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.theano4j.compile.PlanRunner;
import org.theano4j.graph.SharedContainer;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/**
 * One run of a {@link ScanOp}: feeds the step plan its slices, tap values and parameters,
 * stores each step's outputs (a recurrent output into the buffer its later taps read), carries
 * the carried states from step to step and stops at the step count or at the first true
 * stopping condition.
 */
final class ScanLoop {
    private final ScanOp op;
    private final ScanLayout l;
    private final PlanRunner plan;
    private final Object[] inputs;
    private final NDArray[] args;
    private final NDArray[] loop;
    private final Object[] carriedValues;
    private final int[] sharedToCarried;

    ScanLoop(ScanOp op, PlanRunner plan, Object[] inputs) {
        this.op = op;
        this.l = op.layout();
        this.plan = plan;
        this.inputs = inputs;
        this.args = new NDArray[l.nInnerInputs()];
        this.loop = new NDArray[l.nLoop()];
        this.carriedValues = new Object[l.nCarried()];
        for (int c = 0; c < carriedValues.length; c++) {
            carriedValues[c] = inputs[l.carriedOuter(c)];
        }
        this.sharedToCarried = sharedToCarried(plan.plan().shared(), op.carried());
    }

    /** For each shared state the step plan reads, which carried state it is. */
    private static int[] sharedToCarried(SharedContainer[] read, List<SharedContainer> carried) {
        Map<SharedContainer, Integer> index = new IdentityHashMap<>();
        for (int c = 0; c < carried.size(); c++) {
            index.put(carried.get(c), c);
        }
        int[] map = new int[read.length];
        for (int i = 0; i < read.length; i++) {
            map[i] = index.get(read[i]);
        }
        return map;
    }

    Object[] run() {
        long n = steps();
        for (int p = 0; p < l.nParams(); p++) {
            args[l.paramInput(p)] = (NDArray) inputs[l.paramOuter(p)];
        }
        for (int j : l.recurrent()) {
            loop[j] = buffer(j, n);
        }
        long done = 0;
        boolean stop = false;
        while (done < n && !stop) {
            stop = step(done, n);
            done++;
        }
        Object[] result = new Object[l.nLoop() + l.nCarried()];
        for (int j = 0; j < l.nLoop(); j++) {
            result[j] = finish(j, done);
        }
        System.arraycopy(carriedValues, 0, result, l.nLoop(), carriedValues.length);
        return result;
    }

    /** Runs step {@code t}; true when the stopping condition says so. */
    private boolean step(long t, long n) {
        for (int k = 0; k < l.nSeqs(); k++) {
            args[k] = ((NDArray) inputs[l.seqOuter(k)]).index(0, t);
        }
        for (int j : l.recurrent()) {
            List<Integer> taps = l.taps().get(j);
            for (int i = 0; i < taps.size(); i++) {
                args[l.tapInput(j, i)] = loop[j].index(0, l.window(j) + t + taps.get(i));
            }
        }
        Object[] shared = new Object[sharedToCarried.length];
        for (int i = 0; i < shared.length; i++) {
            shared[i] = carriedValues[sharedToCarried[i]];
        }
        NDArray[] outs = new NDArray[l.nLoop() + (l.until() ? 1 : 0)];
        plan.run(args, shared, outs, carriedValues);
        for (int j = 0; j < l.nLoop(); j++) {
            store(j, outs[j], n, t);
        }
        return l.until() && outs[l.nLoop()].getFlat(0) != 0;
    }

    /** Recurrent output {@code j}'s buffer: its initial window, then room for {@code n} steps. */
    private NDArray buffer(int j, long n) {
        NDArray window = (NDArray) inputs[l.windowOuter(j)];
        int m = l.window(j);
        if (window.ndim() == 0 || window.shape(0) != m) {
            throw new IllegalArgumentException("scan: output " + j + " reads taps " + l.taps().get(j) + ", so its initial value needs "
                    + m + " rows (one per step back), got shape " + Shapes.toString(window.shape()));
        }
        long[] shape = window.shape();
        shape[0] = m + n;
        NDArray buf = NDArray.empty(op.innerOutputs().get(j).dtype(), shape);
        buf.slice(0, 0, m, 1).copyFrom(window);
        return buf;
    }

    private void store(int j, NDArray value, long n, long t) {
        if (loop[j] == null) {
            long[] shape = new long[value.ndim() + 1];
            shape[0] = n;
            System.arraycopy(value.shape(), 0, shape, 1, value.ndim());
            loop[j] = NDArray.empty(op.innerOutputs().get(j).dtype(), shape);
        }
        long[] expected = Arrays.copyOfRange(loop[j].shape(), 1, loop[j].ndim());
        if (!Arrays.equals(expected, value.shape())) {
            String what = l.isRecurrent(j) ? "recurrent output " + j : "output " + j;
            throw new IllegalArgumentException("scan: " + what + " has shape " + Shapes.toString(value.shape()) + " at step " + t
                    + " but " + Shapes.toString(expected) + (l.isRecurrent(j) ? " in its initial value" : " before"));
        }
        loop[j].index(0, l.window(j) + t).copyFrom(value);
    }

    /**
     * Loop output {@code j} after {@code done} steps: its buffer or stack, cut to the steps run. A
     * plain output of a loop that ran no step has zero-length axes (nothing tells its row shape).
     */
    private NDArray finish(int j, long done) {
        NDArray out = loop[j];
        if (out == null) {
            long[] shape = new long[op.innerOutputs().get(j).ndim() + 1];
            return NDArray.zeros(op.innerOutputs().get(j).dtype(), shape);
        }
        long rows = l.window(j) + done;
        return rows == out.shape(0) ? out : out.slice(0, 0, rows, 1).copy();
    }

    private long steps() {
        long n = ((NDArray) inputs[0]).getFlatLong(0);
        if (n < 0) {
            throw new IllegalArgumentException("scan: nSteps must be >= 0, got " + n);
        }
        for (int k = 0; k < l.nSeqs(); k++) {
            long len = ((NDArray) inputs[l.seqOuter(k)]).shape(0);
            if (len < n) {
                throw new IllegalArgumentException("scan: nSteps is " + n + " but sequence " + k + " has only " + len + " rows");
            }
        }
        return n;
    }
}
