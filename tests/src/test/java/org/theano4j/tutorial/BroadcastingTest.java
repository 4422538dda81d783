package org.theano4j.tutorial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** Theano tutorial "Broadcasting" (broadcasting.txt), in Java. */
class BroadcastingTest {
    private static final NDArray M = NDArray.of(new long[][] {{0, 1, 2}, {3, 4, 5}, {6, 7, 8}}); // np.arange(9).reshape(3, 3)

    @Test
    void rowIsBroadcastAlongTheFirstAxis() {
        Variable r = T.row();
        assertArrayEquals(new boolean[] {true, false}, r.broadcastable());
        Variable mtr = T.matrix();
        assertArrayEquals(new boolean[] {false, false}, mtr.broadcastable());
        Function fRow = Theano.function(List.of(r, mtr), List.of(r.add(mtr)));
        NDArray rv = NDArray.of(new long[][] {{0, 1, 2}});                   // np.arange(3).reshape(1, 3)
        NDArray out = fRow.callAll(rv, M).get(0);
        assertArrayEquals(new double[][] {{0, 2, 4}, {3, 5, 7}, {6, 8, 10}}, out.toDoubleMatrix());
    }

    @Test
    void colIsBroadcastAlongTheSecondAxis() {
        Variable c = T.col();
        assertArrayEquals(new boolean[] {false, true}, c.broadcastable());
        Variable mtr = T.matrix();
        Function fCol = Theano.function(List.of(c, mtr), List.of(c.add(mtr)));
        NDArray cv = NDArray.of(new long[][] {{0}, {1}, {2}});               // np.arange(3).reshape(3, 1)
        NDArray out = fCol.callAll(cv, M).get(0);
        assertArrayEquals(new double[][] {{0, 1, 2}, {4, 5, 6}, {8, 9, 10}}, out.toDoubleMatrix());
    }

    @Test
    void vectorIsExpandedToTheLeft() {
        Variable v = T.dvector("v");
        Variable m = T.dmatrix("m");
        Variable sum = v.add(m);
        assertArrayEquals(new boolean[] {false, false}, sum.broadcastable());
        Function f = Theano.function(List.of(v, m), sum);
        NDArray out = f.call(new double[] {10, 20, 30}, M);
        assertArrayEquals(new double[][] {{10, 21, 32}, {13, 24, 35}, {16, 27, 38}}, out.toDoubleMatrix());
    }

    @Test
    void rowPlusColIsAnOuterSum() {
        Variable r = T.drow("r");
        Variable c = T.dcol("c");
        Variable s = r.add(c);
        assertArrayEquals(new boolean[] {false, false}, s.broadcastable());
        // numpy: np.array([[1., 2, 3]]) + np.array([[10.], [20.]]) -> [[11. 12. 13.] [21. 22. 23.]]
        NDArray out = Theano.function(List.of(r, c), s).call(new double[][] {{1, 2, 3}}, new double[][] {{10}, {20}});
        assertArrayEquals(new double[][] {{11, 12, 13}, {21, 22, 23}}, out.toDoubleMatrix());
    }

    @Test
    void aRowInputMustHaveOneRow() {
        Variable r = T.row("r");
        Function f = Theano.function(List.of(r), r.mul(2));
        String m = assertThrows(IllegalArgumentException.class, () -> f.call(new double[][] {{1, 2}, {3, 4}})).getMessage();
        assertTrue(m.contains("broadcastable") && m.contains("(2, 2)"), m);
    }

    @Test
    void typedRowAndColConstructors() {
        Object[][] table = {
            {T.drow("a"), DType.FLOAT64, true}, {T.dcol("a"), DType.FLOAT64, false},
            {T.frow("a"), DType.FLOAT32, true}, {T.fcol("a"), DType.FLOAT32, false},
            {T.irow("a"), DType.INT32, true}, {T.icol("a"), DType.INT32, false},
            {T.lrow("a"), DType.INT64, true}, {T.lcol("a"), DType.INT64, false},
            {T.brow("a"), DType.INT8, true}, {T.bcol("a"), DType.INT8, false},
            {T.row("a", DType.INT16), DType.INT16, true}, {T.col("a", DType.INT16), DType.INT16, false},
        };
        for (Object[] row : table) {
            Variable v = (Variable) row[0];
            boolean isRow = (Boolean) row[2];
            assertEquals(row[1], v.dtype());
            assertEquals("a", v.name());
            assertArrayEquals(new boolean[] {isRow, !isRow}, v.broadcastable(), v.type().describe());
            assertEquals(isRow ? "row" : "col", v.tensorType().rankName());
        }
        Variable[] rows = T.frows("p", "q");
        Variable[] cols = T.lcols("p", "q", "r");
        assertEquals(2, rows.length);
        assertEquals(3, cols.length);
        assertEquals("q", rows[1].name());
        assertArrayEquals(new boolean[] {false, true}, cols[2].broadcastable());
        assertEquals(DType.FLOAT64, T.rows("u")[0].dtype());
        assertArrayEquals(new boolean[] {false, true}, T.cols("u")[0].broadcastable());
    }
}
