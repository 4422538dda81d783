package org.theano4j.bindings.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every bound symbol resolves in the real library, where that library is installed (the
 * {@code nvidia-*} wheels, see {@code gpu/scripts/cuda-wheels.sh}; the driver's libcuda); skipped
 * with the library's reason elsewhere. Together with {@link PrototypesTest} (each descriptor
 * against the headers' prototype) this checks every downcall against the real CUDA 13 release.
 */
@Tag("cuda-libs")
class RealLibrariesTest {

    private static final Map<CudaLibraries, String> PREFIX = Map.of(
            CudaLibraries.CUDA, "cu", CudaLibraries.NVRTC, "nvrtc", CudaLibraries.CUBLAS, "cublas");

    @ParameterizedTest
    @EnumSource(CudaLibraries.class)
    void everyBoundSymbolResolves(CudaLibraries library) throws Exception {
        assumeTrue(library.unavailableReason().isEmpty(),
                () -> library + " not installed: " + library.unavailableReason().orElse(""));
        List<String> names = PrototypesTest.bound().keySet().stream()
                .filter(n -> owner(n) == library).toList();
        assertTrue(names.size() >= 9, names.toString());
        List<String> missing = names.stream().filter(n -> !library.exports(n)).toList();
        assertEquals(List.of(), missing, "not exported by " + library.origin().orElse("?"));
        System.out.printf("%s: %d of %d bound symbols resolve in %s%n", library, names.size() - missing.size(),
                names.size(), library.origin().orElse("?"));
    }

    @ParameterizedTest
    @EnumSource(value = CudaLibraries.class, names = {"NVRTC", "CUBLAS"})
    void theCompanionIsLoadedByPathFromTheSameFolder(CudaLibraries library) {
        assumeTrue(library.unavailableReason().isEmpty(),
                () -> library + " not installed: " + library.unavailableReason().orElse(""));
        String origin = library.origin().orElseThrow();
        assumeTrue(origin.startsWith("/"), () -> library + " was loaded by name (" + origin + ")");
        String companion = library.companion().orElseThrow(() -> new AssertionError("no companion next to " + origin));
        assertEquals(java.nio.file.Path.of(origin).getParent(), java.nio.file.Path.of(companion).getParent());
        assertTrue(companion.contains(library == CudaLibraries.NVRTC ? "libnvrtc-builtins.so" : "libcublasLt.so"), companion);
    }

    /** The library a symbol belongs to, by prefix (longest first: {@code cublas}, {@code nvrtc}, {@code cu}). */
    private static CudaLibraries owner(String symbol) {
        for (CudaLibraries l : List.of(CudaLibraries.CUBLAS, CudaLibraries.NVRTC, CudaLibraries.CUDA)) {
            if (symbol.startsWith(PREFIX.get(l))) {
                return l;
            }
        }
        throw new AssertionError("no library for " + symbol);
    }
}
