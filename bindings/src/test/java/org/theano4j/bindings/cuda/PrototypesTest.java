package org.theano4j.bindings.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every binding's {@link FunctionDescriptor} has the ABI of the prototype the real CUDA headers
 * declare: {@code native/include/prototypes.txt}, written by {@code native/prototypes.sh} from
 * cuda.h, nvrtc.h and cublas_v2.h (the C++ compiler resolves their typedefs and enums).
 */
class PrototypesTest {

    private static final List<Class<?>> HEADERS = List.of(cuda_h.class, nvrtc_h.class, cublas_h.class);

    /** name -> {@code ret(arg,...)} from the generated file. */
    static Map<String, String> prototypes() throws IOException {
        return Files.readAllLines(Path.of("..", "native", "include", "prototypes.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(' ')), l -> l.substring(l.indexOf(' ') + 1),
                        (a, b) -> a, TreeMap::new));
    }

    /** The descriptors of the bindings, as {@code ret(arg,...)} in prototypes.txt's spelling. */
    static Map<String, String> bound() throws ReflectiveOperationException {
        Map<String, String> out = new TreeMap<>();
        for (Class<?> header : HEADERS) {
            for (Method m : header.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && m.getName().endsWith("$descriptor")) {
                    out.put(m.getName().replace("$descriptor", ""), describe((FunctionDescriptor) m.invoke(null)));
                }
            }
        }
        return out;
    }

    static String describe(FunctionDescriptor d) {
        String ret = d.returnLayout().map(PrototypesTest::kind).orElse("void");
        return ret + "(" + d.argumentLayouts().stream().map(PrototypesTest::kind).collect(Collectors.joining(",")) + ")";
    }

    private static String kind(MemoryLayout layout) {
        Class<?> carrier = ((ValueLayout) layout).carrier();
        return switch (carrier.getName()) {
            case "java.lang.foreign.MemorySegment" -> "ptr";
            case "byte" -> "i8";
            case "short" -> "i16";
            case "int" -> "i32";
            case "long" -> "i64";
            case "float" -> "f32";
            case "double" -> "f64";
            default -> throw new AssertionError("unexpected carrier " + carrier);
        };
    }

    @Test
    void everyDescriptorHasTheHeadersPrototype() throws Exception {
        Map<String, String> headers = prototypes();
        Map<String, String> bound = bound();
        assertEquals(headers.keySet(), bound.keySet(), "prototypes.txt is stale: run native/prototypes.sh");
        assertEquals(headers, bound);
        assertEquals(46, bound.size());
    }

    @Test
    void theDescriberReadsTheSameSpellingAsTheFile() {
        FunctionDescriptor gemm = cublas_h.cublasDgemm_v2$descriptor();
        assertEquals("i32(ptr,i32,i32,i32,i32,i32,ptr,ptr,i32,ptr,i32,ptr,ptr,i32)", describe(gemm));
        assertEquals("void(i64,f64)", describe(FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG, ValueLayout.JAVA_DOUBLE)));
        assertEquals("ptr(i32)", describe(nvrtc_h.nvrtcGetErrorString$descriptor()));
        assertEquals(List.of("i8", "i16"), Arrays.stream(new MemoryLayout[] {ValueLayout.JAVA_BYTE, ValueLayout.JAVA_SHORT})
                .map(PrototypesTest::kind).toList());
    }
}
