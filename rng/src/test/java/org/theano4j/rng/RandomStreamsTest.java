package org.theano4j.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.NDArray;

/**
 * The "using random numbers" section of the seed page, verbatim, and the rules around it: default
 * updates, noDefaultUpdates, one draw per call, shared state between functions, seeding, copying
 * state between graphs, explicit updates. Literal values are numpy's (snippets in comments).
 */
class RandomStreamsTest {
    /** {@code g = np.random.RandomState(234); g.randint(2**30), g.randint(2**30)} = 133003720, 999614367. */
    private static final long SEED_U = 133003720;
    private static final long SEED_N = 999614367;
    /** {@code np.random.RandomState(133003720).uniform(size=(2,2)).ravel()}. */
    private static final double[] F_VAL0 = {0.12672381400898758, 0.9709159656786431, 0.13989097862581312, 0.887548254199325};
    /** {@code np.random.RandomState(999614367).normal(size=(2,2)).ravel()}. */
    private static final double[] G_VAL = {0.3732844727674915, -0.6574667187293483, -0.3630237287579288, -0.9748462455013606};
    /** {@code np.random.RandomState(89234).uniform(size=(2,2)).ravel()}. */
    private static final double[] AFTER_89234 = {0.28439104826995065, 0.5055214080650566, 0.0021596108670541847, 0.9814496331453434};
    /** {@code np.random.RandomState(np.random.RandomState(902340).randint(2**30)).uniform(size=(2,2)).ravel()}. */
    private static final double[] AFTER_902340 = {0.33919835277152444, 0.8534487758536424, 0.14881562020223282, 0.7965941342086273};

    private final RandomStreams srng = new RandomStreams(234);
    private final RandomVariable rvU = srng.uniform(2, 2);
    private final RandomVariable rvN = srng.normal(2, 2);
    private final Function f = Theano.function(List.of(), rvU);
    private final Function g = Theano.function(List.of(), rvN, Theano.options().noDefaultUpdates());
    private final Function nearlyZeros = Theano.function(List.of(), rvU.add(rvU).sub(rvU.mul(2)));

    @Test
    void briefExample() {
        NDArray fVal0 = f.call();
        NDArray fVal1 = f.call();
        assertArrayEquals(F_VAL0, fVal0.toDoubleArray(), 0.0);
        assertArrayEquals(new long[] {2, 2}, fVal0.shape());
        assertArrayEquals(new RandomState(SEED_U).uniform(0, 1, 8), concat(fVal0, fVal1), 0.0);
        NDArray gVal0 = g.call();
        NDArray gVal1 = g.call();
        assertArrayEquals(G_VAL, gVal0.toDoubleArray(), 1e-15);
        assertEquals(gVal0, gVal1);
        assertArrayEquals(new double[4], nearlyZeros.call().toDoubleArray(), 0.0);
    }

    @Test
    void seedingOneVariable() {
        RandomState rngVal = rvU.rng().getValue(true);
        rngVal.seed(89234);
        rvU.rng().setValue(rngVal, true);
        assertArrayEquals(AFTER_89234, f.call().toDoubleArray(), 0.0);
    }

    @Test
    void seedingAllVariables() {
        f.call();
        srng.seed(902340);
        assertArrayEquals(AFTER_902340, f.call().toDoubleArray(), 0.0);
        RandomState seeds = new RandomState(902340);
        seeds.randint(1 << 30);
        assertArrayEquals(new RandomState(seeds.randint(1 << 30)).normal(0, 1, 2, 2), g.call().toDoubleArray(), 0.0);
    }

    @Test
    void laterVariablesStillSeedFromTheConstructorSeed() {
        srng.seed(902340);
        RandomState gen = new RandomState(234);
        gen.randint(1 << 30);
        gen.randint(1 << 30);
        RandomVariable third = srng.uniform(3);
        assertArrayEquals(new RandomState(gen.randint(1 << 30)).uniform(0, 1, 3),
                Theano.function(List.of(), third).call().toDoubleArray(), 0.0);
    }

    @Test
    void sharingStreamsBetweenFunctions() {
        f.call();
        RandomState.State stateAfterV0 = rvU.rng().getValue().getState();
        assertArrayEquals(new double[4], nearlyZeros.call().toDoubleArray(), 0.0);
        NDArray v1 = f.call();
        RandomState rng = rvU.rng().getValue(true);
        rng.setState(stateAfterV0);
        rvU.rng().setValue(rng, true);
        NDArray v2 = f.call();
        NDArray v3 = f.call();
        assertNotEquals(v1, v2);
        assertEquals(v1, v3);
    }

    @Test
    void aVariableIsDrawnOncePerCallHoweverOftenItAppears() {
        Function three = Theano.function(List.of(), List.of(rvU, rvU.mul(1), T.add(rvU, 0)));
        List<NDArray> outs = three.callAll();
        assertArrayEquals(F_VAL0, outs.get(0).toDoubleArray(), 0.0);
        assertEquals(outs.get(0), outs.get(1));
        assertEquals(outs.get(0), outs.get(2));
        RandomState expected = new RandomState(SEED_U);
        expected.uniform(0, 1, 2, 2);
        assertEquals(expected.getState(), rvU.rng().getValue().getState());
    }

