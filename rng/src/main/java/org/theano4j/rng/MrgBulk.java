package org.theano4j.rng;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The fast MRG31k3p samplers behind {@link MrgDraw}: the same values, in the same order, as the
 * reference loops of {@link Mrg31k3p}, computed for many substreams at once. Element i of a draw
 * is the next value of substream {@code i % nStreams}, so a draw is a sequence of rows of
 * {@code nStreams} elements, one value per substream. The substreams are cut into at most one
 * range per core; each range keeps its states as six int arrays (structure of arrays), steps them
 * all row by row with a branch-free loop the JIT vectorizes, converts the row into a small scratch
 * array and copies it into the output's native memory.
 *
 * <p>States are flat {@code int[nStreams * 6]} arrays (row-major, as Theano's int32 matrix).
 */
final class MrgBulk {
    private static final double NORM = 4.656612873077392578125e-10;
    private static final float NORM32 = 4.6566126e-10f;
    private static final int M1 = Mrg31k3p.M1;
    private static final int M2 = Mrg31k3p.M2;
    /** Fewest substreams worth a range of their own. */
    private static final int MIN_STREAMS_PER_PART = 64;

    private MrgBulk() {
    }

    /** Receives each row range of raw outputs in [1, M1]: elements {@code first .. first + count - 1}. */
    @FunctionalInterface
    interface Sink {
        void write(long first, int[] raw, int count);
    }

    /** Makes one {@link Sink} per range (so each thread has its own scratch). */
    @FunctionalInterface
    interface Sinks {
        Sink forRange(int maxCount);
    }

    /**
     * Advances the substreams of {@code flat} ({@code nStreams} rows of six words) over
     * {@code count} elements, handing the raw values to {@code sinks}; exactly the values of
     * {@link Mrg31k3p#next} in {@code mrg_uniform}'s order.
     */
    static void generate(int[] flat, int nStreams, long count, Sinks sinks) {
        if (count <= 0) {
            return;
        }
        int used = (int) Math.min(nStreams, count);
        int parts = Split.parts(count, used / MIN_STREAMS_PER_PART);
        Split.run(parts, p -> range(flat, nStreams, count, Split.start(used, parts, p),
                Split.start(used, parts, p + 1), sinks));
    }

    private static void range(int[] flat, int nStreams, long count, int s0, int s1, Sinks sinks) {
        int len = s1 - s0;
        int[][] w = new int[6][len];
        for (int j = 0; j < len; j++) {
            for (int k = 0; k < 6; k++) {
                w[k][j] = flat[(s0 + j) * 6 + k];
            }
        }
        int[] raw = new int[len];
        int[] scratch = new int[len];
        Sink sink = sinks.forRange(len);
        for (long first = s0; first < count; first += nStreams) {
            int cnt = (int) Math.min(len, count - first);
            step(w[0], w[1], w[2], w[3], w[4], w[5], raw, scratch, cnt);
            sink.write(first, raw, cnt);
        }
        for (int j = 0; j < len; j++) {
            for (int k = 0; k < 6; k++) {
                flat[(s0 + j) * 6 + k] = w[k][j];
            }
        }
    }

    /**
     * {@code mrg_next_value} on substreams 0 .. n-1 of the six state arrays, without branches and
     * in four short loops (one long loop body is too big for C2 to unroll and vectorize); {@code t}
     * is scratch.
     */
    private static void step(int[] a0, int[] a1, int[] a2, int[] a3, int[] a4, int[] a5, int[] out, int[] t, int n) {
        for (int j = 0; j < n; j++) {
            int x11 = a0[j];
            int x12 = a1[j];
            int x13 = a2[j];
            int y1 = ((x12 & 511) << 22) + (x12 >> 9) + ((x13 & 16777215) << 7) + (x13 >> 24);
            y1 = reduce(y1, M1);
            y1 = reduce(y1 + x13, M1);
            a0[j] = y1;
            a1[j] = x11;
            a2[j] = x12;
            out[j] = y1;
        }
        for (int j = 0; j < n; j++) {
            int x21 = a3[j];
            t[j] = reduce(((x21 & 65535) << 15) + 21069 * (x21 >> 16), M2);
        }
        for (int j = 0; j < n; j++) {
            int x21 = a3[j];
            int x22 = a4[j];
            int x23 = a5[j];
            int z2 = reduce(((x23 & 65535) << 15) + 21069 * (x23 >> 16), M2);
            z2 = reduce(z2 + x23, M2);
            z2 = reduce(z2 + t[j], M2);
            a3[j] = z2;
            a4[j] = x21;
            a5[j] = x22;
            t[j] = z2;
        }
        for (int j = 0; j < n; j++) {
            int d = out[j] - t[j];
            out[j] = d + (M1 & ((d - 1) >> 31));
        }
    }

    /** {@code y < 0 || y >= m ? y - m : y} for m below 2^31, branch-free. */
    private static int reduce(int y, int m) {
        return y - (m & ((y | (m - 1 - y)) >> 31));
    }

    /** The flat row-major words of an int32 (nStreams, 6) state matrix. */
    static int[] flatStates(NDArray m) {
        return m.contiguous().toIntArray();
    }

    /** The state matrix of {@code flat}. */
    static NDArray stateMatrix(int[] flat) {
        return NDArray.of(flat).reshape(flat.length / 6, 6);
    }

    /** {@code u * (high - low) + low} of floatX uniforms into the contiguous {@code out} (float64 or float32). */
    static void uniform(int[] flat, NDArray out, double low, double high) {
        MemorySegment seg = out.segment();
        long base = out.byteOffset();
        if (out.dtype() == DType.FLOAT32) {
            float lo = (float) low;
            float range = (float) high - lo;
            generate(flat, flat.length / 6, out.size(), len -> {
                float[] f = new float[len];
                return (first, raw, cnt) -> {
                    for (int j = 0; j < cnt; j++) {
                        f[j] = (float) raw[j] * NORM32 * range + lo;
                    }
                    MemorySegment.copy(f, 0, seg, ValueLayout.JAVA_FLOAT_UNALIGNED, base + 4 * first, cnt);
                };
            });
            return;
        }
        double range = high - low;
        generate(flat, flat.length / 6, out.size(), len -> {
            double[] d = new double[len];
            return (first, raw, cnt) -> {
                for (int j = 0; j < cnt; j++) {
                    d[j] = raw[j] * NORM * range + low;
                }
                MemorySegment.copy(d, 0, seg, ValueLayout.JAVA_DOUBLE_UNALIGNED, base + 8 * first, cnt);
            };
        });
    }

    /** int64 1 where a floatX uniform is below {@code p}, else 0, into the contiguous int64 {@code out}. */
    static void binomial(int[] flat, NDArray out, double p, boolean float32) {
        MemorySegment seg = out.segment();
        long base = out.byteOffset();
        float p32 = (float) p;
        generate(flat, flat.length / 6, out.size(), len -> {
            long[] b = new long[len];
            return (first, raw, cnt) -> {
                for (int j = 0; j < cnt; j++) {
                    boolean one = float32 ? (float) raw[j] * NORM32 < p32 : raw[j] * NORM < p;
                    b[j] = one ? 1 : 0;
                }
                MemorySegment.copy(b, 0, seg, ValueLayout.JAVA_LONG_UNALIGNED, base + 8 * first, cnt);
            };
        });
    }

    /**
     * Theano 1.0's Box-Muller normal (see {@link Mrg31k3p#normal}) into the contiguous float64
     * {@code out}: the even count of float64 uniforms goes straight into {@code out} (the one
     * that does not fit, for an odd size, into a side cell), then each pair is transformed in place.
     */
    static void normal(int[] flat, NDArray out, double avg, double std) {
        MemorySegment seg = out.segment();
        long base = out.byteOffset();
        long n = out.size();
        long half = (n + n % 2) / 2;
        double[] extra = new double[1];
        generate(flat, flat.length / 6, 2 * half, len -> {
            double[] d = new double[len];
            return (first, raw, cnt) -> {
                for (int j = 0; j < cnt; j++) {
                    d[j] = raw[j] * NORM;
                }
                int inside = (int) Math.max(0, Math.min(cnt, n - first));
                MemorySegment.copy(d, 0, seg, ValueLayout.JAVA_DOUBLE_UNALIGNED, base + 8 * first, inside);
                if (inside < cnt) {
                    extra[0] = d[inside];
                }
            };
        });
        int parts = Split.parts(half, Integer.MAX_VALUE);
        Split.run(parts, p -> boxMuller(seg, base, n, half, extra[0], half * p / parts, half * (p + 1) / parts, avg, std));
    }

    private static void boxMuller(MemorySegment seg, long base, long n, long half, double extra,
            long from, long to, double avg, double std) {
        ValueLayout.OfDouble f64 = ValueLayout.JAVA_DOUBLE_UNALIGNED;
        for (long i = from; i < to; i++) {
            long second = half + i;
            double u1 = seg.get(f64, base + 8 * i);
            double u2 = second < n ? seg.get(f64, base + 8 * second) : extra;
            double r = Math.sqrt(-2.0 * Math.log(u1));
            double theta = 2.0 * Math.PI * u2;
            seg.set(f64, base + 8 * i, r * Math.cos(theta) * std + avg);
            if (second < n) {
                seg.set(f64, base + 8 * second, r * Math.sin(theta) * std + avg);
            }
        }
    }
}
