package org.theano4j.bindings.cuda;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The three native libraries the bindings call, each loaded once, lazily, into the
 * global arena. Loading never throws: a library that cannot be loaded has an
 * {@link #unavailableReason()}, and its functions get method handles that throw
 * {@link UnsatisfiedLinkError} with that reason when called.
 *
 * <p>{@code libcuda.so.1} belongs to the NVIDIA driver, so it is loaded by name
 * (the dynamic linker's search: {@code LD_LIBRARY_PATH}, {@code ldconfig}), and only
 * then from {@link LibrarySearch}'s folders. NVRTC and cuBLAS come with the CUDA
 * toolkit or the Python {@code nvidia-cuda-nvrtc} / {@code nvidia-cublas} wheels, so
 * they are searched in {@link LibrarySearch}'s folders first and by name last.
 */
public enum CudaLibraries {
    /** The CUDA driver API. */
    CUDA("cuda", List.of("libcuda.so.1", "libcuda.so"), true, null,
            "libcuda.so.1 not found (no NVIDIA driver)"),
    /**
     * NVRTC, the runtime CUDA C++ compiler. Its companion libnvrtc-builtins, which NVRTC opens by
     * soname at the first compile, is loaded first by full path from the same folder, so that
     * open finds it loaded even where the folder is not on {@code LD_LIBRARY_PATH} (the wheels).
     */
    NVRTC("nvrtc", List.of("libnvrtc.so", "libnvrtc.so.13", "libnvrtc.so.12"), false, "nvrtc-builtins",
            "libnvrtc not found (install nvidia-cuda-nvrtc, or set " + LibrarySearch.PATH_ENV + ")"),
    /** cuBLAS; its companion libcublasLt is loaded first by full path from the same folder. */
    CUBLAS("cublas", List.of("libcublas.so", "libcublas.so.13", "libcublas.so.12"), false, "cublasLt",
            "libcublas not found (install nvidia-cublas, or set " + LibrarySearch.PATH_ENV + ")");

    private static final MethodHandle FAIL;

    static {
        try {
            FAIL = MethodHandles.lookup().findStatic(CudaLibraries.class, "fail",
                    MethodType.methodType(Object.class, String.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String stem;
    private final List<String> sonames;
    private final boolean byNameFirst;
    private final String companionStem;
    private final String notFound;
    private volatile Loaded loaded;

    CudaLibraries(String stem, List<String> sonames, boolean byNameFirst, String companionStem, String notFound) {
        this.stem = stem;
        this.sonames = sonames;
        this.byNameFirst = byNameFirst;
        this.companionStem = companionStem;
        this.notFound = notFound;
    }

    /** The outcome of loading: a lookup and where it came from, or why there is none. */
    private record Loaded(Optional<SymbolLookup> lookup, String origin, String reason, String companion) {
    }

    /**
     * Why this library cannot be used, or empty when it loaded. Loads it on first use.
     *
     * @return one line, or empty
     */
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(load().reason());
    }

    /**
     * Where the library was loaded from (a file, or the name given to the dynamic linker).
     *
     * @return the origin, or empty when it did not load
     */
    public Optional<String> origin() {
        return Optional.ofNullable(load().origin());
    }

    /**
     * A downcall handle for a function of this library. Never throws: when the library
     * or the symbol is missing, the handle has the descriptor's type and throws
     * {@link UnsatisfiedLinkError} naming the function and the reason.
     *
     * @param name exported symbol name
     * @param descriptor the C signature
     * @return a handle of type {@code descriptor.toMethodType()}
     */
    public MethodHandle downcall(String name, FunctionDescriptor descriptor) {
        Loaded l = load();
        Optional<MemorySegment> address = l.lookup().flatMap(lookup -> lookup.find(name));
        if (address.isPresent()) {
            return Linker.nativeLinker().downcallHandle(address.get(), descriptor);
        }
        String why = name + ": " + (l.reason() != null ? l.reason() : "symbol not found in " + l.origin());
        MethodType type = descriptor.toMethodType();
        MethodHandle thrower = MethodHandles.insertArguments(FAIL, 0, why)
                .asType(MethodType.methodType(type.returnType()));
        return MethodHandles.dropArguments(thrower, 0, type.parameterList());
    }

    /**
     * Whether the loaded library exports a symbol.
     *
     * @param name exported symbol name
     * @return false also when the library did not load
     */
    boolean exports(String name) {
        return load().lookup().flatMap(lookup -> lookup.find(name)).isPresent();
    }

    /**
     * The companion library loaded before this one (libnvrtc-builtins, libcublasLt), where it was found.
     *
     * @return its file, or empty (none, or not found next to the library)
     */
    public Optional<String> companion() {
        return Optional.ofNullable(load().companion());
    }

    private static Object fail(String why) {
        throw new UnsatisfiedLinkError(why);
    }

    private Loaded load() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                l = loaded;
                if (l == null) {
                    l = tryLoad();
                    loaded = l;
                }
            }
        }
        return l;
    }

    private Loaded tryLoad() {
        List<String> failures = new ArrayList<>();
        if (byNameFirst) {
            Loaded byName = loadByName(failures);
            if (byName != null) {
                return byName;
            }
        }
        Optional<Path> file = LibrarySearch.find(stem, LibrarySearch.defaultFolders());
        if (file.isPresent()) {
            try {
                String companion = loadCompanion(file.get());
                return new Loaded(Optional.of(open(file.get().toString())), file.get().toString(), null, companion);
            } catch (IllegalArgumentException | UnsatisfiedLinkError e) {
                failures.add(file.get() + ": " + e.getMessage());
            }
        }
        if (!byNameFirst) {
            Loaded byName = loadByName(failures);
            if (byName != null) {
                return byName;
            }
        }
        String reason = failures.isEmpty() ? notFound
                : notFound.replace(" not found", " could not be loaded") + ": " + failures.getFirst();
        return new Loaded(Optional.empty(), null, oneLine(reason), null);
    }

    /** Opens the companion found next to {@code library}; returns its path, or null when there is none. */
    private String loadCompanion(Path library) {
        if (companionStem == null) {
            return null;
        }
        Optional<Path> companion = LibrarySearch.find(companionStem, List.of(library.getParent()));
        companion.ifPresent(c -> open(c.toString()));
        return companion.map(Path::toString).orElse(null);
    }

    /** Tries each soname with the dynamic linker; a soname that is simply absent is not a failure worth reporting. */
    private Loaded loadByName(List<String> failures) {
        for (String soname : sonames) {
            try {
                return new Loaded(Optional.of(open(soname)), soname, null, null);
            } catch (IllegalArgumentException | UnsatisfiedLinkError e) {
                String msg = String.valueOf(e.getMessage());
                if (!msg.contains("No such file") && !msg.contains("cannot open shared object file")
                        && !msg.contains("Cannot open library")) {
                    failures.add(soname + ": " + msg);
                }
            }
        }
        return null;
    }

    private static SymbolLookup open(String nameOrPath) {
        return SymbolLookup.libraryLookup(nameOrPath, Arena.global());
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
