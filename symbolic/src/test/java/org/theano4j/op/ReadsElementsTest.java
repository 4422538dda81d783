package org.theano4j.op;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.theano4j.Slice;
import org.theano4j.T;
import org.theano4j.Variable;
import org.theano4j.graph.Op;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Which inputs' elements an op's evaluation reads ({@link Op#readsElements}): view ops read only
 * metadata of the array they view (so a device backend copies nothing back to make a view), and
 * still read what they need (run-time bounds, a shape vector, a non-contiguous array they copy).
 */
class ReadsElementsTest {

    private static final Variable X = T.dmatrix("x");
    private static final NDArray C_ORDER = NDArray.zeros(DType.FLOAT64, 3, 4);
    private static final NDArray TRANSPOSED = NDArray.zeros(DType.FLOAT64, 4, 3).transpose();

    private static Op op(Variable v) {
        return v.owner().op();
    }

    @Test
    void dimShuffleAndSpecifyShapeReadNoElements() {
        assertFalse(op(X.T()).readsElements(0, new Object[] {C_ORDER}));
        assertFalse(op(T.specifyShape(X, 3, 4)).readsElements(0, new Object[] {C_ORDER}));
        assertFalse(op(T.shape(X)).readsElements(0, new Object[] {C_ORDER}));
    }

    @Test
    void subtensorReadsItsBoundsOnly() {
        Variable i = T.scalar("i", DType.INT64);
        Op slice = op(X.get(Slice.of(i, null)));
        Object[] args = {C_ORDER, NDArray.of(1L)};
        assertFalse(slice.readsElements(0, args), "the viewed array");
        assertTrue(slice.readsElements(1, args), "the run-time start");
    }

    @Test
    void reshapesReadOnlyWhatTheyCopy() {
        Op reshape = op(X.reshape(12));
        assertFalse(reshape.readsElements(0, new Object[] {C_ORDER}), "a view of a C-contiguous array");
        assertTrue(reshape.readsElements(0, new Object[] {TRANSPOSED}), "a copy of a transposed one");
        Op flatten = op(T.flatten(X));
        assertFalse(flatten.readsElements(0, new Object[] {C_ORDER}));
        assertTrue(flatten.readsElements(0, new Object[] {TRANSPOSED}));
    }

    @Test
    void sumToShapeReadsOnlyWhenItSums() {
        Op op = new SumToShape();
        assertFalse(op.readsElements(0, new Object[] {C_ORDER, C_ORDER}), "the shapes agree: g itself");
        assertTrue(op.readsElements(0, new Object[] {C_ORDER, NDArray.zeros(DType.FLOAT64, 1, 4)}), "a sum over axis 0");
        assertFalse(op.readsElements(1, new Object[] {C_ORDER, NDArray.zeros(DType.FLOAT64, 1, 4)}), "x's shape only");
    }

    @Test
    void otherOpsReadEveryInput() {
        Object[] args = {C_ORDER, C_ORDER};
        assertTrue(op(T.add(X, X)).readsElements(0, args));
        assertTrue(op(T.sum(X)).readsElements(0, args));
    }
}
