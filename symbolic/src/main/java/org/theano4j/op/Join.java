package org.theano4j.op;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.theano4j.Slice;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.ShapeAlgebra;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/**
 * numpy.concatenate of tensors of one dtype and ndim along an existing axis; the other axes must
 * agree at run time. The gradient of each input is its slice of the output gradient.
 *
 * @param axis the resolved join axis
 */
public record Join(int axis) implements Op {

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("Join: need at least one tensor to concatenate");
        }
        TensorType first = inputs.get(0).tensorType();
        if (axis >= first.ndim()) {
            throw new IllegalArgumentException("Join: axis " + axis + " is out of bounds for inputs of ndim " + first.ndim());
        }
        boolean[] bc = new boolean[first.ndim()];
        for (int i = 0; i < inputs.size(); i++) {
            TensorType t = inputs.get(i).tensorType();
            if (t.ndim() != first.ndim() || t.dtype() != first.dtype()) {
                throw new IllegalArgumentException("Join: input " + i + " (" + inputs.get(i) + ") is " + t
                        + " but input 0 is " + first + "; all inputs need the same dtype and ndim");
            }
            for (int a = 0; a < bc.length; a++) {
                bc[a] |= a != axis && t.isBroadcastable(a);
            }
        }
        return List.of(new TensorType(first.dtype(), bc));
    }

    @Override
    public <D> List<List<D>> inferShape(Apply node, List<List<D>> inputShapes, ShapeAlgebra<D> dims) {
        List<D> out = new ArrayList<>(inputShapes.get(0));
        List<D> joined = new ArrayList<>(inputShapes.size());
        for (List<D> s : inputShapes) {
            joined.add(s.get(axis));
            for (int a = 0; a < out.size(); a++) {
                if (a != axis) {
                    out.set(a, dims.same(out.get(a), s.get(a)));
                }
            }
        }
        out.set(axis, dims.sum(joined));
        return List.of(out);
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        long[] out = ((NDArray) inputs[0]).shape();
        out[axis] = 0;
        for (int i = 0; i < inputs.length; i++) {
            long[] s = ((NDArray) inputs[i]).shape();
            for (int a = 0; a < s.length; a++) {
                if (a != axis && s[a] != out[a]) {
                    throw new IllegalArgumentException("Join: all the input array dimensions except for the "
                            + "concatenation axis must match exactly, but along dimension " + a
                            + ", the array at index 0 has size " + out[a] + " and the array at index " + i
                            + " has size " + s[a]);
                }
            }
            if (s[axis] > Long.MAX_VALUE - out[axis]) {
                throw new IllegalArgumentException("Join: the joined axis " + axis + " would be longer than "
                        + Long.MAX_VALUE + " (input " + i + " of shape " + Shapes.toString(s) + ")");
            }
            out[axis] += s[axis];
        }
        return new long[][] {out};
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray first = (NDArray) inputs[0];
        NDArray out = NDArray.empty(first.dtype(), outputShapes(inputs)[0]);
        long at = 0;
        for (Object o : inputs) {
            NDArray x = (NDArray) o;
            long n = x.shape(axis);
            if (n > 0) {
                out.slice(axis, at, at + n, 1).copyFrom(x);
            }
            at += n;
        }
        return new Object[] {out};
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable gz = outputGrads.get(0);
        List<Variable> grads = new ArrayList<>();
        long staticOffset = 0;
        Variable dynamicOffset = null;
        for (Variable x : node.inputs()) {
            Object start = dynamicOffset == null ? (Object) staticOffset : Ops.add(dynamicOffset, staticOffset);
            if (gz == null || !x.dtype().isFloat()) {
                grads.add(null);
            } else if (x.tensorType().isBroadcastable(axis)) {
                Object[] index = leading(Slice.all());
                index[axis] = start;
                grads.add(Broadcasting.reduceTo(Ops.dimshuffle(Indexing.subtensor(gz, index), keepPattern(x)), x));
            } else {
                Variable length = Indexing.subtensor(ShapeOps.shape(x), axis);
                Object stop = Ops.add(Operands.of(start), length);
                Object[] index = leading(Slice.all());
                index[axis] = Slice.of(start, stop);
                grads.add(Broadcasting.reduceTo(Indexing.subtensor(gz, index), x));
            }
            if (x.tensorType().isBroadcastable(axis)) {
                staticOffset++;
            } else {
                Variable length = Indexing.subtensor(ShapeOps.shape(x), axis);
                dynamicOffset = dynamicOffset == null ? length : Ops.add(dynamicOffset, length);
            }
        }
        return grads;
    }

    private Object[] leading(Slice fill) {
        Object[] index = new Object[axis + 1];
        Arrays.fill(index, fill);
        return index;
    }

    /** Dimshuffle pattern putting the join axis back (as broadcastable) after indexing it away. */
    private Object[] keepPattern(Variable x) {
        Object[] p = new Object[x.ndim()];
        for (int a = 0, k = 0; a < p.length; a++) {
            p[a] = a == axis ? "x" : (Object) k++;
        }
        return p;
    }

    @Override
    public String displayName() {
        return "Join{axis=" + axis + "}";
    }

    @Override
    public String format(List<String> inputs) {
        return "concatenate([" + String.join(", ", inputs) + "], axis=" + axis + ")";
    }
}
