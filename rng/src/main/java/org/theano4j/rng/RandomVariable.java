package org.theano4j.rng;

import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Type;

/**
 * The sample output of a {@link RandomFunction} draw: a tensor variable that also knows the
 * generator state it is drawn from ({@code rv.rng} in Theano). A random variable is drawn at most
 * once per function call, however often it appears in the function's graph.
 */
public final class RandomVariable extends Variable {
    RandomVariable(Type type, Apply owner, int index, String name) {
        super(type, owner, index, name);
    }

    /**
     * The shared generator state this variable is drawn from, or null when the draw's state
     * input is not a {@link SharedRandomState} (a draw chained on another draw's new state).
     */
    public SharedRandomState rng() {
        return owner().input(0) instanceof SharedRandomState s ? s : null;
    }
}
