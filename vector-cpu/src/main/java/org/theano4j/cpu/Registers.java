package org.theano4j.cpu;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.theano4j.cpu.ElemProgram.Code;
import org.theano4j.cpu.ElemProgram.Instr;
import org.theano4j.op.Casting;
import org.theano4j.op.ScalarOp;
import org.theano4j.tensor.NDArray;

/**
 * The block-sized register file of one thread running an {@link ElemProgram}, in one lane type
 * ({@link DoubleRegisters}, {@link FloatRegisters} or {@link LongRegisters}): loads input elements
 * into registers, runs instructions over a block, stores the result register.
 */
abstract sealed class Registers permits DoubleRegisters, FloatRegisters, LongRegisters {
    /** Scratch for bool loads and stores: bytes move in bulk, never one checked segment access each. */
    final byte[] bytes = new byte[Species.BLOCK];

    /** Loads {@code len} elements of {@code a} from physical position {@code pos} with element stride {@code stride}. */
    abstract void load(int reg, int off, NDArray a, long pos, long stride, int len);

    /** Fills elements {@code [0, len)} of register {@code reg} with the element of {@code a} at physical position {@code pos}. */
    abstract void fill(int reg, NDArray a, long pos, int len);

    /** Runs instruction {@code index} ({@code ins}) over elements {@code [0, n)}, vectorized when {@code vector}. */
    abstract void exec(int index, Instr ins, int n, boolean vector);

    /** Stores {@code len} elements of register {@code reg} into C-contiguous {@code out} from flat index {@code start}. */
    abstract void store(int reg, NDArray out, long start, int len);

    /** Copies {@code len} bytes of contiguous bool {@code a} from physical position {@code pos} into {@link #bytes}. */
    final void fetchBools(NDArray a, long pos, int len) {
        MemorySegment.copy(a.segment(), ValueLayout.JAVA_BYTE, pos, bytes, 0, len);
    }

    /** Copies the first {@code len} of {@link #bytes} into C-contiguous bool {@code out} from flat index {@code start}. */
    final void flushBools(NDArray out, long start, int len) {
        MemorySegment.copy(bytes, 0, out.segment(), ValueLayout.JAVA_BYTE, out.byteOffset() + start, len);
    }

    /** The element of {@code a} at physical position {@code pos} as the nearest double (integers rounded once). */
    static double doubleElement(NDArray a, long pos) {
        return a.readDouble(pos);
    }

    /** The element of {@code a} at physical position {@code pos} as the nearest float (integers rounded once, not via double). */
    static float floatElement(NDArray a, long pos) {
        return a.dtype().isFloat() ? (float) a.readDouble(pos) : Casting.toFloat(a.readLong(pos), a.dtype());
    }

    /** The scalar function an instruction code mirrors (null for {@link Code#TO_BOOL} and {@link Code#WRAP}). */
    static ScalarOp scalarOp(Code op) {
        return op.fn;
    }

    /** The reference scalar semantics of {@code op} on doubles (bool values are 0/1). */
    static double scalar(Code op, double a, double b, double c) {
        return switch (op) {
            case AND -> a != 0 && b != 0 ? 1 : 0;
            case OR -> a != 0 || b != 0 ? 1 : 0;
            case XOR -> (a != 0) != (b != 0) ? 1 : 0;
            case NOT -> a == 0 ? 1 : 0;
            case TO_BOOL -> a != 0 ? 1 : 0;
            default -> op.fn.applyDouble(a, b, c);
        };
    }
}
