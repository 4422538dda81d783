package org.theano4j.examples.dltut;

import java.util.List;
import org.theano4j.Function;
import org.theano4j.FunctionOptions;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.examples.data.FashionMnist;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The Deep Learning Tutorials' {@code logistic_sgd.py}: multi-class logistic regression trained
 * by minibatch stochastic gradient descent with early stopping, on Fashion-MNIST.
 * Arguments: [n_epochs] [batch_size] [learning_rate].
 */
public final class LogisticSgd {
    private LogisticSgd() {
    }

    /**
     * The tutorials' {@code LogisticRegression}: {@code P(Y|x) = softmax(x W + b)}, W and b zero.
     */
    public static final class LogisticRegression {
        /** The weights, (n_in, n_out). */
        public final SharedVariable w;
        /** The biases, (n_out). */
        public final SharedVariable b;
        /** The class probabilities of each row of the input. */
        public final Variable pYGivenX;
        /** The most probable class of each row. */
        public final Variable yPred;
        /** The parameters: W, b. */
        public final List<SharedVariable> params;

        /** A model over {@code input} (a matrix of n_in columns) with {@code nOut} classes. */
        public LogisticRegression(Variable input, int nIn, int nOut) {
            w = Theano.shared(NDArray.zeros(DType.FLOAT64, nIn, nOut), "W", true);
            b = Theano.shared(NDArray.zeros(DType.FLOAT64, nOut), "b", true);
            pYGivenX = T.softmax(T.dot(input, w).add(b));
            yPred = T.argmax(pYGivenX, 1);
            params = List.of(w, b);
        }

        /** {@code -T.mean(T.log(p_y_given_x)[T.arange(y.shape[0]), y])}. */
        public Variable negativeLogLikelihood(Variable y) {
            // -log(p)[arange(n), y] is categoricalCrossentropy(p, y), element for element
            return T.mean(T.categoricalCrossentropy(pYGivenX, y));
        }

        /** The zero-one loss over the minibatch, {@code T.mean(T.neq(y_pred, y))}. */
        public Variable errors(Variable y) {
            if (y.ndim() != yPred.ndim()) {
                throw new IllegalArgumentException("y should have the same shape as y_pred: y is " + y.type().describe());
            }
            if (!y.dtype().isInteger()) {
                throw new UnsupportedOperationException("errors: y must hold integer labels, got " + y.dtype().numpyName());
            }
            return T.mean(T.neq(yPred, y));
        }
    }

    /** Compiles {@code output} over minibatch {@code index} of {@code set} (x and, if given, y by givens). */
    static Function batchFunction(Variable index, Variable output, Variable x, Variable y, SharedDataset set, int batchSize,
            FunctionOptions options) {
        FunctionOptions o = options.givens(x, SharedDataset.batch(set.x(), index, batchSize));
        if (y != null) {
            o = o.givens(y, SharedDataset.batch(set.y(), index, batchSize));
        }
        return Theano.function(List.of(index), output, o);
    }

    /** {@code sgd_optimization_mnist(learning_rate, n_epochs, dataset, batch_size)}; returns what it printed. */
    public static TrainingLog sgdOptimizationMnist(double learningRate, int nEpochs, FashionMnist.Splits dataset, int batchSize) {
        SharedDataset[] sets = SharedDataset.load(dataset);
        System.out.println("... building the model");
        Variable index = T.lscalar("index");
        Variable x = T.matrix("x");
        Variable y = T.ivector("y");
        LogisticRegression classifier = new LogisticRegression(x, 28 * 28, 10);
        Variable cost = classifier.negativeLogLikelihood(y);
        Function testModel = batchFunction(index, classifier.errors(y), x, y, sets[2], batchSize, Theano.options());
        Function validateModel = batchFunction(index, classifier.errors(y), x, y, sets[1], batchSize, Theano.options());
        List<Variable> g = T.grad(cost, List.of(classifier.w, classifier.b));
        FunctionOptions updates = Theano.options()
                .update(classifier.w, classifier.w.sub(T.mul(learningRate, g.get(0))))
                .update(classifier.b, classifier.b.sub(T.mul(learningRate, g.get(1))));
        Function trainModel = batchFunction(index, cost, x, y, sets[0], batchSize, updates);
        System.out.println("... training the model");
        EarlyStopping loop = new EarlyStopping(5000, sets[0].batches(batchSize), sets[1].batches(batchSize),
                sets[2].batches(batchSize));
        TrainingLog log = loop.run(nEpochs, trainModel, validateModel, testModel);
        log.addModel(classifier.params);
        return log;
    }

    /** Trains on Fashion-MNIST with the tutorial's hyper-parameters (learning rate 0.13, batches of 600). */
    public static void main(String[] args) {
        int nEpochs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 600;
        double learningRate = args.length > 2 ? Double.parseDouble(args[2]) : 0.13;
        FashionMnist.Splits data = FashionMnist.load();
        System.out.println("... loading data (" + data.source() + ")");
        sgdOptimizationMnist(learningRate, nEpochs, data, batchSize);
    }
}
