package org.theano4j.tutorial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.theano4j.Config;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.control.Scan;
import org.theano4j.control.ScanBuilder;
import org.theano4j.control.ScanResult;
import org.theano4j.e2e.parity.ScanReference;
import org.theano4j.rng.RandomStreams;
import org.theano4j.tensor.NDArray;

/**
 * The scan guide's "Using shared variables - Gibbs sampling" (scan.txt): W, bvis and bhid shared,
 * {@code trng = RandomStreams(seed)}, OneStep drawing {@code binomial(size=hmean.shape, n=1, p=hmean)}
 * and {@code binomial(size=vsample.shape, n=1, p=vmean, dtype=floatX)}, {@code scan(OneStep,
 * outputs_info=sample, n_steps=k)}, {@code function([sample], values[-1], updates=updates)}. Every
 * call's sample equals Theano 1.0.5's exactly (tests/scripts/scan_reference.py, cases
 * {@code scan_gibbs_*}): the binomial states advance at every step and the updates carry them
 * from one call to the next.
 */
class ScanGibbsSamplingTest {

    /** Builds the chain of case {@code c} (seed {@code 1234 + seed}, as the script) and checks each call. */
    private static void assertChain(String c, long seed, int nSteps, int calls, boolean strict) {
        SharedVariable w = Theano.shared(ScanReference.input(c, "W"));
        SharedVariable bvis = Theano.shared(ScanReference.input(c, "bvis"));
        SharedVariable bhid = Theano.shared(ScanReference.input(c, "bhid"));
        RandomStreams trng = new RandomStreams(1234 + seed);
        NDArray first = ScanReference.input(c, "sample0");
        Variable sample = first.ndim() == 1 ? T.vector("sample") : T.matrix("sample");
        ScanBuilder b = Scan.builder(a -> {
            Variable vsample = a.get(0);
            Variable wi = strict ? a.get(1) : w;
            Variable hmean = T.sigmoid(T.dot(vsample, wi).add(strict ? a.get(3) : bhid));
            Variable hsample = trng.binomial(T.shape(hmean), 1, hmean, null);
            Variable vmean = T.sigmoid(T.dot(hsample, wi.T()).add(strict ? a.get(2) : bvis));
            return List.of(trng.binomial(T.shape(vsample), 1, vmean, Config.floatX()));
        }).outputsInfo(sample).nSteps(nSteps);
        ScanResult values = (strict ? b.nonSequences(w, bvis, bhid).strict(true) : b).build();
        Function gibbs = Theano.function(List.of(sample), values.output().get(-1), Theano.options().updates(values.updates()));
        assertEquals(2, trng.stateUpdates().size());
        for (int i = 0; i < calls; i++) {
            NDArray got = gibbs.call(ScanReference.input(c, "sample" + i));
            NDArray want = ScanReference.array(c, "call" + i);
            assertEquals(want.dtype(), got.dtype(), c + " call" + i);
            assertArrayEquals(want.shape(), got.shape(), c + " call" + i);
            assertArrayEquals(want.toDoubleArray(), got.toDoubleArray(), 0.0, c + " call" + i);
        }
    }

    @Test
    void gibbs10OnAVectorSampleAsInTheGuide() {
        assertChain("scan_gibbs10_vector", 0, 10, 3, false);
    }

    @Test
    void gibbsOnABatchOfSamples() {
        assertChain("scan_gibbs_batch", 7, 7, 3, false);
    }

    @Test
    void gibbsWithSignedWeightsMixesZerosAndOnes() {
        assertChain("scan_gibbs_signed_weights", 11, 12, 4, false);
    }

    @Test
    void gibbsWithTheSharedVariablesPassedAsNonSequences() {
        assertChain("scan_gibbs_strict_non_sequences", 3, 4, 2, true);
    }

    @Test
    void withoutTheUpdatesEveryCallStartsFromTheSameStates() {
        // scan's updates not given: the random states keep their values, so two calls agree
        String c = "scan_gibbs_batch";
        SharedVariable w = Theano.shared(ScanReference.input(c, "W"));
        RandomStreams trng = new RandomStreams(1);
        Variable sample = T.matrix("sample");
        ScanResult values = Scan.builder(a -> {
            Variable hmean = T.sigmoid(T.dot(a.get(0), w));
            Variable hsample = trng.binomial(T.shape(hmean), 1, hmean, null);
            return List.of(trng.binomial(T.shape(a.get(0)), 1, T.sigmoid(T.dot(hsample, w.T())), Config.floatX()));
        }).outputsInfo(sample).nSteps(5).build();
        Function noUpdates = Theano.function(List.of(sample), values.output().get(-1), Theano.options().noDefaultUpdates());
        NDArray s = ScanReference.input(c, "sample0");
        assertArrayEquals(noUpdates.call(s).toDoubleArray(), noUpdates.call(s).toDoubleArray(), 0.0);
    }
}
