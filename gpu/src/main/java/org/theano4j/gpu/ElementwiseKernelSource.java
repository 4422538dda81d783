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
 * may read. Inputs are contiguous and of length n;
 * broadcasting is the caller's job. Launch it with {@link LaunchConfig#linear} and the
 * arguments {@code (Long n, DeviceBuffer in0, ..., DeviceBuffer out)}.
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

    /** @return the CUDA C source of the kernel */
    public String render() {
        String params = IntStream.range(0, arity())
                .mapToObj(k -> "const " + inputTypes.get(k).c() + "* __restrict__ in" + k + ", ")
                .collect(Collectors.joining());
        String loads = IntStream.range(0, arity())
                .mapToObj(k -> "        const " + inputTypes.get(k).c() + " x" + k + " = in" + k + "[i];")
                .collect(Collectors.joining("\n"));
        return Template.TEXT
                .replace("${NAME}", name)
                .replace("${PARAMS}", params)
                .replace("${LOADS}", loads)
                .replace("${BODY}", statements.stream().map(st -> "        " + st).collect(Collectors.joining("\n")))
                .replace("${EXPR}", expression)
                .replace("${OUT_TYPE}", outputType.c());
    }

    /** The template, read once from the classpath. */
    private static final class Template {
        static final String TEXT = KernelResources.read("elementwise.cu.tmpl");
    }
}
