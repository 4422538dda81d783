package org.theano4j.op;

import java.util.Collections;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Index of the maximum ({@code max}) or minimum along one axis, or of the flattened tensor when
 * {@code axis} is null; int64, first occurrence wins, a NaN counts as the extreme (numpy).
 *
 * @param max argmax when true, argmin when false
 * @param axis the resolved axis, or null for the flattened tensor
 */
public record ArgReduce(boolean max, Integer axis) implements Op {

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException(displayName() + " takes 1 input, got " + inputs.size());
        }
        TensorType t = inputs.get(0).tensorType();
        if (t.dtype().isComplex()) {
            throw new IllegalArgumentException(displayName() + " of complex tensors is not supported, got " + inputs.get(0)
                    + " of dtype " + t.dtype().numpyName() + " (take abs, real or imag first)");
        }
        if (axis == null) {
            return List.of(new TensorType(DType.INT64));
        }
        if (axis >= t.ndim()) {
            throw new IllegalArgumentException(displayName() + ": axis " + axis + " is out of bounds for input "
                    + inputs.get(0) + " of ndim " + t.ndim());
        }
        boolean[] bc = new boolean[t.ndim() - 1];
        for (int i = 0, k = 0; i < t.ndim(); i++) {
            if (i != axis) {
                bc[k++] = t.isBroadcastable(i);
            }
        }
        return List.of(new TensorType(DType.INT64, bc));
    }

    private List<Integer> reduced(int ndim) {
        return axis == null ? Axes.resolve(displayName(), null, ndim) : List.of(axis);
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        NDArray x = (NDArray) inputs[0];
        return new long[][] {Reduce.keptShape(x.shape(), reduced(x.ndim()))};
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray x = (NDArray) inputs[0];
        NDArray out = NDArray.empty(DType.INT64, outputShapes(inputs)[0]);
        ReduceGroups groups = new ReduceGroups(x, reduced(x.ndim()));
        if (groups.length() == 0 && groups.count() > 0) {
            throw new IllegalArgumentException("attempt to get " + (max ? "argmax" : "argmin") + " of an empty sequence");
        }
        // the first occurrence of the extreme is in the first period, at the start of a run
        ReduceGroups period = groups.firstPeriod();
        ReduceGroups heads = period.heads();
        boolean floats = x.dtype().isFloat();
        boolean unsigned = x.dtype() == DType.UINT64;
        for (long o = 0; o < groups.count(); o++) {
            ReduceGroups.Cursor c = heads.cursor(groups.start(o));
            long best = floats ? bestDouble(x, c, heads.length()) : bestLong(x, c, heads.length(), unsigned);
            out.writeLong(o, best * period.run());
        }
        return new Object[] {out};
    }

    private long bestDouble(NDArray x, ReduceGroups.Cursor c, long n) {
        long best = 0;
        double m = x.readDouble(c.next());
        for (long i = 1; i < n && m == m; i++) {
            double v = x.readDouble(c.next());
            if (v != v || (max ? v > m : v < m)) {
                best = i;
                m = v;
            }
        }
        return best;
    }

    private long bestLong(NDArray x, ReduceGroups.Cursor c, long n, boolean unsigned) {
        long best = 0;
        long m = x.readLong(c.next());
        for (long i = 1; i < n; i++) {
            long v = x.readLong(c.next());
            int cmp = unsigned ? Long.compareUnsigned(v, m) : Long.compare(v, m);
            if (max ? cmp > 0 : cmp < 0) {
                best = i;
                m = v;
            }
        }
        return best;
    }

    /** Indices are piecewise constant: no gradient flows. */
    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        return Collections.singletonList(null);
    }

    @Override
    public String displayName() {
        return (max ? "Argmax" : "Argmin") + (axis == null ? "" : "{axis=" + axis + "}");
    }

    @Override
    public String format(List<String> inputs) {
        return (max ? "argmax(" : "argmin(") + inputs.get(0) + (axis == null ? ")" : ", axis=" + axis + ")");
    }
}
