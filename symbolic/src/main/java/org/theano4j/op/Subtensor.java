package org.theano4j.op;

import java.util.ArrayList;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Slices;

/**
 * Basic indexing {@code x[i, a:b:c, ...]}: integers drop their axis, slices keep it; axes past
 * the last entry are taken whole. Fixed parts are parameters; parts known only at run time are
 * extra scalar inputs after {@code x}, in entry order. The result is a view of {@code x}.
 *
 * @param entries one per leading axis of the input
 */
public record Subtensor(List<Entry> entries) implements Op {

    /** One bound of an entry: a fixed value, open (null value), or the next run-time input. */
    public record Bound(Long value, boolean input) {
        /** The open bound (numpy's default). */
        public static final Bound OPEN = new Bound(null, false);
        /** A bound read from the next run-time input. */
        public static final Bound INPUT = new Bound(null, true);

        /** A fixed bound. */
        public static Bound fixed(long v) {
            return new Bound(v, false);
        }

        @Override
        public String toString() {
            return input ? "?" : value == null ? "" : value.toString();
        }
    }

    /**
     * An integer index ({@code slice} false, the index in {@code start}) or a slice.
     *
     * @param slice whether this is a slice
     * @param start the index, or the slice start
     * @param stop the slice stop (OPEN for an index)
     * @param step the slice step (OPEN for an index)
     */
    public record Entry(boolean slice, Bound start, Bound stop, Bound step) {
        int inputCount() {
            return (start.input ? 1 : 0) + (stop.input ? 1 : 0) + (step.input ? 1 : 0);
        }

        /** Whether this slice is {@code :} (or {@code ::1}). */
        boolean isFull() {
            return slice && start == Bound.OPEN && stop == Bound.OPEN
                    && (step == Bound.OPEN || Long.valueOf(1).equals(step.value) && !step.input);
        }

        @Override
        public String toString() {
            if (!slice) {
                return start.toString();
            }
            String s = start + ":" + stop;
            return step == Bound.OPEN ? s : s + ":" + step;
        }
    }

    /** Copies the entry list. */
    public Subtensor {
        entries = List.copyOf(entries);
    }

    /** Number of run-time index inputs after {@code x}. */
    public int inputCount() {
        return entries.stream().mapToInt(Entry::inputCount).sum();
    }

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        TensorType x = checkInputs("Subtensor", entries, inputs, 1);
        return List.of(new TensorType(x.dtype(), resultBroadcastable(x, entries)));
    }

    /**
     * Checks the tensor input and the run-time index inputs (integer scalars) that follow the
     * first {@code leading} inputs; returns the tensor's type.
     */
    static TensorType checkInputs(String op, List<Entry> entries, List<Variable> inputs, int leading) {
        int expected = leading + entries.stream().mapToInt(Entry::inputCount).sum();
        if (inputs.size() != expected) {
            throw new IllegalArgumentException(op + " takes " + expected + " inputs, got " + inputs.size());
        }
        TensorType x = inputs.get(0).tensorType();
        if (entries.size() > x.ndim()) {
            throw new IllegalArgumentException("too many indices for tensor: tensor is " + x.ndim()
                    + "-dimensional, but " + entries.size() + " were indexed");
        }
        for (int i = leading; i < inputs.size(); i++) {
            Variable v = inputs.get(i);
            if (v.ndim() != 0 || !v.dtype().isInteger()) {
                throw new IllegalArgumentException(op + ": index input " + (i - leading) + " must be an integer scalar, got "
                        + v + " of type " + v.type().describe());
            }
        }
        return x;
    }

    static boolean[] resultBroadcastable(TensorType x, List<Entry> entries) {
        List<Boolean> bc = new ArrayList<>();
        for (int a = 0; a < x.ndim(); a++) {
            Entry e = a < entries.size() ? entries.get(a) : null;
            if (e == null || e.isFull()) {
                bc.add(x.isBroadcastable(a));
            } else if (e.slice) {
                bc.add(false);
            }
        }
        boolean[] out = new boolean[bc.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bc.get(i);
        }
        return out;
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        return new Object[] {view((NDArray) inputs[0], entries, inputs, 1)};
    }

    /** The view of {@code x} selected by {@code entries}; run-time bounds are {@code in[first...]}. */
    static NDArray view(NDArray x, List<Entry> entries, Object[] in, int first) {
        NDArray v = x;
        int next = first;
        int axis = 0;
        for (int orig = 0; orig < entries.size(); orig++) {
            Entry e = entries.get(orig);
            Long start = e.start.input ? read(in[next++]) : e.start.value;
            if (!e.slice) {
                long n = v.shape(axis);
                long i = start < 0 ? start + n : start;
                if (i < 0 || i >= n) {
                    throw new IllegalArgumentException("index " + start + " is out of bounds for axis " + orig
                            + " with size " + n);
                }
                v = v.index(axis, i);
                continue;
            }
            Long stop = e.stop.input ? read(in[next++]) : e.stop.value;
            Long step = e.step.input ? read(in[next++]) : e.step.value;
            Slices.Range r = Slices.resolve(start, stop, step, v.shape(axis));
            v = v.slice(axis, r.start(), r.stop(), r.step());
            axis++;
        }
        return v;
    }

    private static Long read(Object o) {
        return ((NDArray) o).getFlatLong(0);
    }

    @Override
    public boolean isView() {
        return true;
    }

    /** A view of {@code x}: reads only the run-time bounds' values. */
    @Override
    public boolean readsElements(int input, Object[] inputs) {
        return input != 0;
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable x = node.input(0);
        Variable gz = outputGrads.get(0);
        List<Variable> grads = new ArrayList<>();
        if (gz == null || !x.dtype().isFloat()) {
            grads.add(null);
        } else {
            List<Variable> in = new ArrayList<>();
            in.add(ShapeOps.zerosLike(x));
            in.add(gz);
            in.addAll(node.inputs().subList(1, node.inputs().size()));
            grads.add(Apply.of(new IncSubtensor(entries, false), in).output(0));
        }
        while (grads.size() < node.inputs().size()) {
            grads.add(null);
        }
        return grads;
    }

    @Override
    public String displayName() {
        return "Subtensor" + entries.toString().replace('[', '{').replace(']', '}');
    }

    @Override
    public String format(List<String> inputs) {
        return inputs.get(0) + text(entries, inputs, 1);
    }

    /** {@code [0, 1:?]} with run-time parts replaced by the formatted inputs. */
    static String text(List<Entry> entries, List<String> inputs, int first) {
        StringBuilder sb = new StringBuilder("[");
        int next = first;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            sb.append(i == 0 ? "" : ", ");
            Bound[] parts = e.slice ? new Bound[] {e.start, e.stop, e.step} : new Bound[] {e.start};
            for (int p = 0; p < parts.length; p++) {
                if (p == 2 && parts[p] == Bound.OPEN) {
                    break;
                }
                sb.append(p == 0 ? "" : ":").append(parts[p].input ? inputs.get(next++) : parts[p].toString());
            }
        }
        return sb.append(']').toString();
    }
}
