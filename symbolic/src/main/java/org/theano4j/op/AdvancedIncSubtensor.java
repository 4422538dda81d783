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
import org.theano4j.tensor.Shapes;

/**
 * A copy of {@code x} with {@code y} added into {@code x[i0, i1, ...]} ({@link AdvancedSubtensor}'s
 * indexing; {@code numpy.add.at}: repeated positions accumulate); {@code y} broadcasts to the
 * indexed shape. The gradient of {@link AdvancedSubtensor}. Inputs: {@code (x, y, i0, i1, ...)}.
 */
public record AdvancedIncSubtensor() implements Op {

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        if (inputs.size() < 3) {
            throw new IllegalArgumentException("AdvancedIncSubtensor takes (x, y, i0, ...), got " + inputs.size() + " inputs");
        }
        TensorType x = AdvancedSubtensor.checkInputs("AdvancedIncSubtensor", inputs, 2);
        Variable y = inputs.get(1);
        int resultNdim = x.ndim() - (inputs.size() - 2) + 1;
        if (y.dtype() != x.dtype() || y.ndim() > resultNdim) {
            throw new IllegalArgumentException("AdvancedIncSubtensor: value " + y + " must have dtype "
                    + x.dtype().numpyName() + " and at most " + resultNdim + " axes, got " + y.type().describe());
        }
        return List.of(x);
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        return new long[][] {((NDArray) inputs[0]).shape()};
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray x = (NDArray) inputs[0];
        NDArray out = x.copy();
        AdvancedSubtensor.Gather g = AdvancedSubtensor.Gather.of(x, inputs, 2);
        NDArray y = (NDArray) inputs[1];
        long[] region = g.shape(x);
        NDArray yb;
        try {
            yb = y.broadcastTo(region);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("AdvancedIncSubtensor: value of shape " + Shapes.toString(y.shape())
                    + " does not broadcast to the indexed shape " + Shapes.toString(region), e);
        }
        for (long j = 0; j < g.count(); j++) {
            IncSubtensor.update(g.at(out, j), yb.index(0, j), false, displayName());
        }
        return new Object[] {out};
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable x = node.input(0);
        Variable y = node.input(1);
        Variable gz = outputGrads.get(0);
        List<Variable> grads = new ArrayList<>(Collections.nCopies(node.inputs().size(), (Variable) null));
        if (gz != null && x.dtype().isFloat()) {
            List<Variable> in = new ArrayList<>(List.of(gz));
            in.addAll(node.inputs().subList(2, node.inputs().size()));
            grads.set(0, gz);
            grads.set(1, Broadcasting.reduceTo(Apply.of(new AdvancedSubtensor(), in).output(0), y));
        }
        return grads;
    }

    @Override
    public String displayName() {
        return "AdvancedIncSubtensor";
    }

    @Override
    public String format(List<String> inputs) {
        return "inc_subtensor(" + inputs.get(0) + "[" + String.join(", ", inputs.subList(2, inputs.size())) + "], "
                + inputs.get(1) + ")";
    }
}
