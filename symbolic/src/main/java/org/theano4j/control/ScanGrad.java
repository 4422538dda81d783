package org.theano4j.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.theano4j.Slice;
import org.theano4j.Variable;
import org.theano4j.grad.Gradients;
import org.theano4j.grad.NullGrad;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Graphs;
import org.theano4j.graph.SharedContainer;
import org.theano4j.op.Alloc;
import org.theano4j.op.Indexing;
import org.theano4j.op.Ops;
import org.theano4j.op.Shape;
import org.theano4j.op.SumToShape;

/**
 * Back-propagation through time for {@link ScanOp}: the gradient of a scan is a scan that walks
 * the steps backwards (only the last {@code truncateGradient} of them when truncated, as
 * Theano's truncated BPTT). Each backward step rebuilds the forward step from what that step
 * read (sequence rows, tap values, parameters), takes the gradient of
 * {@code sum(out_j * gOut_j)}, where a recurrent output's gradient also carries what later steps
 * sent back to it, and passes on: per recurrent output a window of pending gradients (row
 * {@code i} for the value {@code window - i} steps back), per parameter an accumulator, per
 * sequence the gradient of its row. A gradient that depends on a random generator the loop
 * advances is undefined ({@link NullGrad}), as in Theano.
 */
final class ScanGrad {
    private final ScanOp op;
    private final ScanLayout l;
    private final Apply node;
    private final List<Variable> gOut;
    private final List<Integer> withGrad = new ArrayList<>();
    private final List<Integer> floatRec = new ArrayList<>();
    private final List<Integer> floatParams = new ArrayList<>();
    private final List<Integer> floatSeqs = new ArrayList<>();
    /** Filled by the backward step: which gradients are undefined (states, parameters, sequences, in wrt order). */
    private boolean[] undefined;

    private ScanGrad(ScanOp op, Apply node, List<Variable> outputGrads) {
        this.op = op;
        this.l = op.layout();
        this.node = node;
        this.gOut = outputGrads;
        for (int j = 0; j < l.nLoop(); j++) {
            boolean isFloat = node.output(j).dtype().isFloat();
            if (isFloat && outputGrads.get(j) != null) {
                withGrad.add(j);
            }
            if (isFloat && l.isRecurrent(j)) {
                floatRec.add(j);
            }
        }
        for (int p = 0; p < l.nParams(); p++) {
            if (node.input(l.paramOuter(p)).dtype().isFloat()) {
                floatParams.add(p);
            }
        }
        for (int k = 0; k < l.nSeqs(); k++) {
            if (node.input(l.seqOuter(k)).dtype().isFloat()) {
                floatSeqs.add(k);
            }
        }
    }

    static List<Variable> grad(ScanOp op, Apply node, List<Variable> outputGrads) {
        return new ScanGrad(op, node, outputGrads).gradients();
    }

    private List<Variable> gradients() {
        Variable[] result = new Variable[node.inputs().size()];
        boolean nothingToDo = floatRec.size() + floatParams.size() + floatSeqs.size() == 0;
        if (nothingToDo || withGrad.isEmpty() && floatRec.isEmpty()) {
            return Arrays.asList(result);
        }
        Variable n = Ops.sub(Ops.shape(node.output(0)).get(0), l.window(0));
        Variable gradSteps = op.truncateGradient() < 0 ? n : Ops.minimum(n, (long) op.truncateGradient());
        ScanBuilder backward = Scan.builder(this::backwardStep).sequences(backwardSequences(n)).outputsInfo(backwardInfo())
                .nonSequences(params()).nSteps(gradSteps).goBackwards(true).mode(op.ownMode())
                .name(op.name() == null ? null : "grad_of_" + op.name());
        Apply back = ScanConstruction.build(backward).node();
        collect(back, n, gradSteps, result);
        return Arrays.asList(result);
    }

    private List<Variable> params() {
        List<Variable> ps = new ArrayList<>();
        for (int p = 0; p < l.nParams(); p++) {
            ps.add(node.input(l.paramOuter(p)));
        }
        return ps;
    }

    /**
     * In forward step order, {@code n} rows each: the sequences' rows, each tap value of each
     * recurrent output, and the output gradients of the steps.
     */
    private List<Variable> backwardSequences(Variable n) {
        List<Variable> seqs = new ArrayList<>();
        for (int k = 0; k < l.nSeqs(); k++) {
            seqs.add(Indexing.subtensor(node.input(l.seqOuter(k)), Slice.of(null, n)));
        }
        for (int j : l.recurrent()) {
            for (int k : l.taps().get(j)) {
                int first = l.window(j) + k;
                seqs.add(Indexing.subtensor(node.output(j), Slice.of(first, Ops.add(n, (long) first))));
            }
        }
        for (int j : withGrad) {
            seqs.add(l.isRecurrent(j) ? Indexing.subtensor(gOut.get(j), Slice.of(l.window(j), null)) : gOut.get(j));
        }
        return seqs;
    }

