package org.theano4j.cpu;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.theano4j.backend.Kernel;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The BLAS forms {@code Gemm}/{@code Gemv}: {@code out = alpha * dot(x, y) + beta * z}. The
 * product runs through {@link DotKernel} into {@code out}, then one vector pass scales it and adds
 * {@code beta * z} (z is not read when beta is 0, as in BLAS).
 */
final class GemmKernel implements Kernel {
    private static final VectorSpecies<Double> S = Species.D;
    private static final VectorSpecies<Float> F = Species.F;
    private static final ByteOrder BO = ByteOrder.nativeOrder();
    /** Tile edge of the strided combine: 32 x 32 float64 elements of each operand stay in L1. */
    private static final int TILE = 32;
    private final double alpha;
    private final double beta;

    private GemmKernel(double alpha, double beta) {
        this.alpha = alpha;
        this.beta = beta;
    }

    /** The kernel for inputs {@code (z, x, y)} of these ranks and dtype, or null. */
    static Kernel of(int xNdim, int yNdim, DType dtype, double alpha, double beta) {
        Kernel dot = DotKernel.of(xNdim, yNdim, dtype);
        return dot == null ? null : new GemmKernel(alpha, beta);
    }

    @Override
    public void run(NDArray[] in, NDArray[] out) {
        NDArray z = in[0];
        NDArray c = out[0];
        DotKernel.compute(in[1], in[2], c);
        if (alpha == 1 && beta == 0) {
            return;
        }
        boolean contiguous = c.isCContiguous() && z.isCContiguous() && z.dtype() == c.dtype() && Species.vector();
        if (contiguous && c.dtype() == DType.FLOAT64) {
            combine(c.segment(), c.byteOffset(), z.segment(), z.byteOffset(), c.size());
        } else if (contiguous && c.dtype() == DType.FLOAT32) {
            combineFloat(c.segment(), c.byteOffset(), z.segment(), z.byteOffset(), c.size());
        } else if (c.ndim() <= 2 && z.ndim() == c.ndim() && z.dtype() == c.dtype() && c.dtype().isFloat()) {
            combineStrided(c, z);
        } else {
            combineScalar(c, z);
        }
    }

    /** One element of {@code alpha c + beta z} in float64, the same bits as a lane of {@link #combine}. */
    private double element(double c, double z) {
        return beta == 0 ? alpha * c : Math.fma(z, beta, alpha * c);
    }

    /** One element of {@code alpha c + beta z} in float32, the same bits as a lane of {@link #combineFloat}. */
    private float element(float c, float z) {
        float a = (float) alpha;
        float b = (float) beta;
        return b == 0 ? a * c : Math.fma(z, b, a * c);
    }

    private void combine(MemorySegment c, long cb, MemorySegment z, long zb, long n) {
        long i = 0;
        long bound = S.loopBound(n);
        for (; i < bound; i += S.length()) {
            DoubleVector p = DoubleVector.fromMemorySegment(S, c, cb + i * 8, BO).mul(alpha);
            if (beta != 0) {
                p = DoubleVector.fromMemorySegment(S, z, zb + i * 8, BO).fma(DoubleVector.broadcast(S, beta), p);
            }
            p.intoMemorySegment(c, cb + i * 8, BO);
        }
        for (; i < n; i++) {
            double zv = beta == 0 ? 0 : z.get(ValueLayout.JAVA_DOUBLE, zb + i * 8);
            c.set(ValueLayout.JAVA_DOUBLE, cb + i * 8, element(c.get(ValueLayout.JAVA_DOUBLE, cb + i * 8), zv));
        }
    }

    /** float32 {@code c = alpha c + beta z}, in float like sgemm (the scalar path cost ~15 ns/element). */
    private void combineFloat(MemorySegment c, long cb, MemorySegment z, long zb, long n) {
        float a = (float) alpha;
        float b = (float) beta;
        long i = 0;
        long bound = F.loopBound(n);
        for (; i < bound; i += F.length()) {
            FloatVector p = FloatVector.fromMemorySegment(F, c, cb + i * 4, BO).mul(a);
            if (b != 0) {
                p = FloatVector.fromMemorySegment(F, z, zb + i * 4, BO).fma(FloatVector.broadcast(F, b), p);
            }
            p.intoMemorySegment(c, cb + i * 4, BO);
        }
        for (; i < n; i++) {
            float zv = b == 0 ? 0 : z.get(ValueLayout.JAVA_FLOAT, zb + i * 4);
            c.set(ValueLayout.JAVA_FLOAT, cb + i * 4, element(c.get(ValueLayout.JAVA_FLOAT, cb + i * 4), zv));
        }
    }

    /**
     * {@code c = alpha c + beta z} for strided (transposed, sliced) float vectors and matrices, in
     * square tiles so that a transposed operand is read a cache line at a time (the tied {@code W.T}
     * of the tutorials' autoencoders took ~20 ns an element through flat indexing).
     */
    private void combineStrided(NDArray c, NDArray z) {
        boolean matrix = c.ndim() == 2;
        long rows = matrix ? c.shape(0) : 1;
        long cols = c.ndim() == 0 ? 1 : c.shape(-1);
        long cRow = matrix ? c.stride(0) : 0;
        long zRow = matrix ? z.stride(0) : 0;
        long cCol = c.ndim() == 0 ? 0 : c.stride(-1);
        long zCol = z.ndim() == 0 ? 0 : z.stride(-1);
        for (long i0 = 0; i0 < rows; i0 += TILE) {
            for (long j0 = 0; j0 < cols; j0 += TILE) {
                for (long i = i0; i < Math.min(rows, i0 + TILE); i++) {
                    long pc = c.offset() + i * cRow + j0 * cCol;
                    long pz = z.offset() + i * zRow + j0 * zCol;
                    combineRun(c, pc, cCol, z, pz, zCol, Math.min(cols, j0 + TILE) - j0);
                }
            }
        }
    }

    /** {@code len} elements of {@code c = alpha c + beta z} from element positions {@code pc}, {@code pz} by the strides. */
    private void combineRun(NDArray c, long pc, long cs, NDArray z, long pz, long zs, long len) {
        MemorySegment cm = c.segment();
        MemorySegment zm = z.segment();
        boolean f64 = c.dtype() == DType.FLOAT64;
        for (long j = 0; j < len; j++, pc += cs, pz += zs) {
            if (f64) {
                double zv = beta == 0 ? 0 : zm.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, pz);
                cm.setAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, pc, element(cm.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, pc), zv));
            } else {
                float zv = beta == 0 ? 0 : zm.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, pz);
                cm.setAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, pc, element(cm.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, pc), zv));
            }
        }
    }

    private void combineScalar(NDArray c, NDArray z) {
        for (long i = 0; i < c.size(); i++) {
            double zv = beta == 0 ? 0 : beta * z.getFlat(i);
            c.setFlat(i, alpha * c.getFlat(i) + zv);
        }
    }
}
