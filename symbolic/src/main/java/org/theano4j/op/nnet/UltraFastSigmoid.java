package org.theano4j.op.nnet;

import java.util.List;
import org.theano4j.op.Ops;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.op.DTypeRules;
import org.theano4j.op.Elemwise;
import org.theano4j.op.Operands;
import org.theano4j.op.ScalarFn;
import org.theano4j.tensor.DType;

/**
 * Theano's {@code ultra_fast_sigmoid} scalar op: {@code 0.5 * (t(x / 2) + 1)} with the piecewise
 * tanh approximation {@code t(u) = sign(u) f(|u|)}, {@code f(a) = 1.5 a / (1 + a)} below 1.7,
 * {@code 0.935409070603099 + 0.0458812946797165 (a - 1.7)} below 3, and {@code 0.99505475368673}
 * beyond. Theano 1.0 defines no gradient for it; theano4j gives the exact derivative of this
 * piecewise function ({@code 0.25 f'(|x / 2|)}; at the breakpoints the right-hand one).
 */
public record UltraFastSigmoid() implements ScalarFn {
    private static final double MID_OFFSET = 0.935409070603099;
    private static final double MID_SLOPE = 0.0458812946797165;
    private static final double TOP = 0.99505475368673;

    /** {@code ultra_fast_sigmoid(x)}; integers become float first. */
    public static Variable apply(Variable x) {
        return Apply.single(new Elemwise(new UltraFastSigmoid()), Operands.castTo(x, DTypeRules.upgradeToFloat(x.dtype())));
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public String name() {
        return "ultra_fast_sigmoid";
    }

    @Override
    public DType outputDType(DType compute) {
        return compute;
    }

    @Override
    public boolean acceptsInteger() {
        return false;
    }

    @Override
    public double applyDouble(double a, double b, double c) {
        double x = 0.5 * a;
        double z = x >= 0 ? tanhApprox(x) : -tanhApprox(-x);
        return 0.5 * (z + 1.);
    }

    private static double tanhApprox(double a) {
        if (a < 1.7) {
            return 1.5 * a / (1 + a);
        }
        return a < 3 ? MID_OFFSET + MID_SLOPE * (a - 1.7) : TOP;
    }

    @Override
    public long applyLong(long a, long b, long c) {
        throw new UnsupportedOperationException("ultra_fast_sigmoid is defined on floats only");
    }

    @Override
    public List<Variable> grad(List<Variable> inputs, Variable output, Variable outputGrad) {
        Variable a = Ops.abs(Ops.mul(0.5, inputs.get(0)));
        Variable slope = Ops.switchOp(Ops.lt(a, 1.7), Ops.div(1.5, Ops.sqr(Ops.add(1, a))), Ops.switchOp(Ops.lt(a, 3), MID_SLOPE, 0));
        return List.of(Ops.mul(outputGrad, Ops.mul(0.25, slope)));
    }
}
