package org.theano4j.op.nnet;

import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The reference evaluation of the convolution and its two gradients: direct loops in double
 * over strided arrays, written the way the definition reads (the test oracle and the constant
 * folder; the CPU backend runs im2col and GEMM instead).
 */
final class ConvReference {
    private ConvReference() {
    }

    /** Element positions of a 4-d strided array. */
    private record At(NDArray a, long s0, long s1, long s2, long s3) {
        static At of(NDArray a) {
            return new At(a, a.stride(0), a.stride(1), a.stride(2), a.stride(3));
        }

        double get(long i0, long i1, long i2, long i3) {
            return a.readDouble(a.offset() + i0 * s0 + i1 * s1 + i2 * s2 + i3 * s3);
        }
    }

    /** {@code out[b, k, i, j] = sum_{c, u, v} input[b, c, row(i, u), col(j, v)] * filters[k, c, tap(u), tap(v)]}. */
    static NDArray forward(ConvGeometry g, NDArray input, NDArray filters, DType dtype) {
        At x = At.of(input);
        At w = At.of(filters);
        NDArray out = NDArray.empty(dtype, g.outputShape());
        long pos = 0;
        for (long b = 0; b < g.batch(); b++) {
            for (long k = 0; k < g.filters(); k++) {
                for (long i = 0; i < g.outH(); i++) {
                    for (long j = 0; j < g.outW(); j++) {
                        double s = 0;
                        for (long c = 0; c < g.channels(); c++) {
                            for (long u = 0; u < g.fh(); u++) {
                                long y = g.inRow(i, u);
                                if (y < 0 || y >= g.height()) {
                                    continue;
                                }
                                for (long v = 0; v < g.fw(); v++) {
                                    long z = g.inCol(j, v);
                                    if (z >= 0 && z < g.width()) {
                                        s += x.get(b, c, y, z) * w.get(k, c, g.tapRow(u), g.tapCol(v));
                                    }
                                }
                            }
                        }
                        out.writeDouble(pos++, s);
                    }
                }
            }
        }
        return out;
    }

    /** {@code dfilters[k, c, tap(u), tap(v)] = sum_{b, i, j} top[b, k, i, j] * input[b, c, row(i, u), col(j, v)]}. */
    static NDArray gradWeights(ConvGeometry g, NDArray input, NDArray top, DType dtype) {
        At x = At.of(input);
        At t = At.of(top);
        NDArray out = NDArray.zeros(dtype, g.filterShape());
        for (long k = 0; k < g.filters(); k++) {
            for (long c = 0; c < g.channels(); c++) {
                for (long u = 0; u < g.fh(); u++) {
                    for (long v = 0; v < g.fw(); v++) {
                        double s = 0;
                        for (long b = 0; b < g.batch(); b++) {
                            for (long i = 0; i < g.outH(); i++) {
                                long y = g.inRow(i, u);
                                if (y < 0 || y >= g.height()) {
                                    continue;
                                }
                                for (long j = 0; j < g.outW(); j++) {
                                    long z = g.inCol(j, v);
                                    if (z >= 0 && z < g.width()) {
                                        s += t.get(b, k, i, j) * x.get(b, c, y, z);
                                    }
                                }
                            }
                        }
                        out.writeDouble(((k * g.channels() + c) * g.fh() + g.tapRow(u)) * g.fw() + g.tapCol(v), s);
                    }
                }
            }
        }
        return out;
    }

    /** {@code dinput[b, c, row(i, u), col(j, v)] += top[b, k, i, j] * filters[k, c, tap(u), tap(v)]}, summed in double. */
    static NDArray gradInputs(ConvGeometry g, NDArray filters, NDArray top, DType dtype) {
        At w = At.of(filters);
        At t = At.of(top);
        long plane = g.height() * g.width();
        double[] acc = new double[Math.toIntExact(g.batch() * g.channels() * plane)];
        for (long b = 0; b < g.batch(); b++) {
            for (long k = 0; k < g.filters(); k++) {
                for (long i = 0; i < g.outH(); i++) {
                    for (long j = 0; j < g.outW(); j++) {
                        double gz = t.get(b, k, i, j);
                        for (long c = 0; c < g.channels(); c++) {
                            long base = (b * g.channels() + c) * plane;
                            for (long u = 0; u < g.fh(); u++) {
                                long y = g.inRow(i, u);
                                if (y < 0 || y >= g.height()) {
                                    continue;
                                }
                                for (long v = 0; v < g.fw(); v++) {
                                    long z = g.inCol(j, v);
                                    if (z >= 0 && z < g.width()) {
                                        acc[(int) (base + y * g.width() + z)] += gz * w.get(k, c, g.tapRow(u), g.tapCol(v));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        NDArray out = NDArray.empty(dtype, g.inputShape());
        for (int p = 0; p < acc.length; p++) {
            out.writeDouble(p, acc[p]);
        }
        return out;
    }
}
