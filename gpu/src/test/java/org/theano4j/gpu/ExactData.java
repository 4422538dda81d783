package org.theano4j.gpu;

import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** Test data whose products and halvings are exact in float32 and float64, for bit-for-bit comparisons. */
final class ExactData {
    private ExactData() {
    }

    /** Small integers in [-4, 4], a fixed sequence per {@code seed}, shaped {@code shape}. */
    static NDArray integers(DType t, long seed, long... shape) {
        NDArray a = NDArray.empty(t, shape);
        for (long i = 0; i < a.size(); i++) {
            a.setFlat(i, Math.floorMod(i * 7 + seed * 13 + (i * i) % 5, 9) - 4);
        }
        return a;
    }
}
