package org.theano4j.op;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.ShapeAlgebra;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.tensor.NDArray;

/**
 * Theano's DimShuffle: permutes axes, inserts broadcastable axes ({@code -1} in the pattern,
 * {@code "x"} in the API) and drops broadcastable axes that are not named. A view, no copy.
 *
 * @param pattern for each output axis, the input axis it comes from, or -1 for a new axis
 * @param inputNdim the number of input axes
 */
public record DimShuffle(List<Integer> pattern, int inputNdim) implements Op {

    /** Builds the op, checking the pattern against the input's broadcastable axes. */
    public static DimShuffle of(TensorType in, Object... pattern) {
        List<Integer> p = new ArrayList<>();
        for (Object o : pattern) {
            if ("x".equals(o)) {
                p.add(-1);
            } else if (o instanceof Integer i) {
                p.add(org.theano4j.tensor.Shapes.normalizeAxis(i, in.ndim()));
            } else {
                throw new IllegalArgumentException("dimshuffle: pattern entries are axis ints or \"x\", got " + o);
            }
        }
        boolean[] seen = new boolean[in.ndim()];
        for (int a : p) {
            if (a >= 0) {
                if (seen[a]) {
                    throw new IllegalArgumentException("dimshuffle: axis " + a + " appears twice in " + Arrays.toString(pattern));
                }
                seen[a] = true;
            }
        }
        for (int a = 0; a < seen.length; a++) {
            if (!seen[a] && !in.isBroadcastable(a)) {
                throw new IllegalArgumentException("dimshuffle: cannot drop non-broadcastable axis " + a + " of " + in);
            }
        }
        return new DimShuffle(List.copyOf(p), in.ndim());
    }

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        TensorType t = inputs.get(0).tensorType();
        if (t.ndim() != inputNdim) {
            throw new IllegalArgumentException("dimshuffle expects " + inputNdim + " axes, got " + t);
        }
        boolean[] bc = new boolean[pattern.size()];
        for (int i = 0; i < bc.length; i++) {
            int a = pattern.get(i);
            bc[i] = a < 0 || t.isBroadcastable(a);
        }
        return List.of(new TensorType(t.dtype(), bc));
    }

    @Override
    public <D> List<List<D>> inferShape(Apply node, List<List<D>> inputShapes, ShapeAlgebra<D> dims) {
        List<D> out = new ArrayList<>(pattern.size());
        for (int a : pattern) {
            out.add(a < 0 ? dims.known(1) : inputShapes.get(0).get(a));
        }
        return List.of(out);
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray x = (NDArray) inputs[0];
        for (int a = 0; a < inputNdim; a++) {
            if (!pattern.contains(a) && x.shape(a) != 1) {
                throw new IllegalArgumentException("dimshuffle: dropped axis " + a + " has length " + x.shape(a)
                        + ", not 1 (shape " + org.theano4j.tensor.Shapes.toString(x.shape()) + ")");
            }
        }
        long[] shape = new long[pattern.size()];
        long[] strides = new long[pattern.size()];
        long[] xs = x.shape();
        long[] xt = x.strides();
        for (int i = 0; i < shape.length; i++) {
            int a = pattern.get(i);
            shape[i] = a < 0 ? 1 : xs[a];
            strides[i] = a < 0 ? 0 : xt[a];
        }
        return new Object[] {NDArray.view(x.segment(), x.dtype(), shape, strides, x.offset())};
    }

    @Override
    public boolean isView() {
        return true;
    }

    /** A view: reads the input's shape and strides, not its elements. */
    @Override
    public boolean readsElements(int input, Object[] inputs) {
        return false;
    }

    /** Whether this only adds/removes broadcastable axes, keeping the order of the others. */
    public boolean keepsOrder() {
        int last = -1;
        for (int a : pattern) {
            if (a >= 0) {
                if (a < last) {
                    return false;
                }
                last = a;
            }
        }
        return true;
    }

    /** Whether the pattern is the identity. */
    public boolean isIdentity() {
        if (pattern.size() != inputNdim) {
            return false;
        }
        for (int i = 0; i < inputNdim; i++) {
            if (pattern.get(i) != i) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable gz = outputGrads.get(0);
        // sum over inserted axes, then invert the permutation, re-adding dropped axes
        List<Integer> keptOut = new ArrayList<>();
        List<Integer> drop = new ArrayList<>();
        for (int i = 0; i < pattern.size(); i++) {
            if (pattern.get(i) < 0) {
                drop.add(i);
            } else {
                keptOut.add(i);
            }
        }
        Variable g = drop.isEmpty() ? gz : Ops.sum(gz, drop.stream().mapToInt(Integer::intValue).toArray());
        Object[] inverse = new Object[inputNdim];
        for (int a = 0; a < inputNdim; a++) {
            int j = pattern.indexOf(a);
            inverse[a] = j < 0 ? "x" : keptOut.indexOf(j);
        }
        return List.of(Ops.dimshuffle(g, inverse));
    }

    @Override
    public String displayName() {
        StringBuilder sb = new StringBuilder("DimShuffle{");
        for (int i = 0; i < pattern.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(pattern.get(i) < 0 ? "x" : pattern.get(i).toString());
        }
        return sb.append('}').toString();
    }

    /**
     * Theano's {@code pp} of a dimshuffle: leading new axes are not shown (so the dimshuffles that
     * broadcasting inserts vanish: {@code x + v} prints as {@code (x + v)}), then the identity
     * prints as the input, a full reversal as {@code x.T}, anything else as {@code DimShuffle{1, x, 0}(x)}.
     */
    @Override
    public String format(List<String> inputs) {
        int lead = 0;
        while (lead < pattern.size() && pattern.get(lead) < 0) {
            lead++;
        }
        List<Integer> rest = pattern.subList(lead, pattern.size());
        boolean identity = rest.size() == inputNdim;
        boolean reversed = rest.size() == inputNdim;
        for (int i = 0; i < rest.size(); i++) {
            identity &= rest.get(i) == i;
            reversed &= rest.get(i) == inputNdim - 1 - i;
        }
        if (identity) {
            return inputs.get(0);
        }
        if (reversed) {
            return inputs.get(0) + ".T";
        }
        StringBuilder sb = new StringBuilder("DimShuffle{");
        for (int i = 0; i < rest.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(rest.get(i) < 0 ? "x" : rest.get(i).toString());
        }
        return sb.append("}(").append(inputs.get(0)).append(')').toString();
    }
}
