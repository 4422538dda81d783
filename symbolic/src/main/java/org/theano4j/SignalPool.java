package org.theano4j;

import org.theano4j.graph.Apply;
import org.theano4j.op.DTypeRules;
import org.theano4j.op.Operands;
import org.theano4j.op.nnet.Pool;
import org.theano4j.op.nnet.PoolParams;

/**
 * Theano's {@code theano.tensor.signal.pool}, reached as {@code T.signal.pool}: pooling over the
 * last two axes of a tensor with at least two. Integer inputs become float.
 */
public final class SignalPool {
    SignalPool() {
    }

    /** {@code pool_2d(input, ws, ignore_border)}: max pooling, stride = ws, no padding. */
    public Variable pool2d(Object input, int[] ws, boolean ignoreBorder) {
        return pool2d(input, ws, ignoreBorder, null, new int[] {0, 0}, "max");
    }

    /** {@code pool_2d(input, ws, ignore_border, mode=mode)}: stride = ws, no padding. */
    public Variable pool2d(Object input, int[] ws, boolean ignoreBorder, String mode) {
        return pool2d(input, ws, ignoreBorder, null, new int[] {0, 0}, mode);
    }

    /**
     * Theano's {@code pool_2d(input, ws, ignore_border, stride, pad, mode)}: {@code stride} null
     * means ws; {@code pad} (rows, columns) needs {@code ignoreBorder} and must be smaller than
     * ws; {@code mode} is {@code max}, {@code sum}, {@code average_inc_pad} or {@code average_exc_pad}.
     */
    public Variable pool2d(Object input, int[] ws, boolean ignoreBorder, int[] stride, int[] pad, String mode) {
        Variable x = Operands.of(input);
        int[] w = pair("ws", ws);
        int[] s = stride == null ? w : pair("stride", stride);
        int[] p = pair("pad", pad);
        if (x.ndim() < 2) {
            throw new IllegalArgumentException("pool_2d: input " + x + " must have at least 2 axes, got " + x.type().describe());
        }
        PoolParams params = new PoolParams(w[0], w[1], s[0], s[1], p[0], p[1], ignoreBorder, PoolParams.Mode.of(mode));
        return Apply.single(new Pool(params), Operands.castTo(x, DTypeRules.upgradeToFloat(x.dtype())));
    }

    private static int[] pair(String name, int[] v) {
        if (v == null || v.length != 2) {
            throw new IllegalArgumentException("pool_2d: " + name + " must have 2 entries, got "
                    + (v == null ? "null" : java.util.Arrays.toString(v)));
        }
        return v;
    }
}
