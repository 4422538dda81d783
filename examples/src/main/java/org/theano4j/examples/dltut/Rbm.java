package org.theano4j.examples.dltut;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.theano4j.Function;
import org.theano4j.FunctionOptions;
import org.theano4j.graph.SharedContainer;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.control.Scan;
import org.theano4j.control.ScanResult;
import org.theano4j.examples.data.FashionMnist;
import org.theano4j.rng.MRGRandomStreams;
import org.theano4j.rng.RandomState;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The Deep Learning Tutorials' {@code rbm.py}: a restricted Boltzmann machine trained by
 * persistent contrastive divergence (PCD-15: a Gibbs chain kept in a shared variable across
 * minibatches, 15 steps of {@code scan} per update, binomial samples from MRG streams), monitored
 * by the pseudo-likelihood; then 20 chains started from test images are sampled.
 * Arguments: [training_epochs] [n_samples] [batch_size].
 */
public final class Rbm {
    /** The weights, (n_visible, n_hidden). */
    public final SharedVariable w;
    /** The hidden biases. */
    public final SharedVariable hbias;
    /** The visible biases. */
    public final SharedVariable vbias;
    /** The input (a matrix of n_visible columns). */
    public final Variable input;
    /** The parameters: W, hbias, vbias. */
    public final List<SharedVariable> params;
    private final int nVisible;
    private final MRGRandomStreams theanoRng;

    /** {@code RBM(input, n_visible, n_hidden, numpy_rng, theano_rng)}: W uniform in {@code +-4 sqrt(6 / (n_h + n_v))}, biases zero. */
    public Rbm(Variable input, int nVisible, int nHidden, RandomState numpyRng, MRGRandomStreams theanoRng) {
        RandomState rng = numpyRng != null ? numpyRng : new RandomState(1234);
        this.theanoRng = theanoRng != null ? theanoRng : new MRGRandomStreams(rng.randint(1L << 30));
        double bound = 4 * Math.sqrt(6. / (nHidden + nVisible));
        this.w = Theano.shared(NDArray.of(rng.uniform(-bound, bound, nVisible, nHidden)).reshape(nVisible, nHidden), "W", true);
        this.hbias = Theano.shared(NDArray.zeros(DType.FLOAT64, nHidden), "hbias", true);
        this.vbias = Theano.shared(NDArray.zeros(DType.FLOAT64, nVisible), "vbias", true);
        this.input = input != null ? input : T.matrix("input");
        this.nVisible = nVisible;
        this.params = List.of(w, hbias, vbias);
    }

    /** {@code -sum(log(1 + exp(v W + hbias)), axis=1) - v . vbias}. */
    public Variable freeEnergy(Variable vSample) {
        Variable wxB = T.dot(vSample, w).add(hbias);
        Variable vbiasTerm = T.dot(vSample, vbias);
        Variable hiddenTerm = T.sum(T.log(T.add(1, T.exp(wxB))), 1);
        return T.neg(hiddenTerm).sub(vbiasTerm);
    }

    /** [pre-sigmoid activation, mean] of the hidden units given visible ones. */
    public List<Variable> propup(Variable vis) {
        Variable pre = T.dot(vis, w).add(hbias);
        return List.of(pre, T.sigmoid(pre));
    }

    /** [pre-sigmoid, mean, binomial sample] of the hidden units given visible ones. */
    public List<Variable> sampleHGivenV(Variable v0Sample) {
        List<Variable> p = propup(v0Sample);
        return List.of(p.get(0), p.get(1), theanoRng.binomial(T.shape(p.get(1)), p.get(1), DType.FLOAT64));
    }

    /** [pre-sigmoid activation, mean] of the visible units given hidden ones. */
    public List<Variable> propdown(Variable hid) {
        Variable pre = T.dot(hid, w.T()).add(vbias);
        return List.of(pre, T.sigmoid(pre));
    }

    /** [pre-sigmoid, mean, binomial sample] of the visible units given hidden ones. */
    public List<Variable> sampleVGivenH(Variable h0Sample) {
        List<Variable> p = propdown(h0Sample);
        return List.of(p.get(0), p.get(1), theanoRng.binomial(T.shape(p.get(1)), p.get(1), DType.FLOAT64));
    }

