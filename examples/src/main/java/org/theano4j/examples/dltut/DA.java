package org.theano4j.examples.dltut;

import java.util.List;
import java.util.Locale;
import org.theano4j.Function;
import org.theano4j.FunctionOptions;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.examples.data.FashionMnist;
import org.theano4j.rng.MRGRandomStreams;
import org.theano4j.rng.RandomState;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The Deep Learning Tutorials' {@code dA.py}: a denoising autoencoder with tied weights. The
 * input is corrupted by zeroing each pixel with probability {@code corruption_level} (an MRG
 * binomial of the input's shape), encoded by {@code sigmoid(x W + b)}, decoded by
 * {@code sigmoid(y W' + b')}, and trained on the cross-entropy of the reconstruction.
 * Arguments: [training_epochs] [batch_size].
 */
public final class DA {
    /** The weights, (n_visible, n_hidden), shared with an SdA's sigmoid layer when given. */
    public final SharedVariable w;
    /** The hidden biases. */
    public final SharedVariable b;
    /** The visible biases. */
    public final SharedVariable bPrime;
    /** The input (a matrix of n_visible columns). */
    public final Variable x;
    /** The parameters: W, b, b'. */
    public final List<SharedVariable> params;
    private final Variable wPrime;
    private final MRGRandomStreams theanoRng;

    /**
     * {@code dA(numpy_rng, theano_rng, input, n_visible, n_hidden, W, bhid, bvis)}; null
     * {@code theanoRng}, {@code w}, {@code bhid}, {@code bvis} are made as the tutorial makes them
     * (the streams seeded with {@code numpy_rng.randint(2**30)}, W uniform in
     * {@code +-4 sqrt(6 / (n_hidden + n_visible))}, biases zero).
     */
    public DA(RandomState numpyRng, MRGRandomStreams theanoRng, Variable input, int nVisible, int nHidden, SharedVariable w,
            SharedVariable bhid, SharedVariable bvis) {
        this.theanoRng = theanoRng != null ? theanoRng : new MRGRandomStreams(numpyRng.randint(1L << 30));
        this.w = w != null ? w : initialW(numpyRng, nVisible, nHidden);
        this.bPrime = bvis != null ? bvis : Theano.shared(NDArray.zeros(DType.FLOAT64, nVisible), null, true);
        this.b = bhid != null ? bhid : Theano.shared(NDArray.zeros(DType.FLOAT64, nHidden), "b", true);
        this.wPrime = this.w.T();
        this.x = input != null ? input : T.dmatrix("input");
        this.params = List.of(this.w, this.b, this.bPrime);
    }

    private static SharedVariable initialW(RandomState rng, int nVisible, int nHidden) {
        double bound = 4 * Math.sqrt(6. / (nHidden + nVisible));
        return Theano.shared(NDArray.of(rng.uniform(-bound, bound, nVisible, nHidden)).reshape(nVisible, nHidden), "W", true);
    }

    /** Keeps each element of {@code input} with probability {@code 1 - corruptionLevel} (a number or a scalar). */
    public Variable corruptedInput(Variable input, Object corruptionLevel) {
        return theanoRng.binomial(T.shape(input), T.sub(1, corruptionLevel), DType.FLOAT64).mul(input);
    }

    /** {@code sigmoid(input W + b)}. */
    public Variable hiddenValues(Variable input) {
        return T.sigmoid(T.dot(input, w).add(b));
    }

    /** {@code sigmoid(hidden W' + b')}. */
    public Variable reconstructedInput(Variable hidden) {
        return T.sigmoid(T.dot(hidden, wPrime).add(bPrime));
    }

    /** The mean cross-entropy of the reconstruction of the corrupted input, and the SGD updates. */
    public CostUpdates costUpdates(Object corruptionLevel, Object learningRate) {
        Variable tildeX = corruptedInput(x, corruptionLevel);
        Variable y = hiddenValues(tildeX);
        Variable z = reconstructedInput(y);
        Variable l = T.neg(T.sum(x.mul(T.log(z)).add(T.sub(1, x).mul(T.log(T.sub(1, z)))), 1));
        Variable cost = T.mean(l);
        return new CostUpdates(cost, Mlp.sgdUpdates(cost, params, learningRate));
    }

    /**
     * A cost and the updates that train it.
     *
     * @param cost the cost
     * @param updates its SGD updates as function options
     */
    public record CostUpdates(Variable cost, FunctionOptions updates) {
    }

    /** {@code test_dA(learning_rate, training_epochs, dataset, batch_size)}: corruption 0, then 0.3. */
    public static TrainingLog testDA(double learningRate, int trainingEpochs, FashionMnist.Splits dataset, int batchSize) {
        SharedDataset train = SharedDataset.load(dataset)[0];
        TrainingLog log = new TrainingLog();
        for (double corruption : new double[] {0., 0.3}) {
            Variable index = T.lscalar("index");
            Variable x = T.matrix("x");
            RandomState rng = new RandomState(123);
            MRGRandomStreams theanoRng = new MRGRandomStreams(rng.randint(1L << 30));
            DA da = new DA(rng, theanoRng, x, 28 * 28, 500, null, null, null);
            CostUpdates cu = da.costUpdates(corruption, learningRate);
            Function trainDa = LogisticSgd.batchFunction(index, cu.cost(), x, null, train, batchSize, cu.updates());
            long start = System.nanoTime();
            log.restartClock();
            for (int epoch = 0; epoch < trainingEpochs; epoch++) {
                long epochStart = System.nanoTime();
                double cost = epochCost(trainDa, train.batches(batchSize));
                System.out.printf(Locale.ROOT, "Training epoch %d, cost  %s (%.2f s)%n", epoch, cost, (System.nanoTime() - epochStart) / 1e9);
                log.put("epoch" + epoch + ".cost", cost);
            }
            System.out.printf(Locale.ROOT, "The %d%% corruption code ran for %.2fm%n", Math.round(corruption * 100),
                    (System.nanoTime() - start) / 60e9);
            log.addModel(da.params);
        }
        return log;
    }

    /** {@code numpy.mean([train(i) for i in range(n)], dtype='float64')}. */
    static double epochCost(Function train, int nBatches) {
        double[] c = new double[nBatches];
        for (int i = 0; i < nBatches; i++) {
            c[i] = train.call(i).item();
        }
        return NumpySum.pairwise(c, 0, nBatches) / nBatches;
    }

    /** Trains both autoencoders with the tutorial's hyper-parameters (learning rate 0.1, 15 epochs, batches of 20). */
    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        FashionMnist.Splits data = FashionMnist.load();
        System.out.println("... loading data (" + data.source() + ")");
        testDA(0.1, epochs, data, batchSize);
    }
}