    /** The backward loop's states: pending-gradient windows, parameter accumulators; then one plain output per float sequence. */
    private List<Object> backwardInfo() {
        List<Object> info = new ArrayList<>();
        for (int j : floatRec) {
            info.add(Ops.zerosLike(node.input(l.windowOuter(j))));
        }
        for (int p : floatParams) {
            info.add(Ops.zerosLike(node.input(l.paramOuter(p))));
        }
        for (int i = 0; i < floatSeqs.size(); i++) {
            info.add(Scan.Output.none());
        }
        return info;
    }

    /** One backward step (arguments in the order {@link #backwardSequences} and {@link #backwardInfo} give). */
    private List<Variable> backwardStep(List<Variable> args) {
        int gradAt = l.nSeqs() + l.nTapInputs();
        int windowAt = gradAt + withGrad.size();
        int accAt = windowAt + floatRec.size();
        int paramAt = accAt + floatParams.size();
        Map<Variable, Variable> replace = new IdentityHashMap<>();
        for (int i = 0; i < gradAt; i++) {
            replace.put(op.innerInputs().get(i), args.get(i));
        }
        for (int p = 0; p < l.nParams(); p++) {
            replace.put(op.innerInputs().get(l.paramInput(p)), args.get(paramAt + p));
        }
        List<Variable> outs = Graphs.clone(op.innerOutputs().subList(0, l.nLoop()), replace);
        Variable cost = null;
        for (int j = 0; j < l.nLoop(); j++) {
            Variable g = withGrad.contains(j) ? args.get(gradAt + withGrad.indexOf(j)) : null;
            if (floatRec.contains(j)) {
                Variable pending = args.get(windowAt + floatRec.indexOf(j)).get(l.window(j) - 1);
                g = g == null ? pending : Ops.add(g, pending);
            }
            if (g != null) {
                Variable term = Ops.sum(Ops.mul(outs.get(j), g));
                cost = cost == null ? term : Ops.add(cost, term);
            }
        }
        List<Variable> wrt = new ArrayList<>();
        for (int j : floatRec) {
            for (int i = 0; i < l.taps().get(j).size(); i++) {
                wrt.add(args.get(l.tapInput(j, i)));
            }
        }
        floatParams.forEach(p -> wrt.add(args.get(paramAt + p)));
        floatSeqs.forEach(k -> wrt.add(args.get(k)));
        List<Variable> grads = Gradients.grad(cost, wrt, true);
        undefined = undefinedGradients(grads, args.subList(windowAt, accAt));
        return stepResults(grads, args, windowAt, accAt);
    }

