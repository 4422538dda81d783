package org.theano4j.examples.dltut;

import java.util.Locale;
import org.theano4j.Function;

/**
 * The tutorials' training loop with early stopping (logistic_sgd, mlp, SdA fine-tuning): train on
 * each minibatch; every {@code validation_frequency = min(n_train_batches, patience // 2)}
 * iterations compute the mean validation error; on a new best (by more than 0.5%) wait
 * {@code 2 * iter} iterations more, and measure the test error; stop when patience runs out or
 * after {@code n_epochs}.
 *
 * @param patience the iterations to look at regardless
 * @param nTrainBatches minibatches per epoch
 * @param nValidBatches validation minibatches
 * @param nTestBatches test minibatches
 */
public record EarlyStopping(double patience, int nTrainBatches, int nValidBatches, int nTestBatches) {
    private static final double PATIENCE_INCREASE = 2;
    private static final double IMPROVEMENT_THRESHOLD = 0.995;

    /** Runs the loop, printing the tutorials' lines; the log holds each epoch's validation and test error (%). */
    public TrainingLog run(int nEpochs, Function train, Function validate, Function test) {
        TrainingLog log = new TrainingLog();
        double patienceLeft = patience;
        long validationFrequency = Math.min(nTrainBatches, (long) Math.floor(patience / 2));
        double best = Double.POSITIVE_INFINITY;
        long bestIter = 0;
        double testScore = 0;
        long start = System.nanoTime();
        int epoch = 0;
        boolean done = false;
        while (epoch < nEpochs && !done) {
            epoch++;
            long epochStart = System.nanoTime();
            double costSum = 0;
            for (int minibatch = 0; minibatch < nTrainBatches; minibatch++) {
                costSum += train.call(minibatch).item();
                long iter = (long) (epoch - 1) * nTrainBatches + minibatch;
                if ((iter + 1) % validationFrequency == 0) {
                    double loss = meanOver(validate, nValidBatches);
                    System.out.printf(Locale.ROOT, "epoch %d, minibatch %d/%d, validation error %f %% (mean cost %f, %.2f s)%n",
                            epoch, minibatch + 1, nTrainBatches, loss * 100, costSum / (minibatch + 1),
                            (System.nanoTime() - epochStart) / 1e9);
                    log.put("epoch" + epoch + ".valid_error_pct", loss * 100);
                    if (loss < best) {
                        if (loss < best * IMPROVEMENT_THRESHOLD) {
                            patienceLeft = Math.max(patienceLeft, iter * PATIENCE_INCREASE);
                        }
                        best = loss;
                        bestIter = iter;
                        testScore = meanOver(test, nTestBatches);
                        System.out.printf(Locale.ROOT, "     epoch %d, minibatch %d/%d, test error of best model %f %%%n", epoch,
                                minibatch + 1, nTrainBatches, testScore * 100);
                        log.put("epoch" + epoch + ".test_error_pct", testScore * 100);
                    }
                }
                if (patienceLeft <= iter) {
                    done = true;
                    break;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "Optimization complete with best validation score of %f %%, obtained at iteration %d, "
                + "with test performance %f %%%n", best * 100, bestIter + 1, testScore * 100);
        System.out.printf(Locale.ROOT, "The code ran for %d epochs, with %f epochs/sec%n", epoch, epoch / seconds);
        return log;
    }

    /** {@code numpy.mean([f(i) for i in range(n)])}, with numpy's pairwise summation. */
    static double meanOver(Function f, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = f.call(i).item();
        }
        return NumpySum.pairwise(v, 0, n) / n;
    }
}
