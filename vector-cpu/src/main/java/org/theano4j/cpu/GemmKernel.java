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
        } else {
            combineScalar(c, z);
        }
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
            double zv = beta == 0 ? 0 : beta * z.get(ValueLayout.JAVA_DOUBLE, zb + i * 8);
            double p = alpha * c.get(ValueLayout.JAVA_DOUBLE, cb + i * 8);
            c.set(ValueLayout.JAVA_DOUBLE, cb + i * 8, p + zv);
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
            float zv = b == 0 ? 0 : b * z.get(ValueLayout.JAVA_FLOAT, zb + i * 4);
            float p = a * c.get(ValueLayout.JAVA_FLOAT, cb + i * 4);
            c.set(ValueLayout.JAVA_FLOAT, cb + i * 4, p + zv);
        }
    }

    private void combineScalar(NDArray c, NDArray z) {
        for (long i = 0; i < c.size(); i++) {
            double zv = beta == 0 ? 0 : beta * z.getFlat(i);
            c.setFlat(i, alpha * c.getFlat(i) + zv);
        }
    }
}
