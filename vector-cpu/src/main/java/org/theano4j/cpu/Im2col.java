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
 * float64 or float32.
 */
final class Im2col {
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;

    private Im2col() {
    }

    /** Fills {@code col} (C-ordered {@code patch x outH*outW}, from element 0) from image {@code b} of {@code x}. */
    static void gather(ConvGeometry g, MemorySegment x, long xOff, long b, MemorySegment col, boolean f32) {
        gather(g, x, xOff, b, col, 0, g.outH() * g.outW(), f32);
    }

    /**
     * Fills the {@code patch x outH*outW} block of {@code col} that starts at element {@code colOff}
     * and has a row pitch of {@code ld} elements from image {@code b} of {@code x} (the images of a
     * batch side by side: image {@code n} at {@code colOff = n * outH*outW}, {@code ld} their total columns).
     */
    static void gather(ConvGeometry g, MemorySegment x, long xOff, long b, MemorySegment col, long colOff, long ld,
            boolean f32) {
        int ow = (int) g.outW();
        long row = 0;
        for (long c = 0; c < g.channels(); c++) {
            long plane = xOff + (b * g.channels() + c) * g.height() * g.width();
            for (long u = 0; u < g.fh(); u++) {
                for (long v = 0; v < g.fw(); v++) {
                    long pos = colOff + row++ * ld;
                    int j0 = (int) Math.min(ow, firstInside(g.inCol(0, v), g.strideW()));
                    int j1 = (int) Math.max(j0, Math.min(ow, lastInside(g.inCol(0, v), g.strideW(), g.width())));
                    for (long i = 0; i < g.outH(); i++, pos += ow) {
                        long y = g.inRow(i, u);
                        boolean inside = y >= 0 && y < g.height();
                        long src = plane + y * g.width() + g.inCol(0, v);
                        if (f32) {
                            rowFloat(x, src, g.strideW(), col, pos, inside ? j0 : ow, inside ? j1 : ow, ow);
                        } else {
                            rowDouble(x, src, g.strideW(), col, pos, inside ? j0 : ow, inside ? j1 : ow, ow);
                        }
                    }
                }
            }
        }
    }

    /** One patch row: zeros before {@code j0} and from {@code j1}, the input at {@code src + j * stride} between. */
    private static void rowDouble(MemorySegment x, long src, int stride, MemorySegment col, long dst, int j0, int j1, int n) {
        for (int j = 0; j < j0; j++) {
            col.setAtIndex(D, dst + j, 0);
        }
        for (int j = j0; j < j1; j++) {
            col.setAtIndex(D, dst + j, x.getAtIndex(D, src + (long) j * stride));
        }
        for (int j = j1; j < n; j++) {
            col.setAtIndex(D, dst + j, 0);
        }
    }

    private static void rowFloat(MemorySegment x, long src, int stride, MemorySegment col, long dst, int j0, int j1, int n) {
        for (int j = 0; j < j0; j++) {
            col.setAtIndex(F, dst + j, 0);
        }
        for (int j = j0; j < j1; j++) {
            col.setAtIndex(F, dst + j, x.getAtIndex(F, src + (long) j * stride));
        }
        for (int j = j1; j < n; j++) {
            col.setAtIndex(F, dst + j, 0);
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
