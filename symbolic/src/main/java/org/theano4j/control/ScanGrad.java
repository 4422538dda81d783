package org.theano4j.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.theano4j.Slice;
import org.theano4j.T;
import org.theano4j.Variable;
import org.theano4j.grad.Gradients;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Graphs;
import org.theano4j.op.Indexing;

/**
 * Back-propagation through time for {@link ScanOp}: the gradient of a scan is a scan that walks
 * the steps backwards. Each backward step rebuilds the forward step from the recorded inputs of
 * that step (sequence rows and previous states), takes the gradient of
 * {@code sum(out_j * gOut_j)} (where a recurrent output's gradient also carries what later steps
 * sent back), passes the gradient of the previous states on to the next backward step,
 * accumulates the parameters' gradients and emits the sequence rows' gradients.
 */
final class ScanGrad {
    private ScanGrad() {
    }

    /** The layout of the backward loop's step inputs, and what the forward node provides. */
    private record Layout(ScanOp op, Apply node, List<Integer> floatOuts, List<Integer> floatSeqs, List<Integer> floatStates,
            List<Integer> floatParams) {
        int nSeqs() {
            return op.sequenceCount();
        }

        int nStates() {
            return op.stateCount();
        }

        int nParams() {
            return op.parameterCount();
        }

        Variable param(int m) {
            return node.input(1 + nSeqs() + nStates() + m);
        }
    }

    static List<Variable> grad(ScanOp op, Apply node, List<Variable> outputGrads) {
        Layout l = layout(op, node);
        Variable[] result = new Variable[node.inputs().size()];
        if (l.floatOuts().isEmpty() || l.floatSeqs().size() + l.floatStates().size() + l.floatParams().size() == 0) {
            return Arrays.asList(result);
        }
        Variable n = T.shape(node.output(0)).get(0);
        List<Object> sequences = new ArrayList<>();
        for (int k = 0; k < l.nSeqs(); k++) {
            sequences.add(iterationOrder(node.input(1 + k), n, op.goesBackwards()));
        }
        for (int j = 0; j < op.innerOutputs().size(); j++) {
            if (op.stateOf(j) >= 0) {
                sequences.add(previousStates(node.input(1 + l.nSeqs() + op.stateOf(j)), node.output(j)));
            }
        }
        for (int j : l.floatOuts()) {
            sequences.add(outputGrads.get(j) != null ? outputGrads.get(j) : T.zerosLike(node.output(j)));
        }
        List<Object> init = new ArrayList<>();
        for (int s : l.floatStates()) {
            init.add(T.zerosLike(node.input(1 + l.nSeqs() + s)));
        }
        for (int m : l.floatParams()) {
            init.add(T.zerosLike(l.param(m)));
        }
        for (int i = 0; i < l.floatSeqs().size(); i++) {
            init.add(null);
        }
        List<Object> params = new ArrayList<>();
        for (int m = 0; m < l.nParams(); m++) {
            params.add(l.param(m));
        }
        ScanResult back = Scan.scan(args -> backwardStep(l, args), sequences, init, params, n, true);
        collect(l, back, n, result);
        return Arrays.asList(result);
    }

    private static Layout layout(ScanOp op, Apply node) {
        List<Integer> floatOuts = new ArrayList<>();
        for (int j = 0; j < op.innerOutputs().size(); j++) {
            if (node.output(j).dtype().isFloat()) {
                floatOuts.add(j);
            }
        }
        List<Integer> floatSeqs = floats(node, 1, op.sequenceCount());
        List<Integer> floatStates = floats(node, 1 + op.sequenceCount(), op.stateCount());
        List<Integer> floatParams = floats(node, 1 + op.sequenceCount() + op.stateCount(), op.parameterCount());
        return new Layout(op, node, floatOuts, floatSeqs, floatStates, floatParams);
    }

