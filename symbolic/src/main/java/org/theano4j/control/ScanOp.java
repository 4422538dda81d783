package org.theano4j.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.theano4j.Config;
import org.theano4j.Variable;
import org.theano4j.backend.Backends;
import org.theano4j.compile.GraphSpec;
import org.theano4j.compile.InputSpec;
import org.theano4j.compile.KernelPlan;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.persist.Persistable;
import org.theano4j.persist.PersistentForm;
import org.theano4j.rewrite.Pipeline;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/**
 * The loop node built by {@link Scan}. Inputs: the number of steps (negative: the shortest
 * sequence's length), the sequences, the initial values of the recurrent outputs, then the
 * parameters (non-sequences, explicit and implicit). The step graph maps inner inputs (sequence
 * slices, previous states, parameters) to the step outputs; it is rewritten and planned once,
 * on first use, and executed per step. Ops compare by identity. Saved functions hold it as
 * {@link Saved}: its constructor's arguments, the step graph among them.
 */
public final class ScanOp implements Op, Persistable {
    private final List<Variable> innerInputs;
    private final List<Variable> innerOutputs;
    private final int nSeqs;
    private final boolean[] recurrent;
    private final int[] stateOf;
    private final int nStates;
    private final boolean goBackwards;
    private volatile KernelPlan plan;

    ScanOp(List<Variable> innerInputs, List<Variable> innerOutputs, int nSeqs, boolean[] recurrent, boolean goBackwards) {
        this.innerInputs = List.copyOf(innerInputs);
        this.innerOutputs = List.copyOf(innerOutputs);
        this.nSeqs = nSeqs;
        this.recurrent = recurrent.clone();
        this.goBackwards = goBackwards;
        this.stateOf = new int[recurrent.length];
        int s = 0;
        for (int j = 0; j < recurrent.length; j++) {
            stateOf[j] = recurrent[j] ? s++ : -1;
        }
        this.nStates = s;
    }

    /** The step graph's inputs: sequence slices, previous states, parameters. */
    public List<Variable> innerInputs() {
        return innerInputs;
    }

    /** The step graph's outputs, one per scan output. */
    public List<Variable> innerOutputs() {
        return innerOutputs;
    }

    /** Number of sequences. */
    public int sequenceCount() {
        return nSeqs;
    }

    /** Number of recurrent outputs (states). */
    public int stateCount() {
        return nStates;
    }

    /** Number of parameters (non-sequences). */
    public int parameterCount() {
        return innerInputs.size() - nSeqs - nStates;
    }

    /** Which state output {@code j} feeds, or -1 for a plain per-step output. */
    public int stateOf(int j) {
        return stateOf[j];
    }

