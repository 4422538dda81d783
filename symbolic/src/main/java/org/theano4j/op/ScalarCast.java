package org.theano4j.op;

import java.util.Collections;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;

/** Conversion to {@code to} with numpy's astype semantics (truncation toward zero, wrap-around). */
public record ScalarCast(DType to) implements ScalarFn {
    @Override
    public int arity() {
        return 1;
    }

    @Override
    public String name() {
        return "cast{" + to.numpyName() + "}";
    }

    @Override
    public DType outputDType(DType compute) {
        return to;
    }

    @Override
    public double applyDouble(double a, double b, double c) {
        return Casting.castDouble(a, to);
    }

    @Override
    public long applyLong(long a, long b, long c) {
        return Casting.castLong(a, to);
    }

    @Override
    public List<Variable> grad(List<Variable> inputs, Variable output, Variable outputGrad) {
        // Theano 1.0: a cast to float passes the gradient back; to an integer input it goes
        // uncast (real-valued: "the gradient may never be an int, even if the variable is an int")
        Variable x = inputs.get(0);
        if (!to.isFloat()) {
            return Collections.singletonList(null);
        }
        return List.of(x.dtype().isFloat() ? Ops.cast(outputGrad, x.dtype()) : outputGrad);
    }

    @Override
    public String toString() {
        return name();
    }
}
