package org.theano4j.gpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compiles CUDA C++ with NVRTC on one dedicated thread with a {@value #STACK_MIB} MiB stack (NVRTC
 * recurses over an expression's depth, and overflowing a JVM thread's stack inside it kills the
 * JVM), and caches the images per source and architecture: in memory, and as files under a folder
 * when one is given (the flag {@code gpu.cacheDir}), so another JVM loads them without NVRTC.
 */
final class NvrtcCompiler {

    /** The compiling thread's stack size in MiB. */
    static final int STACK_MIB = 64;

    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(null, r, "theano4j-nvrtc", (long) STACK_MIB << 20);
        t.setDaemon(true);
        return t;
    });

    /**
     * A compiled program: a CUBIN for a real architecture, NUL-terminated PTX for a virtual one,
     * ready for {@code cuModuleLoadData}.
     *
     * @param bytes the image
     * @param arch what it was compiled for
     */
    record Image(byte[] bytes, GpuArch arch) {
        /** @return the PTX text (only for a virtual architecture) */
        String ptx() {
            return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
        }
    }

    private record Key(String source, GpuArch arch) {
    }

    private final Map<Key, Image> memory = new ConcurrentHashMap<>();
    private final Path diskCache;
    private final AtomicInteger compiles = new AtomicInteger();

    /** @param diskCache folder for compiled images, or null for memory only */
    NvrtcCompiler(Path diskCache) {
        this.diskCache = diskCache;
    }

    /**
     * The image of a source for an architecture, compiled the first time it is asked for.
     *
     * @param source CUDA C++ source
     * @param name the program's name, shown in NVRTC's log
     * @param arch the architecture
     * @return the image
     * @throws CudaException when NVRTC fails (the log is in the message)
     */
    Image compile(String source, String name, GpuArch arch) {
        return memory.computeIfAbsent(new Key(source, arch), k -> fromDiskOrCompile(source, name, arch));
    }

    /** @return how many times NVRTC ran (not counting images found in the caches) */
    int compileCount() {
        return compiles.get();
    }

    private Image fromDiskOrCompile(String source, String name, GpuArch arch) {
        Path file = diskCache == null ? null : diskCache.resolve(digest(source, arch) + (arch.real() ? ".cubin" : ".ptx"));
        if (file != null && Files.isRegularFile(file)) {
            try {
                return new Image(Files.readAllBytes(file), arch);
            } catch (IOException e) {
                // unreadable cache entry: compile again
            }
        }
        Image image = onCompilerThread(source, name, arch);
        if (file != null) {
            store(file, image.bytes());
        }
        return image;
    }

    private Image onCompilerThread(String source, String name, GpuArch arch) {
        Future<Image> f = THREAD.submit(() -> {
            compiles.incrementAndGet();
            try (NvrtcProgram p = NvrtcProgram.create(source, name)) {
                String[] options = {arch.option(), "--std=c++17"};
                return arch.real() ? new Image(p.compileToCubin(options), arch)
                        : new Image((p.compile(options) + '\0').getBytes(StandardCharsets.UTF_8), arch);
            }
        });
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while NVRTC compiled " + name, e);
        }
    }

    /** Writes atomically (a temporary file renamed), so concurrent JVMs never read half an image. */
    private static void store(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // a cache that cannot be written only costs a compile next time
        }
    }

    /** The cache key: the source, the architecture and NVRTC's version (another NVRTC compiles anew). */
    static String digest(String source, GpuArch arch) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((NvrtcProgram.version() + "\n" + arch + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
