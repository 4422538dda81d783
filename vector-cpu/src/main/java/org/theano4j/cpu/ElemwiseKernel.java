package org.theano4j.cpu;

import org.theano4j.backend.Kernel;
import org.theano4j.cpu.ElemProgram.Instr;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The fused elementwise kernel ({@code Composite} and plain {@code Elemwise}, in float lanes or,
 * for integer programs, int64 lanes): the compiled {@link ElemProgram} runs block by block
 * ({@link Species#BLOCK} elements, registers in L1), one vector loop per instruction; big outputs
 * are cut into block-aligned ranges run on the shared pool. Each thread keeps its registers and
 * geometry between calls.
 */
final class ElemwiseKernel implements Kernel {
    private final ElemProgram program;
    private final ThreadLocal<Scratch> scratch;

    /** Per-thread state: registers, the call geometry (filled by the calling thread) and the input view. */
    private static final class Scratch {
        final Registers registers;
        final ElemGeometry geometry;
        final NDArray[] inputs;

        Scratch(ElemProgram p) {
            registers = switch (p.lanes()) {
                case FLOAT64 -> new DoubleRegisters(p);
                case FLOAT32 -> new FloatRegisters(p);
                default -> new LongRegisters(p);
            };
            geometry = new ElemGeometry(p.inputs().length);
            inputs = new NDArray[p.inputs().length];
        }
    }

    ElemwiseKernel(ElemProgram program) {
        this.program = program;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(program));
    }

    @Override
    public void run(NDArray[] in, NDArray[] out) {
        NDArray o = out[0];
        if (!o.isCContiguous()) {
            NDArray tmp = NDArray.empty(o.dtype(), o.shape());
            run(in, new NDArray[] {tmp});
            o.copyFrom(tmp);
            return;
        }
        long n = o.size();
        if (n == 0) {
            return;
        }
        Scratch s = scratch.get();
        for (int k = 0; k < s.inputs.length; k++) {
            s.inputs[k] = in[program.inputs()[k]];
        }
        ElemGeometry g = s.geometry;
        g.set(s.inputs, o);
        int tasks = n < Species.PARALLEL_ELEMENTS ? 1 : Parallel.tasksFor(n, Species.PARALLEL_ELEMENTS / 2);
        if (tasks == 1) {
            runRange(s.registers, g, o, 0, n);
            return;
        }
        long chunk = (n + tasks - 1) / tasks;
        long step = (chunk + Species.BLOCK - 1) / Species.BLOCK * Species.BLOCK;
        Parallel.run(tasks, t -> runRange(scratch.get().registers, g, o, t * step, Math.min(n, (t + 1) * step)));
    }

    /** Computes output elements {@code [from, to)} (flat C order) with the registers of the current thread. */
    private void runRange(Registers r, ElemGeometry g, NDArray out, long from, long to) {
        boolean vector = Species.vector();
        int nIn = g.arrays.length;
        for (int k = 0; k < nIn; k++) {
            if (g.kind[k] == ElemGeometry.SCALAR) {
                r.fill(k, g.arrays[k], g.arrays[k].offset(), (int) Math.min(Species.BLOCK, to - from));
            }
        }
        Instr[] code = program.code();
        for (long start = from; start < to; start += Species.BLOCK) {
            int len = (int) Math.min(Species.BLOCK, to - start);
            for (int k = 0; k < nIn; k++) {
                loadInput(r, g, k, start, len);
            }
            for (int i = 0; i < code.length; i++) {
                r.exec(i, code[i], len, vector);
            }
            r.store(program.result(), out, start, len);
        }
    }

    private static void loadInput(Registers r, ElemGeometry g, int k, long start, int len) {
        NDArray a = g.arrays[k];
        if (g.kind[k] == ElemGeometry.FLAT) {
            r.load(k, 0, a, a.offset() + start, 1, len);
        } else if (g.kind[k] == ElemGeometry.GENERAL) {
            long inner = g.dims[g.ndim - 1];
            long stride = g.strides[k][g.ndim - 1];
            long flat = start;
            for (int done = 0; done < len;) {
                long row = flat / inner;
                long col = flat - row * inner;
                int m = (int) Math.min(inner - col, len - done);
                r.load(k, done, a, g.rowStart(k, row) + col * stride, stride, m);
                done += m;
                flat += m;
            }
        }
    }
}
