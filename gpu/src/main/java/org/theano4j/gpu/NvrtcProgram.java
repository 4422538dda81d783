package org.theano4j.gpu;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import org.theano4j.bindings.cuda.nvrtc_h;

/**
 * A CUDA C++ program compiled to PTX at run time by NVRTC. A failed compile throws a
 * {@link CudaException} whose message carries NVRTC's log.
 */
public final class NvrtcProgram implements AutoCloseable {

    private final String name;
    private final MemorySegment program;
    private boolean closed;

    private NvrtcProgram(String name, MemorySegment program) {
        this.name = name;
        this.program = program;
    }

    /**
     * Compiles source to PTX in one step.
     *
     * @param source CUDA C++ source
     * @param name the program's name, shown in the log
     * @param options NVRTC options, e.g. {@code --gpu-architecture=compute_90}
     * @return the PTX text
     * @throws CudaException when NVRTC fails; a compile error's message holds the log
     */
    public static String compileToPtx(String source, String name, String... options) {
        try (NvrtcProgram program = create(source, name)) {
            return program.compile(options);
        }
    }

    /**
     * Creates a program from source (no headers).
     *
     * @param source CUDA C++ source
     * @param name the program's name, shown in the log
     * @return the program, not yet compiled
     */
    public static NvrtcProgram create(String source, String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(nvrtc_h.C_POINTER);
            Check.nvrtc("nvrtcCreateProgram", nvrtc_h.nvrtcCreateProgram(out, arena.allocateFrom(source),
                    arena.allocateFrom(name), 0, MemorySegment.NULL, MemorySegment.NULL), null);
            return new NvrtcProgram(name, out.get(nvrtc_h.C_POINTER, 0).reinterpret(0));
        }
    }

    /**
     * Compiles the program for a virtual architecture ({@code --gpu-architecture=compute_XX}, or
     * NVRTC's default when no such option is given).
     *
     * @param options NVRTC options
     * @return the PTX text
     * @throws CudaException when compilation fails, with the log in the message
     */
    public String compile(String... options) {
        compileOnly(options);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment size = arena.allocate(nvrtc_h.C_LONG);
            Check.nvrtc("nvrtcGetPTXSize", nvrtc_h.nvrtcGetPTXSize(program, size), null);
            MemorySegment ptx = arena.allocate(size.get(nvrtc_h.C_LONG, 0));
            Check.nvrtc("nvrtcGetPTX", nvrtc_h.nvrtcGetPTX(program, ptx), null);
            return ptx.getString(0);
        }
    }

    /**
     * Compiles the program to a CUBIN, machine code that loads without JIT compilation.
     *
     * @param options NVRTC options, which must name a real architecture ({@code --gpu-architecture=sm_XX})
     * @return the CUBIN's bytes
     * @throws CudaException when compilation fails, with the log in the message
     */
    public byte[] compileToCubin(String... options) {
        compileOnly(options);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment size = arena.allocate(nvrtc_h.C_LONG);
            Check.nvrtc("nvrtcGetCUBINSize", nvrtc_h.nvrtcGetCUBINSize(program, size), null);
            long n = size.get(nvrtc_h.C_LONG, 0);
            if (n == 0) {
                throw new CudaException("nvrtcGetCUBINSize", 0, "no CUBIN",
                        "program " + name + " " + List.of(options) + " was compiled for a virtual architecture");
            }
            MemorySegment cubin = arena.allocate(n);
            Check.nvrtc("nvrtcGetCUBIN", nvrtc_h.nvrtcGetCUBIN(program, cubin), null);
            return cubin.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        }
    }

    private void compileOnly(String... options) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment opts = arena.allocate(nvrtc_h.C_POINTER, Math.max(1, options.length));
            for (int i = 0; i < options.length; i++) {
                opts.setAtIndex(nvrtc_h.C_POINTER, i, arena.allocateFrom(options[i]));
            }
            int rc = nvrtc_h.nvrtcCompileProgram(handle(), options.length, opts);
            if (rc != 0) {
                Check.nvrtc("nvrtcCompileProgram", rc, "program " + name + " " + List.of(options) + ":\n" + log());
            }
        }
    }

    /**
     * The architectures this NVRTC can compile for, e.g. {@code [75, 80, 86, 87, 89, 90, 100, 120]}.
     *
     * @return compute capabilities as {@code 10 * major + minor}, ascending
     */
    public static int[] supportedArchs() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment count = arena.allocate(nvrtc_h.C_INT);
            Check.nvrtc("nvrtcGetNumSupportedArchs", nvrtc_h.nvrtcGetNumSupportedArchs(count), null);
            int n = count.get(nvrtc_h.C_INT, 0);
            MemorySegment archs = arena.allocate(nvrtc_h.C_INT, Math.max(1, n));
            Check.nvrtc("nvrtcGetSupportedArchs", nvrtc_h.nvrtcGetSupportedArchs(archs), null);
            return java.util.Arrays.copyOf(archs.toArray(nvrtc_h.C_INT), n);
        }
    }

    /** @return the compile log (warnings, errors), empty before compiling */
    public String log() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment size = arena.allocate(nvrtc_h.C_LONG);
            Check.nvrtc("nvrtcGetProgramLogSize", nvrtc_h.nvrtcGetProgramLogSize(handle(), size), null);
            MemorySegment log = arena.allocate(Math.max(1, size.get(nvrtc_h.C_LONG, 0)));
            Check.nvrtc("nvrtcGetProgramLog", nvrtc_h.nvrtcGetProgramLog(program, log), null);
            return log.getString(0).strip();
        }
    }

    /** @return NVRTC's version as {@code major.minor} */
    public static String version() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment major = arena.allocate(nvrtc_h.C_INT);
            MemorySegment minor = arena.allocate(nvrtc_h.C_INT);
            Check.nvrtc("nvrtcVersion", nvrtc_h.nvrtcVersion(major, minor), null);
            return major.get(nvrtc_h.C_INT, 0) + "." + minor.get(nvrtc_h.C_INT, 0);
        }
    }

    private MemorySegment handle() {
        if (closed) {
            throw new IllegalStateException("NVRTC program " + name + " is closed");
        }
        return program;
    }

    /** Destroys the program; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment p = arena.allocate(nvrtc_h.C_POINTER);
                p.set(nvrtc_h.C_POINTER, 0, program);
                Check.nvrtc("nvrtcDestroyProgram", nvrtc_h.nvrtcDestroyProgram(p), null);
            }
        }
    }
}
