package org.theano4j.fuzz;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.theano4j.fuzz.Elementwise.S;
import org.theano4j.tensor.DType;

/**
 * The oracle's reductions and dot. Integer results are exact (numpy's accumulator dtypes, with
 * wrap-around). Float results are the exactly rounded true value; they must match bit for bit
 * only when every summation order gives the same answer (all terms are multiples of one power of
 * two and their total fits the mantissa), else within a bound that holds for any order
 * ({@code (n - 1) * eps * sum|x|}); the sign of a zero result is left open (numpy's pairwise sums
 * and Theano's zero-initialised accumulators differ there).
 */
final class Reductions {
    private static final double INF = Double.POSITIVE_INFINITY;

    private Reductions() {
    }

    static DType resultDType(String op, DType in) {
        return switch (op) {
            case "sum", "prod" -> Dtypes.accumulate(in);
            case "mean" -> in.isFloat() ? in : DType.FLOAT64;
            default -> in;
        };
    }

    static OTensor reduce(String op, OTensor x, Program.Reduction r) {
        boolean[] reduced = Oracle.reducedAxes(r.axes(), x.shape.length);
        List<Long> kept = new ArrayList<>();
        for (int d = 0; d < reduced.length; d++) {
            if (!reduced[d] || r.keepdims()) {
                kept.add(reduced[d] ? 1L : x.shape[d]);
            }
        }
        long[] outShape = kept.stream().mapToLong(Long::longValue).toArray();
        DType out = resultDType(op, x.dtype);
        OTensor src = op.equals("mean") && !x.isFloat() ? Oracle.cast(x, DType.FLOAT64) : x;
        OTensor res = new OTensor(out, outShape);
        List<List<Integer>> groups = new ArrayList<>();
        for (int i = 0; i < res.size; i++) {
            groups.add(new ArrayList<>());
        }
        long[] keptIdx = new long[outShape.length];
        long[] outStrides = OTensor.cStrides(outShape);
        for (int i = 0; i < x.size; i++) {
            long[] idx = OTensor.unravel(i, x.shape);
            int k = 0;
            for (int d = 0; d < idx.length; d++) {
                if (!reduced[d]) {
                    keptIdx[k++] = idx[d];
                } else if (r.keepdims()) {
                    keptIdx[k++] = 0;
                }
            }
            long o = 0;
            for (int d = 0; d < keptIdx.length; d++) {
                o += keptIdx[d] * outStrides[d];
            }
            groups.get((int) o).add(i);
        }
        for (int i = 0; i < res.size; i++) {
            List<S> terms = new ArrayList<>();
            for (int j : groups.get(i)) {
                terms.add(Oracle.scalar(src, j));
            }
            S s = src.isFloat() ? floatReduce(op, out, terms, x) : intReduce(op, out, terms);
            if (op.equals("mean") && !x.isFloat() && s.err != INF) {
                s.err += conversionError(x, groups.get(i)) / Math.max(1, terms.size());
            }
            Oracle.store(res, i, s);
        }
        return res;
    }

    /** How far numpy's float64 conversion of integers moves their sum: exact integer mean vs numpy's. */
    private static double conversionError(OTensor x, List<Integer> group) {
        BigDecimal total = BigDecimal.ZERO;
        for (int j : group) {
            total = total.add(new BigDecimal(x.iv[j]).subtract(new BigDecimal(x.iv[j].doubleValue())).abs());
        }
        return total.doubleValue() * 1.01;
    }

    private static S intReduce(String op, DType out, List<S> terms) {
        for (S t : terms) {
            if (t.err == INF) {
                return S.ofInt(BigInteger.ZERO, INF);
            }
        }
        BigInteger acc = switch (op) {
            case "sum" -> terms.stream().map(t -> t.i).reduce(BigInteger.ZERO, BigInteger::add);
            case "prod" -> {
                BigInteger p = BigInteger.ONE;
                for (S t : terms) {
                    p = Dtypes.wrap(out, p.multiply(t.i));
                }
                yield p;
            }
            case "max" -> terms.stream().map(t -> t.i).reduce(BigInteger::max).orElseThrow();
            default -> terms.stream().map(t -> t.i).reduce(BigInteger::min).orElseThrow();
        };
        return S.ofInt(Dtypes.wrap(out, acc), 0);
    }

    private static S floatReduce(String op, DType d, List<S> terms, OTensor x) {
        double maxErr = 0;
        boolean nan = false;
        for (S t : terms) {
            maxErr = Math.max(maxErr, t.err);
            nan |= Double.isNaN(t.f) && t.err == 0;
        }
        if (nan) {
            return S.ofFloat(Double.NaN, 0, false);
        }
        if (maxErr == INF) {
            return S.ofFloat(0, INF, false);
        }
        return switch (op) {
            case "sum" -> sum(d, terms);
            case "mean" -> mean(d, terms);
            case "prod" -> prod(d, terms, maxErr);
            default -> extreme(op.equals("max"), terms, maxErr);
        };
    }

