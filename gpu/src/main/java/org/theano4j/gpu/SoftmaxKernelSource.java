package org.theano4j.gpu;

import java.util.Objects;
import java.util.regex.Pattern;
import org.theano4j.gpu.ElementwiseKernelSource.CType;
import org.theano4j.tensor.DType;

/**
 * CUDA C source of the row-wise kernels over the last axis of a float32 or float64 array seen as
 * C-contiguous {@code rows x cols}, rendered from the template
 * {@code org/theano4j/gpu/kernels/softmax.cu.tmpl} (kept in {@code native/kernels}): one source per
 * dtype holds the three {@link Kind}s' kernels. Each takes {@code (long long rows, long long cols,
 * const T* in..., T* out)}; launch one block of {@link #BLOCK} threads per row. The shift, the sums
 * and the quotients are computed in double with the reference's max-subtracted form
 * ({@link org.theano4j.op.Softmax}).
 *
 * @param name the prefix of the kernels' names, a C identifier
 * @param dtype FLOAT32 or FLOAT64
 */
record SoftmaxKernelSource(String name, DType dtype) {

    /** Threads per block (a power of two; the kernels' shared array). */
    static final int BLOCK = 256;

    /** The name prefix of the kernels the backend compiles. */
    static final String KERNEL_NAME = "t4j_rows";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The row-wise ops. */
    enum Kind {
        /** {@code exp(x - max) / sum(exp(x - max))}; one input. */
        SOFTMAX("_softmax", 1),
        /** {@code x - max - log(sum(exp(x - max)))}; one input. */
        LOG_SOFTMAX("_log_softmax", 1),
        /** {@code (dy - sum(dy * sm)) * sm}; inputs dy and sm. */
        SOFTMAX_GRAD("_grad", 2);

        private final String suffix;
        private final int arity;

        Kind(String suffix, int arity) {
            this.suffix = suffix;
            this.arity = arity;
        }

        /** @return how many input arrays its kernel reads */
        int arity() {
            return arity;
        }
    }

    /** Checks the name and the dtype. */
    SoftmaxKernelSource {
        Objects.requireNonNull(dtype, "dtype");
        if (!supports(dtype)) {
            throw new IllegalArgumentException("softmax kernels are float32 or float64, got " + dtype.numpyName());
        }
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("kernel name must be a C identifier, got " + name);
        }
    }

    /**
     * @param dtype a dtype
     * @return whether the kernels exist for it
     */
    static boolean supports(DType dtype) {
        return dtype == DType.FLOAT32 || dtype == DType.FLOAT64;
    }

    /**
     * @param kind an op
     * @return its kernel's name in this source
     */
    String kernel(Kind kind) {
        return name + kind.suffix;
    }

    /** @return the CUDA C source */
    String render() {
        return Template.TEXT.replace("${NAME}", name).replace("${T}", CType.of(dtype).c());
    }

    /** The template, read once from the classpath. */
    private static final class Template {
        static final String TEXT = KernelResources.read("softmax.cu.tmpl");
    }
}
