package org.theano4j.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.theano4j.Slice;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Constant;
import org.theano4j.graph.Graphs;
import org.theano4j.graph.SharedContainer;
import org.theano4j.graph.TensorType;
import org.theano4j.op.Indexing;
import org.theano4j.op.Operands;
import org.theano4j.op.Ops;
import org.theano4j.tensor.DType;

/**
 * Builds a {@link ScanOp} node from a {@link ScanBuilder}, as Theano's {@code scan()} does: cuts
 * one outer slice per sequence tap, makes the step's symbolic arguments, calls the step function
 * once, sorts what it returned, turns the shared variables it updates (explicitly or by their
 * default update, random streams) into loop states, and the variables it reads without receiving
 * them into parameters.
 */
final class ScanConstruction {
    /** The loop node and what the caller of {@code scan} gets. */
    record Loop(Apply node, ScanResult result) {
    }

    private final ScanBuilder b;
    private final List<Variable> seqOuter = new ArrayList<>();
    private final List<Variable> seqInner = new ArrayList<>();
    private final List<Scan.Output> info = new ArrayList<>();
    /** Per recurrent user output (in order): its initial window and its tap placeholders. */
    private final List<Variable> windows = new ArrayList<>();
    private final List<Variable> tapInner = new ArrayList<>();

    private ScanConstruction(ScanBuilder b) {
        this.b = b;
    }

    static Loop build(ScanBuilder b) {
        // the step's arguments are placeholders without test values: their nodes are skipped, the scan node is computed
        return org.theano4j.graph.TestValues.lenient(() -> new ScanConstruction(b).construct());
    }

    private Loop construct() {
        for (int i = 0; i < b.sequences.size(); i++) {
            addSequence(Scan.Sequence.from(b.sequences.get(i), i));
        }
        for (int i = 0; i < b.outputsInfo.size(); i++) {
            addOutput(Scan.Output.from(b.outputsInfo.get(i), i), i);
        }
        List<Variable> nonSeqs = new ArrayList<>();
        for (int i = 0; i < b.nonSequences.size(); i++) {
            if (b.nonSequences.get(i) == null) {
                throw new IllegalArgumentException("scan: non-sequence " + i + " is null");
            }
            nonSeqs.add(Operands.of(b.nonSequences.get(i)));
        }
        Variable steps = steps();
        List<Variable> args = new ArrayList<>(seqInner);
        args.addAll(tapInner);
        args.addAll(nonSeqs);
        StepReturn ret = StepReturn.parse(b.fn.step(List.copyOf(args)));
        checkOutputs(ret.outputs());
        return new LoopAssembly(ret, nonSeqs).assemble(steps, outputTaps(ret));
    }

    /** One outer slice and one step argument per tap, Theano's cutting: tap k reads {@code seq[t + k - min(taps, 0)]}. */
    private void addSequence(Scan.Sequence s) {
        Variable x = s.input();
        if (!x.isTensor() || x.ndim() == 0) {
            throw new IllegalArgumentException("scan: sequence " + x + " must have at least one axis, got " + x.type().describe());
        }
        int lo = Math.min(0, s.taps().stream().mapToInt(Integer::intValue).min().orElseThrow());
        int hi = Math.max(0, s.taps().stream().mapToInt(Integer::intValue).max().orElseThrow());
        TensorType t = x.tensorType();
        TensorType row = new TensorType(t.dtype(), Arrays.copyOfRange(t.broadcastable(), 1, t.ndim()));
        for (int k : s.taps()) {
            Variable slice = k == hi && k == lo ? x
                    : Indexing.subtensor(x, Slice.of(k - lo, k == hi ? null : (Object) (-(hi - k))));
            seqOuter.add(b.goBackwards ? Indexing.subtensor(slice, Slice.of(null, null, -1)) : slice);
            seqInner.add(new Variable(row, null, 0, x.name() == null ? null : x.name() + tapName(k)));
        }
    }

    /** A recurrent output's window ({@code initial[:m]}, or the initial value as one row for tap -1) and tap arguments. */
    private void addOutput(Scan.Output out, int index) {
        info.add(out);
        if (!out.isRecurrent()) {
            return;
        }
        Variable init = out.initial();
        if (!init.isTensor()) {
            throw new IllegalArgumentException("scan: the initial value of output " + index + " must be a tensor, got " + init.type().describe());
        }
        boolean single = out.taps().equals(List.of(-1));
        if (!single && init.ndim() == 0) {
            throw new IllegalArgumentException("scan: output " + index + " reads taps " + out.taps() + ", so its initial value " + init
                    + " needs a leading axis of steps, got " + init.type().describe());
        }
        int m = out.taps().stream().mapToInt(k -> -k).max().orElseThrow();
        windows.add(single ? rowOf(init) : Indexing.subtensor(init, Slice.of(null, m)));
        TensorType t = init.tensorType();
        TensorType state = single ? TensorType.of(t.dtype(), t.ndim())
                : TensorType.of(t.dtype(), t.ndim() - 1);
        for (int k : out.taps()) {
            tapInner.add(new Variable(state, null, 0, init.name() == null ? null : init.name() + tapName(k)));
        }
    }

