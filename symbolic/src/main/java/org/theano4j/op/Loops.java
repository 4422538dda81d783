package org.theano4j.op;

import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/**
 * A broadcasting odometer over an output shape: for each output element in C order it yields
 * the physical element position in each operand (stride 0 along broadcast axes). Used by the
 * reference evaluations; backends have their own vectorised loops.
 */
public final class Loops {
    private final long[] shape;
    private final long[][] strides;
    private final long[] index;
    private final long[] pos;
    private final long size;
    private long done;

    /** An odometer over {@code shape} for {@code arrays}, each broadcast to it. */
    public Loops(long[] shape, NDArray... arrays) {
        this.shape = shape.clone();
        this.size = Shapes.size(shape);
        this.strides = new long[arrays.length][];
        this.pos = new long[arrays.length];
        this.index = new long[shape.length];
        for (int k = 0; k < arrays.length; k++) {
            NDArray b = arrays[k].broadcastTo(shape);
            strides[k] = b.strides();
            pos[k] = b.offset();
        }
    }

    /** Whether elements remain. */
    public boolean hasNext() {
        return done < size;
    }

    /** Current position (in elements) of operand {@code k}. */
    public long pos(int k) {
        return pos[k];
    }

    /** Advances to the next output element. */
    public void next() {
        done++;
        // never steps past an axis' last element, so positions stay inside each view's range
        for (int ax = shape.length - 1; ax >= 0; ax--) {
            if (++index[ax] < shape[ax]) {
                for (int k = 0; k < pos.length; k++) {
                    pos[k] += strides[k][ax];
                }
                return;
            }
            for (int k = 0; k < pos.length; k++) {
                pos[k] -= strides[k][ax] * (shape[ax] - 1);
            }
            index[ax] = 0;
        }
    }
}
