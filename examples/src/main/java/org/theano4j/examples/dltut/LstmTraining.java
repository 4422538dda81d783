package org.theano4j.examples.dltut;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.rng.RandomState;
import org.theano4j.tensor.NDArray;

/**
 * The body of lstm.py's {@code train_lstm}: data, model, optimizer (the constructor), then the
 * training loop with its dispFreq and validFreq reports, early stopping and the final errors of the
 * best parameters ({@link #run}). The reports go to standard output as the tutorial prints them and
 * into a {@link TrainingLog} under the reference script's keys.
 */
final class LstmTraining {
    private final Lstm.Options o;
    private final RandomState numpyRandom = new RandomState(Lstm.SEED);
    private final Imdb.Set train;
    private final Imdb.Set valid;
    private final Imdb.Set test;
    private final Map<String, SharedVariable> tparams;
    private final Lstm.Model model;
    private final LstmOptimizers.Step step;
    private final TrainingLog log = new TrainingLog();

    /** Loads the data, builds the parameters, the model, the cost with its weight decay and the optimizer's functions. */
    LstmTraining(Lstm.Options options) {
        o = options;
        System.out.println("model options " + o);
        System.out.println("Loading data");
        Imdb.Splits data = Imdb.loadData(numpyRandom, o.nWords(), 0.05, o.maxlen());
        train = data.train();
        valid = data.valid();
        test = o.testSize() > 0 ? testSelection(data.test()) : data.test();
        int ydim = (int) train.y().stream().mapToLong(Long::longValue).max().orElseThrow() + 1;
        System.out.println("Building model");
        tparams = Lstm.initTparams(Lstm.initParams(o, ydim, numpyRandom));
        model = Lstm.buildModel(tparams, o);
        Variable cost = model.cost();
        if (o.decayC() > 0.) {
            SharedVariable decayC = Theano.shared(NDArray.of(o.decayC()), "decay_c");
            Variable weightDecay = T.add(0., tparams.get("U").pow(2).sum()).mul(decayC);
            cost = cost.add(weightDecay);
        }
        List<Variable> inputs = List.of(model.x(), model.mask(), model.y());
        Theano.function(inputs, cost, Theano.options().name("f_cost"));
        List<Variable> grads = T.grad(cost, List.copyOf(tparams.values()));
        Theano.function(inputs, grads, Theano.options().name("f_grad"));
        Variable lr = T.scalar("lr");
        step = o.optimizer().build(lr, tparams, grads, model.x(), model.mask(), model.y(), cost);
    }

    /** The {@code test_size} branch: a random selection (the global stream's shuffle) of the test set. */
    private Imdb.Set testSelection(Imdb.Set all) {
        long[] idx = new long[all.size()];
        Arrays.setAll(idx, i -> i);
        numpyRandom.shuffle(idx);
        return Imdb.select(all, Arrays.stream(idx).limit(o.testSize()).mapToInt(i -> (int) i).toArray());
    }

    /** The epochs: minibatch updates, dispFreq costs, validFreq errors with early stopping; then the best parameters' errors. */
    TrainingLog run() {
        System.out.println("Optimization");
        List<int[]> kfValid = Lstm.getMinibatchesIdx(valid.size(), o.validBatchSize(), false, numpyRandom);
        List<int[]> kfTest = Lstm.getMinibatchesIdx(test.size(), o.validBatchSize(), false, numpyRandom);
        System.out.println(train.size() + " train examples");
        System.out.println(valid.size() + " valid examples");
        System.out.println(test.size() + " test examples");
        List<double[]> historyErrs = new ArrayList<>();
        Map<String, NDArray> bestP = null;
        int badCounter = 0;
        int validFreq = o.validFreq() == -1 ? train.size() / o.batchSize() : o.validFreq();
        int uidx = 0;
        boolean estop = false;
        int eidx = 0;
        long start = System.nanoTime();
        log.restartClock();
        for (; eidx < o.maxEpochs(); eidx++) {
            int nSamples = 0;
            List<int[]> kf = Lstm.getMinibatchesIdx(train.size(), o.batchSize(), true, numpyRandom);
            for (int[] trainIndex : kf) {
                uidx++;
                model.useNoise().setValue(NDArray.of(1.));
                Imdb.Set part = Imdb.select(train, trainIndex);
                Imdb.Batch b = Imdb.prepareData(part.x(), part.y(), 0);
                nSamples += (int) b.x().shape()[1];
                double cost = step.fGradShared().call(b.x(), b.mask(), b.y()).item();
                step.fUpdate().callAll(o.lrate());
                if (Double.isNaN(cost) || Double.isInfinite(cost)) {
                    System.out.println("bad cost detected:  " + cost);
                    return log;
                }
                if (uidx % o.dispFreq() == 0) {
                    System.out.println("Epoch  " + eidx + " Update  " + uidx + " Cost  " + cost);
                    log.put("epoch" + eidx + ".update" + uidx + ".cost", cost);
                }
                if (uidx % validFreq == 0) {
                    double[] errs = errors(kf, kfValid, kfTest);
                    historyErrs.add(new double[] {errs[1], errs[2]});
                    if (bestP == null || errs[1] <= minValid(historyErrs, historyErrs.size())) {
                        bestP = Lstm.unzip(tparams);
                        badCounter = 0;
                    }
                    report(errs);
                    if (historyErrs.size() > o.patience()
                            && errs[1] >= minValid(historyErrs, historyErrs.size() - o.patience())) {
                        badCounter++;
                        if (badCounter > o.patience()) {
                            System.out.println("Early Stop!");
                            estop = true;
                            break;
                        }
                    }
                }
            }
            System.out.println("Seen " + nSamples + " samples");
            log.put("seen_samples", nSamples);
            if (estop) {
                break;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (bestP != null) {
            Lstm.zipp(bestP, tparams);
        }
        List<int[]> kfTrainSorted = Lstm.getMinibatchesIdx(train.size(), o.batchSize(), false, numpyRandom);
        report(errors(kfTrainSorted, kfValid, kfTest));
        int epochs = Math.min(eidx + 1, o.maxEpochs());
        System.out.printf("The code run for %d epochs, with %f sec/epochs%n", epochs, seconds / epochs);
        System.err.printf("Training took %.1fs%n", seconds);
        log.addModel(List.copyOf(tparams.values()));
        return log;
    }

    /** Train, valid and test errors without noise, the training set in the minibatches {@code kfTrain}. */
    private double[] errors(List<int[]> kfTrain, List<int[]> kfValid, List<int[]> kfTest) {
        model.useNoise().setValue(NDArray.of(0.));
        Function fPred = model.fPred();
        return new double[] {Lstm.predError(fPred, train, kfTrain), Lstm.predError(fPred, valid, kfValid),
                Lstm.predError(fPred, test, kfTest)};
    }

    private void report(double[] errs) {
        System.out.println("Train  " + errs[0] + " Valid  " + errs[1] + " Test  " + errs[2]);
        log.put("train_error", errs[0]);
        log.put("valid_error", errs[1]);
        log.put("test_error", errs[2]);
    }

    /** The smallest validation error among the first {@code n} of {@code history}. */
    private static double minValid(List<double[]> history, int n) {
        return history.subList(0, n).stream().mapToDouble(e -> e[0]).min().orElseThrow();
    }
}
