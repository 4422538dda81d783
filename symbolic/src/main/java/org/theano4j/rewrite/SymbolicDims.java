package org.theano4j.rewrite;

import java.util.ArrayList;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Constant;
import org.theano4j.graph.ShapeAlgebra;
import org.theano4j.op.Ops;
import org.theano4j.op.Shape;
import org.theano4j.op.Subtensor;
import org.theano4j.tensor.NDArray;

/**
 * Axis lengths as int64 scalar variables (Theano's {@code ShapeFeature} lengths): literal where
 * known, {@code shape(x)[i]} otherwise. A length that cannot be written without running the op
 * (the broadcast of two unknown lengths, which may fail) is null, and the caller gives up.
 */
final class SymbolicDims implements ShapeAlgebra<Variable> {
    static final SymbolicDims INSTANCE = new SymbolicDims();

    private SymbolicDims() {
    }

    /** The lengths of {@code v}'s axes: 1 where broadcastable, a constant's sizes, else {@code shape(v)[i]}. */
    static List<Variable> shapeOf(Variable v) {
        List<Variable> out = new ArrayList<>(v.ndim());
        for (int i = 0; i < v.ndim(); i++) {
            if (v instanceof Constant c) {
                out.add(INSTANCE.known(c.value().shape(i)));
            } else if (v.tensorType().isBroadcastable(i)) {
                out.add(INSTANCE.known(1));
            } else {
                out.add(Ops.subtensor(Ops.shape(v), (long) i));
            }
        }
        return out;
    }

    /** {@code v} when {@code dims} are exactly {@code shape(v)[0], ..., shape(v)[n-1]} of one v of n axes, else null. */
    static Variable wholeShape(List<Variable> dims) {
        Variable of = null;
        for (int i = 0; i < dims.size(); i++) {
            Apply a = dims.get(i).owner();
            if (a == null || !a.op().equals(axisIndex(i)) || a.input(0).owner() == null
                    || !(a.input(0).owner().op() instanceof Shape)) {
                return null;
            }
            Variable shape = a.input(0);
            if (of != null && shape != of || shape.owner().input(0).ndim() != dims.size()) {
                return null;
            }
            of = shape;
        }
        return of;
    }

    private static Subtensor axisIndex(int i) {
        return new Subtensor(List.of(new Subtensor.Entry(false, Subtensor.Bound.fixed(i), Subtensor.Bound.OPEN,
                Subtensor.Bound.OPEN)));
    }

    @Override
    public Variable known(long length) {
        return new Constant(NDArray.of(length));
    }

    @Override
    public Variable broadcast(List<Variable> lengths) {
        Variable only = null;
        for (Variable d : lengths) {
            if (d == null) {
                return null;
            }
            Long k = literal(d);
            if (k != null && k == 1) {
                continue;
            }
            if (only != null && d != only && (k == null || !k.equals(literal(only)))) {
                return null; // two lengths that only a run can reconcile
            }
            only = d;
        }
        return only != null ? only : known(1);
    }

    @Override
    public Variable sum(List<Variable> lengths) {
        long total = 0;
        Variable sum = null;
        for (Variable d : lengths) {
            if (d == null) {
                return null;
            }
            Long k = literal(d);
            if (k != null) {
                total += k;
            } else {
                sum = sum == null ? d : Ops.add(sum, d);
            }
        }
        if (sum == null) {
            return known(total);
        }
        return total == 0 ? sum : Ops.add(sum, known(total));
    }

    @Override
    public Variable same(Variable a, Variable b) {
        if (a == null) {
            return b;
        }
        return b != null && literal(a) == null && literal(b) != null ? b : a;
    }

    @Override
    public Variable times(Variable a, long k) {
        if (a == null || k == 1) {
            return a;
        }
        Long n = literal(a);
        return n != null ? known(n * k) : Ops.mul(a, known(k));
    }

    @Override
    public Variable floorDiv(Variable a, long k) {
        if (a == null || k == 1) {
            return a;
        }
        Long n = literal(a);
        return n != null ? known(Math.floorDiv(n, k)) : Ops.intDiv(a, known(k));
    }

    @Override
    public Variable max(Variable a, long k) {
        if (a == null) {
            return null;
        }
        Long n = literal(a);
        return n != null ? known(Math.max(n, k)) : Ops.maximum(a, known(k));
    }

    @Override
    public Variable element(Apply node, int input, int index) {
        Variable v = node.input(input);
        if (v instanceof Constant c && c.value().ndim() == 1 && index < c.value().shape(0)) {
            return known(c.value().getLong(index));
        }
        return Ops.cast(Ops.subtensor(v, (long) index), org.theano4j.tensor.DType.INT64);
    }

    private static Long literal(Variable d) {
        return d instanceof Constant c && c.value().ndim() == 0 ? c.value().getLong() : null;
    }
}