    @Test
    void twoFunctionsAdvanceTheSameState() {
        Function other = Theano.function(List.of(), rvU.mul(2));
        double[] stream = new RandomState(SEED_U).uniform(0, 1, 3, 4);
        assertArrayEquals(java.util.Arrays.copyOfRange(stream, 0, 4), f.call().toDoubleArray(), 0.0);
        double[] doubled = other.call().toDoubleArray();
        for (int i = 0; i < 4; i++) {
            assertEquals(2 * stream[4 + i], doubled[i], 0.0);
        }
        assertArrayEquals(java.util.Arrays.copyOfRange(stream, 8, 12), f.call().toDoubleArray(), 0.0);
    }

    /** Copying random state between graphs: 0.72803009, 0.55056769, then 0.59044123 twice. */
    @Test
    void copyingRandomStateBetweenGraphs() {
        RandomStreams rng1 = new RandomStreams(123);
        Function f1 = Theano.function(List.of(), rng1.uniform(1));
        RandomStreams rng2 = new RandomStreams(987);
        Function f2 = Theano.function(List.of(), rng2.uniform(1));
        // np.random.RandomState(np.random.RandomState(123).randint(2**30)).uniform(size=2)
        //   -> 0.7280300912545745, 0.5904412261514114; seed 987 -> 0.5505676910023921
        assertTrace(0.72803009, 0.7280300912545745, f1.call());
        assertTrace(0.55056769, 0.5505676910023921, f2.call());
        for (int i = 0; i < rng1.stateUpdates().size(); i++) {
            rng2.stateUpdates().get(i).state().setValue(rng1.stateUpdates().get(i).state().getValue());
        }
        assertTrace(0.59044123, 0.5904412261514114, f1.call());
        assertTrace(0.59044123, 0.5904412261514114, f2.call());
    }

    private static void assertTrace(double printed, double exact, NDArray got) {
        assertArrayEquals(new long[] {1}, got.shape());
        assertEquals(printed, got.item(), 5e-9);
        assertEquals(exact, got.item(), 0.0);
    }

    @Test
    void stateUpdatesListEveryVariableInCreationOrder() {
        List<StateUpdate> updates = srng.stateUpdates();
        assertEquals(2, updates.size());
        assertSame(rvU.rng(), updates.get(0).state());
        assertSame(rvN.rng(), updates.get(1).state());
        assertSame(rvU.owner(), updates.get(0).update().owner());
        assertSame(updates.get(0).update(), rvU.rng().defaultUpdate());
        assertInstanceOf(RandomFunction.class, rvU.owner().op());
        assertFalse(rvU.owner().op().isDeterministic());
    }

    @Test
    void getAndSetValueCopyUnlessBorrowed() {
        SharedRandomState s = rvU.rng();
        assertNotSame(s.getValue(), s.getValue());
        assertSame(s.getValue(true), s.getValue(true));
        RandomState mine = new RandomState(5);
        s.setValue(mine);
        assertNotSame(mine, s.getValue(true));
        s.setValue(mine, true);
        assertSame(mine, s.getValue(true));
        assertArrayEquals(new RandomState(5).uniform(0, 1, 2, 2), f.call().toDoubleArray(), 0.0);
        assertEquals(new RandomState(5).getState(), mine.getState(), "a function draws from a copy of the state");
        assertThrows(IllegalArgumentException.class, () -> s.setValue(null));
    }

    @Test
    void explicitUpdateOfARandomState() {
        SharedRandomState s = rvU.rng();
        Function h = Theano.function(List.of(), rvU,
                Theano.options().noDefaultUpdates().updateState(s, rvU.owner().output(0)));
        assertArrayEquals(F_VAL0, h.call().toDoubleArray(), 0.0);
        assertArrayEquals(new RandomState(SEED_U).uniform(0, 1, 8), concat(new NDArray[] {NDArray.of(F_VAL0), h.call()}), 0.0);
        assertThrows(IllegalArgumentException.class,
                () -> Theano.function(List.of(), rvU, Theano.options().updateState(s, rvU)));
    }

    @Test
    void aFailedCallChangesNoState() {
        Variable x = T.dvector("x");
        Function bad = Theano.function(List.of(x), rvU.add(x));
        RandomState.State before = rvU.rng().getValue().getState();
        assertThrows(IllegalArgumentException.class, () -> bad.call(new double[] {1, 2, 3}));
        assertEquals(before, rvU.rng().getValue().getState());
    }

    @Test
    void badParametersAreRejectedWhenTheVariableIsMade() {
        assertThrows(IllegalArgumentException.class, () -> srng.normal(new long[] {2}, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> srng.binomial(new long[] {2}, 3, 1.5));
        assertThrows(IllegalArgumentException.class, () -> srng.randomIntegers(new long[] {2}, 5, 4));
        assertThrows(IllegalArgumentException.class, () -> srng.choice(new long[] {2}, 3, true, new double[] {0.5, 0.6, 0.1}));
        assertThrows(IllegalArgumentException.class, () -> srng.uniform(-1));
        assertThrows(IllegalArgumentException.class, () -> new RandomStreams(-1));
        assertEquals(2, srng.stateUpdates().size(), "a rejected draw makes no state");
    }

    private static double[] concat(NDArray... parts) {
        return java.util.Arrays.stream(parts).flatMapToDouble(p -> java.util.Arrays.stream(p.toDoubleArray())).toArray();
    }
}