    private static S extreme(boolean max, List<S> terms, double maxErr) {
        double r = terms.get(0).f;
        for (S t : terms) {
            r = max ? Math.max(r, t.f) : Math.min(r, t.f);
        }
        return S.ofFloat(r, maxErr, true);
    }

    /** A sum in any order: {@code terms} hold the exact addends with their own error bounds. */
    static S sum(DType d, List<S> terms) {
        boolean posInf = false;
        boolean negInf = false;
        double absSum = 0;
        double errSum = 0;
        BigDecimal exact = BigDecimal.ZERO;
        List<double[]> finite = new ArrayList<>();
        for (S t : terms) {
            if (Double.isNaN(t.f)) {
                return S.ofFloat(Double.NaN, t.err == 0 ? 0 : INF, false);
            } else if (Double.isInfinite(t.f)) {
                posInf |= t.f > 0;
                negInf |= t.f < 0;
                if (t.err > 0) {
                    return S.ofFloat(0, INF, false);
                }
            } else {
                absSum += Math.abs(t.f);
                errSum += t.err;
                exact = exact.add(new BigDecimal(t.f));
                finite.add(new double[] {t.f});
            }
        }
        if (absSum > Dtypes.maxFinite(d) / 2) {
            return S.ofFloat(0, INF, false); // some order may overflow
        }
        if (posInf || negInf) {
            return S.ofFloat(posInf && negInf ? Double.NaN : posInf ? INF : -INF, 0, false);
        }
        double r = toDType(d, exact);
        boolean exactAnyOrder = errSum == 0 && sumsExactly(finite.stream().map(v -> v[0]).toList(), d);
        double err = exactAnyOrder ? 0 : Math.max(0, finite.size() - 1) * Dtypes.eps(d) * absSum * 1.01 + errSum + Dtypes.ulp(d, r);
        return S.ofFloat(r, err, true);
    }

    private static S mean(DType d, List<S> terms) {
        if (terms.isEmpty()) {
            return S.ofFloat(Double.NaN, 0, false);
        }
        S s = sum(d, terms);
        if (!Double.isFinite(s.f) || s.err == INF) {
            return s;
        }
        double r = Dtypes.round(d, s.f / terms.size());
        return S.ofFloat(r, s.err / terms.size() + Dtypes.ulp(d, r), true);
    }

    private static S prod(DType d, List<S> terms, double maxErr) {
        boolean zero = false;
        boolean inf = false;
        boolean negative = false;
        double logBig = 0;
        double logSmall = 0;
        for (S t : terms) {
            zero |= t.f == 0;
            inf |= Double.isInfinite(t.f);
            negative ^= Math.copySign(1, t.f) < 0;
            double a = Math.abs(t.f);
            if (a != 0 && Double.isFinite(a)) {
                double l = Math.log(a) / Math.log(2);
                if (a >= 1) {
                    logBig += l;
                } else {
                    logSmall += l;
                }
            }
        }
        double maxExp = d == DType.FLOAT32 ? 127 : 1023;
        double minExp = d == DType.FLOAT32 ? -126 : -1022;
        boolean noOverflow = logBig < maxExp - 1;
        boolean noUnderflow = logSmall > minExp + Dtypes.mantissaBits(d) + 2;
        if (zero && inf) {
            return S.ofFloat(Double.NaN, 0, false);
        }
        if (maxErr > 0) {
            return S.ofFloat(0, INF, false);
        }
        if (zero) {
            return S.ofFloat(negative ? -0.0 : 0.0, noOverflow ? 0 : INF, true);
        }
        if (inf) {
            return S.ofFloat(negative ? -INF : INF, noUnderflow ? 0 : INF, false);
        }
        if (!noOverflow || !noUnderflow) {
            return S.ofFloat(0, INF, false);
        }
        BigInteger m = BigInteger.ONE;
        int e = 0;
        boolean small = terms.size() <= 16;
        double r = 1;
        for (S t : terms) {
            r *= t.f;
            long[] me = decompose(t.f);
            m = m.multiply(BigInteger.valueOf(me[0]));
            e += (int) me[1];
            double a = Math.abs(t.f);
            small &= d == DType.FLOAT32 ? a >= 0x1p-7 && a <= 0x1p7 : a >= 0x1p-60 && a <= 0x1p60;
        }
        if (small && m.bitLength() <= Dtypes.mantissaBits(d)) {
            return S.ofFloat(Math.copySign(Math.scalb(m.doubleValue(), e), negative ? -1 : 1), 0, true);
        }
        r = Dtypes.round(d, r);
        return S.ofFloat(r, (terms.size() + 1) * Dtypes.eps(d) * Math.abs(r) * 1.01 + Dtypes.ulp(d, r), true);
    }

    /** {@code |v| = m * 2^e} with m odd, for finite non-zero v. */
    static long[] decompose(double v) {
        long bits = Double.doubleToRawLongBits(Math.abs(v));
        long mant = bits & ((1L << 52) - 1);
        long exp = bits >>> 52;
        long m = exp == 0 ? mant : mant | 1L << 52;
        long e = exp == 0 ? -1074 : exp - 1075;
        int tz = Long.numberOfTrailingZeros(m);
        return new long[] {m >> tz, e + tz};
    }

