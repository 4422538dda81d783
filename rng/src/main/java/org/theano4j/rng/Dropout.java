package org.theano4j.rng;

import org.theano4j.T;
import org.theano4j.Variable;
import org.theano4j.op.Operands;

/**
 * Dropout as the Deep Learning Tutorials write it: {@code x * cast(mask, x.dtype)} with
 * {@code mask = srng.binomial(n=1, p=1-p, size=x.shape)}, the units kept unscaled (the tutorials
 * scale the weights by {@code 1 - p} at test time). The mask's shape is given: theano4j's random
 * draws have static sizes. The mask is a fresh draw each call unless the function is compiled
 * with {@code noDefaultUpdates()}.
 */
public final class Dropout {
    private Dropout() {
    }

    /** {@code x} with each element zeroed with probability {@code p}, from {@code RandomStreams} (numpy's binomial). */
    public static Variable dropout(RandomStreams srng, Object x, double p, long... shape) {
        Variable v = checked(x, p, shape);
        return T.mul(v, T.cast(srng.binomial(shape, 1, 1 - p), v.dtype()));
    }

    /** {@code x} with each element zeroed with probability {@code p}, from {@code MRGRandomStreams} (Theano's MRG binomial). */
    public static Variable dropout(MRGRandomStreams srng, Object x, double p, long... shape) {
        Variable v = checked(x, p, shape);
        return T.mul(v, T.cast(srng.binomial(shape, 1 - p), v.dtype()));
    }

    private static Variable checked(Object x, double p, long[] shape) {
        Variable v = Operands.of(x);
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout: p must be in [0, 1), got " + p);
        }
        if (shape.length != v.ndim()) {
            throw new IllegalArgumentException("dropout: the mask shape " + java.util.Arrays.toString(shape) + " must have one"
                    + " entry per axis of " + v + " (" + v.type().describe() + ")");
        }
        return v;
    }
}
