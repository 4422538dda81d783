package org.theano4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.rng.RandomState;
import org.theano4j.rng.RandomStreams;
import org.theano4j.rng.RandomVariable;
import org.theano4j.rng.StateUpdate;
import org.theano4j.tensor.NDArray;

/** The seed page's random-number sections over the whole stack, with the numbers Theano prints. */
class SeedPageRandomTest {
    @Test
    void briefExampleAndSharingStreams() {
        RandomStreams srng = new RandomStreams(234);
        RandomVariable rvU = srng.uniform(2, 2);
        RandomVariable rvN = srng.normal(2, 2);
        Function f = Theano.function(List.of(), rvU);
        Function g = Theano.function(List.of(), rvN, Theano.options().noDefaultUpdates());
        Function nearlyZeros = Theano.function(List.of(), rvU.add(rvU).sub(T.mul(2, rvU)));
        NDArray f0 = f.call();
        assertEquals("array([[0.12672381, 0.97091597],\n       [0.13989098, 0.88754825]])", f0.toString());
        assertNotEquals(f0, f.call());
        assertEquals(g.call(), g.call());
        RandomState.State before = rvU.rng().getValue().getState();
        assertEquals("array([[0., 0.],\n       [0., 0.]])", nearlyZeros.call().toString());
        NDArray v1 = f.call();
        RandomState rng = rvU.rng().getValue(true);
        rng.setState(before);
        rvU.rng().setValue(rng, true);
        NDArray v2 = f.call();
        NDArray v3 = f.call();
        assertNotEquals(v1, v2);
        assertEquals(v1, v3);
    }

    @Test
    void copyingRandomStateBetweenGraphs() {
        RandomStreams r1 = new RandomStreams(123);
        Function f1 = Theano.function(List.of(), r1.uniform(1));
        RandomStreams r2 = new RandomStreams(987);
        Function f2 = Theano.function(List.of(), r2.uniform(1));
        assertEquals("array([0.72803009])", f1.call().toString());
        assertEquals("array([0.55056769])", f2.call().toString());
        List<StateUpdate> from = r1.stateUpdates();
        List<StateUpdate> to = r2.stateUpdates();
        for (int i = 0; i < from.size(); i++) {
            to.get(i).state().setValue(from.get(i).state().getValue());
        }
        assertEquals("array([0.59044123])", f1.call().toString());
        assertEquals("array([0.59044123])", f2.call().toString());
    }
}
