package org.theano4j.op;

import java.util.List;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;

/**
 * A function of scalars that {@link Elemwise} lifts to tensors: its arity, its output dtype
 * rule, its evaluation on doubles (float compute) and longs (integer/bool compute; the exact
 * per-dtype value, wrapped and unsigned where needed, is {@link ScalarSemantics}'s), and its
 * gradient. The inputs of an elementwise application share one compute dtype (the facade
 * inserts casts), except where {@link #conditionInput()} says otherwise.
 */
public interface ScalarFn {
    /** Number of inputs. */
    int arity();

    /** Short name, e.g. {@code add}. */
    String name();

    /** The output dtype for the given compute dtype. */
    DType outputDType(DType compute);

    /** Evaluation in floating point (unused arguments are 0). */
    double applyDouble(double a, double b, double c);

    /** Evaluation on integers and booleans (unused arguments are 0). */
    long applyLong(long a, long b, long c);

    /** Whether the op is defined on integer/bool compute dtypes. */
    default boolean acceptsInteger() {
        return true;
    }

    /** Index of an input that is a boolean condition rather than data (switch), or -1. */
    default int conditionInput() {
        return -1;
    }

    /**
     * Gradients with respect to each input given the inputs, the output and the output's
     * gradient; null entries for inputs that get none. Broadcasting is undone by the caller.
     */
    List<Variable> grad(List<Variable> inputs, Variable output, Variable outputGrad);

    /** Infix symbol for printing binary ops ({@code +}), or null for call syntax. */
    default String infix() {
        return null;
    }
}
