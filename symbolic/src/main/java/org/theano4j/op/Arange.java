package org.theano4j.op;

import java.util.Arrays;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * numpy.arange over run-time scalar inputs {@code (start, stop, step)}: a vector of
 * {@code max(0, ceil((stop - start) / step))} elements {@code start + i * step}.
 *
 * @param dtype the output dtype
 */
public record Arange(DType dtype) implements Op {

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        if (inputs.size() != 3) {
            throw new IllegalArgumentException("Arange takes 3 inputs (start, stop, step), got " + inputs.size());
        }
        String[] names = {"start", "stop", "step"};
        for (int i = 0; i < 3; i++) {
            Variable v = inputs.get(i);
            if (v.ndim() != 0 || v.dtype().isBool()) {
                throw new IllegalArgumentException("Arange: " + names[i] + " must be a numeric scalar, got " + v
                        + " of type " + v.type().describe());
            }
        }
        return List.of(TensorType.of(dtype, 1));
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        return new long[][] {{length(value(inputs[0]), value(inputs[1]), value(inputs[2]))}};
    }

    private static double value(Object o) {
        return ((NDArray) o).item();
    }

    /** numpy's arange length; a zero step is an error. */
    static long length(double start, double stop, double step) {
        if (step == 0) {
            throw new IllegalArgumentException("arange: step must not be zero");
        }
        double n = Math.ceil((stop - start) / step);
        if (!(n == n) || Double.isInfinite(n)) {
            throw new IllegalArgumentException("arange: cannot compute length of (" + start + ", " + stop + ", " + step + ")");
        }
        return Math.max(0, (long) n);
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray out = NDArray.empty(dtype, outputShapes(inputs)[0]);
        NDArray start = (NDArray) inputs[0];
        NDArray step = (NDArray) inputs[2];
        boolean integral = !dtype.isFloat() && !start.dtype().isFloat() && !step.dtype().isFloat();
        for (long i = 0; i < out.size(); i++) {
            if (integral) {
                out.writeLong(i, start.getFlatLong(0) + i * step.getFlatLong(0));
            } else {
                out.writeDouble(i, value(start) + i * value(step));
            }
        }
        return new Object[] {out};
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        return Arrays.asList(null, null, null);
    }

    @Override
    public String displayName() {
        return "ARange{" + dtype.numpyName() + "}";
    }

    @Override
    public String format(List<String> inputs) {
        return "arange(" + String.join(", ", inputs) + ")";
    }
}
