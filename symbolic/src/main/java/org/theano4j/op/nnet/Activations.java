package org.theano4j.op.nnet;

import org.theano4j.T;
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
            return a == 0 ? T.mul(0.5, T.add(x, T.abs(x))) : T.add(T.mul(0.5 * (1 + a), x), T.mul(0.5 * (1 - a), T.abs(x)));
        }
        Variable f1 = T.mul(0.5, T.add(1, alpha));
        Variable f2 = T.mul(0.5, T.sub(1, alpha));
        return T.add(T.mul(f1, x), T.mul(f2, T.abs(x)));
    }

    /** {@code elu(x, alpha) = switch(x > 0, x, alpha * expm1(x))}. */
    public static Variable elu(Variable x, Object alpha) {
        return T.switchOp(T.gt(x, 0), x, T.mul(alpha, T.expm1(x)));
    }

    /** {@code selu(x) = scale * elu(x, alpha)} with Theano's constants. */
    public static Variable selu(Variable x) {
        return T.mul(SELU_SCALE, elu(x, SELU_ALPHA));
    }

    /** {@code hard_sigmoid(x) = clip(x * 0.2 + 0.5, 0, 1)}. */
    public static Variable hardSigmoid(Variable x) {
        return T.clip(T.add(T.mul(x, 0.2), 0.5), 0, 1);
    }
}
