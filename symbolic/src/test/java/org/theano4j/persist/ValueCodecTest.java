package org.theano4j.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.graph.Op;
import org.theano4j.op.ArgReduce;
import org.theano4j.op.Composite;
import org.theano4j.op.DimShuffle;
import org.theano4j.op.Elemwise;
import org.theano4j.op.Gemm;
import org.theano4j.op.Reshape;
import org.theano4j.op.ScalarCast;
import org.theano4j.op.ScalarExpr;
import org.theano4j.op.ScalarOp;
import org.theano4j.op.Subtensor;
import org.theano4j.tensor.DType;

/**
 * Values written to JSON text and read back equal what was written, exactly: doubles and floats
 * to the bit (signed zeros, NaN payloads, subnormals, infinities), longs at their extremes, nulls,
 * nested records, enums and the records' own constants (so {@code ==} still holds).
 */
class ValueCodecTest {
    private static final Subtensor SLICE = new Subtensor(List.of(new Subtensor.Entry(true, Subtensor.Bound.OPEN,
            Subtensor.Bound.fixed(-3), Subtensor.Bound.INPUT)));

    static List<Op> ops() {
        double nanPayload = Double.longBitsToDouble(0x7ff0000000000abcL);
        return List.of(
                new Gemm(-0.0, Double.MIN_VALUE),
                new Gemm(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY),
                new Gemm(0.1, 1e300),
                new ArgReduce(true, null),
                new ArgReduce(false, -1),
                new Reshape(List.of(Long.MAX_VALUE, -1L, 0L)),
                new Composite(new ScalarExpr.Const(Long.MIN_VALUE, DType.INT64), 0),
                new DimShuffle(List.of(1, -1, 0), 2),
                new Elemwise(new ScalarCast(DType.UINT64)),
                SLICE,
                new Composite(new ScalarExpr.Call(ScalarOp.SWITCH, List.of(new ScalarExpr.Input(0, DType.BOOL),
                        new ScalarExpr.Const(nanPayload, DType.FLOAT64), new ScalarExpr.Const(-1L, DType.UINT64)), DType.FLOAT64), 1),
                new Composite(new ScalarExpr.Const(Float.intBitsToFloat(0x7fc00123), DType.FLOAT32), 0));
    }

    @ParameterizedTest
    @MethodSource("ops")
    void anOpReadsBackEqual(Op op) {
        Object back = roundTrip(op, Op.class);
        assertEquals(op, back);
        assertEquals(Json.write(write(op, Op.class)), Json.write(write(back, Op.class)), "and writes the same text again");
    }

    @Test
    void doublesKeepTheirBits() {
        Gemm g = (Gemm) roundTrip(new Gemm(Double.longBitsToDouble(0x7ff8000000000001L), -0.0), Op.class);
        assertEquals(0x7ff8000000000001L, Double.doubleToRawLongBits(g.alpha()));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(g.beta()));
    }

    @Test
    void aRecordsOwnConstantsComeBackAsThemselves() {
        Subtensor s = (Subtensor) roundTrip(SLICE, Op.class);
        assertSame(Subtensor.Bound.OPEN, s.entries().get(0).start());
        assertSame(Subtensor.Bound.INPUT, s.entries().get(0).step());
    }

    @Test
    void longArraysOfNumbersBecomeMembersAndReadBackExactly() {
        ArrayTable arrays = new ArrayTable();
        double[] big = new double[40];
        Arrays.setAll(big, i -> i == 3 ? -0.0 : Math.scalb(1.0 / (i + 3), -1030));
        Object json = new ValueWriter(Registry.get(), arrays).write(big, double[].class, null, "big");
        assertEquals(Map.of("array", "a0"), json);
        double[] back = (double[]) new ValueReader(Registry.get(), arrays.arrays()).read(json, double[].class, null, "big");
        assertEquals(Arrays.toString(big), Arrays.toString(back));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back[3]));
    }

    @Test
    void valuesThatAreNotDataAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> write(new org.theano4j.op.Print("m", List.of("shape"), s -> { }), Op.class));
        assertTrue(e.getMessage().contains("op.sink is a lambda or other code, which is not data"), e.getMessage());
    }

    @Test
    void aValueOfTheWrongKindIsRefusedOnRead() {
        Object json = Map.of("class", "org.theano4j.op.ScalarOp", "value", "ADD");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(json, Op.class));
        assertTrue(e.getMessage().contains("expected a org.theano4j.graph.Op, the file holds a org.theano4j.op.ScalarOp"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("class", "org.theano4j.op.Gemm", "alpha", new Json.Num("1")), Op.class));
    }

    private static Object write(Object value, Class<?> declared) {
        return new ValueWriter(Registry.get(), new ArrayTable()).write(value, declared, null, "op");
    }

    private static Object read(Object json, Class<?> declared) {
        return new ValueReader(Registry.get(), Map.of()).read(json, declared, null, "op");
    }

    /** Through JSON text, as a file holds it. */
    private static Object roundTrip(Object value, Class<?> declared) {
        return read(Json.parse(Json.write(write(value, declared)), "test"), declared);
    }
}
