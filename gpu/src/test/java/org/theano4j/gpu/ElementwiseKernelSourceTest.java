package org.theano4j.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.theano4j.gpu.ElementwiseKernelSource.CType;

class ElementwiseKernelSourceTest {

    @Test
    void rendersSignatureLoadsAndExpression() {
        String src = new ElementwiseKernelSource("fused_add_exp", List.of(CType.DOUBLE, CType.DOUBLE), CType.DOUBLE,
                "x0 + exp(x1)").render();
        assertTrue(src.contains("extern \"C\" __global__ void fused_add_exp(const long long n, "
                + "const double* __restrict__ in0, const double* __restrict__ in1, double* __restrict__ out)"), src);
        assertTrue(src.contains("const double x0 = in0[i];"), src);
        assertTrue(src.contains("const double x1 = in1[i];"), src);
        assertTrue(src.contains("out[i] = (double) (x0 + exp(x1));"), src);
        assertTrue(src.contains("i += stride"), "grid-stride loop");
        assertFalse(src.contains("${"), "no placeholder left");
    }

    @Test
    void templateUsesEveryPlaceholderInCodeAndNoneInComments() throws IOException {
        String template;
        try (var in = ElementwiseKernelSource.class.getResourceAsStream("kernels/elementwise.cu.tmpl")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String p : List.of("${NAME}", "${PARAMS}", "${INDEX}", "${LOADS}", "${BODY}", "${EXPR}", "${OUT_TYPE}")) {
            assertTrue(template.contains(p), p);
        }
        template.lines().filter(l -> l.strip().startsWith("//"))
                .forEach(l -> assertFalse(l.contains("${"), "placeholder in a comment would be replaced: " + l));
    }

    @Test
    void mixedTypesAndFloatOutput() {
        String src = new ElementwiseKernelSource("k", List.of(CType.FLOAT, CType.DOUBLE), CType.FLOAT,
                "x0 * (float) x1").render();
        assertTrue(src.contains("const float* __restrict__ in0, const double* __restrict__ in1, float* __restrict__ out"));
        assertTrue(src.contains("out[i] = (float) (x0 * (float) x1);"));
    }

    @Test
    void zeroInputsIsAFill() {
        var k = new ElementwiseKernelSource("fill", List.of(), CType.FLOAT, "1.5f");
        assertEquals(0, k.arity());
        assertTrue(k.render().contains("void fill(const long long n, float* __restrict__ out)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "x0; x1", "x0 }", "{x0}", "x0\n+ x1"})
    void rejectsWhatIsNotOneExpression(String expression) {
        assertThrows(IllegalArgumentException.class,
                () -> new ElementwiseKernelSource("k", List.of(CType.DOUBLE), CType.DOUBLE, expression));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1k", "a-b", "a b"})
    void rejectsNamesThatAreNotIdentifiers(String name) {
        assertThrows(IllegalArgumentException.class,
                () -> new ElementwiseKernelSource(name, List.of(CType.DOUBLE), CType.DOUBLE, "x0"));
    }
}
