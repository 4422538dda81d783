package org.theano4j.gpu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * CUDA C source of a fused elementwise kernel, rendered from the template
 * {@code org/theano4j/gpu/kernels/elementwise.cu.tmpl} (kept in {@code native/kernels}).
 *
 * <p>The kernel is {@code extern "C" __global__ void name(const long long n, const T0* in0,
 * ..., OUT* out)}: a grid-stride loop that loads {@code x0 = in0[i], x1 = in1[i], ...} and
 * stores {@code out[i] = (OUT)(expression)}. Inputs are contiguous and of length n;
 * broadcasting is the caller's job. Launch it with {@link LaunchConfig#linear} and the
 * arguments {@code (Long n, DeviceBuffer in0, ..., DeviceBuffer out)}.
 *
 * @param name the kernel's name, a C identifier
 * @param inputTypes the C type of each input, in order
 * @param outputType the C type of the output
 * @param expression a C expression over {@code x0 .. x(N-1)}, e.g. {@code x0 * exp(-x1)}
 */
public record ElementwiseKernelSource(String name, List<CType> inputTypes, CType outputType, String expression) {

    /** Element types the template supports. */
    public enum CType {
        /** {@code double}. */
        DOUBLE("double"),
        /** {@code float}. */
        FLOAT("float");

        private final String c;

        CType(String c) {
            this.c = c;
        }

        /** @return the C spelling */
        public String c() {
            return c;
        }
    }

    private static final String TEMPLATE_RESOURCE = "kernels/elementwise.cu.tmpl";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Validates the name and expression; the expression may not contain {@code ; { }} or line breaks. */
    public ElementwiseKernelSource {
        Objects.requireNonNull(outputType, "outputType");
        inputTypes = List.copyOf(inputTypes);
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("kernel name must be a C identifier, got " + name);
        }
        if (expression == null || expression.isBlank() || expression.matches("(?s).*[;{}\\r\\n].*")) {
            throw new IllegalArgumentException(
                    "expression must be one C expression (no ';', braces or line breaks), got " + expression);
        }
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
                .replace("${EXPR}", expression)
                .replace("${OUT_TYPE}", outputType.c());
    }

    /** The template, read once from the classpath. */
    private static final class Template {
        static final String TEXT = read();

        private static String read() {
            try (InputStream in = ElementwiseKernelSource.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource org/theano4j/gpu/" + TEMPLATE_RESOURCE);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
