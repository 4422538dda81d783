package org.theano4j.tutorial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;

/** Theano tutorial "Debugging Theano: FAQ and Troubleshooting" (debug_faq.txt), in Java. */
class DebugFaqTest {

    @Test
    void interpretingErrorMessages() {
        Variable x = T.vector();
        Variable y = T.vector();
        Variable z = x.add(x).add(y);
        Function f = Theano.function(List.of(x, y), z);
        // Theano: ValueError: Input dimension mis-match. (input[0].shape[0] = 3, input[1].shape[0] = 2)
        String m = assertThrows(IllegalArgumentException.class,
                () -> f.call(new double[] {1, 1}, new double[] {1, 1, 1})).getMessage();
        assertTrue(m.contains("(2,)") && m.contains("(3,)"), m);
        assertTrue(m.contains("Apply node that caused the error"), m);
    }

    @Test
    void printingAnIntermediateValue() {
        Variable x = T.dvector("x");
        List<String> lines = new ArrayList<>();
        Variable xPrinted = T.print("this is a very important value", x, lines::add);
        Function f = Theano.function(List.of(x), x.mul(5));
        Function fWithPrint = Theano.function(List.of(x), xPrinted.mul(5));
        assertArrayEquals(new double[] {5, 10, 15}, f.call(new double[] {1, 2, 3}).toDoubleArray());
        assertEquals(List.of(), lines);
        assertArrayEquals(new double[] {5, 10, 15}, fWithPrint.call(new double[] {1, 2, 3}).toDoubleArray());
        // Theano 1.0 with numpy 2: "this is a very important value __str__ = [1. 2. 3.]"
        assertEquals(List.of("this is a very important value __str__ = [1. 2. 3.]"), lines);
        fWithPrint.call(new double[] {4, 5});
        assertEquals("this is a very important value __str__ = [4. 5.]", lines.get(1));
    }

    @Test
    void printGoesToSystemOutByDefault() {
        Variable x = T.dvector("x");
        Function f = Theano.function(List.of(x), T.print("value", x).sum());
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(3.0, f.call(new double[] {1, 2}).item());
        } finally {
            System.setOut(old);
        }
        assertEquals("value __str__ = [1. 2.]" + System.lineSeparator(), captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printAttributesAndFormats() {
        List<String> lines = new ArrayList<>();
        Variable m = T.imatrix("m");
        Variable p = T.print("m is", m, List.of("shape", "dtype", "__str__"), lines::add);
        Theano.function(List.of(m), p).call(new int[][] {{1, 2}, {3, 4}});
        // numpy: str(np.array([[1, 2], [3, 4]], dtype=np.int32)) -> '[[1 2]\n [3 4]]'
        assertEquals(List.of("m is shape = (2, 2)", "m is dtype = int32", "m is __str__ = [[1 2]\n [3 4]]"), lines);
        lines.clear();
        Variable s = T.dscalar("s");
        Theano.function(List.of(s), T.print("s", s, lines::add)).call(2.5);
        assertEquals(List.of("s __str__ = 2.5"), lines);
        assertThrows(IllegalArgumentException.class, () -> T.print("bad", m, List.of("color"), null));
    }

    @Test
    void twoPrintsOfOneValueBothRun() {
        Variable x = T.dscalar("x");
        List<String> lines = new ArrayList<>();
        Variable a = T.print("first", x, lines::add);
        Variable b = T.print("first", x, lines::add);
        Theano.function(List.of(x), a.add(b)).call(1.0);
        assertEquals(2, lines.size(), lines.toString());
    }

    @Test
    void printsOfConstantsRunAtCallTimeNotAtCompileTime() {
        List<String> lines = new ArrayList<>();
        Variable c = T.print("const", T.constant(new double[] {7}), lines::add);
        Variable x = T.dvector("x");
        Function f = Theano.function(List.of(x), x.add(c));
        assertEquals(List.of(), lines);
        f.call(new double[] {1});
        assertEquals(List.of("const __str__ = [7.]"), lines);
    }

    @Test
    void printPassesGradientsThrough() {
        Variable x = T.dscalar("x");
        List<String> lines = new ArrayList<>();
        Variable y = T.print("x", x, lines::add).sqr();
        assertEquals(6.0, Theano.function(List.of(x), T.grad(y, x)).call(3.0).item());
    }
}
