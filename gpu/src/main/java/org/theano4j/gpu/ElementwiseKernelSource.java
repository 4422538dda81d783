package org.theano4j.gpu;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.theano4j.tensor.DType;

/**
 * CUDA C source of a fused elementwise kernel, rendered from the template
 * {@code org/theano4j/gpu/kernels/elementwise.cu.tmpl} (kept in {@code native/kernels}).
 *
 * <p>The kernel is {@code extern "C" __global__ void name(const long long n, const T0* in0,
 * ..., OUT* out)}: a grid-stride loop that loads {@code x0 = in0[i], x1 = in1[i], ...} and
 * stores {@code out[i] = (OUT)(expression)}, after the {@code statements} (one
 * {@code const T tK = ...;} per node of a fused tree, see {@link CudaExpressionRenderer#renderBody}) that the expression
 * may read. {@link #render()} reads every input contiguously, of length n. {@link #render(Indexing)}
 * reads the inputs it marks strided at an element offset with a stride per dim (0 for broadcast
 * axes, negative for reversed ones): after {@code n} come the merged dims
 * {@code const long long d0, ..., d(r-1)}, and after such an input's pointer its offset {@code oK}
 * and strides {@code sK_0 .. sK_(r-1)}; the loop unravels {@code i} over the dims in C order into
 * {@code c0 .. c(r-1)} and loads {@code inK[oK + c0 * sK_0 + ...]} ({@link ElementwiseLayout} holds
 * the numbers and the launch arguments in this order). Launch it with {@link LaunchConfig#linear}
 * and the arguments {@code (Long n, [Long d...], DeviceBuffer in0, [Long o0, Long s0_...], ..., DeviceBuffer out)}.
 *
 * @param name the kernel's name, a C identifier
 * @param inputTypes the C type of each input, in order
 * @param outputType the C type of the output
 * @param statements declarations computed before the expression, each one {@code const T tK = ...;}
 * @param expression a C expression over {@code x0 .. x(N-1)} and the statements' names, e.g. {@code x0 * exp(-x1)}
 */
