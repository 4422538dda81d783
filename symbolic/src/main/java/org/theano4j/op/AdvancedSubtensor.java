package org.theano4j.op;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.tensor.NDArray;

/**
 * numpy's integer-array indexing of the leading axes, {@code x[i0, i1, ...]} for integer vectors
 * of one length (a vector of length 1 broadcasts): element {@code j} of the result is
 * {@code x[i0[j], i1[j], ...]}, the remaining axes kept (Theano's AdvancedSubtensor in the form
 * {@code p[arange(n), y]} uses). Negative indices wrap; the result is a copy. Inputs:
 * {@code (x, i0, i1, ...)}.
 */
public record AdvancedSubtensor() implements Op {

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        TensorType x = checkInputs("AdvancedSubtensor", inputs, 1);
        int k = inputs.size() - 1;
        boolean[] bc = new boolean[x.ndim() - k + 1];
        System.arraycopy(x.broadcastable(), k, bc, 1, x.ndim() - k);
        return List.of(new TensorType(x.dtype(), bc));
    }

    /** Checks {@code (x, [y,] i0, i1, ...)}: 1 to x.ndim integer vectors after the first {@code first} inputs. */
    static TensorType checkInputs(String op, List<Variable> inputs, int first) {
        TensorType x = inputs.get(0).tensorType();
        int k = inputs.size() - first;
        if (k < 1 || k > x.ndim()) {
            throw new IllegalArgumentException(op + ": needs 1 to " + x.ndim() + " index vectors for " + inputs.get(0)
                    + " (ndim " + x.ndim() + "), got " + k);
        }
        for (int i = first; i < inputs.size(); i++) {
            Variable idx = inputs.get(i);
            if (idx.ndim() != 1 || !idx.dtype().isInteger()) {
                throw new IllegalArgumentException(op + ": index " + (i - first) + " must be an integer vector, got " + idx
                        + " of type " + idx.type().describe());
            }
        }
        return x;
    }

    /** The checked indices, one per leading axis of {@code x}, and their common (broadcast) length. */
    record Gather(List<Indices> indices, List<Long> lengths, long count) {
        static Gather of(NDArray x, Object[] inputs, int first) {
            List<Indices> idx = new ArrayList<>();
            List<Long> lengths = new ArrayList<>();
            long count = 1;
            boolean fixed = false;
            for (int a = 0; a < inputs.length - first; a++) {
                NDArray values = (NDArray) inputs[first + a];
                idx.add(Indices.check(values, x.shape(a), a));
                lengths.add(values.size());
                if (values.size() != 1) {
                    if (fixed && count != values.size()) {
                        throw new IllegalArgumentException("shape mismatch: indexing arrays could not be broadcast together: "
                                + "lengths " + lengths);
                    }
                    count = values.size();
                    fixed = true;
                }
            }
            return new Gather(idx, lengths, count);
        }

        /** {@code x[i0[j], i1[j], ...]}, a view. */
        NDArray at(NDArray x, long j) {
            NDArray v = x;
            for (int a = 0; a < indices.size(); a++) {
                v = v.index(0, indices.get(a).get(lengths.get(a) == 1 ? 0 : j));
            }
            return v;
        }

        long[] shape(NDArray x) {
            long[] s = new long[x.ndim() - indices.size() + 1];
            s[0] = count;
            System.arraycopy(x.shape(), indices.size(), s, 1, s.length - 1);
            return s;
        }
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        NDArray x = (NDArray) inputs[0];
        return new long[][] {Gather.of(x, inputs, 1).shape(x)};
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray x = (NDArray) inputs[0];
        Gather g = Gather.of(x, inputs, 1);
        NDArray out = NDArray.empty(x.dtype(), g.shape(x));
        for (long j = 0; j < g.count(); j++) {
            out.index(0, j).copyFrom(g.at(x, j));
        }
        return new Object[] {out};
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable x = node.input(0);
        Variable gz = outputGrads.get(0);
        List<Variable> grads = new ArrayList<>(Collections.nCopies(node.inputs().size(), (Variable) null));
        if (gz != null && x.dtype().isFloat()) {
            List<Variable> in = new ArrayList<>(List.of(ShapeOps.zerosLike(x), gz));
            in.addAll(node.inputs().subList(1, node.inputs().size()));
            grads.set(0, Apply.of(new AdvancedIncSubtensor(), in).output(0));
        }
        return grads;
    }

    @Override
    public String displayName() {
        return "AdvancedSubtensor";
    }

    @Override
    public String format(List<String> inputs) {
        return inputs.get(0) + "[" + String.join(", ", inputs.subList(1, inputs.size())) + "]";
    }
}
