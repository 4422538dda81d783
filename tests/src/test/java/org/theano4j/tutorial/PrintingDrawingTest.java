package org.theano4j.tutorial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;

/**
 * Theano tutorial "Printing/Drawing Theano graphs" (printing_drawing.txt), in Java: the
 * logistic-regression prediction, pretty-printed and debug-printed before and after compilation.
 * (pydotprint, which draws images, has no counterpart.)
 */
class PrintingDrawingTest {
    private final Variable x = T.dmatrix("x");
    private final SharedVariable w = Theano.shared(new double[] {1, 2, 3}, "w");
    private final SharedVariable b = Theano.shared(0.0, "b");
    private final Variable p1 = T.div(1, T.add(1, T.exp(T.sub(T.neg(T.dot(x, w)), b))));
    private final Variable prediction = p1.gt(0.5);

    @Test
    void prettyPrinting() {
        // Theano: 'gt((TensorConstant{1} / (TensorConstant{1} + exp(((-(x \\dot w)) - b)))), TensorConstant{0.5})'
        String pp = T.pp(prediction);
        assertTrue(pp.contains("exp(") && pp.contains("dot(x, w)") && pp.contains("- b") && pp.contains("> 0.5"), pp);
        assertTrue(pp.indexOf("dot(x, w)") < pp.indexOf("> 0.5"), pp);
    }

    @Test
    void debugPrintBeforeCompilation() {
        String tree = T.debugprint(prediction);
        String[] lines = tree.split("\n");
        assertTrue(lines[0].startsWith("Elemwise{gt} [id A]"), tree);
        for (String op : List.of("Elemwise{true_div}", "Elemwise{add}", "Elemwise{exp}", "Elemwise{sub}", "Elemwise{neg}", "dot")) {
            assertTrue(tree.contains(" |" + op + " [id ") || tree.contains("| |" + op + " [id "), op + " missing in\n" + tree);
        }
        assertTrue(tree.matches("(?s).*\\|x \\[id [A-Z]+\\] \\[TensorType\\(float64, matrix\\)\\].*"), tree);
        assertTrue(tree.matches("(?s).*\\|w \\[id [A-Z]+\\] \\[TensorType\\(float64, vector\\)\\].*"), tree);
        assertTrue(tree.matches("(?s).*\\|b \\[id [A-Z]+\\] \\[TensorType\\(float64, scalar\\)\\].*"), tree);
        assertTrue(tree.contains("TensorConstant{0.5}"), tree);
        int depthOfX = lines[indexOf(lines, "|x [")].indexOf("|x [");
        int depthOfDot = lines[indexOf(lines, "|dot [")].indexOf("|dot [");
        assertEquals(depthOfDot + 2, depthOfX, "x is a child of dot:\n" + tree);
    }

    @Test
    void debugPrintAfterCompilationShowsTheOptimizedGraph() {
        Function predict = Theano.function(List.of(x), prediction, Theano.options().name("predict"));
        String before = T.debugprint(prediction);
        String after = predict.debugprint();
        // Theano: Elemwise{Composite{GT(scalar_sigmoid((-((-i0) - i1))), i2)}} over CGemv(...), b and 0.5
        assertTrue(after.contains("sigmoid"), after);
        assertTrue(after.contains("|x [") && after.contains("|w [") && after.contains("|b ["), after);
        assertTrue(after.split("\n").length < before.split("\n").length, before + "\n---\n" + after);
        assertArrayEquals(new boolean[] {true, false},
                predict.call(new double[][] {{1, 2, 3}, {-1, -2, -3}}).toBooleanArray());
    }

    @Test
    void debugPrintGivesEveryVariableAnIdAndStopsAtTheDepth() {
        Variable a = T.dvector("x");
        Variable b = T.dvector("x");
        Variable e = T.exp(T.add(a, b));
        String tree = T.debugprint(e);
        assertTrue(tree.contains(" | |x [id C]") && tree.contains(" | |x [id D]"), "two inputs named x told apart:\n" + tree);
        String shallow = T.debugprint(e, 2);
        assertEquals(2, shallow.split("\n").length, shallow);
        assertTrue(shallow.startsWith("Elemwise{exp} [id A]") && shallow.contains(" |Elemwise{add} [id B]"), shallow);
        assertEquals(tree, T.debugprint(e, -1));
    }

    @Test
    void graphsExportToGraphvizDot() {
        String dot = T.pydotprint(prediction);
        assertTrue(dot.startsWith("digraph \"graph\" {"), dot);
        assertTrue(dot.contains("[shape=box, label=\"Elemwise{gt}\"]"), dot);
        assertTrue(dot.contains("label=\"x\\nTensorType(float64, matrix)\"") && dot.contains("fillcolor=limegreen"), dot);
        assertTrue(dot.contains("fillcolor=dodgerblue"), "the output is marked: " + dot);
        assertTrue(dot.trim().endsWith("}"), dot);
        long edges = dot.lines().filter(l -> l.contains("->")).count();
        assertTrue(edges >= 14, edges + " edges in " + dot);
        Function predict = Theano.function(List.of(x), prediction, Theano.options().name("predict"));
        assertTrue(predict.toDot().startsWith("digraph \"predict\" {"), predict.toDot());
    }

    @Test
    void aFunctionSaysWhatItIs() {
        Variable y = T.dvector("y");
        Function predict = Theano.function(List.of(x, y), List.of(prediction, T.sum(y)), Theano.options().name("predict"));
        String s = predict.toString();
        assertTrue(s.startsWith("function 'predict'(x: TensorType(float64, matrix), y: TensorType(float64, vector)) -> "
                + "[TensorType(bool, vector), TensorType(float64, scalar)], vector-cpu, "), s);
        assertTrue(s.endsWith(" steps"), s);
    }

    private static int indexOf(String[] lines, String needle) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i;
            }
        }
        throw new AssertionError(needle + " not found");
    }
}