    /** Whether the sequences are read backwards. */
    public boolean goesBackwards() {
        return goBackwards;
    }

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        if (inputs.size() != 1 + innerInputs.size()) {
            throw new IllegalArgumentException("scan takes " + (1 + innerInputs.size()) + " inputs, got " + inputs.size());
        }
        List<Type> types = new ArrayList<>(innerOutputs.size());
        for (Variable out : innerOutputs) {
            TensorType t = out.tensorType();
            boolean[] bc = new boolean[t.ndim() + 1];
            System.arraycopy(t.broadcastable(), 0, bc, 1, t.ndim());
            types.add(new TensorType(t.dtype(), bc));
        }
        return types;
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        long n = steps(inputs);
        KernelPlan p = plan();
        NDArray[] args = new NDArray[innerInputs.size()];
        for (int i = nSeqs; i < args.length; i++) {
            args[i] = (NDArray) inputs[1 + i];
        }
        NDArray[] outs = new NDArray[innerOutputs.size()];
        NDArray[] stacked = new NDArray[outs.length];
        for (long t = 0; t < n; t++) {
            for (int k = 0; k < nSeqs; k++) {
                NDArray seq = (NDArray) inputs[1 + k];
                args[k] = seq.index(0, goBackwards ? seq.shape(0) - 1 - t : t);
            }
            p.execute(args, new Object[0], outs, new Object[0]);
            for (int j = 0; j < outs.length; j++) {
                store(stacked, j, outs[j], n, t);
                if (recurrent[j]) {
                    NDArray previous = args[nSeqs + stateOf[j]];
                    if (!Arrays.equals(previous.shape(), outs[j].shape())) {
                        throw new IllegalArgumentException("scan: recurrent output " + j + " has shape " + Shapes.toString(outs[j].shape())
                                + " at step " + t + " but its previous value had shape " + Shapes.toString(previous.shape()));
                    }
                    args[nSeqs + stateOf[j]] = outs[j];
                }
            }
        }
        return n == 0 ? empty(inputs) : stacked;
    }

    private void store(NDArray[] stacked, int j, NDArray value, long n, long t) {
        if (stacked[j] == null) {
            long[] shape = new long[value.ndim() + 1];
            shape[0] = n;
            System.arraycopy(value.shape(), 0, shape, 1, value.ndim());
            stacked[j] = NDArray.empty(innerOutputs.get(j).dtype(), shape);
        } else if (!Arrays.equals(Arrays.copyOfRange(stacked[j].shape(), 1, stacked[j].ndim()), value.shape())) {
            throw new IllegalArgumentException("scan: output " + j + " has shape " + Shapes.toString(value.shape()) + " at step " + t
                    + " but " + Shapes.toString(Arrays.copyOfRange(stacked[j].shape(), 1, stacked[j].ndim())) + " before");
        }
        stacked[j].index(0, t).copyFrom(value);
    }

    /** Outputs of a zero-step loop: recurrent ones keep their initial value's shape, others have zero-length axes. */
    private Object[] empty(Object[] inputs) {
        Object[] result = new Object[innerOutputs.size()];
        for (int j = 0; j < result.length; j++) {
            Variable out = innerOutputs.get(j);
            long[] shape = new long[out.ndim() + 1];
            if (recurrent[j]) {
                long[] init = ((NDArray) inputs[1 + nSeqs + stateOf[j]]).shape();
                System.arraycopy(init, 0, shape, 1, init.length);
            }
            result[j] = NDArray.zeros(out.dtype(), shape);
        }
        return result;
    }

    private long steps(Object[] inputs) {
        long n = ((NDArray) inputs[0]).getFlatLong(0);
        long shortest = Long.MAX_VALUE;
        int shortestIndex = -1;
        for (int k = 0; k < nSeqs; k++) {
            long len = ((NDArray) inputs[1 + k]).shape(0);
            if (len < shortest) {
                shortest = len;
                shortestIndex = k;
            }
        }
        if (n < 0 && nSeqs == 0) {
            throw new IllegalArgumentException("scan: nSteps is " + n + " and there is no sequence");
        }
        if (n < 0) {
            return shortest;
        }
        if (n > shortest) {
            throw new IllegalArgumentException("scan: nSteps is " + n + " but sequence " + shortestIndex + " has only " + shortest + " rows");
        }
        return n;
    }

    /** The step graph, rewritten and planned on first use. */
    private KernelPlan plan() {
        KernelPlan p = plan;
        if (p == null) {
            synchronized (this) {
                p = plan;
                if (p == null) {
                    p = compile();
                    plan = p;
                }
            }
        }
        return p;
    }

    private KernelPlan compile() {
        List<InputSpec> specs = new ArrayList<>();
        for (int i = 0; i < innerInputs.size(); i++) {
            specs.add(new InputSpec(innerInputs.get(i), null, null, "scan step input " + i));
        }
        List<Variable> optimized = Pipeline.forMode(Config.mode()).apply(innerOutputs);
        GraphSpec graph = new GraphSpec(specs, List.copyOf(optimized), List.of(), List.of());
        return KernelPlan.build(graph, Backends.forDevice("cpu"));
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        return ScanGrad.grad(this, node, outputGrads);
    }

    /**
     * What a saved function holds for a scan: exactly the arguments of its constructor (the step
     * graph as its inner inputs and outputs); a field added to the op belongs here too.
     *
     * @param innerInputs the step graph's inputs
     * @param innerOutputs the step graph's outputs
     * @param sequenceCount the number of sequences
     * @param recurrent which outputs are recurrent
     * @param goBackwards whether the sequences are read backwards
     */
    public record Saved(List<Variable> innerInputs, List<Variable> innerOutputs, int sequenceCount, boolean[] recurrent,
            boolean goBackwards) implements PersistentForm {
        /** Checks that the counts fit the step graph. */
        public Saved {
            int states = 0;
            for (boolean r : recurrent) {
                states += r ? 1 : 0;
            }
            if (recurrent.length != innerOutputs.size() || sequenceCount < 0 || sequenceCount + states > innerInputs.size()) {
                throw new IllegalArgumentException("scan: " + innerInputs.size() + " step inputs and " + innerOutputs.size()
                        + " step outputs do not fit " + sequenceCount + " sequences and " + recurrent.length + " outputs of which "
                        + states + " recurrent");
            }
        }

        @Override
        public ScanOp restore() {
            return new ScanOp(innerInputs, innerOutputs, sequenceCount, recurrent, goBackwards);
        }
    }

    @Override
    public Saved persistentForm() {
        return new Saved(innerInputs, innerOutputs, nSeqs, recurrent, goBackwards);
    }

    @Override
    public String displayName() {
        return "Scan{" + innerOutputs.size() + " outputs" + (goBackwards ? ", backwards" : "") + "}";
    }
}
