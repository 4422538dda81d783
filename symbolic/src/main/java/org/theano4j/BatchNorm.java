package org.theano4j;

import java.util.List;
import org.theano4j.op.Operands;
import org.theano4j.op.nnet.BatchNormGraphs;

/**
 * Theano's {@code theano.tensor.nnet.bn}, reached as {@code T.nnet.bn}. {@code axes} is
 * {@code "per-activation"} (axis 0), {@code "spatial"} (axes 0, 2, 3, ...) or an {@code int[]};
 * gamma, beta and the statistics have either the input's ndim (size 1 on the normalized axes) or
 * one axis per non-normalized axis. Defaults as Theano's: {@code epsilon = 1e-4},
 * {@code running_average_factor = 0.1}.
 */
public final class BatchNorm {
    BatchNorm() {
    }

    /** {@code batch_normalization_train(inputs, gamma, beta)}, per activation: {@code [out, mean, invstd]}. */
    public List<Variable> batchNormalizationTrain(Object inputs, Object gamma, Object beta) {
        return batchNormalizationTrain(inputs, gamma, beta, "per-activation");
    }

    /** {@code batch_normalization_train(inputs, gamma, beta, axes)}: {@code [out, mean, invstd]}. */
    public List<Variable> batchNormalizationTrain(Object inputs, Object gamma, Object beta, Object axes) {
        Variable x = Operands.of(inputs);
        return BatchNormGraphs.train(x, Operands.of(gamma), Operands.of(beta), BatchNormGraphs.axes(axes, x.ndim()), 1e-4,
                0.1, null, null);
    }

    /**
     * {@code batch_normalization_train} with every argument: {@code [out, mean, invstd]}, and with
     * {@code runningMean} and {@code runningVar} (both or neither null) also
     * {@code [newRunningMean, newRunningVar]}.
     */
    public List<Variable> batchNormalizationTrain(Object inputs, Object gamma, Object beta, Object axes, double epsilon,
            double runningAverageFactor, Object runningMean, Object runningVar) {
        Variable x = Operands.of(inputs);
        return BatchNormGraphs.train(x, Operands.of(gamma), Operands.of(beta), BatchNormGraphs.axes(axes, x.ndim()), epsilon,
                runningAverageFactor, runningMean == null ? null : Operands.of(runningMean),
                runningVar == null ? null : Operands.of(runningVar));
    }

    /** {@code batch_normalization_test(inputs, gamma, beta, mean, var)}, per activation, epsilon 1e-4. */
    public Variable batchNormalizationTest(Object inputs, Object gamma, Object beta, Object mean, Object var) {
        return batchNormalizationTest(inputs, gamma, beta, mean, var, "per-activation", 1e-4);
    }

    /** {@code batch_normalization_test(inputs, gamma, beta, mean, var, axes, epsilon)}. */
    public Variable batchNormalizationTest(Object inputs, Object gamma, Object beta, Object mean, Object var, Object axes,
            double epsilon) {
        Variable x = Operands.of(inputs);
        return BatchNormGraphs.test(x, Operands.of(gamma), Operands.of(beta), Operands.of(mean), Operands.of(var),
                BatchNormGraphs.axes(axes, x.ndim()), epsilon);
    }
}
