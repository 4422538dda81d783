package org.theano4j.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.theano4j.Function;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** The complex surface: constructors, output dtypes, what is refused, and that complex stays out of fusion. */
class ComplexSurfaceTest {
    private static final String[] KINDS = {"scalar", "vector", "matrix", "tensor3", "tensor4", "tensor5", "tensor6", "tensor7"};

    @Test
    void everyConstructorGivesItsDtypeAndRank() throws ReflectiveOperationException {
        for (String prefix : List.of("c", "z")) {
            DType want = prefix.equals("c") ? DType.COMPLEX64 : DType.COMPLEX128;
            for (int r = 0; r < KINDS.length; r++) {
                Variable v = (Variable) T.class.getMethod(prefix + KINDS[r], String.class).invoke(null, "v");
                assertEquals(want, v.dtype(), prefix + KINDS[r]);
                assertEquals(r, v.ndim(), prefix + KINDS[r]);
                assertEquals("v", v.name());
                Method plural = T.class.getMethod(prefix + (r == 2 ? "matrices" : KINDS[r] + "s"), String[].class);
                Variable[] vs = (Variable[]) plural.invoke(null, (Object) new String[] {"p", "q"});
                assertEquals(2, vs.length);
                assertEquals(want, vs[1].dtype());
                assertEquals(r, ((Variable) T.class.getMethod(prefix + KINDS[r]).invoke(null)).ndim());
            }
            Variable row = (Variable) T.class.getMethod(prefix + "row", String.class).invoke(null, "r");
            Variable col = (Variable) T.class.getMethod(prefix + "col").invoke(null);
            assertArrayEquals(new boolean[] {true, false}, row.tensorType().broadcastable());
            assertArrayEquals(new boolean[] {false, true}, col.tensorType().broadcastable());
            assertEquals(want, row.dtype());
            assertEquals(want, col.dtype());
        }
    }

    @Test
    void outputDtypesFollowNumpy() {
        assertEquals(DType.FLOAT32, T.abs(T.cvector()).dtype());
        assertEquals(DType.FLOAT64, T.angle(T.zmatrix()).dtype());
        assertEquals(DType.FLOAT32, T.real(T.cscalar()).dtype());
        assertEquals(DType.FLOAT64, T.imag(T.zrow()).dtype());
        assertEquals(DType.COMPLEX64, T.complex(T.fvector(), T.bvector()).dtype());
        assertEquals(DType.COMPLEX128, T.complex(T.fvector(), T.ivector()).dtype());
        assertEquals(DType.COMPLEX128, T.add(T.cvector(), T.dvector()).dtype());
        assertEquals(DType.COMPLEX64, T.mul(T.cvector(), 1e300).dtype()); // a Java number is weak
        assertEquals(DType.COMPLEX64, T.sum(T.cmatrix(), 0).dtype());
        assertEquals(DType.COMPLEX128, T.cast(T.ivector(), DType.COMPLEX128).dtype());
        Variable x = T.dvector();
        assertEquals(x, T.real(x));
        assertEquals(x, T.conj(x));
    }

    @Test
    void unsupportedUsesAreRefusedNamingTheDtype() {
        assertRefused(() -> T.sin(T.cvector("z")), "complex");
        assertRefused(() -> T.max(T.zvector("z")), "complex128");
        assertRefused(() -> T.dot(T.zmatrix("a"), T.zmatrix("b")), "complex128");
        assertRefused(() -> T.complex(T.zvector("z"), T.dvector("y")), "real parts");
        assertRefused(() -> T.grad(T.sum(T.complex(T.dvector("x"), 1.0)), T.dvector()), "cost must be real");
        assertRefused(() -> T.argmax(T.zvector("z"), 0), "complex128");
        assertRefused(() -> T.argmin(T.cmatrix("z"), 1), "complex64");
        assertRefused(() -> T.argmax(T.zvector("z")), "complex128");
        assertRefused(() -> DType.COMPLEX64.maxValue(), "complex64");
        assertRefused(() -> Apply.single(new ComplexElemwise(ComplexElemwise.Kind.ADD, DType.COMPLEX64),
                T.zvector("z"), T.cvector("c")), "does not fit the compute dtype complex64");
    }

    private static void assertRefused(Executable call, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void fusionKeepsComplexNodesOutOfFloatKernels() {
        Variable x = T.dvector("x");
        Variable y = T.dvector("y");
        Variable z = T.complex(T.exp(T.mul(x, 2.0)), T.add(y, 1.0));
        Variable out = T.add(T.abs(T.mul(z, z)), T.tanh(x));
        Function f = Theano.function(List.of(x, y), out);
        for (Apply n : f.planNodes()) {
            if (n.op() instanceof Composite c) {
                assertTrue(n.inputs().stream().noneMatch(v -> v.dtype().isComplex()), f.debugprint());
                assertTrue(n.outputs().stream().noneMatch(v -> v.dtype().isComplex()), f.debugprint());
            }
        }
        assertTrue(f.planNodes().stream().anyMatch(n -> n.op() instanceof ComplexElemwise), f.debugprint());
        double[] xs = {0.25, -1.5};
        double[] ys = {2.0, -0.5};
        NDArray got = f.call(NDArray.of(xs), NDArray.of(ys));
        for (int i = 0; i < xs.length; i++) {
            double re = Math.exp(2 * xs[i]);
            double im = ys[i] + 1;
            assertEquals(re * re + im * im + Math.tanh(xs[i]), got.getFlat(i), 1e-12);
        }
    }
}
