package org.theano4j.gpu;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.theano4j.gpu.ElementwiseKernelSource.CType;
import org.theano4j.op.Reduce;
import org.theano4j.tensor.DType;

/**
 * CUDA C source of the two kernels of one reduction ({@link Reduce}'s kinds), rendered from the
 * template {@code org/theano4j/gpu/kernels/reduce.cu.tmpl} (kept in {@code native/kernels}):
 * {@code NAME_block} (one block per output, a shared-memory tree over the reduced elements) and
 * {@code NAME_thread} (one thread per output). Both take {@code (long long outputs, long long length,
 * const IN* in, OUT* out, ksG, kstG per kept group, rsG, rstG per reduced group)}: the sizes and
 * strides of a {@link ReduceGeometry} of this {@link ReduceGeometry.Pattern pattern}; launch with
 * {@link #BLOCK} threads per block.
 *
 * <p>Accumulators follow the reference evaluation ({@link Reduce#evaluate}): float sums, products
 * and means in {@code double}, rounded once to the output; float maximum and minimum in the input's
 * type, NaN propagating as numpy's ({@code (a > b || a != a) ? a : b}); integer sums and products in
 * {@code unsigned long long} (wrap-around, as the reference's long arithmetic), integer maximum and
 * minimum in {@code long long} ({@code unsigned long long} for uint64); integer means in double.
 *
 * @param name the prefix of the kernels' names, a C identifier
 * @param kind the reduction
 * @param input the input's dtype (not complex)
 * @param pattern how many kept and reduced groups the geometry has
 */
record ReduceKernelSource(String name, Reduce.Kind kind, DType input, ReduceGeometry.Pattern pattern) {

    /** Threads per block of both kernels (a power of two; the block kernel's shared array). */
    static final int BLOCK = 256;

    /** The name prefix of the kernels the backend compiles. */
    static final String KERNEL_NAME = "t4j_reduce";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Checks the name and that the input has a C type. */
    ReduceKernelSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pattern, "pattern");
        CType.of(input);
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("kernel name must be a C identifier, got " + name);
        }
    }

    /**
     * @param dtype an input dtype
     * @return whether the reductions have kernels for it (every real dtype)
     */
    static boolean supports(DType dtype) {
        return !dtype.isComplex();
    }

    /** @return the block kernel's name */
    String blockKernel() {
        return name + "_block";
    }

    /** @return the thread-per-output kernel's name */
    String threadKernel() {
        return name + "_thread";
    }

    /** @return the output's dtype ({@link Reduce.Kind#outputDType}) */
    DType output() {
        return kind.outputDType(input);
    }

    /** @return the accumulator's C type */
    String accumulator() {
        boolean minMax = kind == Reduce.Kind.MAX || kind == Reduce.Kind.MIN;
        if (input.isFloat()) {
            return minMax ? CType.of(input).c() : "double";
        }
        if (kind == Reduce.Kind.MEAN) {
            return "double";
        }
        return minMax && input != DType.UINT64 ? "long long" : "unsigned long long";
    }

    /** @return the CUDA C source */
    String render() {
        return Template.TEXT
                .replace("${NAME}", name)
                .replace("${IN_TYPE}", CType.of(input).c())
                .replace("${OUT_TYPE}", CType.of(output()).c())
                .replace("${ACC_TYPE}", accumulator())
                .replace("${IDENTITY}", identity())
                .replace("${COMBINE}", combine())
                .replace("${FINISH}", kind == Reduce.Kind.MEAN ? "acc / (double) length" : "acc")
                .replace("${PARAMS}", params())
                .replace("${KEPT}", offsets("base", "o", "ks", "kst", pattern.keptGroups()))
                .replace("${REDUCED}", offsets("off", "r", "rs", "rst", pattern.reducedGroups()));
    }

    private String identity() {
        String acc = accumulator();
        return switch (kind) {
            case SUM, MEAN -> "0";
            case PROD -> "1";
            case MAX -> switch (acc) {
                case "double" -> "__longlong_as_double(0xfff0000000000000LL)";
                case "float" -> "__int_as_float(0xff800000)";
                case "long long" -> "(-9223372036854775807LL - 1LL)";
                default -> "0ULL";
            };
            case MIN -> switch (acc) {
                case "double" -> "__longlong_as_double(0x7ff0000000000000LL)";
                case "float" -> "__int_as_float(0x7f800000)";
                case "long long" -> "9223372036854775807LL";
                default -> "18446744073709551615ULL";
            };
        };
    }

    private String combine() {
        String nan = input.isFloat() ? " || a != a" : "";
        return switch (kind) {
            case SUM, MEAN -> "a + b";
            case PROD -> "a * b";
            case MAX -> "(a > b" + nan + ") ? a : b";
            case MIN -> "(a < b" + nan + ") ? a : b";
        };
    }

    private String params() {
        return IntStream.range(0, pattern.keptGroups())
                .mapToObj(g -> ", const long long ks" + g + ", const long long kst" + g)
                .collect(Collectors.joining())
                + IntStream.range(0, pattern.reducedGroups())
                .mapToObj(g -> ", const long long rs" + g + ", const long long rst" + g)
                .collect(Collectors.joining());
    }

    /**
     * Statements adding to {@code target} the offset of {@code index} over {@code groups} groups, as
     * {@link ReduceGeometry#keptOffset} computes it: the last group's digit first, the first group
     * takes the quotient left.
     */
    private static String offsets(String target, String index, String size, String stride, int groups) {
        if (groups == 0) {
            return "";
        }
        String indent = target.equals("base") ? "        " : "            ";
        StringBuilder b = new StringBuilder(indent).append("long long q_").append(target).append(" = ").append(index)
                .append(";\n");
        for (int g = groups - 1; g > 0; g--) {
            b.append(indent).append(target).append(" += (q_").append(target).append(" % ").append(size).append(g)
                    .append(") * ").append(stride).append(g).append("; q_").append(target).append(" /= ").append(size)
                    .append(g).append(";\n");
        }
        return b.append(indent).append(target).append(" += q_").append(target).append(" * ").append(stride)
                .append("0;").toString();
    }

    /**
     * The kernel arguments after {@code (outputs, length, in, out)}: each kept group's size and stride,
     * then each reduced group's.
     *
     * @param g a geometry of this source's pattern
     * @return the {@code Long} values, in the kernels' parameter order
     */
    static Long[] geometryArgs(ReduceGeometry g) {
        long[] ks = g.keptSizes();
        long[] kst = g.keptStrides();
        long[] rs = g.reducedSizes();
        long[] rst = g.reducedStrides();
        Long[] out = new Long[2 * (ks.length + rs.length)];
        int n = 0;
        for (int i = 0; i < ks.length; i++) {
            out[n++] = ks[i];
            out[n++] = kst[i];
        }
        for (int i = 0; i < rs.length; i++) {
            out[n++] = rs[i];
            out[n++] = rst[i];
        }
        return out;
    }

    /**
     * Which kernel suits a geometry (a heuristic, not yet measured on a GPU): the block kernel when
     * each output reduces at least 32 elements and they are contiguous (the innermost group is
     * reduced) or there are too few outputs to fill the GPU with one thread each; else one thread per
     * output, whose neighbouring threads then read neighbouring elements.
     *
     * @param g the geometry
     * @return whether to launch the block kernel
     */
    static boolean blockPerOutput(ReduceGeometry g) {
        return g.reducedLength() >= 32 && (g.innermostReduced() || g.outputCount() < 4096);
    }

    /** The template, read once from the classpath. */
    private static final class Template {
        static final String TEXT = KernelResources.read("reduce.cu.tmpl");
    }
}
