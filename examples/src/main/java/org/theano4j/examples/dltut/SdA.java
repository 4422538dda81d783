package org.theano4j.examples.dltut;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.theano4j.Function;
import org.theano4j.FunctionOptions;
import org.theano4j.In;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.examples.data.FashionMnist;
import org.theano4j.rng.MRGRandomStreams;
import org.theano4j.rng.RandomState;

/**
 * The Deep Learning Tutorials' {@code SdA.py}: a stacked denoising autoencoder. Sigmoid layers
 * share their weights with denoising autoencoders that are pre-trained one at a time (greedy
 * layer-wise, each on the previous layer's output), then the whole stack with a logistic
 * regression on top is fine-tuned by SGD with early stopping.
 * Arguments: [pretraining_epochs] [training_epochs] [batch_size].
 */
public final class SdA {
    /** The sigmoid layers, bottom first. */
    public final List<HiddenLayer> sigmoidLayers = new ArrayList<>();
    /** The autoencoders, sharing W and b with the sigmoid layers. */
    public final List<DA> dALayers = new ArrayList<>();
    /** The logistic regression on top. */
    public final LogisticSgd.LogisticRegression logLayer;
    /** Every layer's W and b, bottom first, then the logistic regression's. */
    public final List<SharedVariable> params;
    /** The input images. */
    public final Variable x = T.matrix("x");
    /** The labels. */
    public final Variable y = T.ivector("y");
    /** The fine-tuning cost: the negative log-likelihood of the labels. */
    public final Variable finetuneCost;
    /** The zero-one loss. */
    public final Variable errors;

    /** {@code SdA(numpy_rng, theano_rng=None, n_ins, hidden_layers_sizes, n_outs)}. */
    public SdA(RandomState numpyRng, MRGRandomStreams theanoRng, int nIns, int[] hiddenLayersSizes, int nOuts) {
        if (hiddenLayersSizes.length == 0) {
            throw new IllegalArgumentException("SdA: hiddenLayersSizes must name at least one layer");
        }
        MRGRandomStreams streams = theanoRng != null ? theanoRng : new MRGRandomStreams(numpyRng.randint(1L << 30));
        List<SharedVariable> p = new ArrayList<>();
        for (int i = 0; i < hiddenLayersSizes.length; i++) {
            int inputSize = i == 0 ? nIns : hiddenLayersSizes[i - 1];
            Variable layerInput = i == 0 ? x : sigmoidLayers.getLast().output;
            HiddenLayer sigmoid = new HiddenLayer(numpyRng, layerInput, inputSize, hiddenLayersSizes[i],
                    HiddenLayer.Activation.SIGMOID);
            sigmoidLayers.add(sigmoid);
            p.addAll(sigmoid.params);
            dALayers.add(new DA(numpyRng, streams, layerInput, inputSize, hiddenLayersSizes[i], sigmoid.w, sigmoid.b, null));
        }
        logLayer = new LogisticSgd.LogisticRegression(sigmoidLayers.getLast().output, hiddenLayersSizes[hiddenLayersSizes.length - 1],
                nOuts);
        p.addAll(logLayer.params);
        params = List.copyOf(p);
        finetuneCost = logLayer.negativeLogLikelihood(y);
        errors = logLayer.errors(y);
    }

    /**
     * One function per autoencoder: {@code f(index, corruption = 0.2, lr = 0.1)} trains it on
     * minibatch {@code index} and returns its cost.
     */
    public List<Function> pretrainingFunctions(SharedDataset trainSet, int batchSize) {
        Variable index = T.lscalar("index");
        Variable corruptionLevel = T.scalar("corruption");
        Variable learningRate = T.scalar("lr");
        List<Function> fns = new ArrayList<>();
        for (DA da : dALayers) {
            DA.CostUpdates cu = da.costUpdates(corruptionLevel, learningRate);
            fns.add(Theano.function(List.of(index, In.of(corruptionLevel).value(0.2), In.of(learningRate).value(0.1)), cu.cost(),
                    cu.updates().givens(x, SharedDataset.batch(trainSet.x(), index, batchSize))));
        }
        return fns;
    }

