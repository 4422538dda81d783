package org.theano4j.op;

import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.Type;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/**
 * Theano's {@code theano.printing.Print}: the identity (a view of its input) that, each time it
 * runs, writes one line {@code message attr = value} per attribute to a sink. Attributes are
 * {@code __str__} (the value as numpy's {@code str} prints it), {@code shape}, {@code dtype},
 * {@code ndim} and {@code size}. A null sink means {@link System#out} as it is when the op runs.
 * The op has a side effect, so it is never merged with another print nor constant folded.
 */
public record Print(String message, List<String> attrs, Consumer<String> sink) implements Op {
    private static final List<String> KNOWN = List.of("__str__", "shape", "dtype", "ndim", "size");

    /** Checks the attributes. */
    public Print {
        attrs = List.copyOf(attrs);
        for (String a : attrs) {
            if (!KNOWN.contains(a)) {
                throw new IllegalArgumentException("print: unknown attribute '" + a + "', expected one of " + KNOWN);
            }
        }
    }

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("print takes 1 input, got " + inputs.size());
        }
        return List.of(inputs.get(0).tensorType());
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray x = (NDArray) inputs[0];
        for (String a : attrs) {
            emit(message + " " + a + " = " + attribute(x, a));
        }
        return new Object[] {x};
    }

    private void emit(String line) {
        if (sink != null) {
            sink.accept(line);
        } else {
            System.out.println(line);
        }
    }

    private static String attribute(NDArray x, String attr) {
        return switch (attr) {
            case "shape" -> Shapes.toString(x.shape());
            case "dtype" -> x.dtype().numpyName();
            case "ndim" -> Integer.toString(x.ndim());
            case "size" -> Long.toString(x.size());
            default -> x.str();
        };
    }

    @Override
    public boolean isView() {
        return true;
    }

    @Override
    public boolean isDeterministic() {
        return false;
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        return Collections.singletonList(outputGrads.get(0));
    }

    @Override
    public String displayName() {
        return "Print{" + message + "}";
    }

    @Override
    public String format(List<String> inputs) {
        return "print(" + inputs.get(0) + ")";
    }
}
