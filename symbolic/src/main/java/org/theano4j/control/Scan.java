package org.theano4j.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Constant;
import org.theano4j.graph.Graphs;
import org.theano4j.graph.SharedContainer;
import org.theano4j.graph.TensorType;
import org.theano4j.op.Operands;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Theano's {@code scan}, in a Java functional form: a loop whose body is a symbolic graph built
 * once by a Java lambda, compiled once, and run once per step.
 *
 * <p>At step {@code t} the step function receives, in this order: one slice {@code seq[t]} per
 * sequence (iterating over axis 0), the previous value of each recurrent output (the initial
 * value at the first step), then the non-sequences as given. It returns one variable per entry of
 * {@code outputsInfo}: an entry holding an initial value makes that output recurrent (tap -1: its
 * value feeds the next step), a {@code null} entry makes it a plain per-step output. Every output
 * comes back stacked along a new axis 0. Variables the step function uses without passing them
 * (closures over outer variables, shared variables) become implicit non-sequences.
 *
 * <pre>{@code
 * // A ** k (Theano's loop tutorial): result[-1]
 * ScanResult r = Scan.scan(a -> List.of(T.mul(a.get(0), a.get(1))),
 *         List.of(), List.of(T.onesLike(A)), List.of(A), k);
 * Variable power = r.output().get(-1);
 * }</pre>
 *
 * The loop runs {@code nSteps} times (an integer or integer scalar variable), or, without it, as
 * many times as the shortest sequence is long. Its gradient is back-propagation through time: a
 * reverse scan over the steps.
 */
public final class Scan {
    private Scan() {
    }

    /** Builds the step graph from the step's symbolic inputs (see {@link Scan} for their order). */
    @FunctionalInterface
    public interface StepFunction {
        /** The step's outputs, one per entry of {@code outputsInfo}. */
        List<Variable> step(List<Variable> args);
    }

    /** A loop over {@code sequences} (as many steps as the shortest one has rows). */
    public static ScanResult scan(StepFunction fn, List<?> sequences, List<?> outputsInfo, List<?> nonSequences) {
        return scan(fn, sequences, outputsInfo, nonSequences, null, false);
    }

    /** A loop of {@code nSteps} steps (null: the shortest sequence's length). */
    public static ScanResult scan(StepFunction fn, List<?> sequences, List<?> outputsInfo, List<?> nonSequences, Object nSteps) {
        return scan(fn, sequences, outputsInfo, nonSequences, nSteps, false);
    }

    /**
     * The general form; with {@code goBackwards} the sequences are read from their last row
     * backwards (Theano's {@code go_backwards}); outputs are stacked in step order either way.
     */
    public static ScanResult scan(StepFunction fn, List<?> sequences, List<?> outputsInfo, List<?> nonSequences, Object nSteps,
            boolean goBackwards) {
        List<Variable> seqs = operands(sequences, "sequence");
        List<Variable> inits = new ArrayList<>();
        boolean[] recurrent = new boolean[outputsInfo.size()];
        for (int j = 0; j < recurrent.length; j++) {
            Object info = outputsInfo.get(j);
            recurrent[j] = info != null;
            if (info != null) {
                inits.add(Operands.of(info));
            }
        }
        List<Variable> nonSeqs = operands(nonSequences, "non-sequence");
        Variable steps = stepsVariable(nSteps, seqs.isEmpty());
        List<Variable> seqInner = new ArrayList<>();
        for (int k = 0; k < seqs.size(); k++) {
            TensorType t = seqs.get(k).tensorType();
            if (t.ndim() == 0) {
                throw new IllegalArgumentException("scan: sequence " + k + " (" + seqs.get(k) + ") must have at least one axis, got "
                        + t.describe());
            }
            seqInner.add(new Variable(new TensorType(t.dtype(), Arrays.copyOfRange(t.broadcastable(), 1, t.ndim())), null, 0,
                    seqs.get(k).name() == null ? null : seqs.get(k).name() + "[t]"));
        }
        List<Variable> stateInner = new ArrayList<>();
        for (Variable init : inits) {
            stateInner.add(new Variable(TensorType.of(init.dtype(), init.ndim()), null, 0, init.name()));
        }
        List<Variable> args = new ArrayList<>(seqInner);
        args.addAll(stateInner);
        args.addAll(nonSeqs);
        List<Variable> outs = fn.step(List.copyOf(args));
        checkOutputs(outs, recurrent, inits);
        return build(seqs, inits, nonSeqs, steps, seqInner, stateInner, outs, recurrent, goBackwards);
    }

