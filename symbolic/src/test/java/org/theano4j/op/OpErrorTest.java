package org.theano4j.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.Slice;
import org.theano4j.T;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.TensorType;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** Build-time and run-time errors of the non-elementwise ops: IllegalArgumentException with a clear message. */
class OpErrorTest {

    record Case(String name, Supplier<Object> action, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case e(String name, Supplier<Object> action, String message) {
        return new Case(name, action, message);
    }

    private static final Variable M = T.dmatrix("m");
    private static final Variable V = T.dvector("v");
    private static final Variable I = T.ivector("i");

    /** Evaluates {@code out} with m = zeros(2, 3), v = zeros(4), i = [0, 5]. */
    private static Object run(Variable out) {
        return GraphEval.eval(out, Map.of(M, NDArray.zeros(DType.FLOAT64, 2, 3), V, NDArray.zeros(DType.FLOAT64, 4),
                I, NDArray.of(new int[] {0, 5})));
    }

    static Stream<Case> cases() {
        return Stream.of(
                e("sum axis out of range", () -> T.sum(M, 2), "sum: axis 2 is out of bounds for a tensor of ndim 2"),
                e("mean negative axis out of range", () -> T.mean(M, -3), "mean: axis -3 is out of bounds for a tensor of ndim 2"),
                e("duplicate axis", () -> T.max(M, 1, -1), "max: duplicate axis -1 (ndim 2)"),
                e("argmax axis out of range", () -> T.argmax(V, 1), "argmax: axis 1 is out of bounds for a tensor of ndim 1"),
                e("max of empty", () -> run(T.max(M.get(Slice.of(0, 0)))),
                        "zero-size array to reduction operation maximum which has no identity"),
                e("min over empty axis", () -> run(T.min(M.get(Slice.all(), Slice.of(3, null)), 1)),
                        "zero-size array to reduction operation minimum which has no identity"),
                e("argmax of empty", () -> run(T.argmax(V.get(Slice.of(9, null)))), "attempt to get argmax of an empty sequence"),
                e("dot not aligned", () -> run(T.dot(M, V)), "dot: shapes (2, 3) and (4,) not aligned: 3 (dim 1) != 4 (dim 0)"),
                e("dot matrices not aligned", () -> run(T.dot(M, M)), "dot: shapes (2, 3) and (2, 3) not aligned: 3 (dim 1) != 2 (dim 0)"),
                e("Dot dtypes differ", () -> Apply.single(new Dot(), M, T.fvector("f")),
                        "Dot: input dtypes differ (float64 and float32); cast first"),
                e("reshape size mismatch", () -> run(T.reshape(M, 4, -1)),
                        "reshape: cannot reshape array of shape (2, 3) (size 6) into shape (4, -1)"),
                e("reshape two unknowns", () -> T.reshape(M, -1, -1),
                        "reshape: target shape [-1, -1] may hold one -1 and otherwise non-negative lengths"),
                e("transpose wrong length", () -> T.transpose(M, 0), "transpose: permutation [0] does not match a tensor of ndim 2"),
                e("concatenate ndim mismatch", () -> T.concatenate(List.of(M, V), 0),
                        "concatenate: all inputs must have the same ndim, but input 0 has 2 and input 1 (v) has 1"),
                e("concatenate shape mismatch", () -> run(T.concatenate(List.of(M, T.reshape(V, 2, 2)), 0)),
                        "Join: all the input array dimensions except for the concatenation axis must match exactly, but along "
                                + "dimension 1, the array at index 0 has size 3 and the array at index 1 has size 2"),
                e("concatenate axis out of range", () -> T.concatenate(List.of(V, V), 1),
                        "concatenate: axis 1 is out of bounds for a tensor of ndim 1"),
                e("index out of bounds", () -> run(V.get(5)), "index 5 is out of bounds for axis 0 with size 4"),
                e("negative index out of bounds", () -> run(M.get(-3)), "index -3 is out of bounds for axis 0 with size 2"),
                e("second axis index out of bounds", () -> run(M.get(Slice.all(), 3)), "index 3 is out of bounds for axis 1 with size 3"),
                e("too many indices", () -> V.get(0, 1), "too many indices for tensor: tensor is 1-dimensional, but 2 were indexed"),
                e("float index variable", () -> V.get(T.dscalar("s")),
                        "index variable s must be an integer scalar, got TensorType(float64, scalar)"),
                e("array index", () -> V.get((Object) new int[] {1}),
                        "index entries are Integer, Long, Slice or integer scalar variables, got int[]"),
                e("slice step zero", () -> Slice.of(0, 3, 0), "slice step cannot be zero"),
                e("run-time slice step zero", () -> run(V.get(Slice.of(null, null, T.sub(V.shape(0), 4)))), "slice step cannot be zero"),
                e("slice float bound", () -> Slice.of(0.5, 3), "slice start must be an Integer, a Long, an integer scalar variable or null"),
                e("take out of bounds", () -> run(Indexing.take(V, I, 0)), "index 5 is out of bounds for axis 0 with size 4"),
                e("take float indices", () -> Indexing.take(V, V, 0),
                        "AdvancedSubtensor1: indices must be an integer vector, got v of type TensorType(float64, vector)"),
                e("advanced index out of bounds", () -> run(M.get(T.constant(new long[] {0, 1}), I)),
                        "index 5 is out of bounds for axis 1 with size 3"),
                e("advanced indices of different lengths", () -> run(M.get(T.constant(new long[] {0, 1, 1}), T.constant(new long[] {0, 1}))),
                        "shape mismatch: indexing arrays could not be broadcast together: lengths [3, 2]"),
                e("reshape to run-time lengths, size mismatch", () -> run(T.reshape(M, List.of(V.shape(0), -1))),
                        "reshape: cannot reshape array of shape (2, 3) (size 6) into shape (4, -1)"),
                e("reshape float length", () -> T.reshape(M, List.of(T.dscalar("s"), -1)),
                        "reshape: each length must be an integer or an integer scalar variable, got s of type TensorType(float64, scalar)"),
                e("alloc float length", () -> T.alloc(0., T.dscalar("s")),
                        "alloc: each length must be an integer or an integer scalar variable, got s of type TensorType(float64, scalar)"),
                e("alloc negative length", () -> run(T.alloc(0., T.sub(V.shape(0), 5))), "alloc: length 0 is negative: -1"),
                e("incSubtensor does not broadcast", () -> run(Indexing.incSubtensor(M, V, 0)),
                        "IncSubtensor{0}: value of shape (4,) does not broadcast to the indexed region of shape (3,)"),
                e("softmax of scalar", () -> T.softmax(T.dscalar("s")),
                        "softmax: input s must have at least one axis, got TensorType(float64, scalar)"),
                e("crossentropy bad targets", () -> T.categoricalCrossentropy(M, T.dvector("t")),
                        "categoricalCrossentropy: p m is TensorType(float64, matrix); targets t must be an integer vector"),
                e("crossentropy target out of range", () -> run(T.categoricalCrossentropy(M, I)),
                        "index 5 is out of bounds for axis 1 with size 3"),
                e("crossentropy row mismatch", () -> run(T.categoricalCrossentropy(T.reshape(V, 1, 4), I)),
                        "CrossentropyCategorical1Hot: p has 1 rows but the targets have 2 entries"),
                e("arange zero step", () -> T.arange(0, 5, 0), "arange: step must not be zero"),
                e("Reduce axis beyond input", () -> Apply.single(new Reduce(Reduce.Kind.SUM, List.of(1)), V),
                        "Sum{axis=[1]}: axis 1 is out of bounds for input v of ndim 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsClearly(Case c) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, c.action()::get);
        if (c.message() != null) {
            assertTrue(ex.getMessage().startsWith(c.message()), () -> "message: " + ex.getMessage());
        }
    }

    @Test
    void opsCompareByParameters() {
        assertEquals(new Reduce(Reduce.Kind.SUM, List.of(0, 1)), new Reduce(Reduce.Kind.SUM, List.of(0, 1)));
        assertEquals(V.get(Slice.of(1, null)).owner().op(), T.dvector().get(Slice.of(1, null)).owner().op());
        assertEquals(T.sum(M, -1).owner().op(), T.sum(M, 1).owner().op());
        assertEquals(new Dot(), new Dot());
    }

    @Test
    void typesFollowNumpy() {
        assertEquals(DType.INT64, T.sum(T.bvector()).dtype());
        assertEquals(DType.UINT64, T.sum(T.tensor(DType.UINT16, new boolean[1], null)).dtype());
        assertEquals(DType.FLOAT32, T.sum(T.fmatrix()).dtype());
        assertEquals(DType.FLOAT64, T.mean(T.imatrix()).dtype());
        assertEquals(DType.INT32, T.max(T.imatrix(), 0).dtype());
        assertEquals(DType.INT64, T.argmax(T.fmatrix(), 1).dtype());
        assertEquals(DType.FLOAT64, T.dot(T.fmatrix(), T.dvector()).dtype());
        assertEquals(DType.INT64, T.arange(3).dtype());
        assertEquals(DType.INT32, T.arange(0, T.iscalar(), 1).dtype());
        assertEquals(DType.INT64, T.shape(T.dtensor3()).dtype());
        TensorType row = (TensorType) T.sum(T.tensor(DType.FLOAT64, new boolean[] {true, false, true}, null), 1).type();
        assertEquals(new TensorType(DType.FLOAT64, true, true), row);
        assertEquals(new TensorType(DType.FLOAT64, false, true), T.dot(M, T.tensor(DType.FLOAT64, new boolean[] {false, true}, null)).type());
        assertEquals(new TensorType(DType.FLOAT64, true, false), T.zerosLike(T.tensor(DType.FLOAT64, new boolean[] {true, false}, null)).type());
    }

    @Test
    void printsReadably() {
        assertEquals("m[1, 1:]", T.pp(M.get(1, Slice.of(1, null))));
        assertEquals("v[2:k:-1]", T.pp(V.get(Slice.of(2, T.lscalar("k"), -1))));
        assertEquals("sum(m, axis=[1])", T.pp(T.sum(M, -1)));
        assertEquals("dot(m, v)", T.pp(T.dot(M, V)));
        assertEquals("Sum{axis=[0, 1]}", T.sum(M).owner().op().displayName());
        assertEquals("softmax(m)", T.pp(T.softmax(M)));
    }
}
