package org.theano4j.rng;

import org.theano4j.SharedVariable;
import org.theano4j.Variable;
import org.theano4j.graph.TensorType;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** The shared int32 state matrix of one MRG draw, whose default update is the draw's new state. */
final class MrgState extends SharedVariable {
    private volatile Variable defaultUpdate;

    MrgState(int[][] rows) {
        super(TensorType.of(DType.INT32, 2), NDArray.of(rows), null);
    }

    void setDefaultUpdate(Variable update) {
        this.defaultUpdate = update;
    }

    @Override
    public Variable defaultUpdate() {
        return defaultUpdate;
    }
}
