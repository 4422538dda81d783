package org.theano4j.examples.dltut;

import org.junit.jupiter.api.Test;
import org.theano4j.examples.data.FashionMnist;

/**
 * Each tutorial program on the bundled Fashion-MNIST subset, against the Python originals run
 * by Theano 1.0.5 on the same subset with the same seeds and the same arguments
 * ({@code examples/scripts/dltut/dltut_reference.py}'s {@code ARGS}).
 */
class DeepLearningTutorialsTest {
    private static final FashionMnist.Splits DATA = FashionMnist.subset();

    @Test
    void logisticSgd() {
        TutorialReference.check("logistic_sgd", LogisticSgd.sgdOptimizationMnist(0.13, 2, DATA, 100), 1e-6);
    }

    @Test
    void mlp() {
        TutorialReference.check("mlp", Mlp.testMlp(0.01, 0.0, 0.0001, 2, DATA, 20, 500), 1e-6);
    }

    @Test
    void dA() {
        TutorialReference.check("dA", DA.testDA(0.1, 1, DATA, 20), 1e-9 * 400);
    }

    @Test
    void sdA() {
        TutorialReference.check("SdA", SdA.testSdA(0.1, 1, 0.001, 1, DATA, 1), 1e-6);
    }

    /**
     * rbm's reference ran Theano's C code (its Python code takes hours for the MRG draws), whose
     * float64 sigmoid is exactly 1 above 19 and 0 below -709 (the Python code's cut-off is 30):
     * saturated hidden units then differ by up to {@code exp(-19) = 5.6e-9}, so the sums agree to
     * 1e-8 here, the cost to 1e-6.
     */
    @Test
    void rbm() {
        TutorialReference.check("rbm", Rbm.testRbm(0.1, 1, DATA, 20, 20, 1, 500), 1e-6, 1e-8);
    }

    /**
     * LeNet5 with the tutorial's nkerns (20, 50) in minibatches of 50 for two epochs (measured: the sums
     * agree to 2.4e-14 relative, round-off of the convolutions' and GEMMs' summation order).
     */
    @Test
    void convolutionalMlp() {
        TutorialReference.check("convolutional_mlp",
                ConvolutionalMlp.evaluateLenet5(0.1, 2, DATA, new int[] {20, 50}, 50), 1e-6);
    }

    /**
     * lstm on the synthetic IMDB stand-in with dltut_reference.py's LSTM_ARGS: 16 units, 3 epochs of
     * ADADELTA with dropout, decay_c 1e-4, 100 words, sequences shorter than 30, minibatches of 16.
     * lstm prints its numbers in full (measured: the costs within one ulp, the errors equal, the
     * parameters' sums within 3e-15 relative, the summation order of the sums themselves).
     */
    @Test
    void lstm() {
        Lstm.Options d = Lstm.Options.defaults();
        Lstm.Options o = new Lstm.Options(16, d.patience(), 3, 5, 1e-4, d.lrate(), 100, d.optimizer(), 10, 30, 16, 32,
                true, d.testSize());
        TutorialReference.check("lstm", Lstm.trainLstm(o), 1e-10, 1e-10);
    }
}
