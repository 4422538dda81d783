package org.theano4j.tutorial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** Theano tutorial "Baby Steps - Algebra" (adding.txt), in Java. */
class AddingTest {

    @Test
    void addingTwoScalars() {
        Variable x = T.dscalar("x");
        Variable y = T.dscalar("y");
        Variable z = x.add(y);
        Function f = Theano.function(List.of(x, y), z);
        NDArray r = f.call(2, 3);                       // array(5.0)
        assertEquals(0, r.ndim());
        assertEquals(5.0, r.item());
        assertTrue(f.call(16.3, 12.1).allClose(NDArray.of(28.4), 1e-5, 1e-8));
        assertEquals("TensorType(float64, scalar)", x.type().describe());
        assertEquals(x.type(), T.dscalar().type());
        assertEquals("(x + y)", T.pp(z));               // print(pp(z))
    }

    @Test
    void evalIsAShortcutForCompilingAndCalling() {
        Variable x = T.dscalar("x");
        Variable y = T.dscalar("y");
        Variable z = x.add(y);
        assertTrue(T.eval(z, Map.of(x, 16.3, y, 12.1)).allClose(NDArray.of(28.4), 1e-5, 1e-8));
    }

    @Test
    void addingTwoMatrices() {
        Variable x = T.dmatrix("x");
        Variable y = T.dmatrix("y");
        Function f = Theano.function(List.of(x, y), x.add(y));
        double[][] expected = {{11, 22}, {33, 44}};    // array([[ 11.,  22.], [ 33.,  44.]])
        NDArray fromJava = f.call(new double[][] {{1, 2}, {3, 4}}, new double[][] {{10, 20}, {30, 40}});
        NDArray fromNDArrays = f.call(NDArray.of(new long[][] {{1, 2}, {3, 4}}), NDArray.of(new long[][] {{10, 20}, {30, 40}}));
        for (NDArray r : List.of(fromJava, fromNDArrays)) {
            assertEquals(DType.FLOAT64, r.dtype());
            assertArrayEquals(expected, r.toDoubleMatrix());
        }
    }

    @Test
    void otherTypesHaveTheirDTypeAndRank() {
        Object[][] table = {
            {T.bscalar(), DType.INT8, 0}, {T.iscalar(), DType.INT32, 0}, {T.lscalar(), DType.INT64, 0},
            {T.fscalar(), DType.FLOAT32, 0}, {T.dvector(), DType.FLOAT64, 1}, {T.fmatrix(), DType.FLOAT32, 2},
            {T.drow(), DType.FLOAT64, 2}, {T.icol(), DType.INT32, 2}, {T.ltensor3(), DType.INT64, 3},
        };
        for (Object[] row : table) {
            Variable v = (Variable) row[0];
            assertEquals(row[1], v.dtype(), v.type().describe());
            assertEquals(row[2], v.ndim(), v.type().describe());
        }
    }

    @Test
    void exercise() {
        Variable a = T.vector();                        // floatX vector
        Variable out = a.add(a.pow(10));
        Function f = Theano.function(List.of(a), out);
        assertArrayEquals(new double[] {0, 2, 1026}, f.call(new double[] {0, 1, 2}).toDoubleArray());

        // The exercise's answer: a ** 2 + b ** 2 + 2 * a * b, i.e. (a + b) ** 2.
        // numpy: a, b = np.array([0., 1, 2]), np.array([3., 4, 5]); a**2 + b**2 + 2*a*b -> [ 9. 25. 49.]
        Variable b = T.vector();
        Variable out2 = a.pow(2).add(b.pow(2)).add(a.mul(b).mul(2));
        Function g = Theano.function(List.of(a, b), out2);
        assertArrayEquals(new double[] {9, 25, 49}, g.call(new double[] {0, 1, 2}, new double[] {3, 4, 5}).toDoubleArray());
    }
}
