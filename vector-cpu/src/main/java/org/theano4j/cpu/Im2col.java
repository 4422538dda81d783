package org.theano4j.cpu;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.theano4j.op.nnet.ConvGeometry;

/**
 * The patch matrix of one image for convolution as a matrix product (Theano's CorrMM layout):
 * row {@code (c, u, v)}, column {@code (i, j)} holds the padded input at
 * {@code (c, i * strideH + u * dilationH - padH, j * strideW + v * dilationW - padW)}, zero in the
 * padding. {@link #gather} builds it from a C-contiguous image, {@link #scatter} adds a patch
 * matrix back into an image (the adjoint, for the gradient w.r.t. the input). Elements are
 * float64 or float32; unit-stride rows copy as blocks.
 */
final class Im2col {
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;

    private Im2col() {
    }

    /** Fills {@code col} (C-ordered {@code patch x outH*outW}, from element 0) from image {@code b} of {@code x}. */
    static void gather(ConvGeometry g, MemorySegment x, long xOff, long b, MemorySegment col, boolean f32) {
        long es = f32 ? 4 : 8;
        long ow = g.outW();
        long pos = 0;
        for (long c = 0; c < g.channels(); c++) {
            long plane = xOff + (b * g.channels() + c) * g.height() * g.width();
            for (long u = 0; u < g.fh(); u++) {
                for (long v = 0; v < g.fw(); v++) {
                    long j0 = firstInside(g.inCol(0, v), g.strideW());
                    long j1 = Math.max(j0, Math.min(ow, lastInside(g.inCol(0, v), g.strideW(), g.width())));
                    for (long i = 0; i < g.outH(); i++, pos += ow) {
                        long y = g.inRow(i, u);
                        if (y < 0 || y >= g.height() || j0 >= j1) {
                            col.asSlice(pos * es, ow * es).fill((byte) 0);
                            continue;
                        }
                        col.asSlice(pos * es, j0 * es).fill((byte) 0);
                        col.asSlice((pos + j1) * es, (ow - j1) * es).fill((byte) 0);
                        long src = plane + y * g.width() + g.inCol(j0, v);
                        copyRow(x, src, g.strideW(), col, pos + j0, j1 - j0, f32);
                    }
                }
            }
        }
    }

    /** Adds {@code col} (as {@link #gather} lays it out) into {@code acc}, the image's {@code channels x height x width} sums. */
    static void scatter(ConvGeometry g, MemorySegment col, boolean f32, double[] acc) {
        long ow = g.outW();
        long pos = 0;
        for (long c = 0; c < g.channels(); c++) {
            int plane = (int) (c * g.height() * g.width());
            for (long u = 0; u < g.fh(); u++) {
                for (long v = 0; v < g.fw(); v++) {
                    long j0 = firstInside(g.inCol(0, v), g.strideW());
                    long j1 = Math.max(j0, Math.min(ow, lastInside(g.inCol(0, v), g.strideW(), g.width())));
                    for (long i = 0; i < g.outH(); i++, pos += ow) {
                        long y = g.inRow(i, u);
                        if (y < 0 || y >= g.height()) {
                            continue;
                        }
                        int dst = (int) (plane + y * g.width() + g.inCol(j0, v));
                        addRow(col, pos + j0, j1 - j0, f32, acc, dst, g.strideW());
                    }
                }
            }
        }
    }

    /** The first output column whose input column {@code start + j * stride} is not left of the image. */
    private static long firstInside(long start, int stride) {
        return start >= 0 ? 0 : (-start + stride - 1) / stride;
    }

    /** One past the last output column whose input column is inside an image of {@code width} columns. */
    private static long lastInside(long start, int stride, long width) {
        return start >= width ? 0 : (width - 1 - start) / stride + 1;
    }

    private static void copyRow(MemorySegment x, long src, int stride, MemorySegment col, long dst, long n, boolean f32) {
        if (stride == 1) {
            MemorySegment.copy(x, f32 ? F : D, src * (f32 ? 4 : 8), col, f32 ? F : D, dst * (f32 ? 4 : 8), n);
        } else if (f32) {
            for (long j = 0; j < n; j++) {
                col.setAtIndex(F, dst + j, x.getAtIndex(F, src + j * stride));
            }
        } else {
            for (long j = 0; j < n; j++) {
                col.setAtIndex(D, dst + j, x.getAtIndex(D, src + j * stride));
            }
        }
    }

    private static void addRow(MemorySegment col, long src, long n, boolean f32, double[] acc, int dst, int stride) {
        if (f32) {
            for (long j = 0; j < n; j++) {
                acc[dst + (int) j * stride] += col.getAtIndex(F, src + j);
            }
        } else {
            for (long j = 0; j < n; j++) {
                acc[dst + (int) j * stride] += col.getAtIndex(D, src + j);
            }
        }
    }
}
