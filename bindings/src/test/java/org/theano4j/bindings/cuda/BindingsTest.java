package org.theano4j.bindings.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Checks the bindings' shape without needing any CUDA library. */
class BindingsTest {

    private static final List<Class<?>> HEADERS = List.of(cuda_h.class, nvrtc_h.class, cublas_h.class);

    private static List<Method> descriptorMethods(Class<?> header) {
        return Arrays.stream(header.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getName().endsWith("$descriptor"))
                .toList();
    }

    private static Method wrapper(Class<?> header, String name) {
        return Arrays.stream(header.getDeclaredMethods())
                .filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void boundFunctionsAreExactlyTheAllowList() throws IOException {
        Path allowList = Path.of("..", "native", "include", "allowlist.txt");
        Set<String> expected = Files.readAllLines(allowList).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> bound = HEADERS.stream().flatMap(h -> descriptorMethods(h).stream())
                .map(m -> m.getName().replace("$descriptor", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, bound);
    }

    @Test
    void descriptorsAreWellFormedForThisPlatformAndMatchTheWrappers() throws ReflectiveOperationException {
        Linker linker = Linker.nativeLinker();
        for (Class<?> header : HEADERS) {
            for (Method m : descriptorMethods(header)) {
                FunctionDescriptor desc = (FunctionDescriptor) m.invoke(null);
                // An address-less downcall handle validates the descriptor against the ABI
                // without loading any library.
                MethodHandle unbound = linker.downcallHandle(desc);
                assertEquals(MemorySegment.class, unbound.type().parameterType(0));

                String name = m.getName().replace("$descriptor", "");
                Method w = wrapper(header, name);
                assertEquals(desc.toMethodType().parameterList(), List.of(w.getParameterTypes()), name);
                assertEquals(desc.toMethodType().returnType(), w.getReturnType(), name);
                MethodHandle handle = (MethodHandle) header.getMethod(name + "$handle").invoke(null);
                assertEquals(desc.toMethodType(), handle.type(), name);
            }
        }
    }

    @Test
    void aMissingLibraryHasAOneLineReasonAndItsCallsThrowIt() {
        check(cuda_h::unavailableReason, () -> cuda_h.cuInit(0));
        check(nvrtc_h::unavailableReason, () -> nvrtc_h.nvrtcGetErrorString(0));
        check(cublas_h::unavailableReason, () -> cublas_h.cublasCreate_v2(MemorySegment.NULL));
    }

    private static void check(Supplier<Optional<String>> reason, Runnable call) {
        Optional<String> why = reason.get();
        if (why.isEmpty()) {
            return; // this machine has the library; the gpu-tagged tests cover calls
        }
        assertFalse(why.get().isBlank());
        assertFalse(why.get().contains("\n"), why.get());
        UnsatisfiedLinkError e = assertThrows(UnsatisfiedLinkError.class, call::run);
        assertTrue(e.getMessage().endsWith(why.get()), e.getMessage());
    }

    @Test
    void reasonsNameTheLibraryAndHowToGetIt() {
        CudaLibraries.CUDA.unavailableReason().ifPresent(r -> assertTrue(r.contains("libcuda"), r));
        CudaLibraries.NVRTC.unavailableReason().ifPresent(r -> assertTrue(r.contains("nvidia-cuda-nvrtc"), r));
        CudaLibraries.CUBLAS.unavailableReason().ifPresent(r -> assertTrue(r.contains("nvidia-cublas"), r));
    }
}
