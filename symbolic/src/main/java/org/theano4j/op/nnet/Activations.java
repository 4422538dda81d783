package org.theano4j.op.nnet;

import org.theano4j.op.Ops;
import org.theano4j.Variable;

/**
 * The activations of {@code theano.tensor.nnet} that Theano 1.0 defines as graphs of elementwise
 * ops, built the same way (so they fuse, and their gradients are those of the graph, as in
 * Theano): {@code relu}, {@code elu}, {@code selu} and {@code hard_sigmoid}.
 */
public final class Activations {
    /** SELU's alpha, as Theano writes it. */
    static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    /** SELU's scale, as Theano writes it. */
    static final double SELU_SCALE = 1.0507009873554804934193349852946;

    private Activations() {
    }

    /** {@code relu(x, alpha)}: {@code 0.5 * (x + |x|)} for alpha 0, else {@code 0.5 (1 + alpha) x + 0.5 (1 - alpha) |x|}. */
    public static Variable relu(Variable x, Object alpha) {
        if (alpha instanceof Number n) {
            double a = n.doubleValue();
            // folded here, so that a Java number stays a weak scalar (a float32 x stays float32, as in Theano)
            return a == 0 ? Ops.mul(0.5, Ops.add(x, Ops.abs(x))) : Ops.add(Ops.mul(0.5 * (1 + a), x), Ops.mul(0.5 * (1 - a), Ops.abs(x)));
        }
        Variable f1 = Ops.mul(0.5, Ops.add(1, alpha));
        Variable f2 = Ops.mul(0.5, Ops.sub(1, alpha));
        return Ops.add(Ops.mul(f1, x), Ops.mul(f2, Ops.abs(x)));
    }

    /** {@code elu(x, alpha) = switch(x > 0, x, alpha * expm1(x))}. */
    public static Variable elu(Variable x, Object alpha) {
        return Ops.switchOp(Ops.gt(x, 0), x, Ops.mul(alpha, Ops.expm1(x)));
    }

    /** {@code selu(x) = scale * elu(x, alpha)} with Theano's constants. */
    public static Variable selu(Variable x) {
        return Ops.mul(SELU_SCALE, elu(x, SELU_ALPHA));
    }

    /** {@code hard_sigmoid(x) = clip(x * 0.2 + 0.5, 0, 1)}. */
    public static Variable hardSigmoid(Variable x) {
        return Ops.clip(Ops.add(Ops.mul(x, 0.2), 0.5), 0, 1);
    }
}
