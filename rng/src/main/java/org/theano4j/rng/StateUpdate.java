package org.theano4j.rng;

import org.theano4j.Variable;

/**
 * One entry of {@link RandomStreams#stateUpdates()}: a random variable's generator state and the
 * new-state output of its draw (Theano's {@code (rng, new_rng)} pair).
 *
 * @param state the shared generator state
 * @param update the state after the draw, which functions assign to {@code state} by default
 */
public record StateUpdate(SharedRandomState state, Variable update) {
}
