// theano4j scalar functions for fused elementwise kernels: numpy's semantics where C's differ.
// org.theano4j.gpu.CudaExpressionRenderer puts this text before each kernel it renders and
// calls these functions from the rendered expressions (NVRTC compiles it, no includes).
//
// Naming: _f functions compute in double (exact for float32 arguments too, matching the
// Java reference that evaluates every node in double and rounds it to the node's dtype);
// _i functions compute in 64-bit integers with wrap-around (via unsigned arithmetic, so
// overflow is defined), like the reference's long evaluation.

#define T4J_DEVICE __device__ __forceinline__

T4J_DEVICE double t4j_nan() { return __longlong_as_double(0x7ff8000000000000LL); }

// numpy.floor_divide on floats (divmod-based, exact at ties); x // 0 is x / 0.
T4J_DEVICE double t4j_floordiv_f(double a, double b)
{
    if (b == 0) {
        return a / b;
    }
    const double mod = fmod(a, b);
    double div = (a - mod) / b;
    if (mod != 0 && (b < 0) != (mod < 0)) {
        div -= 1.0;
    }
    if (div == 0) {
        return copysign(0.0, a / b);
    }
    const double fl = floor(div);
    return div - fl > 0.5 ? fl + 1.0 : fl;
}

// numpy.remainder on floats: the result takes the divisor's sign; x % 0 is NaN.
T4J_DEVICE double t4j_mod_f(double a, double b)
{
    if (b == 0) {
        return t4j_nan();
    }
    double mod = fmod(a, b);
    if (mod != 0) {
        if ((b < 0) != (mod < 0)) {
            mod += b;
        }
    } else {
        mod = copysign(0.0, b);
    }
    return mod;
}

// numpy.maximum / minimum: NaN propagates; of equal operands (0.0 and -0.0) the second one,
// as numpy's loops give (org.theano4j.op.Numerics).
T4J_DEVICE double t4j_maximum_f(double a, double b) { return (a > b || a != a) ? a : b; }
T4J_DEVICE double t4j_minimum_f(double a, double b) { return (a < b || a != a) ? a : b; }

// numpy.clip with scalar bounds (its common case): NaN if any operand is NaN; lo if lo > x,
// then hi if hi is below that, else x (a bound equal to x leaves x, whatever the zero signs).
T4J_DEVICE double t4j_clip_f(double x, double lo, double hi)
{
    if (x != x || lo != lo || hi != hi) {
        return t4j_nan();
    }
    const double m = lo > x ? lo : x;
    return hi < m ? hi : m;
}

// numpy.sign: NaN stays NaN, zeros give 0.
T4J_DEVICE double t4j_sign_f(double a) { return a > 0 ? 1.0 : a < 0 ? -1.0 : a == 0 ? 0.0 : a; }

// log(1 + exp(x)) without overflow or loss of precision.
T4J_DEVICE float t4j_softplus(float x) { return x > 0 ? x + log1pf(expf(-x)) : log1pf(expf(x)); }
T4J_DEVICE double t4j_softplus(double x) { return x > 0 ? x + log1p(exp(-x)) : log1p(exp(x)); }

// numpy's float -> integer conversion: truncation toward zero, NaN and infinities give the
// minimum of int64 (the caller's cast then wraps it to the target width).
T4J_DEVICE long long t4j_f2i(double v)
{
    // v - v is 0 exactly when v is finite (NaN otherwise); no library isfinite needed.
    return v - v == 0 ? (long long) v : (-9223372036854775807LL - 1LL);
}

T4J_DEVICE long long t4j_add_i(long long a, long long b) { return (long long) ((unsigned long long) a + (unsigned long long) b); }
T4J_DEVICE long long t4j_sub_i(long long a, long long b) { return (long long) ((unsigned long long) a - (unsigned long long) b); }
T4J_DEVICE long long t4j_mul_i(long long a, long long b) { return (long long) ((unsigned long long) a * (unsigned long long) b); }
T4J_DEVICE long long t4j_neg_i(long long a) { return (long long) (0ULL - (unsigned long long) a); }
T4J_DEVICE long long t4j_abs_i(long long a) { return a < 0 ? t4j_neg_i(a) : a; }
T4J_DEVICE long long t4j_sign_i(long long a) { return (long long) (a > 0) - (long long) (a < 0); }
T4J_DEVICE long long t4j_max_i(long long a, long long b) { return a > b ? a : b; }
T4J_DEVICE long long t4j_min_i(long long a, long long b) { return a < b ? a : b; }

// Floor division and modulo on integers; a divisor of 0 gives 0 (as numpy, without the warning).
T4J_DEVICE long long t4j_floordiv_i(long long a, long long b)
{
    if (b == 0) {
        return 0;
    }
    if (b == -1) {
        return t4j_neg_i(a);
    }
    const long long q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

T4J_DEVICE long long t4j_mod_i(long long a, long long b)
{
    if (b == 0 || b == -1) {
        return 0;
    }
    const long long m = a % b;
    return (m != 0 && (m < 0) != (b < 0)) ? m + b : m;
}

// Integer power with wrap-around; negative exponents give 0 unless |base| is 1 (numpy and the
// CPU paths raise an error instead, which a kernel cannot).
T4J_DEVICE long long t4j_pow_i(long long base, long long e)
{
    if (e < 0) {
        return base == 1 ? 1 : base == -1 ? ((e & 1) == 0 ? 1 : -1) : 0;
    }
    unsigned long long result = 1;
    unsigned long long b = (unsigned long long) base;
    while (e > 0) {
        if (e & 1) {
            result *= b;
        }
        b *= b;
        e >>= 1;
    }
    return (long long) result;
}

// uint64: the same bits read as unsigned where that matters (order, division, sign, power).
T4J_DEVICE unsigned long long t4j_floordiv_u(unsigned long long a, unsigned long long b) { return b == 0 ? 0 : a / b; }
T4J_DEVICE unsigned long long t4j_mod_u(unsigned long long a, unsigned long long b) { return b == 0 ? 0 : a % b; }
T4J_DEVICE unsigned long long t4j_max_u(unsigned long long a, unsigned long long b) { return a >= b ? a : b; }
T4J_DEVICE unsigned long long t4j_min_u(unsigned long long a, unsigned long long b) { return a <= b ? a : b; }
T4J_DEVICE unsigned long long t4j_sign_u(unsigned long long a) { return a != 0 ? 1ULL : 0ULL; }

T4J_DEVICE unsigned long long t4j_pow_u(unsigned long long base, unsigned long long e)
{
    unsigned long long result = 1;
    while (e != 0) {
        if (e & 1) {
            result *= base;
        }
        base *= base;
        e >>= 1;
    }
    return result;
}
