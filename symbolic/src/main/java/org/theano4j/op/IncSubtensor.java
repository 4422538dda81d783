package org.theano4j.op;

import java.util.ArrayList;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Constant;
import org.theano4j.graph.Op;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/**
 * Theano's {@code inc_subtensor}/{@code set_subtensor}: a copy of {@code x} whose region
 * {@code x[entries]} has {@code y} (broadcast to it) added or assigned. Inputs: {@code x},
 * {@code y} of x's dtype, then the run-time index inputs as for {@link Subtensor}.
 *
 * @param entries the indexed region, as for {@link Subtensor}
 * @param set assign when true, add when false
 */
public record IncSubtensor(List<Subtensor.Entry> entries, boolean set) implements Op {

    /** Copies the entry list. */
    public IncSubtensor {
        entries = List.copyOf(entries);
    }

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        TensorType x = Subtensor.checkInputs(displayName(), entries, withoutY(inputs), 1);
        Variable y = inputs.get(1);
        int regionNdim = Subtensor.resultBroadcastable(x, entries).length;
        if (y.dtype() != x.dtype() || y.ndim() > regionNdim) {
            throw new IllegalArgumentException(displayName() + ": value " + y + " must have dtype " + x.dtype().numpyName()
                    + " and at most " + regionNdim + " axes, got " + y.type().describe());
        }
        return List.of(x);
    }

    private static List<Variable> withoutY(List<Variable> inputs) {
        if (inputs.size() < 2) {
            throw new IllegalArgumentException("IncSubtensor needs inputs (x, y, indices...), got " + inputs.size());
        }
        List<Variable> rest = new ArrayList<>(inputs);
        rest.remove(1);
        return rest;
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        return new long[][] {((NDArray) inputs[0]).shape()};
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray out = ((NDArray) inputs[0]).copy();
        NDArray y = (NDArray) inputs[1];
        NDArray region = Subtensor.view(out, entries, inputs, 2);
        update(region, y, set, displayName());
        return new Object[] {out};
    }

    /** {@code region = y} or {@code region += y}, with y broadcast to the region. */
    static void update(NDArray region, NDArray y, boolean set, String op) {
        NDArray yb;
        try {
            yb = y.broadcastTo(region.shape());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(op + ": value of shape " + Shapes.toString(y.shape())
                    + " does not broadcast to the indexed region of shape " + Shapes.toString(region.shape()), e);
        }
        if (set) {
            region.copyFrom(yb);
            return;
        }
        boolean floats = region.dtype().isFloat();
        for (Loops it = new Loops(region.shape(), region, yb); it.hasNext(); it.next()) {
            long p = it.pos(0);
            if (floats) {
                region.writeDouble(p, region.readDouble(p) + yb.readDouble(it.pos(1)));
            } else {
                region.writeLong(p, region.readLong(p) + yb.readLong(it.pos(1)));
            }
        }
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable x = node.input(0);
        Variable y = node.input(1);
        Variable gz = outputGrads.get(0);
        List<Variable> indices = node.inputs().subList(2, node.inputs().size());
        List<Variable> grads = new ArrayList<>();
        if (gz == null || !x.dtype().isFloat()) {
            grads.add(null);
            grads.add(null);
        } else {
            List<Variable> in = new ArrayList<>();
            in.add(gz);
            in.add(new Constant(NDArray.zeros(gz.dtype())));
            in.addAll(indices);
            grads.add(set ? Apply.of(new IncSubtensor(entries, true), in).output(0) : gz);
            List<Variable> sub = new ArrayList<>();
            sub.add(gz);
            sub.addAll(indices);
            grads.add(Broadcasting.reduceTo(Apply.of(new Subtensor(entries), sub).output(0), y));
        }
        while (grads.size() < node.inputs().size()) {
            grads.add(null);
        }
        return grads;
    }

    @Override
    public String displayName() {
        return (set ? "SetSubtensor" : "IncSubtensor") + entries.toString().replace('[', '{').replace(']', '}');
    }

    @Override
    public String format(List<String> inputs) {
        return (set ? "set_subtensor(" : "inc_subtensor(") + inputs.get(0) + Subtensor.text(entries, inputs, 2)
                + ", " + inputs.get(1) + ")";
    }
}
