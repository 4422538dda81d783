package org.theano4j;

import org.theano4j.tensor.DType;

/**
 * The typed plurals by count ({@code T.dmatrices(3)}: three unnamed float64 matrices, as Theano's
 * {@code dmatrices(3)}), for every prefix d, f, i, l, b, w and rank 0 to 7; inherited by {@link T}.
 * A negative count is an {@link IllegalArgumentException}.
 */
public abstract class CountedConstructors extends HighRankConstructors {
    CountedConstructors() {
    }

    /** {@code count} unnamed float64 scalar variables (Theano's {@code T.dscalars(3)}). */
    public static Variable[] dscalars(int count) { return TensorConstructors.inputs(DType.FLOAT64, 0, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed float64 vector variables (Theano's {@code T.dvectors(3)}). */
    public static Variable[] dvectors(int count) { return TensorConstructors.inputs(DType.FLOAT64, 1, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed float64 matrix variables (Theano's {@code T.dmatrices(3)}). */
    public static Variable[] dmatrices(int count) { return TensorConstructors.inputs(DType.FLOAT64, 2, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed float64 3-d tensor variables (Theano's {@code T.dtensor3s(3)}). */
    public static Variable[] dtensor3s(int count) { return TensorConstructors.inputs(DType.FLOAT64, 3, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed float64 4-d tensor variables (Theano's {@code T.dtensor4s(3)}). */
    public static Variable[] dtensor4s(int count) { return TensorConstructors.inputs(DType.FLOAT64, 4, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed float64 5-d tensor variables (Theano's {@code T.dtensor5s(3)}). */
    public static Variable[] dtensor5s(int count) { return TensorConstructors.inputs(DType.FLOAT64, 5, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed float64 6-d tensor variables (Theano's {@code T.dtensor6s(3)}). */
    public static Variable[] dtensor6s(int count) { return TensorConstructors.inputs(DType.FLOAT64, 6, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed float64 7-d tensor variables (Theano's {@code T.dtensor7s(3)}). */
    public static Variable[] dtensor7s(int count) { return TensorConstructors.inputs(DType.FLOAT64, 7, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed float32 scalar variables (Theano's {@code T.fscalars(3)}). */
    public static Variable[] fscalars(int count) { return TensorConstructors.inputs(DType.FLOAT32, 0, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed float32 vector variables (Theano's {@code T.fvectors(3)}). */
    public static Variable[] fvectors(int count) { return TensorConstructors.inputs(DType.FLOAT32, 1, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed float32 matrix variables (Theano's {@code T.fmatrices(3)}). */
    public static Variable[] fmatrices(int count) { return TensorConstructors.inputs(DType.FLOAT32, 2, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed float32 3-d tensor variables (Theano's {@code T.ftensor3s(3)}). */
    public static Variable[] ftensor3s(int count) { return TensorConstructors.inputs(DType.FLOAT32, 3, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed float32 4-d tensor variables (Theano's {@code T.ftensor4s(3)}). */
    public static Variable[] ftensor4s(int count) { return TensorConstructors.inputs(DType.FLOAT32, 4, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed float32 5-d tensor variables (Theano's {@code T.ftensor5s(3)}). */
    public static Variable[] ftensor5s(int count) { return TensorConstructors.inputs(DType.FLOAT32, 5, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed float32 6-d tensor variables (Theano's {@code T.ftensor6s(3)}). */
    public static Variable[] ftensor6s(int count) { return TensorConstructors.inputs(DType.FLOAT32, 6, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed float32 7-d tensor variables (Theano's {@code T.ftensor7s(3)}). */
    public static Variable[] ftensor7s(int count) { return TensorConstructors.inputs(DType.FLOAT32, 7, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int32 scalar variables (Theano's {@code T.iscalars(3)}). */
    public static Variable[] iscalars(int count) { return TensorConstructors.inputs(DType.INT32, 0, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int32 vector variables (Theano's {@code T.ivectors(3)}). */
    public static Variable[] ivectors(int count) { return TensorConstructors.inputs(DType.INT32, 1, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int32 matrix variables (Theano's {@code T.imatrices(3)}). */
    public static Variable[] imatrices(int count) { return TensorConstructors.inputs(DType.INT32, 2, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int32 3-d tensor variables (Theano's {@code T.itensor3s(3)}). */
    public static Variable[] itensor3s(int count) { return TensorConstructors.inputs(DType.INT32, 3, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int32 4-d tensor variables (Theano's {@code T.itensor4s(3)}). */
    public static Variable[] itensor4s(int count) { return TensorConstructors.inputs(DType.INT32, 4, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int32 5-d tensor variables (Theano's {@code T.itensor5s(3)}). */
    public static Variable[] itensor5s(int count) { return TensorConstructors.inputs(DType.INT32, 5, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int32 6-d tensor variables (Theano's {@code T.itensor6s(3)}). */
    public static Variable[] itensor6s(int count) { return TensorConstructors.inputs(DType.INT32, 6, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int32 7-d tensor variables (Theano's {@code T.itensor7s(3)}). */
    public static Variable[] itensor7s(int count) { return TensorConstructors.inputs(DType.INT32, 7, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int64 scalar variables (Theano's {@code T.lscalars(3)}). */
    public static Variable[] lscalars(int count) { return TensorConstructors.inputs(DType.INT64, 0, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int64 vector variables (Theano's {@code T.lvectors(3)}). */
    public static Variable[] lvectors(int count) { return TensorConstructors.inputs(DType.INT64, 1, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int64 matrix variables (Theano's {@code T.lmatrices(3)}). */
    public static Variable[] lmatrices(int count) { return TensorConstructors.inputs(DType.INT64, 2, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int64 3-d tensor variables (Theano's {@code T.ltensor3s(3)}). */
    public static Variable[] ltensor3s(int count) { return TensorConstructors.inputs(DType.INT64, 3, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int64 4-d tensor variables (Theano's {@code T.ltensor4s(3)}). */
    public static Variable[] ltensor4s(int count) { return TensorConstructors.inputs(DType.INT64, 4, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int64 5-d tensor variables (Theano's {@code T.ltensor5s(3)}). */
    public static Variable[] ltensor5s(int count) { return TensorConstructors.inputs(DType.INT64, 5, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int64 6-d tensor variables (Theano's {@code T.ltensor6s(3)}). */
    public static Variable[] ltensor6s(int count) { return TensorConstructors.inputs(DType.INT64, 6, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int64 7-d tensor variables (Theano's {@code T.ltensor7s(3)}). */
    public static Variable[] ltensor7s(int count) { return TensorConstructors.inputs(DType.INT64, 7, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int8 scalar variables (Theano's {@code T.bscalars(3)}). */
    public static Variable[] bscalars(int count) { return TensorConstructors.inputs(DType.INT8, 0, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int8 vector variables (Theano's {@code T.bvectors(3)}). */
    public static Variable[] bvectors(int count) { return TensorConstructors.inputs(DType.INT8, 1, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int8 matrix variables (Theano's {@code T.bmatrices(3)}). */
    public static Variable[] bmatrices(int count) { return TensorConstructors.inputs(DType.INT8, 2, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int8 3-d tensor variables (Theano's {@code T.btensor3s(3)}). */
    public static Variable[] btensor3s(int count) { return TensorConstructors.inputs(DType.INT8, 3, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int8 4-d tensor variables (Theano's {@code T.btensor4s(3)}). */
    public static Variable[] btensor4s(int count) { return TensorConstructors.inputs(DType.INT8, 4, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int8 5-d tensor variables (Theano's {@code T.btensor5s(3)}). */
    public static Variable[] btensor5s(int count) { return TensorConstructors.inputs(DType.INT8, 5, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int8 6-d tensor variables (Theano's {@code T.btensor6s(3)}). */
    public static Variable[] btensor6s(int count) { return TensorConstructors.inputs(DType.INT8, 6, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int8 7-d tensor variables (Theano's {@code T.btensor7s(3)}). */
    public static Variable[] btensor7s(int count) { return TensorConstructors.inputs(DType.INT8, 7, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int16 scalar variables (Theano's {@code T.wscalars(3)}). */
    public static Variable[] wscalars(int count) { return TensorConstructors.inputs(DType.INT16, 0, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int16 vector variables (Theano's {@code T.wvectors(3)}). */
    public static Variable[] wvectors(int count) { return TensorConstructors.inputs(DType.INT16, 1, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int16 matrix variables (Theano's {@code T.wmatrices(3)}). */
    public static Variable[] wmatrices(int count) { return TensorConstructors.inputs(DType.INT16, 2, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int16 3-d tensor variables (Theano's {@code T.wtensor3s(3)}). */
    public static Variable[] wtensor3s(int count) { return TensorConstructors.inputs(DType.INT16, 3, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int16 4-d tensor variables (Theano's {@code T.wtensor4s(3)}). */
    public static Variable[] wtensor4s(int count) { return TensorConstructors.inputs(DType.INT16, 4, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int16 5-d tensor variables (Theano's {@code T.wtensor5s(3)}). */
    public static Variable[] wtensor5s(int count) { return TensorConstructors.inputs(DType.INT16, 5, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int16 6-d tensor variables (Theano's {@code T.wtensor6s(3)}). */
    public static Variable[] wtensor6s(int count) { return TensorConstructors.inputs(DType.INT16, 6, HighRankConstructors.unnamed(count)); }
    /** {@code count} unnamed int16 7-d tensor variables (Theano's {@code T.wtensor7s(3)}). */
    public static Variable[] wtensor7s(int count) { return TensorConstructors.inputs(DType.INT16, 7, HighRankConstructors.unnamed(count)); }
}
