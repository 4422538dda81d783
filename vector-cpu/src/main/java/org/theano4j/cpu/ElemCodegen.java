package org.theano4j.cpu;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.ByteOrder;
import java.util.EnumSet;
import java.util.Set;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.theano4j.cpu.ElemProgram.Code;
import org.theano4j.cpu.ElemProgram.Instr;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.Flags;

/**
 * Turns a float64 or float32 {@link ElemProgram} into one hidden class whose {@link Loop#run}
 * computes a range of a call whose inputs are all contiguous with the output or one value for
 * all ({@link ElemGeometry#FLAT}/{@link ElemGeometry#SCALAR}) and whose output is contiguous, in
 * one vector loop: per vector step it loads every contiguous input, runs every instruction on
 * vectors held in local variables and stores the result, so C2 sees straight-line SIMD code with
 * no register buffers in between. The vector code calls exactly the {@code DoubleVector}/{@code
 * FloatVector} methods and {@link VectorMath} helpers of the interpreter's loops
 * ({@link DoubleRegisters#loop}), and the elements past the last full vector go back to the
 * interpreter itself, so the results are the interpreter's bits. (A scalar tail inside the
 * generated method, even one calling {@link DoubleRegisters#tail}, costs C2 so much of its
 * inlining budget that the vector helpers of tanh stop inlining and box: 30x slower.) Programs with an
 * instruction that has no vector loop, integer programs and other call geometries stay on the
 * interpreter ({@link ElemwiseKernel}). Flag {@code cpu.elemCodegen} switches it; off by default:
 * the generated loops measured 4-6x faster per kernel, but the logreg workload did not get faster
 * (each program's class also starts cold, which the backend's warm-up cannot help).
 */
final class ElemCodegen {
    /** Byte order of every vector load and store (a constant for C2). */
    static final ByteOrder ORDER = ByteOrder.nativeOrder();

    /**
     * Most instructions per generated method: a chain of 30 cheap ops still ran 1.4x faster than
     * the interpreter, one of 80 no faster (C2 spills and stops inlining in so long a loop body).
     */
    static final int MAX_INSTRUCTIONS = 48;

    /** Most inputs: the SCALAR/FLAT choice of each is one bit of an int key. */
    static final int MAX_INPUTS = 30;

    /** The instructions the generator emits (those with a vector loop in the interpreter). */
    static final Set<Code> SUPPORTED = EnumSet.of(Code.ADD, Code.SUB, Code.MUL, Code.TRUE_DIV, Code.MAXIMUM,
            Code.MINIMUM, Code.NEG, Code.ABS, Code.SQR, Code.SQRT, Code.INV, Code.EXP, Code.LOG, Code.LOG2, Code.LOG1P,
            Code.TANH, Code.SIGMOID, Code.SOFTPLUS, Code.SIGN, Code.NOT, Code.TO_BOOL, Code.IDENTITY, Code.GT, Code.GE,
            Code.LT, Code.LE, Code.EQ, Code.NEQ, Code.AND, Code.OR, Code.XOR, Code.SWITCH, Code.CLIP);

    private static final ClassDesc CD_LOOP = desc(Loop.class);
    private static final ClassDesc CD_SEGMENT = desc(MemorySegment.class);
    private static final MethodTypeDesc RUN_TYPE = MethodTypeDesc.of(ConstantDescs.CD_long, CD_SEGMENT.arrayType(),
            ConstantDescs.CD_long.arrayType(), ConstantDescs.CD_double.arrayType(), CD_SEGMENT, ConstantDescs.CD_long,
            ConstantDescs.CD_long, ConstantDescs.CD_long);

    private ElemCodegen() {
    }

    /**
     * One generated kernel. {@code segs[k]}/{@code offs[k]} are the segment and byte offset of the
     * first element of contiguous input {@code k}; {@code scal[k]} the value of one-value input
     * {@code k} (a float32 one widened); output element {@code i} lies at {@code outOff + i * size}.
     */
    interface Loop {
        /**
         * Computes the flat output elements from {@code from} on in whole vectors, as many as fit
         * before {@code to}; returns where it stopped (the rest, less than a vector, is the caller's).
         */
        long run(MemorySegment[] segs, long[] offs, double[] scal, MemorySegment out, long outOff, long from, long to);
    }

