package org.theano4j.tutorial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.op.Shape;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** Theano tutorial "How Shape Information is Handled by Theano" (shape_info.txt), in Java. */
class ShapeInfoTest {
    private static final NDArray XV = NDArray.zeros(DType.FLOAT64, 5, 4);   // numpy.random.rand(5, 4)
    private static final NDArray YV = NDArray.zeros(DType.FLOAT64, 3, 3);   // numpy.random.rand(3, 3)

    @Test
    void shapeOfAnExpression() {
        Variable x = T.matrix("x");
        Function f = Theano.function(List.of(x), x.pow(2).shape());
        NDArray s = f.call(NDArray.zeros(DType.FLOAT64, 3, 7));
        assertEquals(DType.INT64, s.dtype());
        assertArrayEquals(new long[] {3, 7}, s.toLongArray());
        assertEquals(4, Theano.function(List.of(x), x.pow(2).shape(1)).call(XV).getLong());
    }

    @Test
    void aShapeOnlyFunctionDoesNotComputeTheExpression() {
        // Theano: MakeVector(Shape_i{0}(x), Shape_i{1}(x)), "does not contain any multiplication or power"
        Variable x = T.matrix("x");
        Variable y = T.matrix("y");
        Function f = Theano.function(List.of(x), x.pow(2).mul(3).add(1).exp().shape());
        assertTrue(f.planNodes().stream().allMatch(n -> n.op() instanceof Shape), f.debugprint());
        assertArrayEquals(new long[] {5, 4}, f.call(XV).toLongArray());
        // Two full-shaped operands: their shapes must still be checked against each other.
        Function g = Theano.function(List.of(x, y), x.add(y).shape());
        assertTrue(g.planNodes().stream().anyMatch(n -> !(n.op() instanceof Shape)), g.debugprint());
        assertThrows(IllegalArgumentException.class, () -> g.call(XV, YV));
    }

    @Test
    void joiningMismatchedShapesFailsAndNamesTheShapes() {
        Variable x = T.matrix("x");
        Variable y = T.matrix("y");
        Variable z = T.join(0, x, y);
        Function f = Theano.function(List.of(x, y), z);
        String m = assertThrows(IllegalArgumentException.class, () -> f.call(XV, YV)).getMessage();
        assertTrue(m.contains("(5, 4)") && m.contains("(3, 3)"), m);
        // The page's "shape inference problem": the shape-only function is computed from the
        // inputs' shapes (MakeVector(Shape_i{0}(x) + Shape_i{0}(y), Shape_i{1}(x))), runs no join,
        // and, as in Theano, returns [8, 4] without noticing the mismatch.
        Function shape = Theano.function(List.of(x, y), z.shape());
        assertTrue(shape.planNodes().stream().noneMatch(n -> n.op().displayName().contains("Join")), shape.debugprint());
        assertArrayEquals(new long[] {8, 4}, shape.call(XV, YV).toLongArray());
        assertArrayEquals(new long[] {8, 4}, shape.call(XV, NDArray.zeros(DType.FLOAT64, 3, 4)).toLongArray());
    }

    @Test
    void specifyShapeChecksAtRunTime() {
        Variable x = T.matrix("x");
        Variable xSpecifyShape = T.specifyShape(x, 2, 2);
        assertSame(x.type(), xSpecifyShape.type());
        Function f = Theano.function(List.of(x), xSpecifyShape.pow(2).shape());
        assertArrayEquals(new long[] {2, 2}, f.call(new double[][] {{1, 2}, {3, 4}}).toLongArray());  // [2 2]
        assertEquals(List.of(), f.planNodes(), "Theano folds it to the constant [2 2]:\n" + f.debugprint());
        Function g = Theano.function(List.of(x), xSpecifyShape.pow(2));
        assertArrayEquals(new double[][] {{1, 4}, {9, 16}}, g.call(new double[][] {{1, 2}, {3, 4}}).toDoubleMatrix());
        String m = assertThrows(IllegalArgumentException.class, () -> g.call(new double[][] {{1, 2, 3}})).getMessage();
        assertTrue(m.contains("(1, 3)") && m.contains("(2, 2)"), m);
    }

    @Test
    void specifyShapeRejectsImpossibleShapesWhenBuilt() {
        Variable x = T.matrix("x");
        assertThrows(IllegalArgumentException.class, () -> T.specifyShape(x, 2, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> T.specifyShape(x, 2, -1));
        assertThrows(IllegalArgumentException.class, () -> T.specifyShape(T.row("r"), 2, 3));
    }

    @Test
    void specifyShapePassesGradientsThrough() {
        Variable x = T.dvector("x");
        Variable cost = T.specifyShape(x, 3).sqr().sum();
        Function g = Theano.function(List.of(x), T.grad(cost, x));
        assertArrayEquals(new double[] {2, 4, 6}, g.call(new double[] {1, 2, 3}).toDoubleArray());
    }

    @Test
    void addingMismatchedShapesNamesTheShapes() {
        Variable x = T.dmatrix("x");
        Variable y = T.dmatrix("y");
        Function f = Theano.function(List.of(x, y), x.add(y));
        String m = assertThrows(IllegalArgumentException.class, () -> f.call(XV, YV)).getMessage();
        assertTrue(m.contains("(5, 4)") && m.contains("(3, 3)"), m);
    }
}
