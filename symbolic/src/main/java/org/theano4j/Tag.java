package org.theano4j;

import org.theano4j.compile.ArgConverter;
import org.theano4j.graph.TensorType;

/**
 * The tag of a {@link Variable} (Theano's {@code var.tag}): where its test value lives. With the
 * flag {@code computeTestValue} on ({@code -Dtheano4j.computeTestValue=raise}, or
 * {@code THEANO4J_FLAGS=computeTestValue=warn}), every node built from variables that have test
 * values is evaluated at once on them, so that a shape error is raised by the line of your code
 * that builds the node, naming the op and that line; its outputs get the results as their test
 * values. Constants and shared variables have theirs implicitly (their values).
 *
 * <pre>{@code
 * Variable x = T.dmatrix("x");
 * x.tag().testValue(new double[5][10]);
 * Variable y = T.dmatrix("y");
 * y.tag().testValue(new double[3][4]);
 * T.dot(x, y);   // with computeTestValue=raise: IllegalArgumentException naming Dot and this line
 * }</pre>
 *
 * <p>Missing values: {@code ignore} skips the node silently, {@code warn} logs one line
 * ({@code System.Logger} {@code org.theano4j.testvalue}), {@code raise} throws naming the input.
 * Graph rewrites inside {@code Theano.function} and {@code T.grad}'s stabilization run with test
 * values off (Theano's {@code compute_test_value_opt = 'off'}). A scan's step is built from
 * placeholders without test values: its inner nodes are skipped (even with {@code raise}), and
 * the scan node itself gets its values from the outer ones (Theano also fills the inner ones).
 */
public final class Tag {
    private final Variable variable;
    private volatile Object testValue;

    Tag(Variable variable) {
        this.variable = variable;
    }

    /**
     * Sets the test value (a Number, Java array or NDArray for a tensor, converted to the variable's
     * dtype as a call argument is; another type's run-time value as is). A value of the wrong
     * dtype, rank or of length != 1 on a broadcastable axis is an {@link IllegalArgumentException}
     * naming the variable. Returns this tag.
     */
    public Tag testValue(Object value) {
        String label = "test value of " + variable;
        if (variable.type() instanceof TensorType t) {
            org.theano4j.tensor.NDArray a = ArgConverter.convert(value, t, label);
            boolean[] bc = t.broadcastable();
            for (int i = 0; i < bc.length; i++) {
                if (bc[i] && a.shape(i) != 1) {
                    throw new IllegalArgumentException(label + ": axis " + i + " is broadcastable, so its length must be 1, got "
                            + org.theano4j.tensor.Shapes.toString(a.shape()));
                }
            }
            testValue = a;
        } else if (value == null) {
            throw new IllegalArgumentException(label + ": null");
        } else {
            testValue = value;
        }
        return this;
    }

    /** Whether a test value is set. */
    public boolean hasTestValue() {
        return testValue != null;
    }

    /** The test value; {@link IllegalStateException} when none is set (Theano's AttributeError). */
    public Object testValue() {
        Object v = testValue;
        if (v == null) {
            throw new IllegalStateException(variable + " has no test value; set one with tag().testValue(...)");
        }
        return v;
    }

    /** The test value, or null (for graph code). */
    public Object testValueOrNull() {
        return testValue;
    }
}