    private static List<Integer> floats(Apply node, int first, int count) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (node.input(first + i).dtype().isFloat()) {
                idx.add(i);
            }
        }
        return idx;
    }

    /** The rows a forward loop of {@code n} steps read, in step order. */
    private static Variable iterationOrder(Variable seq, Variable n, boolean backwards) {
        Variable s = backwards ? Indexing.subtensor(seq, Slice.of(null, null, -1)) : seq;
        return Indexing.subtensor(s, Slice.of(null, n));
    }

    /** {@code [h0, out[0], ..., out[n-2]]}: the state each step started from. */
    private static Variable previousStates(Variable h0, Variable out) {
        Object[] pattern = new Object[h0.ndim() + 1];
        pattern[0] = "x";
        for (int d = 0; d < h0.ndim(); d++) {
            pattern[d + 1] = d;
        }
        return T.concatenate(List.of(T.dimshuffle(h0, pattern), Indexing.subtensor(out, Slice.of(null, -1))), 0);
    }

    /**
     * One backward step. Its inputs: sequence rows, previous states, output gradients (float
     * outputs), then the carried state gradients, the parameter-gradient accumulators and the
     * parameters. Its outputs: new carried gradients, new accumulators, sequence-row gradients.
     */
    private static List<Variable> backwardStep(Layout l, List<Variable> args) {
        ScanOp op = l.op();
        int nFloatOuts = l.floatOuts().size();
        int carryAt = l.nSeqs() + l.nStates() + nFloatOuts;
        int accAt = carryAt + l.floatStates().size();
        int paramAt = accAt + l.floatParams().size();
        Map<Variable, Variable> replace = new IdentityHashMap<>();
        for (int i = 0; i < l.nSeqs() + l.nStates(); i++) {
            replace.put(op.innerInputs().get(i), args.get(i));
        }
        for (int m = 0; m < l.nParams(); m++) {
            replace.put(op.innerInputs().get(l.nSeqs() + l.nStates() + m), args.get(paramAt + m));
        }
        List<Variable> outs = Graphs.clone(op.innerOutputs(), replace);
        Variable cost = null;
        for (int f = 0; f < nFloatOuts; f++) {
            int j = l.floatOuts().get(f);
            Variable g = args.get(l.nSeqs() + l.nStates() + f);
            int s = op.stateOf(j);
            if (s >= 0 && l.floatStates().contains(s)) {
                g = T.add(g, args.get(carryAt + l.floatStates().indexOf(s)));
            }
            Variable term = T.sum(T.mul(outs.get(j), g));
            cost = cost == null ? term : T.add(cost, term);
        }
        List<Variable> wrt = new ArrayList<>();
        for (int s : l.floatStates()) {
            wrt.add(args.get(l.nSeqs() + s));
        }
        for (int m : l.floatParams()) {
            wrt.add(args.get(paramAt + m));
        }
        for (int k : l.floatSeqs()) {
            wrt.add(args.get(k));
        }
        List<Variable> grads = new ArrayList<>(Gradients.grad(cost, wrt, true));
        int nFloatStates = l.floatStates().size();
        for (int i = 0; i < l.floatParams().size(); i++) {
            grads.set(nFloatStates + i, T.add(args.get(accAt + i), grads.get(nFloatStates + i)));
        }
        return grads;
    }

    /** Maps the backward loop's results onto the gradients of the forward node's inputs. */
    private static void collect(Layout l, ScanResult back, Variable n, Variable[] result) {
        int o = 0;
        for (int s : l.floatStates()) {
            result[1 + l.nSeqs() + s] = Indexing.subtensor(back.output(o++), -1);
        }
        for (int m : l.floatParams()) {
            result[1 + l.nSeqs() + l.nStates() + m] = Indexing.subtensor(back.output(o++), -1);
        }
        for (int k : l.floatSeqs()) {
            Variable rows = back.output(o++);
            Variable seq = l.node().input(1 + k);
            Variable zeros = T.zerosLike(seq);
            if (l.op().goesBackwards()) {
                Variable start = T.sub(T.shape(seq).get(0), n);
                result[1 + k] = Indexing.incSubtensor(zeros, rows, Slice.of(start, null));
            } else {
                result[1 + k] = Indexing.incSubtensor(zeros, Indexing.subtensor(rows, Slice.of(null, null, -1)), Slice.of(null, n));
            }
        }
    }
}
