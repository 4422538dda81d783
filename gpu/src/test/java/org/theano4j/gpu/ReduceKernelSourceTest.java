package org.theano4j.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.theano4j.op.Reduce;
import org.theano4j.tensor.DType;

/** The rendered reduction and softmax sources, checked as text (NVRTC compiles them in {@code NvrtcRealTest}). */
class ReduceKernelSourceTest {

    /** @return the distinct patterns of every axis subset of ranks 0 to 4 */
    static List<ReduceGeometry.Pattern> patterns() {
        Set<ReduceGeometry.Pattern> out = new LinkedHashSet<>();
        for (int ndim = 0; ndim <= 4; ndim++) {
            for (int mask = 0; mask < 1 << ndim; mask++) {
                out.add(ReduceGeometry.Pattern.of(ndim, axes(mask, ndim)));
            }
        }
        return List.copyOf(out);
    }

    /** @return the axes whose bits are set in {@code mask} */
    static List<Integer> axes(int mask, int ndim) {
        List<Integer> axes = new ArrayList<>();
        for (int a = 0; a < ndim; a++) {
            if ((mask & 1 << a) != 0) {
                axes.add(a);
            }
        }
        return axes;
    }

    @Test
    void ranksUpToFourHaveSevenPatterns() {
        assertEquals(List.of(new ReduceGeometry.Pattern(0, 0), new ReduceGeometry.Pattern(1, 0),
                new ReduceGeometry.Pattern(0, 1), new ReduceGeometry.Pattern(1, 1), new ReduceGeometry.Pattern(2, 1),
                new ReduceGeometry.Pattern(1, 2), new ReduceGeometry.Pattern(2, 2)), patterns());
    }

    @Test
    void aFloat32SumAccumulatesInDoubleAndRoundsOnce() {
        String src = new ReduceKernelSource("k", Reduce.Kind.SUM, DType.FLOAT32, new ReduceGeometry.Pattern(2, 1)).render();
        assertTrue(src.contains("extern \"C\" __global__ void k_block(const long long outputs, const long long length,\n"
                + "        const float* __restrict__ in, float* __restrict__ out, const long long ks0, const long long kst0,"
                + " const long long ks1, const long long kst1, const long long rs0, const long long rst0)"), src);
        assertTrue(src.contains("__device__ __forceinline__ double k_combine(const double a, const double b)"), src);
        assertTrue(src.contains("return a + b;"), src);
        assertTrue(src.contains("acc = k_combine(acc, (double) in[base + off]);"), src);
        assertTrue(src.contains("base += (q_base % ks1) * kst1; q_base /= ks1;"), src);
        assertTrue(src.contains("base += q_base * kst0;"), src);
        assertTrue(src.contains("off += q_off * rst0;"), src);
        assertTrue(src.contains("out[o] = (float) (acc);"), src);
        assertTrue(src.contains("extern \"C\" __global__ void k_thread("), src);
        assertFalse(src.contains("${"), "no placeholder left");
    }

    @Test
    void maxAndMinPropagateNanAndStartAtTheirTypesExtremes() {
        ReduceGeometry.Pattern p = new ReduceGeometry.Pattern(0, 1);
        String max = new ReduceKernelSource("k", Reduce.Kind.MAX, DType.FLOAT64, p).render();
        assertTrue(max.contains("return (a > b || a != a) ? a : b;"), max);
        assertTrue(max.contains("double acc = __longlong_as_double(0xfff0000000000000LL);"), max);
        String min = new ReduceKernelSource("k", Reduce.Kind.MIN, DType.FLOAT32, p).render();
        assertTrue(min.contains("float acc = __int_as_float(0x7f800000);"), min);
        String umax = new ReduceKernelSource("k", Reduce.Kind.MAX, DType.UINT64, p).render();
        assertTrue(umax.contains("return (a > b) ? a : b;") && umax.contains("unsigned long long acc = 0ULL;"), umax);
        String imin = new ReduceKernelSource("k", Reduce.Kind.MIN, DType.INT8, p).render();
        assertTrue(imin.contains("long long acc = 9223372036854775807LL;"), imin);
    }

    @Test
    void accumulatorsAndOutputsFollowTheReference() {
        ReduceGeometry.Pattern p = new ReduceGeometry.Pattern(1, 1);
        assertEquals("unsigned long long", new ReduceKernelSource("k", Reduce.Kind.SUM, DType.INT32, p).accumulator());
        assertEquals(DType.INT64, new ReduceKernelSource("k", Reduce.Kind.SUM, DType.INT32, p).output());
        assertEquals("unsigned long long", new ReduceKernelSource("k", Reduce.Kind.PROD, DType.UINT8, p).accumulator());
        assertEquals("double", new ReduceKernelSource("k", Reduce.Kind.MEAN, DType.INT16, p).accumulator());
        assertEquals("double", new ReduceKernelSource("k", Reduce.Kind.PROD, DType.FLOAT32, p).accumulator());
        assertEquals("long long", new ReduceKernelSource("k", Reduce.Kind.MAX, DType.BOOL, p).accumulator());
        String mean = new ReduceKernelSource("k", Reduce.Kind.MEAN, DType.INT16, p).render();
        assertTrue(mean.contains("out[o] = (double) (acc / (double) length);"), mean);
    }

    @Test
    void noKernelsForComplexAndNoBadNames() {
        assertFalse(ReduceKernelSource.supports(DType.COMPLEX64));
        assertThrows(IllegalArgumentException.class,
                () -> new ReduceKernelSource("a b", Reduce.Kind.SUM, DType.FLOAT64, new ReduceGeometry.Pattern(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> new SoftmaxKernelSource("k", DType.INT32));
    }

    @Test
    void theBlockKernelIsForLongContiguousOrFewOutputs() {
        assertTrue(ReduceKernelSource.blockPerOutput(ReduceGeometry.of(new long[] {10, 1000}, List.of(1))));
        assertFalse(ReduceKernelSource.blockPerOutput(ReduceGeometry.of(new long[] {10, 31}, List.of(1))));
        assertTrue(ReduceKernelSource.blockPerOutput(ReduceGeometry.of(new long[] {1000, 10}, List.of(0))));
        assertFalse(ReduceKernelSource.blockPerOutput(ReduceGeometry.of(new long[] {1000, 10000}, List.of(0))));
    }

    @Test
    void softmaxSourceHoldsThreeKernelsOfItsType() {
        SoftmaxKernelSource s = new SoftmaxKernelSource("k", DType.FLOAT32);
        String src = s.render();
        for (SoftmaxKernelSource.Kind kind : SoftmaxKernelSource.Kind.values()) {
            assertTrue(src.contains("extern \"C\" __global__ void " + s.kernel(kind) + "("), kind.toString());
        }
        assertTrue(src.contains("const float* __restrict__ dy, const float* __restrict__ sm, float* __restrict__ out"), src);
        assertTrue(src.contains("exp((double) x[j] - m) / s"), src);
        assertFalse(src.contains("${"), "no placeholder left");
    }
}
