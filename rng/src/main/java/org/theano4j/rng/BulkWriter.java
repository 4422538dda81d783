package org.theano4j.rng;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Writes a sequential stream of float64 values into an array's native memory chunk by chunk:
 * a producer fills a small heap chunk, which is copied (float64) or rounded and copied (float32)
 * into the output. This keeps the sequential samplers free of per-element segment calls and of a
 * full-size heap copy.
 */
final class BulkWriter {
    /** Values per chunk: 32 KiB of doubles, which stays in the L1/L2 caches. */
    static final int CHUNK = 4096;

    private BulkWriter() {
    }

    /** Fills {@code chunk[0 .. n)} with the next n values of the stream. */
    @FunctionalInterface
    interface Producer {
        void produce(double[] chunk, int n);
    }

    /**
     * Streams {@code out.size()} values from {@code producer} into {@code out}, which must be a
     * C-contiguous float64 or float32 array.
     *
     * @throws IllegalArgumentException for another dtype or a non-contiguous array
     */
    static void fill(NDArray out, Producer producer) {
        if (!out.isCContiguous() || (out.dtype() != DType.FLOAT64 && out.dtype() != DType.FLOAT32)) {
            throw new IllegalArgumentException("bulk sample output must be a C-contiguous float64 or float32 array, got "
                    + out.dtype().numpyName() + (out.isCContiguous() ? "" : " (not contiguous)"));
        }
        MemorySegment seg = out.segment();
        long base = out.byteOffset();
        long size = out.size();
        boolean f32 = out.dtype() == DType.FLOAT32;
        double[] chunk = new double[(int) Math.min(CHUNK, Math.max(size, 1))];
        float[] rounded = f32 ? new float[chunk.length] : null;
        for (long done = 0; done < size; ) {
            int n = (int) Math.min(chunk.length, size - done);
            producer.produce(chunk, n);
            if (f32) {
                for (int i = 0; i < n; i++) {
                    rounded[i] = (float) chunk[i];
                }
                MemorySegment.copy(rounded, 0, seg, ValueLayout.JAVA_FLOAT_UNALIGNED, base + 4 * done, n);
            } else {
                MemorySegment.copy(chunk, 0, seg, ValueLayout.JAVA_DOUBLE_UNALIGNED, base + 8 * done, n);
            }
            done += n;
        }
    }
}