    /**
     * Which gradients depend on a carried random state, directly or through the pending window of
     * a state whose gradient does (then that whole state is undefined).
     */
    private boolean[] undefinedGradients(List<Variable> grads, List<Variable> windowArgs) {
        boolean[] bad = new boolean[grads.size()];
        List<Variable> sources = new ArrayList<>();
        for (SharedContainer c : op.carried()) {
            sources.add(c.variable());
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int w = 0; w < grads.size(); w++) {
                if (!bad[w] && dependsOnAny(grads.get(w), sources)) {
                    bad[w] = true;
                    changed = true;
                    int state = stateOfWrt(w);
                    if (state >= 0) {
                        sources.add(windowArgs.get(state));
                    }
                }
            }
        }
        return bad;
    }

    /** The index in {@code floatRec} of the state whose tap gradient is wrt entry {@code w}, or -1. */
    private int stateOfWrt(int w) {
        int at = 0;
        for (int s = 0; s < floatRec.size(); s++) {
            at += l.taps().get(floatRec.get(s)).size();
            if (w < at) {
                return s;
            }
        }
        return -1;
    }

    /**
     * Whether the value of {@code v} depends on one of {@code targets}: paths through an input of
     * which a node only reads the shape (that of {@link Shape}, the template of {@link Alloc} and
     * of {@link SumToShape}) do not count, as the gradient graphs use those for zeros and sums.
     */
    private static boolean dependsOnAny(Variable v, List<Variable> targets) {
        Set<Variable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Variable> todo = new ArrayDeque<>(List.of(v));
        while (!todo.isEmpty()) {
            Variable x = todo.pop();
            if (!seen.add(x)) {
                continue;
            }
            if (ScanConstruction.containsIdentity(targets, x)) {
                return true;
            }
            Apply node = x.owner();
            if (node != null && !(node.op() instanceof Shape)) {
                boolean template = node.op() instanceof SumToShape || node.op() instanceof Alloc;
                todo.addAll(template ? List.of(node.input(0)) : node.inputs());
            }
        }
        return false;
    }

    /** New pending windows, new accumulators, the sequences' row gradients; zeros where undefined. */
    private List<Variable> stepResults(List<Variable> grads, List<Variable> args, int windowAt, int accAt) {
        List<Variable> results = new ArrayList<>();
        int w = 0;
        for (int s = 0; s < floatRec.size(); s++) {
            int j = floatRec.get(s);
            Variable window = args.get(windowAt + s);
            List<Variable> tapGrads = grads.subList(w, w + l.taps().get(j).size());
            results.add(stateUndefined(s) ? Ops.zerosLike(window) : shiftWindow(window, l.taps().get(j), tapGrads, l.window(j)));
            w += tapGrads.size();
        }
        for (int i = 0; i < floatParams.size(); i++, w++) {
            Variable acc = args.get(accAt + i);
            results.add(undefined[w] ? acc : Ops.add(acc, grads.get(w)));
        }
        for (int i = 0; i < floatSeqs.size(); i++, w++) {
            results.add(undefined[w] ? Ops.zerosLike(args.get(floatSeqs.get(i))) : grads.get(w));
        }
        return results;
    }

    /** Whether the gradient of a tap of state {@code s} (index in {@code floatRec}) is undefined. */
    private boolean stateUndefined(int s) {
        int from = l.nTapInputsOf(floatRec.subList(0, s));
        for (int i = from; i < from + l.taps().get(floatRec.get(s)).size(); i++) {
            if (undefined[i]) {
                return true;
            }
        }
        return false;
    }

    /** The pending window for the next (earlier) step: rows move one step back, tap {@code k}'s gradient lands on row {@code m + k}. */
    private static Variable shiftWindow(Variable window, List<Integer> taps, List<Variable> tapGrads, int m) {
        List<Variable> rows = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            Variable r = i >= 1 ? window.get(i - 1) : null;
            for (int q = 0; q < taps.size(); q++) {
                if (m + taps.get(q) == i) {
                    r = r == null ? tapGrads.get(q) : Ops.add(r, tapGrads.get(q));
                }
            }
            rows.add(r);
        }
        return Ops.stack(rows, 0);
    }

    /** Maps the backward loop's results onto the gradients of the forward node's inputs. */
    private void collect(Apply back, Variable n, Variable gradSteps, Variable[] result) {
        int o = 0;
        for (int s = 0; s < floatRec.size(); s++, o++) {
            int j = floatRec.get(s);
            Variable window = node.input(l.windowOuter(j));
            result[l.windowOuter(j)] = stateUndefined(s) ? undefinedFor(window)
                    : windowGradient(j, Indexing.subtensor(back.output(o), -1), n, gradSteps);
        }
        int w = l.nTapInputsOf(floatRec);
        for (int i = 0; i < floatParams.size(); i++, o++, w++) {
            Variable param = node.input(l.paramOuter(floatParams.get(i)));
            result[l.paramOuter(floatParams.get(i))] = undefined[w] ? undefinedFor(param) : Indexing.subtensor(back.output(o), -1);
        }
        for (int i = 0; i < floatSeqs.size(); i++, o++, w++) {
            Variable seq = node.input(l.seqOuter(floatSeqs.get(i)));
            Variable rows = Indexing.subtensor(back.output(o), Slice.of(null, null, -1));
            result[l.seqOuter(floatSeqs.get(i))] = undefined[w] ? undefinedFor(seq) : sequenceGradient(seq, rows, n, gradSteps);
        }
    }

    /**
     * The rows of a sequence's gradient that the kept steps read, in place in zeros of its shape;
     * zeros alone when no step ran (a loop of no steps cannot tell the shape of its rows).
     */
    private static Variable sequenceGradient(Variable seq, Variable rows, Variable n, Variable gradSteps) {
        Variable zeros = Ops.zerosLike(seq);
        Variable placed = Indexing.incSubtensor(zeros, rows, Slice.of(Ops.sub(n, gradSteps), n));
        return IfElse.ifelse(Ops.gt(gradSteps, 0L), placed, zeros);
    }

    /**
     * The gradient of recurrent output {@code j}'s initial window: what reached its rows (all of
     * the final pending window without truncation; with it, only rows the kept steps read), plus
     * the output gradient of those rows of the buffer.
     */
    private Variable windowGradient(int j, Variable pending, Variable n, Variable gradSteps) {
        int m = l.window(j);
        Variable g = pending;
        if (op.truncateGradient() >= 0) {
            Variable s = Ops.minimum(Ops.sub(n, gradSteps), (long) m);
            Variable padded = Ops.concatenate(List.of(Ops.zerosLike(pending), pending), 0);
            g = Indexing.subtensor(padded, Slice.of(Ops.sub((long) m, s), Ops.sub((long) (2 * m), s)));
        }
        return gOut.get(j) == null ? g : Ops.add(g, Indexing.subtensor(gOut.get(j), Slice.of(null, m)));
    }

    private Variable undefinedFor(Variable input) {
        List<String> states = op.carried().stream().map(c -> String.valueOf(c.variable())).toList();
        return NullGrad.of(input, "scan input " + input + " has a gradient that depends on the random state " + String.join(", ", states)
                + ", which the loop advances at every step (Theano: 'Depends on a shared variable')");
    }
}
