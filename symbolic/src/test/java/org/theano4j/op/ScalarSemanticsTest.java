package org.theano4j.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The reference semantics against numpy 2.4.6 ({@link ScalarCases}): every scalar function at
 * the edge values of every integer dtype and bool, float specials of pow, maximum, minimum,
 * clip, floor division and modulo, and integer-to-float conversions; each case evaluated as a
 * one-node tree (the evaluation fused composites use) and, grouped per function and dtype,
 * through {@code Elemwise.evaluate} on arrays (the reference backend and constant folding).
 */
class ScalarSemanticsTest {

    @Test
    void everyCaseMatchesNumpyAsATree() throws IOException {
        List<ScalarCases.Case> cases = ScalarCases.load();
        assertTrue(cases.size() > 10_000, "cases: " + cases.size());
        List<String> wrong = new ArrayList<>();
        for (ScalarCases.Case c : cases) {
            ScalarExpr.Call call = call(c);
            if (c.error()) {
                assertThrows(IllegalArgumentException.class, () -> evaluate(call, c), c.toString());
                continue;
            }
            long got = evaluate(call, c);
            if (!same(c, got)) {
                wrong.add(c + " but got " + new ScalarCases.Case(c.fn(), c.dtype(), c.args(), got, false));
            }
        }
        assertEquals(List.of(), wrong.subList(0, Math.min(20, wrong.size())), wrong.size() + " wrong");
    }

    @Test
    void everyCaseMatchesNumpyOnArrays() throws IOException {
        Map<String, List<ScalarCases.Case>> groups = ScalarCases.load().stream().filter(c -> !c.error())
                .collect(Collectors.groupingBy(c -> c.fn() + " " + c.dtype(), TreeMap::new, Collectors.toList()));
        for (List<ScalarCases.Case> g : groups.values()) {
            ScalarCases.Case first = g.get(0);
            NDArray[] in = new NDArray[first.args().length];
            for (int k = 0; k < in.length; k++) {
                in[k] = NDArray.zeros(first.dtype(), g.size());
                for (int i = 0; i < g.size(); i++) {
                    set(in[k], i, g.get(i).args()[k], first.dtype());
                }
            }
            NDArray out = (NDArray) new Elemwise(first.fn()).evaluate(in)[0];
            for (int i = 0; i < g.size(); i++) {
                long got = get(out, i);
                assertTrue(same(g.get(i), got), g.get(i) + " but got " + got);
            }
        }
    }

    @Test
    void integerConstantsAreExact() {
        ScalarExpr.Const c = new ScalarExpr.Const((1L << 60) + 1, DType.INT64);
        assertEquals((1L << 60) + 1, c.longValue());
        assertEquals(-1L, new ScalarExpr.Const(-1L, DType.UINT64).longValue());
        assertEquals("18446744073709551615", ScalarExpr.format(new ScalarExpr.Const(-1L, DType.UINT64)));
        assertEquals(44, new ScalarExpr.Const(300, DType.INT8).longValue()); // wraps like an array store
        assertEquals((float) 0.1, new ScalarExpr.Const(0.1, DType.FLOAT32).doubleValue());
        assertEquals(ScalarExpr.Const.of(NDArray.of((1L << 60) + 1)), c);
    }

    private static ScalarExpr.Call call(ScalarCases.Case c) {
        List<ScalarExpr> args = new ArrayList<>();
        for (int k = 0; k < c.args().length; k++) {
            args.add(new ScalarExpr.Input(k, c.dtype()));
        }
        return new ScalarExpr.Call(c.fn(), args, c.resultDType());
    }

    /** The tree's value in the case's long form. */
    private static long evaluate(ScalarExpr.Call call, ScalarCases.Case c) {
        long[] ints = new long[3];
        double[] floats = new double[3];
        for (int k = 0; k < c.args().length; k++) {
            ints[k] = c.args()[k];
            floats[k] = c.dtype().isFloat() ? ScalarCases.real(c.args()[k], c.dtype()) : 0;
        }
        DType r = c.resultDType();
        return r.isFloat() ? ScalarCases.bits(ScalarExpr.evaluateReal(call, ints, floats), r)
                : ScalarExpr.evaluateInteger(call, ints, floats);
    }

    private static boolean same(ScalarCases.Case c, long got) {
        DType r = c.resultDType();
        return r.isFloat() ? ScalarCases.sameFloat(c.result(), got, r) : c.result() == got;
    }

    private static void set(NDArray a, long i, long v, DType dtype) {
        if (dtype.isFloat()) {
            a.setFlat(i, ScalarCases.real(v, dtype));
        } else {
            a.setFlatLong(i, v);
        }
    }

    private static long get(NDArray a, long i) {
        return a.dtype().isFloat() ? ScalarCases.bits(a.getFlat(i), a.dtype()) : a.getFlatLong(i);
    }
}