    private static ScanResult build(List<Variable> seqs, List<Variable> inits, List<Variable> nonSeqs, Variable steps,
            List<Variable> seqInner, List<Variable> stateInner, List<Variable> outs, boolean[] recurrent, boolean goBackwards) {
        Map<Variable, Variable> replace = new IdentityHashMap<>();
        List<Variable> params = new ArrayList<>();
        List<Variable> paramInner = new ArrayList<>();
        for (Variable v : nonSeqs) {
            if (!(v instanceof Constant) && !replace.containsKey(v)) {
                addParam(v, replace, params, paramInner);
            }
        }
        List<Variable> inner = Graphs.clone(outs, replace);
        List<Variable> known = new ArrayList<>(seqInner);
        known.addAll(stateInner);
        known.addAll(paramInner);
        Map<Variable, Variable> implicit = new IdentityHashMap<>();
        for (Variable leaf : Graphs.leaves(inner)) {
            if (!(leaf instanceof Constant) && !containsIdentity(known, leaf)) {
                if (leaf instanceof SharedContainer c && c.defaultUpdate() != null) {
                    throw new IllegalArgumentException("scan: the step function uses " + leaf
                            + ", which has a default update (a random stream); draws inside scan are not supported");
                }
                addParam(leaf, implicit, params, paramInner);
            }
        }
        inner = Graphs.clone(inner, implicit);
        List<Variable> innerInputs = new ArrayList<>(seqInner);
        innerInputs.addAll(stateInner);
        innerInputs.addAll(paramInner);
        ScanOp op = new ScanOp(innerInputs, inner, seqs.size(), recurrent, goBackwards);
        List<Variable> nodeInputs = new ArrayList<>();
        nodeInputs.add(steps);
        nodeInputs.addAll(seqs);
        nodeInputs.addAll(inits);
        nodeInputs.addAll(params);
        return new ScanResult(Apply.of(op, nodeInputs).outputs(), Map.of());
    }

    private static void addParam(Variable outer, Map<Variable, Variable> replace, List<Variable> params, List<Variable> inner) {
        Variable placeholder = new Variable(outer.type(), null, 0, outer.name());
        replace.put(outer, placeholder);
        params.add(outer);
        inner.add(placeholder);
    }

    private static boolean containsIdentity(List<Variable> vs, Variable v) {
        for (Variable x : vs) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private static List<Variable> operands(List<?> xs, String what) {
        List<Variable> vs = new ArrayList<>(xs.size());
        for (int i = 0; i < xs.size(); i++) {
            if (xs.get(i) == null) {
                throw new IllegalArgumentException("scan: " + what + " " + i + " is null");
            }
            vs.add(Operands.of(xs.get(i)));
        }
        return vs;
    }

    private static Variable stepsVariable(Object nSteps, boolean noSequences) {
        if (nSteps == null) {
            if (noSequences) {
                throw new IllegalArgumentException("scan: give sequences or nSteps (the number of steps is unknown)");
            }
            return new Constant(NDArray.of(-1L));
        }
        Variable v = Operands.of(nSteps);
        if (!v.isTensor() || v.ndim() != 0 || !v.dtype().isInteger() || v.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("scan: nSteps must be an integer scalar, got " + nSteps
                    + (nSteps instanceof Variable x ? " of type " + x.type().describe() : ""));
        }
        if (v instanceof Constant c && c.value().getFlatLong(0) < 0) {
            throw new IllegalArgumentException("scan: nSteps must be >= 0, got " + c.value().getFlatLong(0));
        }
        return v;
    }

    private static void checkOutputs(List<Variable> outs, boolean[] recurrent, List<Variable> inits) {
        if (outs == null || outs.size() != recurrent.length) {
            throw new IllegalArgumentException("scan: the step function must return " + recurrent.length
                    + " outputs (one per outputsInfo entry), got " + (outs == null ? "null" : outs.size()));
        }
        int s = 0;
        for (int j = 0; j < recurrent.length; j++) {
            Variable out = outs.get(j);
            if (out == null || !out.isTensor()) {
                throw new IllegalArgumentException("scan: step output " + j + " must be a tensor variable, got " + out);
            }
            if (recurrent[j]) {
                Variable init = inits.get(s++);
                if (init.dtype() != out.dtype() || init.ndim() != out.ndim()) {
                    throw new IllegalArgumentException("scan: step output " + j + " (" + out + ") is " + out.type().describe()
                            + " but its initial value " + init + " is " + init.type().describe()
                            + "; a recurrent output must keep its initial value's dtype and ndim");
                }
            }
        }
    }
}
