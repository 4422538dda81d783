package org.theano4j.op.nnet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.theano4j.op.Ops;
import org.theano4j.Variable;
import org.theano4j.op.Reductions;

/**
 * {@code theano.tensor.nnet.bn} as graphs of existing ops, with Theano 1.0's formulas (those of
 * its {@code AbstractBatchNormTrain} / {@code AbstractBatchNormInference} perform, so gradients,
 * second ones included, come from the graph):
 * {@code out = (x - mean) * (gamma * invstd) + beta}, {@code invstd = 1 / sqrt(var + epsilon)},
 * {@code running_mean' = running_mean * (1 - f) + mean * f},
 * {@code running_var' = running_var * (1 - f) + (m / (m - 1)) * var * f} with {@code m} the
 * number of elements per normalized group; inference:
 * {@code (x - mean) * (gamma / sqrt(var + epsilon)) + beta}.
 * The parameters have either the input's ndim (size 1 on the normalized axes) or one axis per
 * non-normalized axis, and the statistics come back in the parameters' form.
 */
public final class BatchNormGraphs {
    private BatchNormGraphs() {
    }

    /** Theano's {@code axes}: {@code "per-activation"} (0), {@code "spatial"} (0, 2, 3, ...) or explicit axes. */
    public static int[] axes(Object spec, int ndim) {
        int[] axes;
        if ("per-activation".equals(spec)) {
            axes = new int[] {0};
        } else if ("spatial".equals(spec)) {
            axes = new int[Math.max(1, ndim - 1)];
            for (int i = 1; i < axes.length; i++) {
                axes[i] = i + 1;
            }
        } else if (spec instanceof int[] a) {
            axes = a.clone();
        } else {
            throw new IllegalArgumentException("batch normalization: axes must be 'per-activation', 'spatial' or an int[],"
                    + " got " + spec);
        }
        Arrays.sort(axes);
        if (axes.length == 0) {
            throw new IllegalArgumentException("batch normalization: there should be at least one normalization axis");
        }
        if (axes[0] < 0 || axes[axes.length - 1] >= ndim) {
            throw new IllegalArgumentException("batch normalization: axes should be less than ndim (<" + ndim + "), but "
                    + Arrays.toString(axes) + " given");
        }
        return axes;
    }

    /**
     * {@code batch_normalization_train}: {@code [out, mean, invstd]}, and with running averages
     * (both or neither) also {@code [newRunningMean, newRunningVar]}.
     */
    public static List<Variable> train(Variable x, Variable gamma, Variable beta, int[] axes, double epsilon,
            double factor, Variable runningMean, Variable runningVar) {
        checkEpsilon(epsilon);
        if ((runningMean == null) != (runningVar == null)) {
            throw new IllegalArgumentException("batch_normalization_train: running_mean and running_var must either both be"
                    + " given or both be None");
        }
        Params p = Params.of("batch_normalization_train", x, axes, gamma, beta);
        Variable mean = keep(Reductions.mean(x, axes), axes, x.ndim());
        Variable var = keep(Reductions.var(x, axes), axes, x.ndim());
        Variable invstd = Ops.div(1.0, Ops.sqrt(Ops.add(var, epsilon)));
        Variable out = Ops.add(Ops.mul(Ops.sub(x, mean), Ops.mul(p.full(gamma), invstd)), p.full(beta));
        List<Variable> results = new ArrayList<>(List.of(out, p.back(mean), p.back(invstd)));
        if (runningMean != null) {
            p.check("running_mean", runningMean);
            p.check("running_var", runningVar);
            Variable m = Ops.cast(groupSize(x, axes), x.dtype());
            Variable rm = Ops.add(Ops.mul(p.full(runningMean), 1.0 - factor), Ops.mul(mean, factor));
            Variable rv = Ops.add(Ops.mul(p.full(runningVar), 1.0 - factor), Ops.mul(Ops.mul(Ops.div(m, Ops.sub(m, 1)), var), factor));
            results.add(p.back(rm));
            results.add(p.back(rv));
        }
        return results;
    }

    /** {@code batch_normalization_test}: {@code (x - mean) * (gamma / sqrt(var + epsilon)) + beta}. */
    public static Variable test(Variable x, Variable gamma, Variable beta, Variable mean, Variable var, int[] axes,
            double epsilon) {
        checkEpsilon(epsilon);
        Params p = Params.of("batch_normalization_test", x, axes, gamma, beta);
        p.check("mean", mean);
        p.check("var", var);
        Variable scale = Ops.div(p.full(gamma), Ops.sqrt(Ops.add(p.full(var), epsilon)));
        return Ops.add(Ops.mul(Ops.sub(x, p.full(mean)), scale), p.full(beta));
    }

    private static void checkEpsilon(double epsilon) {
        if (!(epsilon >= 1e-5)) {
            throw new IllegalArgumentException("batch normalization: epsilon must be at least 1e-5, got " + epsilon);
        }
    }

    /** The number of elements in one normalized group: the product of x's sizes along {@code axes}. */
    private static Variable groupSize(Variable x, int[] axes) {
        Variable m = x.shape(axes[0]);
        for (int i = 1; i < axes.length; i++) {
            m = Ops.mul(m, x.shape(axes[i]));
        }
        return m;
    }

    /** {@code r} (reduced over {@code axes}) with those axes put back as broadcastable ones. */
    private static Variable keep(Variable r, int[] axes, int ndim) {
        Object[] pattern = new Object[ndim];
        int next = 0;
        for (int d = 0; d < ndim; d++) {
            pattern[d] = Arrays.binarySearch(axes, d) >= 0 ? "x" : (Object) next++;
        }
        return Ops.dimshuffle(r, pattern);
    }

    /** How the parameters relate to the input: full ndim, or one axis per non-normalized axis. */
    private record Params(String op, int ndim, int[] axes, int[] kept, boolean reduced) {
        static Params of(String op, Variable x, int[] axes, Variable gamma, Variable beta) {
            int[] kept = new int[x.ndim() - axes.length];
            for (int d = 0, k = 0; d < x.ndim(); d++) {
                if (Arrays.binarySearch(axes, d) < 0) {
                    kept[k++] = d;
                }
            }
            boolean reduced = gamma.ndim() != x.ndim();
            Params p = new Params(op, x.ndim(), axes, kept, reduced);
            if (gamma.ndim() != beta.ndim() || (reduced && gamma.ndim() != kept.length)) {
                throw new IllegalArgumentException(op + ": gamma and beta dimensionality must match the number of"
                        + " non-normalized axes, or have the same number of dimensions as the inputs; got " + gamma.ndim()
                        + " and " + beta.ndim() + " instead of " + (reduced ? kept.length : x.ndim()));
            }
            return p;
        }

        void check(String what, Variable v) {
            int expected = reduced ? kept.length : ndim;
            if (v.ndim() != expected) {
                throw new IllegalArgumentException(op + ": " + what + " " + v + " must be of the same dimensionality as gamma"
                        + " and beta; got " + v.ndim() + " instead of " + expected);
            }
        }

        /** A parameter in the input's ndim. */
        Variable full(Variable v) {
            return reduced ? keep(v, axes, ndim) : v;
        }

        /** A full-ndim statistic in the parameters' form. */
        Variable back(Variable v) {
            if (!reduced) {
                return v;
            }
            Object[] pattern = new Object[kept.length];
            for (int i = 0; i < kept.length; i++) {
                pattern[i] = kept[i];
            }
            return Ops.dimshuffle(v, pattern);
        }
    }
}
