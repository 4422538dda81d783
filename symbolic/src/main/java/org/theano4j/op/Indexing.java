package org.theano4j.op;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.theano4j.Slice;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Constant;
import org.theano4j.tensor.Shapes;

/**
 * Builders of indexing: basic indexing ({@link Subtensor}, a view), Theano's
 * {@code inc_subtensor}/{@code set_subtensor}, and integer-vector indexing along an axis
 * ({@code take}) with its increment/assignment forms.
 */
public final class Indexing {
    private Indexing() {
    }

    /** A parsed index: the op's entries and the run-time index variables, in order. */
    private record Parsed(List<Subtensor.Entry> entries, List<Variable> inputs) {
    }

    /**
     * {@code x[index...]}: {@link Integer}/{@link Long} entries and integer scalar variables pick
     * one position and drop the axis (negative counts from the end), {@link Slice}s keep it; axes
     * past the last entry are taken whole. A view of {@code x}.
     */
    public static Variable subtensor(Variable x, Object... index) {
        if (index.length > 0 && Arrays.stream(index).allMatch(Indexing::isIndexVector)) {
            // one vector is Theano's AdvancedSubtensor1 (take along axis 0), more its AdvancedSubtensor
            return index.length == 1 ? take(x, (Variable) index[0], 0)
                    : advancedSubtensor(x, Arrays.stream(index).map(o -> (Variable) o).toList());
        }
        Parsed p = parse(x, index);
        if (p.entries.isEmpty()) {
            return x;
        }
        List<Variable> in = new ArrayList<>();
        in.add(x);
        in.addAll(p.inputs);
        return Apply.of(new Subtensor(p.entries), in).output(0);
    }

    /** A copy of {@code x} with {@code y} added into {@code x[index...]} (Theano's inc_subtensor). */
    public static Variable incSubtensor(Variable x, Object y, Object... index) {
        return updateSubtensor(x, y, false, index);
    }

    /** A copy of {@code x} with {@code x[index...]} replaced by {@code y} (Theano's set_subtensor). */
    public static Variable setSubtensor(Variable x, Object y, Object... index) {
        return updateSubtensor(x, y, true, index);
    }

    private static Variable updateSubtensor(Variable x, Object y, boolean set, Object... index) {
        Parsed p = parse(x, index);
        List<Variable> in = new ArrayList<>();
        in.add(x);
        in.add(Operands.castTo(Operands.of(y), x.dtype()));
        in.addAll(p.inputs);
        return Apply.of(new IncSubtensor(p.entries, set), in).output(0);
    }

    /**
     * numpy's {@code x[i0, i1, ...]} for integer vectors of one length (Theano's AdvancedSubtensor),
     * e.g. {@code p[arange(n), y]}; {@link #subtensor} takes this path when every entry is an
     * integer vector variable.
     */
    public static Variable advancedSubtensor(Variable x, List<Variable> indices) {
        List<Variable> in = new ArrayList<>(List.of(x));
        in.addAll(indices);
        return Apply.of(new AdvancedSubtensor(), in).output(0);
    }

    private static boolean isIndexVector(Object o) {
        return o instanceof Variable v && v.ndim() == 1 && v.dtype().isInteger();
    }

    /** {@code numpy.take(x, indices, axis)} for an integer vector of indices (Theano's AdvancedSubtensor1). */
    public static Variable take(Variable x, Variable indices, int axis) {
        int a = Shapes.normalizeAxis(axis, Math.max(x.ndim(), 1));
        return Apply.single(new AdvancedSubtensor1(a), x, indices);
    }

    /** A copy of {@code x} with {@code y} added into {@code take(x, indices, axis)}; repeated indices accumulate. */
    public static Variable advancedIncSubtensor1(Variable x, Object y, Variable indices, int axis) {
        return advancedUpdate(x, y, indices, axis, false);
    }

    /** A copy of {@code x} with {@code take(x, indices, axis)} replaced by {@code y}. */
    public static Variable advancedSetSubtensor1(Variable x, Object y, Variable indices, int axis) {
        return advancedUpdate(x, y, indices, axis, true);
    }

    private static Variable advancedUpdate(Variable x, Object y, Variable indices, int axis, boolean set) {
        int a = Shapes.normalizeAxis(axis, Math.max(x.ndim(), 1));
        Variable yv = Operands.castTo(Operands.of(y), x.dtype());
        return Apply.single(new AdvancedIncSubtensor1(a, set), x, yv, indices);
    }

    private static Parsed parse(Variable x, Object[] index) {
        if (index.length > x.ndim()) {
            throw new IllegalArgumentException("too many indices for tensor: tensor is " + x.ndim()
                    + "-dimensional, but " + index.length + " were indexed");
        }
        List<Subtensor.Entry> entries = new ArrayList<>();
        List<Variable> inputs = new ArrayList<>();
        for (Object o : index) {
            if (o instanceof Slice s) {
                entries.add(new Subtensor.Entry(true, bound(s.start(), inputs), bound(s.stop(), inputs),
                        bound(s.step(), inputs)));
            } else if (o instanceof Integer || o instanceof Long || o instanceof Variable) {
                Subtensor.Bound b = bound(checkIndex(o), inputs);
                entries.add(new Subtensor.Entry(false, b, Subtensor.Bound.OPEN, Subtensor.Bound.OPEN));
            } else {
                throw new IllegalArgumentException("index entries are Integer, Long, Slice or integer scalar "
                        + "variables, got " + (o == null ? "null" : o.getClass().getSimpleName() + " " + o)
                        + (o instanceof int[] || o instanceof long[] ? " (use Indexing.take for integer arrays)" : ""));
            }
        }
        return new Parsed(entries, inputs);
    }

    private static Object checkIndex(Object o) {
        if (o instanceof Variable v && (v.ndim() != 0 || !v.dtype().isInteger())) {
            throw new IllegalArgumentException("index variable " + v + " must be an integer scalar, got "
                    + v.type().describe() + (v.ndim() == 1 ? " (use Indexing.take for an integer vector)" : ""));
        }
        return o;
    }

    /** A fixed bound for numbers and scalar constants; a run-time input for other variables. */
    private static Subtensor.Bound bound(Object o, List<Variable> inputs) {
        if (o == null) {
            return Subtensor.Bound.OPEN;
        }
        if (o instanceof Number n) {
            return Subtensor.Bound.fixed(n.longValue());
        }
        Variable v = (Variable) o;
        if (v instanceof Constant c && c.value().ndim() == 0) {
            return Subtensor.Bound.fixed(c.value().getFlatLong(0));
        }
        inputs.add(v);
        return Subtensor.Bound.INPUT;
    }
}