    /** Whether flag {@code cpu.elemCodegen} asks for generated kernels. */
    static boolean enabled() {
        return Flags.getBoolean("cpu.elemCodegen");
    }

    /**
     * The instructions that call a {@link VectorMath} function. The generator emits them, but a
     * program with one is left to the interpreter: all of it inlined into one method exceeds C2's
     * inlining budget (NodeCountInliningCutoff), the vector helpers stop inlining and box, and the
     * generated loop ran 0.7x (exp plus six cheap ops) to 0.03x (tanh(x*y+z), exp(x)*log|y|) of
     * the interpreter's speed, while a lone exp (logistic) only broke even.
     */
    static final Set<Code> TRANSCENDENTAL = DoubleRegisters.MATH;

    /**
     * Whether {@code p} runs generated: {@link #canGenerate} and no {@link #TRANSCENDENTAL}
     * instruction (cheap-op programs, measured 4-6x faster than the interpreter).
     */
    static boolean supports(ElemProgram p) {
        if (!canGenerate(p)) {
            return false;
        }
        for (Instr ins : p.code()) {
            if (TRANSCENDENTAL.contains(ins.op())) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code p} can be generated: float lanes, few enough inputs and instructions, all with vector forms. */
    static boolean canGenerate(ElemProgram p) {
        if (p.lanes() != DType.FLOAT64 && p.lanes() != DType.FLOAT32) {
            return false;
        }
        if (p.inputs().length > MAX_INPUTS || p.code().length > MAX_INSTRUCTIONS) {
            return false;
        }
        for (Instr ins : p.code()) {
            if (!SUPPORTED.contains(ins.op())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The kernel of {@code p} ({@link #supports} must hold) for inputs whose bit {@code k} of
     * {@code scalarMask} says one value for all (set) or contiguous with the output (clear).
     */
    static Loop generate(ElemProgram p, int scalarMask) {
        Lanes lanes = p.lanes() == DType.FLOAT64 ? Lanes.DOUBLE : Lanes.FLOAT;
        byte[] bytes = classBytes(new Program(p, scalarMask, lanes));
        try {
            MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(bytes, true);
            return (Loop) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot define the generated elementwise kernel", e);
        }
    }

    /** The class file: a final class implementing {@link Loop} with a no-argument constructor. */
    static byte[] classBytes(Program prog) {
        ClassDesc self = ClassDesc.of(ElemCodegen.class.getPackageName(), "ElemFused");
        ClassHierarchyResolver resolver = ClassHierarchyResolver.defaultResolver()
                .orElse(ClassHierarchyResolver.ofClassLoading(ElemCodegen.class.getClassLoader()));
        return ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(resolver)).build(self, cb -> {
            cb.withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SUPER | ClassFile.ACC_SYNTHETIC);
            cb.withInterfaceSymbols(CD_LOOP);
            cb.withMethodBody(ConstantDescs.INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_PUBLIC,
                    code -> code.aload(0).invokespecial(ConstantDescs.CD_Object, ConstantDescs.INIT_NAME,
                            ConstantDescs.MTD_void).return_());
            cb.withMethodBody("run", RUN_TYPE, ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL,
                    code -> new Emitter(code, prog).emitRun());
        });
    }

    static ClassDesc desc(Class<?> c) {
        return c.describeConstable().orElseThrow();
    }

    /** What one generated class computes: the program, which inputs are one value, the lanes. */
    record Program(ElemProgram p, int scalarMask, Lanes lanes) {
        boolean scalar(int input) {
            return (scalarMask >>> input & 1) != 0;
        }
    }

    /** The lane type's vector and element classes and species field. */
    enum Lanes {
        DOUBLE(DoubleVector.class, double.class, "D"),
        FLOAT(FloatVector.class, float.class, "F");

        final Class<?> vector;
        final Class<?> element;
        final String speciesField;

        Lanes(Class<?> vector, Class<?> element, String speciesField) {
            this.vector = vector;
            this.element = element;
            this.speciesField = speciesField;
        }

        int bytes() {
            return this == DOUBLE ? Double.BYTES : Float.BYTES;
        }

        int length() {
            return this == DOUBLE ? Species.D.length() : Species.F.length();
        }
    }

    /**
     * Emits the body of {@code run}. Locals: one vector per register (slots fixed up front), the
     * segment and offset of each contiguous input, the index {@code i} and the end of the vector loop.
     */
    static final class Emitter {
        private static final int SEGS = 1;
        private static final int OFFS = 2;
        private static final int SCAL = 3;
        private static final int OUT = 4;
        private static final int OUT_OFF = 5;
        private static final int FROM = 7;
        private static final int TO = 9;

        private final CodeBuilder cb;
        private final Program prog;
        private final ElemProgram p;
        private final Lanes lanes;
        private final int[] vec;
        private final int[] seg;
        private final int[] off;
        private final int clipTemp;
        private final int index;
        private final int bound;

        Emitter(CodeBuilder cb, Program prog) {
            this.cb = cb;
            this.prog = prog;
            this.p = prog.p();
            this.lanes = prog.lanes();
            int regs = p.registers();
            vec = new int[regs];
            for (int r = 0; r < regs; r++) {
                vec[r] = cb.allocateLocal(TypeKind.REFERENCE);
            }
            int nIn = p.inputs().length;
            seg = new int[nIn];
            off = new int[nIn];
            for (int k = 0; k < nIn; k++) {
                seg[k] = cb.allocateLocal(TypeKind.REFERENCE);
                off[k] = cb.allocateLocal(TypeKind.LONG);
            }
            clipTemp = cb.allocateLocal(TypeKind.REFERENCE);
            index = cb.allocateLocal(TypeKind.LONG);
            bound = cb.allocateLocal(TypeKind.LONG);
        }

        /** Prologue, vector loop, {@code return i}. */
        void emitRun() {
            emitPrologue();
            emitVectorLoop();
            cb.lload(index).lreturn();
        }

        /** Input segments and offsets, one-value inputs and constants as vectors, {@code i} and the vector bound. */
        private void emitPrologue() {
            int nIn = p.inputs().length;
            for (int k = 0; k < nIn; k++) {
                if (prog.scalar(k)) {
                    species();
                    cb.aload(SCAL).loadConstant(k).daload();
                    if (lanes == Lanes.FLOAT) {
                        cb.d2f();
                    }
                    invoke(lanes.vector, "broadcast", VectorSpecies.class, lanes.element);
                    cb.astore(vec[k]);
                } else {
                    cb.aload(SEGS).loadConstant(k).aaload().astore(seg[k]);
                    cb.aload(OFFS).loadConstant(k).laload().lstore(off[k]);
                }
            }
            for (int c = 0; c < p.constants().length; c++) {
                broadcastLiteral(p.constants()[c].doubleValue());
                cb.astore(vec[nIn + c]);
            }
            cb.lload(FROM).lstore(index);
            // bound = from + ((to - from) & -length)
            cb.lload(TO).lload(FROM).lsub().loadConstant(-(long) lanes.length()).land().lload(FROM).ladd().lstore(bound);
        }

        private void emitVectorLoop() {
            Label head = cb.newLabel();
            Label end = cb.newLabel();
            cb.labelBinding(head);
            cb.lload(index).lload(bound).lcmp().ifge(end);
            for (int k = 0; k < p.inputs().length; k++) {
                if (!prog.scalar(k)) {
                    species();
                    cb.aload(seg[k]);
                    byteAddress(off[k]);
                    order();
                    invoke(lanes.vector, "fromMemorySegment", VectorSpecies.class, MemorySegment.class, long.class,
                            ByteOrder.class);
                    cb.astore(vec[k]);
                }
            }
            for (Instr ins : p.code()) {
                vectorInstr(ins);
            }
            cb.aload(vec[p.result()]).aload(OUT);
            cb.lload(OUT_OFF);
            addScaledIndex();
            order();
            invokeVector("intoMemorySegment", MemorySegment.class, long.class, ByteOrder.class);
            cb.lload(index).loadConstant((long) lanes.length()).ladd().lstore(index);
            cb.goto_(head);
            cb.labelBinding(end);
        }

        /** {@code offset + i * elementBytes} on the stack. */
        private void byteAddress(int offSlot) {
            cb.lload(offSlot);
            addScaledIndex();
        }

        /** Adds {@code i * elementBytes} to the long on the stack. */
        private void addScaledIndex() {
            cb.lload(index).loadConstant((long) lanes.bytes()).lmul().ladd();
        }

        /** {@code dst = op(src...)} on vectors, the same calls as the interpreter's loop of the op. */
        private void vectorInstr(Instr ins) {
            int[] s = ins.src();
            int a = vec[s[0]];
            int b = s.length > 1 ? vec[s[1]] : a;
            int c = s.length > 2 ? vec[s[2]] : a;
            switch (ins.op()) {
                case ADD -> binary(a, b, "add");
                case SUB -> binary(a, b, "sub");
                case MUL -> binary(a, b, "mul");
                case TRUE_DIV -> binary(a, b, "div");
                case MAXIMUM -> extremum(a, b, "GT");
                case MINIMUM -> extremum(a, b, "LT");
                case SQR -> binary(a, a, "mul");
                case NEG -> {
                    cb.aload(a);
                    invokeVector("neg");
                }
                case ABS -> lanewise(a, "ABS");
                case SQRT -> lanewise(a, "SQRT");
                case INV -> {
                    broadcastLiteral(1);
                    cb.aload(a);
                    invokeVector("div", Vector.class);
                }
                case EXP -> math(a, "exp");
                case LOG -> math(a, "log");
                case TANH -> math(a, "tanh");
                case LOG1P -> math(a, "log1p");
                case SOFTPLUS -> math(a, "softplus");
                case LOG2 -> {
                    math(a, "log");
                    literal(Math.log(2));
                    invokeVector("div", lanes.element);
                }
                case SIGMOID -> sigmoid(a);
                case SIGN -> sign(a);
                case NOT -> bool(() -> compareLiteral(a, "EQ", 0));
                case TO_BOOL -> bool(() -> compareLiteral(a, "NE", 0));
                case IDENTITY -> cb.aload(a);
                case GT, GE, LT, LE, EQ, NEQ -> bool(() -> {
                    cb.aload(a);
                    operator(ins.op() == Code.NEQ ? "NE" : ins.op().name());
                    cb.aload(b);
                    invokeVector("compare", VectorOperators.Comparison.class, Vector.class);
                });
                case AND, OR -> bool(() -> {
                    compareLiteral(a, "NE", 0);
                    compareLiteral(b, "NE", 0);
                    invokeMask(ins.op() == Code.AND ? "and" : "or", VectorMask.class);
                });
                case XOR -> bool(() -> {
                    compareLiteral(a, "NE", 0);
                    compareLiteral(b, "NE", 0);
                    invokeMask("eq", VectorMask.class);
                    invokeMask("not");
                });
                case SWITCH -> { // c.blend(b, a != 0)
                    cb.aload(c).aload(b);
                    compareLiteral(a, "NE", 0);
                    invokeVector("blend", Vector.class, VectorMask.class);
                }
                case CLIP -> clip(a, b, c);
                default -> throw new IllegalStateException("no generated form for " + ins.op());
            }
            cb.astore(vec[ins.dst()]);
        }

        private void binary(int a, int b, String name) {
            cb.aload(a).aload(b);
            invokeVector(name, Vector.class);
        }

        /** Numerics.maximum/minimum: {@code b.blend(a, a cmp b | isNaN(a))}. */
        private void extremum(int a, int b, String cmp) {
            cb.aload(b).aload(a).aload(a);
            operator(cmp);
            cb.aload(b);
            invokeVector("compare", VectorOperators.Comparison.class, Vector.class);
            isNaN(a);
            invokeMask("or", VectorMask.class);
            invokeVector("blend", Vector.class, VectorMask.class);
        }

        private void lanewise(int a, String op) {
            cb.aload(a);
            operator(op);
            invokeVector("lanewise", VectorOperators.Unary.class);
        }

        /** {@code VectorMath.name(a)}. */
        private void math(int a, String name) {
            cb.aload(a);
            invoke(VectorMath.class, name, lanes.vector);
        }

        /** {@code one.div(VectorMath.exp(a.neg()).add(one))}. */
        private void sigmoid(int a) {
            broadcastLiteral(1);
            cb.aload(a);
            invokeVector("neg");
            invoke(VectorMath.class, "exp", lanes.vector);
            broadcastLiteral(1);
            invokeVector("add", Vector.class);
            invokeVector("div", Vector.class);
        }

        /** {@code x.broadcast(0).blend(1, x > 0).blend(-1, x < 0).blend(x, isNaN(x))}. */
        private void sign(int a) {
            cb.aload(a);
            literal(0);
            invokeVector("broadcast", lanes.element);
            literal(1);
            compareLiteral(a, "GT", 0);
            invokeVector("blend", lanes.element, VectorMask.class);
            literal(-1);
            compareLiteral(a, "LT", 0);
            invokeVector("blend", lanes.element, VectorMask.class);
            cb.aload(a);
            isNaN(a);
            invokeVector("blend", Vector.class, VectorMask.class);
        }

        /** Numerics.clip: max with lo, min with hi, NaN if any operand is. */
        private void clip(int x, int lo, int hi) {
            cb.aload(x).aload(lo).aload(lo);
            operator("GT");
            cb.aload(x);
            invokeVector("compare", VectorOperators.Comparison.class, Vector.class);
            invokeVector("blend", Vector.class, VectorMask.class);
            cb.astore(clipTemp);
            cb.aload(clipTemp).aload(hi).aload(hi);
            operator("LT");
            cb.aload(clipTemp);
            invokeVector("compare", VectorOperators.Comparison.class, Vector.class);
            invokeVector("blend", Vector.class, VectorMask.class);
            literal(Double.NaN);
            isNaN(x);
            isNaN(lo);
            invokeMask("or", VectorMask.class);
            isNaN(hi);
            invokeMask("or", VectorMask.class);
            invokeVector("blend", lanes.element, VectorMask.class);
        }

        /** {@code zero.blend(1, mask)} where {@code mask} pushes the mask. */
        private void bool(Runnable mask) {
            species();
            invoke(lanes.vector, "zero", VectorSpecies.class);
            literal(1);
            mask.run();
            invokeVector("blend", lanes.element, VectorMask.class);
        }

        /** {@code a.compare(op, value)} on the stack. */
        private void compareLiteral(int a, String op, double value) {
            cb.aload(a);
            operator(op);
            literal(value);
            invokeVector("compare", VectorOperators.Comparison.class, lanes.element);
        }

        private void isNaN(int a) {
            cb.aload(a);
            operator("IS_NAN");
            invokeVector("test", VectorOperators.Test.class);
        }

        private void broadcastLiteral(double v) {
            species();
            literal(v);
            invoke(lanes.vector, "broadcast", VectorSpecies.class, lanes.element);
        }

        /** {@code v} in the lane type on the stack (a float32 constant rounded once). */
        private void literal(double v) {
            if (lanes == Lanes.DOUBLE) {
                cb.loadConstant(v);
            } else {
                cb.loadConstant((float) v);
            }
        }

        private void species() {
            cb.getstatic(desc(Species.class), lanes.speciesField, desc(VectorSpecies.class));
        }

        private void order() {
            cb.getstatic(desc(ElemCodegen.class), "ORDER", desc(ByteOrder.class));
        }

        /** {@code VectorOperators.NAME}, typed as declared. */
        private void operator(String name) {
            try {
                Field f = VectorOperators.class.getField(name);
                cb.getstatic(desc(VectorOperators.class), name, desc(f.getType()));
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
        }

        private void invokeVector(String name, Class<?>... params) {
            invoke(lanes.vector, name, params);
        }

        private void invokeMask(String name, Class<?>... params) {
            invoke(VectorMask.class, name, params);
        }

        /** Calls {@code owner.name(params)}, its descriptor and invoke kind taken from the method itself. */
        private void invoke(Class<?> owner, String name, Class<?>... params) {
            Method m = method(owner, name, params);
            ClassDesc[] ps = new ClassDesc[params.length];
            for (int k = 0; k < ps.length; k++) {
                ps[k] = desc(params[k]);
            }
            MethodTypeDesc type = MethodTypeDesc.of(desc(m.getReturnType()), ps);
            ClassDesc o = desc(owner);
            if (Modifier.isStatic(m.getModifiers())) {
                cb.invokestatic(o, name, type, owner.isInterface());
            } else if (owner.isInterface()) {
                cb.invokeinterface(o, name, type);
            } else {
                cb.invokevirtual(o, name, type);
            }
        }

        private static Method method(Class<?> owner, String name, Class<?>... params) {
            try {
                return owner.getMethod(name, params);
            } catch (NoSuchMethodException e) {
                try { // package-private helpers (VectorMath, the registers' tail)
                    return owner.getDeclaredMethod(name, params);
                } catch (NoSuchMethodException e2) {
                    throw new IllegalStateException("no method " + owner.getSimpleName() + "." + name, e2);
                }
            }
        }
    }
}