public record ElementwiseKernelSource(String name, List<CType> inputTypes, CType outputType, List<String> statements,
        String expression) {

    /** Element types the template supports: one per {@link DType}, in the C spelling of its storage. */
    public enum CType {
        /** {@code double}. */
        DOUBLE("double", DType.FLOAT64),
        /** {@code float}. */
        FLOAT("float", DType.FLOAT32),
        /** {@code bool} (one byte, 0 or 1, as theano4j stores bools). */
        BOOL("bool", DType.BOOL),
        /** {@code signed char}. */
        INT8("signed char", DType.INT8),
        /** {@code short}. */
        INT16("short", DType.INT16),
        /** {@code int}. */
        INT32("int", DType.INT32),
        /** {@code long long}. */
        INT64("long long", DType.INT64),
        /** {@code unsigned char}. */
        UINT8("unsigned char", DType.UINT8),
        /** {@code unsigned short}. */
        UINT16("unsigned short", DType.UINT16),
        /** {@code unsigned int}. */
        UINT32("unsigned int", DType.UINT32),
        /** {@code unsigned long long}. */
        UINT64("unsigned long long", DType.UINT64);

        private final String c;
        private final DType dtype;

        CType(String c, DType dtype) {
            this.c = c;
            this.dtype = dtype;
        }

        /** @return the C spelling */
        public String c() {
            return c;
        }

        /** @return the dtype whose elements this C type reads and writes */
        public DType dtype() {
            return dtype;
        }

        /**
         * @param dtype an element type
         * @return the C type that stores it
         */
        public static CType of(DType dtype) {
            for (CType t : values()) {
                if (t.dtype == dtype) {
                    return t;
                }
            }
            throw new IllegalArgumentException("no CUDA C type for dtype " + dtype.numpyName());
        }
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final Pattern STATEMENT = Pattern.compile("const [a-z ]+ t\\d+ = [^;{}\\r\\n]+;");

    /**
     * Validates the name, statements and expression; the expression may not contain {@code ; { }} or
     * line breaks, and each statement is one {@code const T tK = expression;}.
     */
    public ElementwiseKernelSource {
        Objects.requireNonNull(outputType, "outputType");
        inputTypes = List.copyOf(inputTypes);
        statements = List.copyOf(statements);
        for (String st : statements) {
            if (!STATEMENT.matcher(st).matches()) {
                throw new IllegalArgumentException("statement must be one 'const T tK = expression;', got " + st);
            }
        }
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("kernel name must be a C identifier, got " + name);
        }
        if (expression == null || expression.isBlank() || expression.matches("(?s).*[;{}\\r\\n].*")) {
            throw new IllegalArgumentException(
                    "expression must be one C expression (no ';', braces or line breaks), got " + expression);
        }
    }

    /**
     * A kernel of one expression, without statements.
     *
     * @param name the kernel's name, a C identifier
     * @param inputTypes the C type of each input, in order
     * @param outputType the C type of the output
     * @param expression a C expression over {@code x0 .. x(N-1)}
     */
    public ElementwiseKernelSource(String name, List<CType> inputTypes, CType outputType, String expression) {
        this(name, inputTypes, outputType, List.of(), expression);
    }

    /** @return the number of inputs */
    public int arity() {
        return inputTypes.size();
    }

    /**
     * Which inputs a kernel reads strided, and over how many merged dims ({@link ElementwiseLayout}).
     *
     * @param rank the merged dims the strided inputs' positions are computed over, at most
     *        {@link ElementwiseLayout#MAX_RANK}; 0 when no input is strided (or the output has one element)
     * @param strided per input, whether it is read at an offset with strides (else at {@code i})
     */
    public record Indexing(int rank, List<Boolean> strided) {

        /** Copies the flags; checks the rank. */
        public Indexing {
            strided = List.copyOf(strided);
            if (rank < 0 || rank > ElementwiseLayout.MAX_RANK || (rank > 0 && !strided.contains(true))) {
                throw new IllegalArgumentException("rank " + rank + " for strided inputs " + strided);
            }
        }

        /**
         * @param arity the number of inputs
         * @return every input contiguous
         */
        public static Indexing contiguous(int arity) {
            return new Indexing(0, java.util.Collections.nCopies(arity, false));
        }
    }

    /** @return the CUDA C source of the kernel, every input read contiguously */
    public String render() {
        return render(Indexing.contiguous(arity()));
    }

    /**
     * @param indexing which inputs are read strided, over how many dims
     * @return the CUDA C source of the kernel
     */
    public String render(Indexing indexing) {
        if (indexing.strided().size() != arity()) {
            throw new IllegalArgumentException(indexing + " for " + arity() + " inputs");
        }
        int rank = indexing.rank();
        StringBuilder params = new StringBuilder();
        IntStream.range(0, rank).forEach(j -> params.append("const long long d").append(j).append(", "));
        StringBuilder loads = new StringBuilder();
        for (int k = 0; k < arity(); k++) {
            String t = inputTypes.get(k).c();
            params.append("const ").append(t).append("* __restrict__ in").append(k).append(", ");
            String at = "i";
            if (indexing.strided().get(k)) {
                params.append("const long long o").append(k).append(", ");
                StringBuilder pos = new StringBuilder("o" + k);
                for (int j = 0; j < rank; j++) {
                    params.append("const long long s").append(k).append('_').append(j).append(", ");
                    pos.append(" + c").append(j).append(" * s").append(k).append('_').append(j);
                }
                at = pos.toString();
            }
            loads.append("        const ").append(t).append(" x").append(k).append(" = in").append(k).append('[')
                    .append(at).append("];\n");
        }
        return Template.TEXT
                .replace("${NAME}", name)
                .replace("${PARAMS}", params)
                .replace("${INDEX}", unravel(rank))
                .replace("${LOADS}", loads)
                .replace("${BODY}", statements.stream().map(st -> "        " + st + "\n").collect(Collectors.joining()))
                .replace("${EXPR}", expression)
                .replace("${OUT_TYPE}", outputType.c());
    }

    /** {@code c0 .. c(rank-1)}: {@code i} unravelled over {@code d0 .. d(rank-1)} in C order, one line each. */
    private static String unravel(int rank) {
        if (rank == 0) {
            return "";
        }
        if (rank == 1) {
            return "        const long long c0 = i;\n";
        }
        StringBuilder b = new StringBuilder("        long long rest = i;\n");
        for (int j = rank - 1; j > 0; j--) {
            b.append("        const long long c").append(j).append(" = rest % d").append(j).append(";\n");
            b.append("        rest /= d").append(j).append(";\n");
        }
        return b.append("        const long long c0 = rest;\n").toString();
    }

    /** The template, read once from the classpath. */
    private static final class Template {
        static final String TEXT = KernelResources.read("elementwise.cu.tmpl");
    }
}