    /** One Gibbs step from the hidden state: the visible then the hidden triple. */
    public List<Variable> gibbsHvh(Variable h0Sample) {
        List<Variable> out = new ArrayList<>(sampleVGivenH(h0Sample));
        out.addAll(sampleHGivenV(out.get(2)));
        return out;
    }

    /** One Gibbs step from the visible state: the hidden then the visible triple. */
    public List<Variable> gibbsVhv(Variable v0Sample) {
        List<Variable> out = new ArrayList<>(sampleHGivenV(v0Sample));
        out.addAll(sampleVGivenH(out.get(2)));
        return out;
    }

    /**
     * A monitoring cost and the function options of one CD-k (or, with {@code persistent},
     * PCD-k) update. The gradient treats the chain's end as a constant (Theano's
     * {@code consider_constant}): the cost is differentiated at a stand-in variable that the
     * options then replace by the chain's end.
     */
    public CostUpdates costUpdates(double lr, SharedVariable persistent, int k) {
        List<Variable> positive = sampleHGivenV(input);
        Variable chainStart = persistent != null ? persistent : positive.get(2);
        ScanResult chain = Scan.builder(a -> gibbsHvh(a.get(0)))
                .outputsInfo(Scan.Output.none(), Scan.Output.none(), Scan.Output.none(), Scan.Output.none(), Scan.Output.none(),
                        Scan.Output.of(chainStart))
                .nSteps(k).name("gibbs_hvh").build();
        Variable chainEnd = chain.output(2).get(-1);
        Variable chainEndConstant = chainEnd.cloneAsInput();
        Variable cost = T.mean(freeEnergy(input)).sub(T.mean(freeEnergy(chainEndConstant)));
        List<Variable> gparams = T.grad(cost, params);
        Map<SharedContainer, Variable> updates = new LinkedHashMap<>(chain.updates());
        for (int i = 0; i < params.size(); i++) {
            updates.put(params.get(i), params.get(i).sub(gparams.get(i).mul(T.cast(lr, DType.FLOAT64))));
        }
        Variable monitoringCost;
        if (persistent != null) {
            updates.put(persistent, chain.output(5).get(-1));
            monitoringCost = pseudoLikelihoodCost(updates);
        } else {
            monitoringCost = reconstructionCost(chain.output(0).get(-1));
        }
        return new CostUpdates(monitoringCost, Theano.options().updates(updates).givens(chainEndConstant, chainEnd));
    }

    /**
     * A cost and the options (updates, givens) of the function that trains it.
     *
     * @param cost the monitoring cost
     * @param options the updates and the chain end's givens
     */
    public record CostUpdates(Variable cost, FunctionOptions options) {
    }

    /** The pseudo-likelihood of the rounded input at one bit per call ({@code bit_i_idx}, advanced by the updates). */
    Variable pseudoLikelihoodCost(Map<SharedContainer, Variable> updates) {
        SharedVariable bitIIdx = Theano.shared(0, "bit_i_idx");
        Variable xi = T.round(input);
        Variable feXi = freeEnergy(xi);
        // T.set_subtensor(xi[:, bit_i_idx], 1 - xi[:, bit_i_idx]), as a switch on the column
        Variable xiFlip = T.switchOp(T.eq(T.arange(nVisible), bitIIdx), T.sub(1, xi), xi);
        Variable feXiFlip = freeEnergy(xiFlip);
        Variable cost = T.mean(T.mul(nVisible, T.log(T.sigmoid(feXiFlip.sub(feXi)))));
        updates.put(bitIIdx, bitIIdx.add(1).mod(nVisible));
        return cost;
    }

    /** The mean cross-entropy of the input's reconstruction from the chain's last pre-sigmoid visible activation. */
    Variable reconstructionCost(Variable preSigmoidNv) {
        Variable p = T.sigmoid(preSigmoidNv);
        return T.mean(T.sum(input.mul(T.log(p)).add(T.sub(1, input).mul(T.log(T.sub(1, p)))), 1));
    }

