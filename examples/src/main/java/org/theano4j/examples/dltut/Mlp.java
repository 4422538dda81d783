package org.theano4j.examples.dltut;

import java.util.ArrayList;
import java.util.List;
import org.theano4j.Function;
import org.theano4j.FunctionOptions;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.examples.data.FashionMnist;
import org.theano4j.rng.RandomState;

/**
 * The Deep Learning Tutorials' {@code mlp.py}: a multilayer perceptron (one tanh hidden layer,
 * a logistic regression on top) trained by minibatch SGD with L1/L2 penalties and early stopping.
 * Arguments: [n_epochs] [n_hidden] [batch_size].
 */
public final class Mlp {
    /** The hidden layer. */
    public final HiddenLayer hiddenLayer;
    /** The output layer. */
    public final LogisticSgd.LogisticRegression logRegressionLayer;
    /** {@code |W_hidden|.sum() + |W_logreg|.sum()}. */
    public final Variable l1;
    /** {@code (W_hidden ** 2).sum() + (W_logreg ** 2).sum()}. */
    public final Variable l2Sqr;
    /** The parameters: the hidden layer's, then the logistic regression's. */
    public final List<SharedVariable> params;

    /** The tutorials' {@code MLP(rng, input, n_in, n_hidden, n_out)}. */
    public Mlp(RandomState rng, Variable input, int nIn, int nHidden, int nOut) {
        hiddenLayer = new HiddenLayer(rng, input, nIn, nHidden, HiddenLayer.Activation.TANH);
        logRegressionLayer = new LogisticSgd.LogisticRegression(hiddenLayer.output, nHidden, nOut);
        l1 = T.abs(hiddenLayer.w).sum().add(T.abs(logRegressionLayer.w).sum());
        l2Sqr = hiddenLayer.w.pow(2).sum().add(logRegressionLayer.w.pow(2).sum());
        List<SharedVariable> p = new ArrayList<>(hiddenLayer.params);
        p.addAll(logRegressionLayer.params);
        params = List.copyOf(p);
    }

    /** {@code test_mlp(learning_rate, L1_reg, L2_reg, n_epochs, dataset, batch_size, n_hidden)}. */
    public static TrainingLog testMlp(double learningRate, double l1Reg, double l2Reg, int nEpochs, FashionMnist.Splits dataset,
            int batchSize, int nHidden) {
        SharedDataset[] sets = SharedDataset.load(dataset);
        System.out.println("... building the model");
        Variable index = T.lscalar("index");
        Variable x = T.matrix("x");
        Variable y = T.ivector("y");
        RandomState rng = new RandomState(1234);
        Mlp classifier = new Mlp(rng, x, 28 * 28, nHidden, 10);
        Variable cost = classifier.logRegressionLayer.negativeLogLikelihood(y).add(T.mul(l1Reg, classifier.l1))
                .add(T.mul(l2Reg, classifier.l2Sqr));
        Variable errors = classifier.logRegressionLayer.errors(y);
        Function testModel = LogisticSgd.batchFunction(index, errors, x, y, sets[2], batchSize, Theano.options());
        Function validateModel = LogisticSgd.batchFunction(index, errors, x, y, sets[1], batchSize, Theano.options());
        Function trainModel = LogisticSgd.batchFunction(index, cost, x, y, sets[0], batchSize,
                sgdUpdates(cost, classifier.params, learningRate));
        System.out.println("... training");
        EarlyStopping loop = new EarlyStopping(10000, sets[0].batches(batchSize), sets[1].batches(batchSize),
                sets[2].batches(batchSize));
        TrainingLog log = loop.run(nEpochs, trainModel, validateModel, testModel);
        log.addModel(classifier.params);
        return log;
    }

    /** {@code [(param, param - learning_rate * gparam) for param, gparam in zip(params, gparams)]}. */
    static FunctionOptions sgdUpdates(Variable cost, List<SharedVariable> params, Object learningRate) {
        List<Variable> grads = T.grad(cost, params);
        FunctionOptions o = Theano.options();
        for (int i = 0; i < params.size(); i++) {
            o = o.update(params.get(i), params.get(i).sub(T.mul(learningRate, grads.get(i))));
        }
        return o;
    }

    /** Trains with the tutorial's hyper-parameters (learning rate 0.01, L2 1e-4, 500 hidden units, batches of 20). */
    public static void main(String[] args) {
        int nEpochs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int nHidden = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int batchSize = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        FashionMnist.Splits data = FashionMnist.load();
        System.out.println("... loading data (" + data.source() + ")");
        testMlp(0.01, 0.00, 0.0001, nEpochs, data, batchSize, nHidden);
    }
}
