package org.theano4j.grad;

import java.util.Arrays;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.control.Scan;
import org.theano4j.op.Ops;

/**
 * Builds the loop that stacks one gradient row per element of y, as Theano does: a scan over
 * {@code arange(y.shape[0])} whose step is {@code grad(y[i], wrt)}, with y and wrt passed as
 * non-sequences (so y is computed once, outside the loop).
 */
final class JacobianLoop {
    private JacobianLoop() {
    }

    static Variable build(Variable y, Variable wrt) {
        Variable n = Ops.shape(y).get(0);
        Scan.StepFunction row = args -> List.of(Gradients.grad(args.get(1).get(args.get(0)), List.of(args.get(2)), false).get(0));
        return Scan.scan(row, List.of(Ops.arange(n)), Arrays.asList((Object) null), List.of(y, wrt)).output();
    }
}