    /** {@code test_rbm(learning_rate, training_epochs, dataset, batch_size, n_chains, n_samples, n_hidden)}. */
    public static TrainingLog testRbm(double learningRate, int trainingEpochs, FashionMnist.Splits dataset, int batchSize,
            int nChains, int nSamples, int nHidden) {
        SharedDataset[] sets = SharedDataset.load(dataset);
        Variable index = T.lscalar("index");
        Variable x = T.matrix("x");
        RandomState rng = new RandomState(123);
        MRGRandomStreams theanoRng = new MRGRandomStreams(rng.randint(1L << 30));
        SharedVariable persistentChain = Theano.shared(NDArray.zeros(DType.FLOAT64, batchSize, nHidden), null, true);
        Rbm rbm = new Rbm(x, 28 * 28, nHidden, rng, theanoRng);
        CostUpdates cu = rbm.costUpdates(learningRate, persistentChain, 15);
        Function trainRbm = LogisticSgd.batchFunction(index, cu.cost(), x, null, sets[0], batchSize,
                cu.options().name("train_rbm"));
        TrainingLog log = new TrainingLog();
        int tile = 0;
        for (int epoch = 0; epoch < trainingEpochs; epoch++) {
            long epochStart = System.nanoTime();
            double cost = DA.epochCost(trainRbm, sets[0].batches(batchSize));
            System.out.printf(Locale.ROOT, "Training epoch %d, cost is  %s (%.2f s)%n", epoch, cost, (System.nanoTime() - epochStart) / 1e9);
            log.put("epoch" + epoch + ".cost", cost);
            tile = putTile(log, tile, rbm.w.getValue().transpose());
        }
        sample(rbm, sets[2], rng, nChains, nSamples, log, tile);
        log.addModel(rbm.params);
        return log;
    }

    /** Runs {@code nChains} chains from consecutive test images for {@code nSamples} x 1000 Gibbs steps. */
    private static void sample(Rbm rbm, SharedDataset test, RandomState rng, int nChains, int nSamples, TrainingLog log, int tile) {
        int testIdx = (int) rng.randint(test.size() - nChains);
        NDArray start = test.x().getValue(true).slice(0, testIdx, testIdx + nChains, 1).copy();
        SharedVariable persistentVisChain = Theano.shared(start);
        ScanResult chain = Scan.builder(a -> rbm.gibbsVhv(a.get(0)))
                .outputsInfo(Scan.Output.none(), Scan.Output.none(), Scan.Output.none(), Scan.Output.none(), Scan.Output.none(),
                        Scan.Output.of(persistentVisChain))
                .nSteps(1000).name("gibbs_vhv").build();
        Map<SharedContainer, Variable> updates = new LinkedHashMap<>(chain.updates());
        updates.put(persistentVisChain, chain.output(5).get(-1));
        Function sampleFn = Theano.function(List.of(), List.of(chain.output(4).get(-1), chain.output(5).get(-1)),
                Theano.options().updates(updates).name("sample_fn"));
        int t = tile;
        for (int idx = 0; idx < nSamples; idx++) {
            NDArray visMf = sampleFn.callAll().get(0);
            System.out.printf(Locale.ROOT, " ... plotting sample %d%n", idx);
            t = putTile(log, t, visMf);
        }
    }

    /** Records the sums of what the tutorial tiles into an image (the reference script records the same). */
    private static int putTile(TrainingLog log, int tile, NDArray x) {
        double sum = 0;
        double sq = 0;
        for (double v : x.toDoubleArray()) {
            sum += v;
            sq += v * v;
        }
        log.put("tile" + tile + ".sum", sum);
        log.put("tile" + tile + ".sqsum", sq);
        return tile + 1;
    }

    /** Trains with the tutorial's hyper-parameters (learning rate 0.1, 15 epochs, batches of 20, 500 hidden units), then samples. */
    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int nSamples = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int batchSize = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        FashionMnist.Splits data = FashionMnist.load();
        System.out.println("... loading data (" + data.source() + ")");
        testRbm(0.1, epochs, data, batchSize, 20, nSamples, 500);
    }
}
