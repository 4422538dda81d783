package org.theano4j.cpu;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.ConcurrentHashMap;
import org.theano4j.backend.Kernel;
import org.theano4j.cpu.ElemProgram.Instr;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The fused elementwise kernel ({@code Composite} and plain {@code Elemwise}, in float lanes or,
 * for integer programs, int64 lanes): the compiled {@link ElemProgram} runs block by block
 * ({@link Species#BLOCK} elements, registers in L1), one vector loop per instruction; big outputs
 * are cut into block-aligned ranges run on the shared pool. Each thread keeps its registers and
 * geometry between calls. With flag {@code cpu.elemCodegen}, float programs whose call has only
 * contiguous and one-value inputs and a contiguous output of the lanes' dtype run instead as one
 * generated class per input pattern ({@link ElemCodegen}, the same bits): one vector loop, no
 * register buffers.
 */
final class ElemwiseKernel implements Kernel {
    private final ElemProgram program;
    private final ThreadLocal<Scratch> scratch;
    /** Whether generated kernels are used for this program (flag on and {@link ElemCodegen#supports}). */
    private final boolean codegen;
    /** Generated kernels by input pattern (bit k set: input k is one value for all). */
    private final ConcurrentHashMap<Integer, ElemCodegen.Loop> generated = new ConcurrentHashMap<>();
    /** The last pattern's kernel, checked before the map. */
    private volatile Generated last;

    /** A generated kernel and the input pattern it is for. */
    private record Generated(int mask, ElemCodegen.Loop loop) {
    }

    /** Per-thread state: registers, the call geometry (filled by the calling thread) and the input view. */
    private static final class Scratch {
        final Registers registers;
        final ElemGeometry geometry;
        final NDArray[] inputs;
        /** Arguments of a generated kernel: segments and byte offsets of contiguous inputs, one-value inputs. */
        final MemorySegment[] segs;
        final long[] offs;
        final double[] scal;

        Scratch(ElemProgram p) {
            registers = switch (p.lanes()) {
                case FLOAT64 -> new DoubleRegisters(p);
                case FLOAT32 -> new FloatRegisters(p);
                default -> new LongRegisters(p);
            };
            geometry = new ElemGeometry(p.inputs().length);
            inputs = new NDArray[p.inputs().length];
            segs = new MemorySegment[p.inputs().length];
            offs = new long[p.inputs().length];
            scal = new double[p.inputs().length];
        }
    }

    ElemwiseKernel(ElemProgram program) {
        this(program, ElemCodegen.enabled());
    }

    /** The kernel of {@code program}, using generated kernels where {@link ElemCodegen#supports} allows when {@code codegen}. */
    ElemwiseKernel(ElemProgram program, boolean codegen) {
        this(program, codegen, false);
    }

    /**
     * As {@link #ElemwiseKernel(ElemProgram, boolean)}; with {@code anyGeneratable} also programs the
     * generator can emit but leaves to the interpreter for speed (tests of the generator).
     */
    ElemwiseKernel(ElemProgram program, boolean codegen, boolean anyGeneratable) {
        this.program = program;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(program));
        this.codegen = codegen && (anyGeneratable ? ElemCodegen.canGenerate(program) : ElemCodegen.supports(program));
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
        ElemCodegen.Loop loop = codegen ? generatedFor(g, o) : null;
        if (loop != null) {
            runGenerated(loop, s, g, o, n, tasks);
            return;
        }
        if (tasks == 1) {
            runRange(s.registers, g, o, 0, n);
            return;
        }
        long chunk = (n + tasks - 1) / tasks;
        long step = (chunk + Species.BLOCK - 1) / Species.BLOCK * Species.BLOCK;
        Parallel.run(tasks, t -> runRange(scratch.get().registers, g, o, t * step, Math.min(n, (t + 1) * step)));
    }

    /** Whether a call on {@code in} into {@code out} would run a generated kernel (tests). */
    boolean runsGenerated(NDArray[] in, NDArray out) {
        Scratch s = scratch.get();
        for (int k = 0; k < s.inputs.length; k++) {
            s.inputs[k] = in[program.inputs()[k]];
        }
        s.geometry.set(s.inputs, out);
        return codegen && out.isCContiguous() && generatedFor(s.geometry, out) != null;
    }

    /**
     * The generated kernel for this call's geometry, or null for the interpreter: the vector path
     * on, every input contiguous in the lanes' dtype or one value, the output in the lanes' dtype.
     */
    private ElemCodegen.Loop generatedFor(ElemGeometry g, NDArray out) {
        if (!Species.vector() || out.dtype() != program.lanes()) {
            return null;
        }
        int mask = 0;
        for (int k = 0; k < g.arrays.length; k++) {
            if (g.kind[k] == ElemGeometry.SCALAR) {
                mask |= 1 << k;
            } else if (g.kind[k] != ElemGeometry.FLAT || g.arrays[k].dtype() != program.lanes()) {
                return null;
            }
        }
        Generated cached = last;
        if (cached != null && cached.mask() == mask) {
            return cached.loop();
        }
        ElemCodegen.Loop loop = generated.computeIfAbsent(mask, m -> ElemCodegen.generate(program, m));
        last = new Generated(mask, loop);
        return loop;
    }

    /** Runs a generated kernel over {@code [0, n)}, in block-aligned ranges on the pool when {@code tasks > 1}. */
    private void runGenerated(ElemCodegen.Loop loop, Scratch s, ElemGeometry g, NDArray o, long n, int tasks) {
        boolean single = program.lanes() == DType.FLOAT32;
        for (int k = 0; k < g.arrays.length; k++) {
            NDArray a = g.arrays[k];
            if (g.kind[k] == ElemGeometry.SCALAR) {
                s.scal[k] = single ? Registers.floatElement(a, a.offset()) : Registers.doubleElement(a, a.offset());
            } else {
                s.segs[k] = a.segment();
                s.offs[k] = a.byteOffset();
            }
        }
        if (tasks == 1) {
            runGeneratedRange(loop, s, g, o, 0, n);
            return;
        }
        long chunk = (n + tasks - 1) / tasks;
        long step = (chunk + Species.BLOCK - 1) / Species.BLOCK * Species.BLOCK;
        Parallel.run(tasks, t -> runGeneratedRange(loop, s, g, o, t * step, Math.min(n, (t + 1) * step)));
    }

    /**
     * Elements {@code [from, to)}: whole vectors by the generated kernel (with the calling thread's
     * arguments in {@code s}), the last partial vector by the interpreter (this thread's registers).
     */
    private void runGeneratedRange(ElemCodegen.Loop loop, Scratch s, ElemGeometry g, NDArray o, long from, long to) {
        long done = loop.run(s.segs, s.offs, s.scal, o.segment(), o.byteOffset(), from, to);
        if (done < to) {
            runRange(scratch.get().registers, g, o, done, to);
        }
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