    /** {@code build_finetune_functions}: the SGD step on minibatch {@code index}, the validation and test error functions. */
    public Function[] buildFinetuneFunctions(SharedDataset[] datasets, int batchSize, double learningRate) {
        Variable index = T.lscalar("index");
        List<Variable> grads = T.grad(finetuneCost, params);
        FunctionOptions updates = Theano.options().name("train");
        for (int i = 0; i < params.size(); i++) {
            updates = updates.update(params.get(i), params.get(i).sub(grads.get(i).mul(learningRate)));
        }
        Function train = LogisticSgd.batchFunction(index, finetuneCost, x, y, datasets[0], batchSize, updates);
        Function test = LogisticSgd.batchFunction(index, errors, x, y, datasets[2], batchSize, Theano.options().name("test"));
        Function valid = LogisticSgd.batchFunction(index, errors, x, y, datasets[1], batchSize, Theano.options().name("valid"));
        return new Function[] {train, valid, test};
    }

    /** {@code test_SdA(finetune_lr, pretraining_epochs, pretrain_lr, training_epochs, dataset, batch_size)}. */
    public static TrainingLog testSdA(double finetuneLr, int pretrainingEpochs, double pretrainLr, int trainingEpochs,
            FashionMnist.Splits dataset, int batchSize) {
        SharedDataset[] sets = SharedDataset.load(dataset);
        int nTrainBatches = sets[0].batches(batchSize);
        RandomState numpyRng = new RandomState(89677);
        System.out.println("... building the model");
        SdA sda = new SdA(numpyRng, null, 28 * 28, new int[] {1000, 1000, 1000}, 10);
        System.out.println("... getting the pretraining functions");
        List<Function> pretrainingFns = sda.pretrainingFunctions(sets[0], batchSize);
        System.out.println("... pre-training the model");
        TrainingLog log = new TrainingLog();
        double[] corruptionLevels = {.1, .2, .3};
        for (int i = 0; i < sda.sigmoidLayers.size(); i++) {
            for (int epoch = 0; epoch < pretrainingEpochs; epoch++) {
                long epochStart = System.nanoTime();
                double[] c = new double[nTrainBatches];
                for (int b = 0; b < nTrainBatches; b++) {
                    c[b] = pretrainingFns.get(i).call(b, corruptionLevels[i], pretrainLr).item();
                }
                double cost = NumpySum.pairwise(c, 0, nTrainBatches) / nTrainBatches;
                System.out.printf(Locale.ROOT, "Pre-training layer %d, epoch %d, cost %f (%.2f s)%n", i, epoch, cost,
                        (System.nanoTime() - epochStart) / 1e9);
                log.put("pretrain" + i + ".epoch" + epoch + ".cost", cost);
            }
        }
        System.out.println("... getting the finetuning functions");
        Function[] fns = sda.buildFinetuneFunctions(sets, batchSize, finetuneLr);
        System.out.println("... finetunning the model");
        EarlyStopping loop = new EarlyStopping(10 * nTrainBatches, nTrainBatches, sets[1].batches(batchSize),
                sets[2].batches(batchSize));
        TrainingLog fine = loop.run(trainingEpochs, fns[0], fns[1], fns[2]);
        fine.values().forEach(log::put);
        log.addModel(sda.params);
        return log;
    }

    /** Pre-trains and fine-tunes with the tutorial's hyper-parameters (15 pre-training epochs, batches of 1). */
    public static void main(String[] args) {
        int pretrainingEpochs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int trainingEpochs = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int batchSize = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        FashionMnist.Splits data = FashionMnist.load();
        System.out.println("... loading data (" + data.source() + ")");
        testSdA(0.1, pretrainingEpochs, 0.001, trainingEpochs, data, batchSize);
    }
}