    /** {@code x} with a new leading axis of length one. */
    static Variable rowOf(Variable x) {
        Object[] pattern = new Object[x.ndim() + 1];
        pattern[0] = "x";
        for (int d = 0; d < x.ndim(); d++) {
            pattern[d + 1] = d;
        }
        return Ops.dimshuffle(x, pattern);
    }

    private static String tapName(int k) {
        return k == 0 ? "[t]" : k > 0 ? "[t+" + k + "]" : "[t" + k + "]";
    }

    /** The step count: nSteps as given, else the shortest sequence slice's length. */
    private Variable steps() {
        if (b.nSteps != null) {
            Variable v = Operands.of(b.nSteps);
            if (!v.isTensor() || v.ndim() != 0 || !v.dtype().isInteger() || v.dtype() == DType.BOOL) {
                throw new IllegalArgumentException("scan: nSteps must be an integer scalar, got " + b.nSteps
                        + (b.nSteps instanceof Variable x ? " of type " + x.type().describe() : ""));
            }
            if (v instanceof Constant c && c.value().getFlatLong(0) < 0) {
                throw new IllegalArgumentException("scan: nSteps must be >= 0, got " + c.value().getFlatLong(0));
            }
            return v;
        }
        if (seqOuter.isEmpty()) {
            throw new IllegalArgumentException("scan: give sequences or nSteps (the number of steps is unknown)");
        }
        Variable n = null;
        for (Variable s : seqOuter) {
            Variable len = Ops.shape(s).get(0);
            n = n == null ? len : Ops.minimum(n, len);
        }
        return n;
    }

    /** Per step output, its taps: those of its outputsInfo entry, none for every output when outputsInfo is empty. */
    private List<List<Integer>> outputTaps(StepReturn ret) {
        List<List<Integer>> taps = new ArrayList<>();
        for (int j = 0; j < ret.outputs().size(); j++) {
            taps.add(info.isEmpty() ? List.of() : info.get(j).taps());
        }
        return taps;
    }

    private void checkOutputs(List<Variable> outs) {
        if (!info.isEmpty() && outs.size() != info.size()) {
            throw new IllegalArgumentException("scan: the step function must return " + info.size()
                    + " outputs (one per outputsInfo entry), got " + outs.size());
        }
        int w = 0;
        for (int j = 0; j < outs.size(); j++) {
            Variable out = outs.get(j);
            if (!out.isTensor()) {
                throw new IllegalArgumentException("scan: step output " + j + " must be a tensor variable, got " + out);
            }
            if (info.isEmpty() || !info.get(j).isRecurrent()) {
                continue;
            }
            Variable tap = tapInner.get(w);
            w += info.get(j).taps().size();
            if (tap.dtype() != out.dtype() || tap.ndim() != out.ndim()) {
                Variable init = info.get(j).initial();
                throw new IllegalArgumentException("scan: step output " + j + " (" + out + ") is " + out.type().describe()
                        + " but its initial value " + init + " gives steps of " + tap.type().describe()
                        + "; a recurrent output must keep its initial value's dtype and ndim");
            }
        }
    }

