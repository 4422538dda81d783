package org.theano4j.cpu;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import org.theano4j.cpu.ElemProgram.Instr;
import org.theano4j.op.Casting;
import org.theano4j.op.ScalarSemantics;
import org.theano4j.tensor.NDArray;

/**
 * int64 lanes for integer programs: one {@code long[BLOCK]} per register holding every integer and
 * bool dtype as {@link IntegerEmitter} describes, {@link LongLoops} for the vector forms; what has
 * none (division, modulo, power) runs the exact scalar semantics ({@link ScalarSemantics#integer})
 * over the block. Narrow dtypes move through bulk copies into typed scratch arrays and one
 * widening or narrowing loop each, which C2 vectorizes.
 */
final class LongRegisters extends Registers {
    private final long[][] r;
    private final LongLoops.Loop[] loops;
    private final int[] ints = new int[Species.BLOCK];
    private final short[] shorts = new short[Species.BLOCK];

    LongRegisters(ElemProgram p) {
        r = new long[p.registers()][Species.BLOCK];
        loops = new LongLoops.Loop[p.code().length];
        for (int i = 0; i < loops.length; i++) {
            loops[i] = LongLoops.loop(p.code()[i]);
        }
        for (int i = 0; i < p.constants().length; i++) {
            Arrays.fill(r[p.inputs().length + i], p.constants()[i].longValue());
        }
    }

    @Override
    void load(int reg, int off, NDArray a, long pos, long stride, int len) {
        long[] dst = r[reg];
        if (stride == 0) {
            Arrays.fill(dst, off, off + len, a.readLong(pos));
        } else if (stride != 1) {
            for (int i = 0; i < len; i++) {
                dst[off + i] = a.readLong(pos + i * stride);
            }
        } else {
            loadContiguous(dst, off, a, pos, len);
        }
    }

    private void loadContiguous(long[] dst, int off, NDArray a, long pos, int len) {
        MemorySegment seg = a.segment();
        switch (a.dtype()) {
            case INT64, UINT64 -> MemorySegment.copy(seg, ValueLayout.JAVA_LONG_UNALIGNED, pos * Long.BYTES, dst, off, len);
            case INT32, UINT32 -> {
                MemorySegment.copy(seg, ValueLayout.JAVA_INT_UNALIGNED, pos * Integer.BYTES, ints, 0, len);
                long mask = a.dtype().isSigned() ? -1L : 0xffffffffL;
                for (int i = 0; i < len; i++) {
                    dst[off + i] = ints[i] & mask;
                }
            }
            case INT16, UINT16 -> {
                MemorySegment.copy(seg, ValueLayout.JAVA_SHORT_UNALIGNED, pos * Short.BYTES, shorts, 0, len);
                long mask = a.dtype().isSigned() ? -1L : 0xffffL;
                for (int i = 0; i < len; i++) {
                    dst[off + i] = shorts[i] & mask;
                }
            }
            default -> { // one byte: int8, uint8, bool (stored as 0/1)
                fetchBools(a, pos, len);
                long mask = a.dtype().isSigned() ? -1L : 0xffL;
                for (int i = 0; i < len; i++) {
                    dst[off + i] = bytes[i] & mask;
                }
            }
        }
    }

    @Override
    void fill(int reg, NDArray a, long pos, int len) {
        Arrays.fill(r[reg], 0, len, a.readLong(pos));
    }

    @Override
    void store(int reg, NDArray out, long start, int len) {
        long[] src = r[reg];
        MemorySegment seg = out.segment();
        switch (out.dtype()) {
            case INT64, UINT64 -> MemorySegment.copy(src, 0, seg, ValueLayout.JAVA_LONG_UNALIGNED,
                    out.byteOffset() + start * Long.BYTES, len);
            case INT32, UINT32 -> {
                for (int i = 0; i < len; i++) {
                    ints[i] = (int) src[i];
                }
                MemorySegment.copy(ints, 0, seg, ValueLayout.JAVA_INT_UNALIGNED, out.byteOffset() + start * Integer.BYTES, len);
            }
            case INT16, UINT16 -> {
                for (int i = 0; i < len; i++) {
                    shorts[i] = (short) src[i];
                }
                MemorySegment.copy(shorts, 0, seg, ValueLayout.JAVA_SHORT_UNALIGNED, out.byteOffset() + start * Short.BYTES,
                        len);
            }
            default -> { // int8, uint8 keep the low byte; bool results are 0/1 already
                for (int i = 0; i < len; i++) {
                    bytes[i] = (byte) src[i];
                }
                flushBools(out, start, len);
            }
        }
    }

    @Override
    void exec(int index, Instr ins, int n, boolean vector) {
        int[] s = ins.src();
        long[] d = r[ins.dst()];
        long[] a = r[s[0]];
        long[] b = s.length > 1 ? r[s[1]] : a;
        long[] c = s.length > 2 ? r[s[2]] : a;
        int i = vector && loops[index] != null ? loops[index].run(a, b, c, d, n) : 0;
        for (; i < n; i++) {
            d[i] = scalar(ins, a[i], b[i], c[i]);
        }
    }

    /** The exact scalar semantics of one instruction. */
    private static long scalar(Instr ins, long a, long b, long c) {
        return switch (ins.op()) {
            case WRAP -> Casting.castLong(a, ins.dtype());
            case TO_BOOL -> a != 0 ? 1 : 0;
            default -> ScalarSemantics.integer(scalarOp(ins.op()), ins.compute(), a, b, c);
        };
    }
}