    /** Whether every partial sum of {@code values}, in any order, is exact in {@code d}. */
    static boolean sumsExactly(List<Double> values, DType d) {
        List<BigInteger> ms = new ArrayList<>();
        List<Long> es = new ArrayList<>();
        for (double v : values) {
            if (v != 0) {
                long[] me = decompose(v);
                ms.add(BigInteger.valueOf(me[0]));
                es.add(me[1]);
            }
        }
        return termsFit(ms, es, d);
    }

    private static boolean termsFit(List<BigInteger> ms, List<Long> es, DType d) {
        if (ms.isEmpty()) {
            return true;
        }
        long emin = es.stream().mapToLong(Long::longValue).min().orElseThrow();
        if (emin < (d == DType.FLOAT32 ? -149 : -1074)) {
            return false;
        }
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < ms.size(); i++) {
            total = total.add(ms.get(i).shiftLeft((int) (es.get(i) - emin)));
        }
        return total.bitLength() <= Dtypes.mantissaBits(d);
    }

    private static double toDType(DType d, BigDecimal v) {
        return d == DType.FLOAT32 ? (double) v.floatValue() : v.doubleValue();
    }

    // ---- dot ----

    static OTensor dot(OTensor a, OTensor b) {
        DType d = Dtypes.promote(a.dtype, b.dtype);
        OTensor x = Oracle.cast(a, d);
        OTensor y = Oracle.cast(b, d);
        long m = x.shape.length == 2 ? x.shape[0] : 1;
        long n = x.shape[x.shape.length - 1];
        long k = y.shape.length == 2 ? y.shape[1] : 1;
        if ((y.shape.length == 2 ? y.shape[0] : y.shape[0]) != n) {
            throw new IllegalArgumentException("dot: inner dimensions differ");
        }
        List<Long> shape = new ArrayList<>();
        if (x.shape.length == 2) {
            shape.add(m);
        }
        if (y.shape.length == 2) {
            shape.add(k);
        }
        OTensor r = new OTensor(d, shape.stream().mapToLong(Long::longValue).toArray());
        for (long i = 0; i < m; i++) {
            for (long j = 0; j < k; j++) {
                List<S[]> pairs = new ArrayList<>();
                for (long t = 0; t < n; t++) {
                    pairs.add(new S[] {Oracle.scalar(x, (int) (i * n + t)), Oracle.scalar(y, (int) (t * k + j))});
                }
                Oracle.store(r, (int) (i * k + j), d.isFloat() ? floatDot(d, pairs) : intDot(d, pairs));
            }
        }
        return r;
    }

    private static S intDot(DType d, List<S[]> pairs) {
        BigInteger acc = BigInteger.ZERO;
        for (S[] p : pairs) {
            if (p[0].err == INF || p[1].err == INF) {
                return S.ofInt(BigInteger.ZERO, INF);
            }
            acc = acc.add(p[0].i.multiply(p[1].i));
        }
        return S.ofInt(Dtypes.wrap(d, acc), 0);
    }

    private static S floatDot(DType d, List<S[]> pairs) {
        List<S> products = new ArrayList<>();
        List<BigInteger> ms = new ArrayList<>();
        List<Long> es = new ArrayList<>();
        boolean exactTerms = true;
        for (S[] p : pairs) {
            double u = p[0].f;
            double v = p[1].f;
            if (p[0].err == INF || p[1].err == INF) {
                return S.ofFloat(0, INF, false);
            }
            double prod = u * v;
            if (Double.isNaN(prod)) {
                boolean certain = p[0].err == 0 && p[1].err == 0;
                return S.ofFloat(Double.NaN, certain ? 0 : INF, false);
            }
            double e = Math.abs(u) * p[1].err + Math.abs(v) * p[0].err + p[0].err * p[1].err;
            exactTerms &= e == 0;
            if (Double.isInfinite(u) || Double.isInfinite(v)) {
                products.add(S.ofFloat(prod, e, false));
                continue;
            }
            if (u != 0 && v != 0) {
                long[] mu = decompose(u);
                long[] mv = decompose(v);
                ms.add(BigInteger.valueOf(mu[0]).multiply(BigInteger.valueOf(mv[0])));
                es.add(mu[1] + mv[1]);
            }
            products.add(exactProduct(u, v, e));
        }
        S s = sum(d, products);
        if (s.err == 0 && !(exactTerms && termsFit(ms, es, d))) {
            double absSum = products.stream().mapToDouble(t -> Math.abs(t.f)).sum();
            s.err = (pairs.size() + 1) * Dtypes.eps(d) * absSum * 1.01 + Dtypes.ulp(d, s.f);
        }
        return s;
    }

    /** The product as a term for {@link #sum}: its value rounded to double, exact-sum-wise via BigDecimal. */
    private static S exactProduct(double u, double v, double err) {
        BigDecimal p = new BigDecimal(u).multiply(new BigDecimal(v), MathContext.UNLIMITED);
        double r = p.doubleValue();
        double rounding = p.subtract(new BigDecimal(r)).abs().doubleValue();
        return S.ofFloat(r, err + rounding, false);
    }
}
