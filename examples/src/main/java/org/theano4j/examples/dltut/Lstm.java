package org.theano4j.examples.dltut;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.Slice;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.control.Scan;
import org.theano4j.rng.MRGRandomStreams;
import org.theano4j.rng.RandomState;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The Deep Learning Tutorials' {@code lstm.py}: word embeddings fed to an LSTM ({@code scan} over
 * time with a mask for the padding), its hidden states mean-pooled over each sequence, dropout from
 * MRG streams, a softmax classifier, trained by ADADELTA on minibatches with the negative
 * log-likelihood ({@code + 1e-8}) and an L2 penalty on the classifier. The data is the synthetic
 * stand-in for IMDB ({@link Imdb}). {@code numpy.random.seed(123)} at lstm.py's import is the
 * {@link RandomState} made at the start of {@link #trainLstm}. Not ported: saving and reloading the
 * model ({@code saveto}, {@code reload_model}). Arguments: [max_epochs] [dim_proj].
 */
public final class Lstm {
    /** lstm.py's {@code SEED}: numpy's global stream and the dropout's MRG streams. */
    public static final long SEED = 123;

    private Lstm() {
    }

    /**
     * {@code train_lstm}'s arguments (the data set is always the synthetic IMDB; the encoder always lstm).
     *
     * @param dimProj word embedding dimension and number of LSTM units
     * @param patience validations without progress before early stopping
     * @param maxEpochs the maximum number of epochs
     * @param dispFreq print the cost every this many updates
     * @param decayC weight decay of the classifier's U
     * @param lrate learning rate (sgd only)
     * @param nWords vocabulary size
     * @param optimizer sgd, adadelta or rmsprop ({@link LstmOptimizers})
     * @param validFreq validate every this many updates (-1: once an epoch)
     * @param maxlen training sequences at least this long are dropped
     * @param batchSize training minibatch size
     * @param validBatchSize validation/test minibatch size
     * @param useDropout dropout on the pooled states
     * @param testSize keep this many test examples (a random selection) when positive
     */
    public record Options(int dimProj, int patience, int maxEpochs, int dispFreq, double decayC, double lrate, int nWords,
            LstmOptimizers.Optimizer optimizer, int validFreq, int maxlen, int batchSize, int validBatchSize,
            boolean useDropout, int testSize) {
        /** The tutorial's defaults. */
        public static Options defaults() {
            return new Options(128, 10, 5000, 10, 0., 0.0001, 10000, LstmOptimizers::adadelta, 370, 100, 16, 64, true, -1);
        }
    }

    /** {@code build_model}'s results. */
    record Model(SharedVariable useNoise, Variable x, Variable mask, Variable y, Function fPredProb, Function fPred,
            Variable cost) {
    }

    /** {@code get_minibatches_idx}: index minibatches of {@code 0 .. n-1}, shuffled by the global stream when asked. */
    static List<int[]> getMinibatchesIdx(int n, int minibatchSize, boolean shuffle, RandomState numpyRandom) {
        long[] idxList = new long[n];
        for (int i = 0; i < n; i++) {
            idxList[i] = i;
        }
        if (shuffle) {
            numpyRandom.shuffle(idxList);
        }
        List<int[]> minibatches = new ArrayList<>();
        for (int start = 0; start < n; start += minibatchSize) {
            int[] batch = new int[Math.min(minibatchSize, n - start)];
            for (int j = 0; j < batch.length; j++) {
                batch[j] = (int) idxList[start + j];
            }
            minibatches.add(batch);
        }
        return minibatches;
    }

    /** {@code init_params}: Wemb {@code 0.01 rand}, the LSTM's W, U, b, the classifier's U {@code 0.01 randn} and b. */
    static Map<String, NDArray> initParams(Options o, int ydim, RandomState numpyRandom) {
        Map<String, NDArray> params = new LinkedHashMap<>();
        params.put("Wemb", scaled(numpyRandom.randomSample(o.nWords(), o.dimProj()), 0.01, o.nWords(), o.dimProj()));
        paramInitLstm(o, params, "lstm", numpyRandom);
        params.put("U", scaled(numpyRandom.randn(o.dimProj(), ydim), 0.01, o.dimProj(), ydim));
        params.put("b", NDArray.zeros(DType.FLOAT64, ydim));
        return params;
    }

    private static NDArray scaled(double[] v, double factor, long... shape) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
        return NDArray.of(v).reshape(shape);
    }

    /** {@code ortho_weight(ndim)}: the u of the SVD of a standard normal square matrix. */
    static double[] orthoWeight(int ndim, RandomState numpyRandom) {
        return OrthoWeight.u(numpyRandom.randn(ndim, ndim), ndim);
    }

    /** {@code param_init_lstm}: W and U each four ortho_weight blocks side by side (i, f, o, c), b zeros. */
    static void paramInitLstm(Options o, Map<String, NDArray> params, String prefix, RandomState numpyRandom) {
        int d = o.dimProj();
        for (String name : List.of("W", "U")) {
            double[] w = new double[d * 4 * d];
            for (int block = 0; block < 4; block++) {
                double[] u = orthoWeight(d, numpyRandom);
                for (int i = 0; i < d; i++) {
                    System.arraycopy(u, i * d, w, i * 4 * d + block * d, d);
                }
            }
            params.put(prefix + "_" + name, NDArray.of(w).reshape(d, 4L * d));
        }
        params.put(prefix + "_b", NDArray.zeros(DType.FLOAT64, 4L * d));
    }

    /** {@code init_tparams}: a shared variable per parameter, named after it. */
    static Map<String, SharedVariable> initTparams(Map<String, NDArray> params) {
        Map<String, SharedVariable> tparams = new LinkedHashMap<>();
        params.forEach((k, v) -> tparams.put(k, Theano.shared(v, k)));
        return tparams;
    }

    private static Variable slice(Variable x, int n, int dim) {
        return x.ndim() == 3 ? x.get(Slice.all(), Slice.all(), Slice.of(n * dim, (n + 1) * dim))
                : x.get(Slice.all(), Slice.of(n * dim, (n + 1) * dim));
    }

    /** {@code lstm_layer}: the hidden states (time, samples, dim_proj) of the masked LSTM over {@code stateBelow}. */
    static Variable lstmLayer(Map<String, SharedVariable> tparams, Variable stateBelow, Options o, String prefix, Variable mask) {
        Variable nsteps = stateBelow.shape(0);
        Variable nSamples = stateBelow.ndim() == 3 ? stateBelow.shape(1) : T.constant(1L);
        SharedVariable u = tparams.get(prefix + "_U");
        int dim = o.dimProj();
        Scan.StepFunction step = a -> {
            Variable m = a.get(0).dimshuffle(0, "x");
            Variable notM = T.sub(1., a.get(0)).dimshuffle(0, "x");
            Variable h_ = a.get(2);
            Variable c_ = a.get(3);
            Variable preact = T.dot(h_, u).add(a.get(1));
            Variable i = T.sigmoid(slice(preact, 0, dim));
            Variable f = T.sigmoid(slice(preact, 1, dim));
            Variable out = T.sigmoid(slice(preact, 2, dim));
            Variable c = T.tanh(slice(preact, 3, dim));
            c = f.mul(c_).add(i.mul(c));
            c = m.mul(c).add(notM.mul(c_));
            Variable h = out.mul(T.tanh(c));
            h = m.mul(h).add(notM.mul(h_));
            return List.of(h, c);
        };
        Variable below = T.dot(stateBelow, tparams.get(prefix + "_W")).add(tparams.get(prefix + "_b"));
        return Scan.builder(step).sequences(mask, below).outputsInfo(T.alloc(0., nSamples, dim), T.alloc(0., nSamples, dim))
                .name(prefix + "__layers").nSteps(nsteps).build().output(0);
    }

    /** {@code dropout_layer}: with noise, times a binomial(0.5) mask from the MRG streams; else halved. */
    static Variable dropoutLayer(Variable stateBefore, Variable useNoise, MRGRandomStreams trng) {
        return T.switchOp(useNoise, stateBefore.mul(trng.binomial(stateBefore.shape(), 0.5, stateBefore.dtype())),
                stateBefore.mul(0.5));
    }

    /** {@code build_model}: the graph from word ids and mask to the class probabilities and the cost. */
    static Model buildModel(Map<String, SharedVariable> tparams, Options o) {
        MRGRandomStreams trng = new MRGRandomStreams(SEED);
        SharedVariable useNoise = Theano.shared(NDArray.of(0.));
        Variable x = T.matrix("x", DType.INT64);
        Variable mask = T.matrix("mask", DType.FLOAT64);
        Variable y = T.vector("y", DType.INT64);
        Variable nTimesteps = x.shape(0);
        Variable nSamples = x.shape(1);
        Variable emb = tparams.get("Wemb").get(x.flatten()).reshape(List.of(nTimesteps, nSamples, o.dimProj()));
        Variable proj = lstmLayer(tparams, emb, o, "lstm", mask);
        proj = proj.mul(mask.dimshuffle(0, 1, "x")).sum(0);
        proj = proj.div(mask.sum(0).dimshuffle(0, "x"));
        if (o.useDropout()) {
            proj = dropoutLayer(proj, useNoise, trng);
        }
        Variable pred = T.softmax(T.dot(proj, tparams.get("U")).add(tparams.get("b")));
        Function fPredProb = Theano.function(List.of(x, mask), pred, Theano.options().name("f_pred_prob"));
        Function fPred = Theano.function(List.of(x, mask), pred.argmax(1), Theano.options().name("f_pred"));
        double off = 1e-8;
        Variable cost = T.log(pred.get(T.arange(nSamples), y).add(off)).mean().neg();
        return new Model(useNoise, x, mask, y, fPredProb, fPred, cost);
    }

    /** {@code pred_error}: the fraction of {@code data} that {@code fPred} misclassifies, minibatch by minibatch. */
    static double predError(Function fPred, Imdb.Set data, List<int[]> iterator) {
        long validErr = 0;
        for (int[] validIndex : iterator) {
            Imdb.Set part = Imdb.select(data, validIndex);
            Imdb.Batch b = Imdb.prepareData(part.x(), part.y(), 0);
            long[] preds = fPred.call(b.x(), b.mask()).toLongArray();
            for (int j = 0; j < preds.length; j++) {
                validErr += preds[j] == b.y()[j] ? 1 : 0;
            }
        }
        return 1. - (double) validErr / data.size();
    }

    /** {@code unzip}: a copy of the parameters' values. */
    static Map<String, NDArray> unzip(Map<String, SharedVariable> tparams) {
        Map<String, NDArray> p = new LinkedHashMap<>();
        tparams.forEach((k, v) -> p.put(k, v.getValue()));
        return p;
    }

    /** {@code zipp}: sets the parameters to {@code params}. */
    static void zipp(Map<String, NDArray> params, Map<String, SharedVariable> tparams) {
        params.forEach((k, v) -> tparams.get(k).setValue(v));
    }

    /** {@code train_lstm(...)}: trains and returns what it printed, with the final (best) parameters as the model. */
    public static TrainingLog trainLstm(Options o) {
        return new LstmTraining(o).run();
    }

    /** lstm.py's {@code __main__}: {@code train_lstm(max_epochs=100, test_size=500)} on the synthetic data. */
    public static void main(String[] args) {
        Options d = Options.defaults();
        int maxEpochs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int dimProj = args.length > 1 ? Integer.parseInt(args[1]) : d.dimProj();
        trainLstm(new Options(dimProj, d.patience(), maxEpochs, d.dispFreq(), d.decayC(), d.lrate(), d.nWords(), d.optimizer(),
                d.validFreq(), d.maxlen(), d.batchSize(), d.validBatchSize(), d.useDropout(), 500));
    }
}
