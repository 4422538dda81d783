package org.theano4j.gpu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the CUDA C templates under {@code org/theano4j/gpu/kernels/} (kept in {@code native/kernels}). */
final class KernelResources {

    private KernelResources() {
    }

    /**
     * @param file a file name in the kernels folder, e.g. {@code elementwise.cu.tmpl}
     * @return its text
     */
    static String read(String file) {
        String resource = "kernels/" + file;
        try (InputStream in = KernelResources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource org/theano4j/gpu/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