    /** Whether {@code v} is one of {@code vs} (identity). */
    static boolean containsIdentity(List<Variable> vs, Variable v) {
        for (Variable x : vs) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /**
     * The second half: states for the updated shared variables, parameters for everything else
     * the step reads, then the node and the user's view of it.
     */
    private final class LoopAssembly {
        private final StepReturn ret;
        private final List<Variable> nonSeqs;
        private final Map<SharedContainer, Variable> updates;
        /** Updated tensor shared variables (loop outputs read at tap -1) and other updated states (carried). */
        private final List<SharedContainer> hidden = new ArrayList<>();
        private final List<SharedContainer> carried = new ArrayList<>();
        private final Map<Variable, Variable> replace = new IdentityHashMap<>();
        private final List<Variable> known = new ArrayList<>();
        private final List<Variable> paramOuter = new ArrayList<>();
        private final List<Variable> paramInner = new ArrayList<>();

        LoopAssembly(StepReturn ret, List<Variable> nonSeqs) {
            this.ret = ret;
            this.nonSeqs = nonSeqs;
            this.updates = SharedContainer.withDefaultUpdates(withCondition(ret.outputs()), ret.updates());
            for (SharedContainer c : updates.keySet()) {
                (c.variable().isTensor() ? hidden : carried).add(c);
            }
        }

        private List<Variable> withCondition(List<Variable> vs) {
            List<Variable> all = new ArrayList<>(vs);
            if (ret.condition() != null) {
                all.add(ret.condition());
            }
            return all;
        }

        Loop assemble(Variable steps, List<List<Integer>> taps) {
            known.addAll(seqInner);
            known.addAll(tapInner);
            for (SharedContainer h : hidden) {
                Variable v = h.variable();
                Variable placeholder = new Variable(v.type(), null, 0, v.name() == null ? null : v.name() + "_copy");
                replace.put(v, placeholder);
                known.add(placeholder);
            }
            for (Variable v : nonSeqs) {
                if (!(v instanceof Constant) && !replace.containsKey(v) && !updates.containsKey(v)) {
                    addParam(v);
                }
            }
            List<Variable> innerRoots = new ArrayList<>(ret.outputs());
            hidden.forEach(h -> innerRoots.add(updates.get(h)));
            carried.forEach(c -> innerRoots.add(updates.get(c)));
            List<Variable> inner = implicitParams(Graphs.clone(withCondition(innerRoots), replace));
            List<Variable> innerInputs = new ArrayList<>(known);
            innerInputs.addAll(paramInner);
            List<List<Integer>> loopTaps = new ArrayList<>(taps);
            hidden.forEach(h -> loopTaps.add(List.of(-1)));
            ScanLayout layout = new ScanLayout(seqOuter.size(), loopTaps, carried.size(), paramInner.size(), ret.condition() != null);
            ScanOp op = new ScanOp(innerInputs, inner, layout, carried, b.truncateGradient, b.name, b.mode);
            Apply node = Apply.of(op, nodeInputs(steps));
            return new Loop(node, result(node, layout));
        }

        /** {@code [nSteps, sequences, windows, carried states, parameters]}. */
        private List<Variable> nodeInputs(Variable steps) {
            List<Variable> in = new ArrayList<>();
            in.add(steps);
            in.addAll(seqOuter);
            in.addAll(windows);
            hidden.forEach(h -> in.add(rowOf(h.variable())));
            carried.forEach(c -> in.add(c.variable()));
            in.addAll(paramOuter);
            return in;
        }

        /**
         * Leaves of the step graph that are neither arguments, constants nor carried states become
         * parameters (Theano's implicit non-sequences); a second replacement round, after the first.
         */
        private List<Variable> implicitParams(List<Variable> inner) {
            replace.clear();
            for (Variable leaf : Graphs.leaves(inner)) {
                if (leaf instanceof Constant || containsIdentity(known, leaf) || containsIdentity(paramInner, leaf)
                        || leaf instanceof SharedContainer c && carried.contains(c)) {
                    continue;
                }
                if (b.strict && leaf instanceof SharedContainer) {
                    throw new IllegalArgumentException("scan (strict): the step function uses shared variable " + leaf
                            + ", which is not among the non-sequences; pass it in nonSequences (and use the argument the step receives)");
                }
                addParam(leaf);
            }
            return Graphs.clone(inner, replace);
        }

        private void addParam(Variable outer) {
            if (!outer.isTensor()) {
                throw new IllegalArgumentException("scan: the step function reads " + outer + " of type " + outer.type().describe()
                        + "; non-sequences must be tensors");
            }
            Variable placeholder = new Variable(outer.type(), null, 0, outer.name() == null ? null : outer.name() + "_copy");
            replace.put(outer, placeholder);
            paramOuter.add(outer);
            paramInner.add(placeholder);
        }

        /** The user's outputs ({@code buffer[window:]} for recurrent ones) and the updates (last rows, final states). */
        private ScanResult result(Apply node, ScanLayout layout) {
            int nUser = ret.outputs().size();
            List<Variable> outputs = new ArrayList<>();
            for (int j = 0; j < nUser; j++) {
                Variable out = node.output(j);
                outputs.add(layout.isRecurrent(j) ? Indexing.subtensor(out, Slice.of(layout.window(j), null)) : out);
            }
            Map<SharedContainer, Variable> finals = new LinkedHashMap<>();
            for (SharedContainer c : updates.keySet()) {
                int h = hidden.indexOf(c);
                finals.put(c, h >= 0 ? Indexing.subtensor(node.output(nUser + h), -1)
                        : node.output(layout.nLoop() + carried.indexOf(c)));
            }
            return new ScanResult(outputs, finals);
        }
    }
}
