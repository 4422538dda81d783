package org.theano4j.examples.dltut;

import java.util.ArrayList;
import java.util.List;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.examples.data.FashionMnist;
import org.theano4j.rng.RandomState;

/**
 * The Deep Learning Tutorials' {@code convolutional_mlp.py}: LeNet5, two convolution + max-pooling
 * layers ({@link LeNetConvPoolLayer}, 5x5 filters, 2x2 pools), a tanh {@link HiddenLayer} of 500
 * units and a logistic regression, trained by minibatch SGD with early stopping on 28x28 images.
 * Arguments: [n_epochs] [batch_size] [nkerns0] [nkerns1].
 */
public final class ConvolutionalMlp {
    private ConvolutionalMlp() {
    }

    /**
     * {@code evaluate_lenet5(learning_rate, n_epochs, dataset, nkerns, batch_size)}; returns what it
     * printed, and the four layers' parameters as four models in the order they are built.
     */
    public static TrainingLog evaluateLenet5(double learningRate, int nEpochs, FashionMnist.Splits dataset, int[] nkerns,
            int batchSize) {
        if (nkerns.length != 2) {
            throw new IllegalArgumentException("nkerns needs 2 entries (kernels of each layer), given " + nkerns.length);
        }
        RandomState rng = new RandomState(23455);
        SharedDataset[] sets = SharedDataset.load(dataset);
        Variable index = T.lscalar("index");
        Variable x = T.matrix("x");
        Variable y = T.ivector("y");
        System.out.println("... building the model");
        Variable layer0Input = x.reshape(batchSize, 1, 28, 28);
        LeNetConvPoolLayer layer0 = new LeNetConvPoolLayer(rng, layer0Input, new int[] {nkerns[0], 1, 5, 5},
                new int[] {batchSize, 1, 28, 28}, new int[] {2, 2});
        LeNetConvPoolLayer layer1 = new LeNetConvPoolLayer(rng, layer0.output, new int[] {nkerns[1], nkerns[0], 5, 5},
                new int[] {batchSize, nkerns[0], 12, 12}, new int[] {2, 2});
        HiddenLayer layer2 = new HiddenLayer(rng, layer1.output.flatten(2), nkerns[1] * 4 * 4, 500, HiddenLayer.Activation.TANH);
        LogisticSgd.LogisticRegression layer3 = new LogisticSgd.LogisticRegression(layer2.output, 500, 10);
        Variable cost = layer3.negativeLogLikelihood(y);
        Function testModel = LogisticSgd.batchFunction(index, layer3.errors(y), x, y, sets[2], batchSize, Theano.options());
        Function validateModel = LogisticSgd.batchFunction(index, layer3.errors(y), x, y, sets[1], batchSize, Theano.options());
        List<SharedVariable> params = new ArrayList<>(layer3.params);
        params.addAll(layer2.params);
        params.addAll(layer1.params);
        params.addAll(layer0.params);
        Function trainModel = LogisticSgd.batchFunction(index, cost, x, y, sets[0], batchSize,
                Mlp.sgdUpdates(cost, params, learningRate));
        System.out.println("... training");
        EarlyStopping loop = new EarlyStopping(10000, sets[0].batches(batchSize), sets[1].batches(batchSize),
                sets[2].batches(batchSize));
        TrainingLog log = loop.run(nEpochs, trainModel, validateModel, testModel);
        log.addModel(layer0.params);
        log.addModel(layer1.params);
        log.addModel(layer2.params);
        log.addModel(layer3.params);
        return log;
    }

    /** Trains with the tutorial's hyper-parameters (learning rate 0.1, nkerns 20 and 50, batches of 500). */
    public static void main(String[] args) {
        int nEpochs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int[] nkerns = {args.length > 2 ? Integer.parseInt(args[2]) : 20, args.length > 3 ? Integer.parseInt(args[3]) : 50};
        FashionMnist.Splits data = FashionMnist.load();
        System.out.println("... loading data (" + data.source() + ")");
        evaluateLenet5(0.1, nEpochs, data, nkerns, batchSize);
    }
}
