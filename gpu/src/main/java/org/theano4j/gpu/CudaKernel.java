package org.theano4j.gpu;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.theano4j.bindings.cuda.cuda_h;

/** A kernel of a loaded {@link CudaModule}. Launches are asynchronous on their stream. */
public final class CudaKernel {

    private final CudaModule module;
    private final String name;
    private final MemorySegment function;

    CudaKernel(CudaModule module, String name, MemorySegment function) {
        this.module = module;
        this.name = name;
        this.function = function;
    }

    /** @return the kernel's name */
    public String name() {
        return name;
    }

    /**
     * Launches the kernel on the default stream.
     *
     * @param config grid and block dimensions
     * @param args the kernel's arguments, in order, typed as its C parameters:
     *        {@link DeviceBuffer} for pointers, {@link Long} for {@code long long},
     *        {@link Integer} for {@code int}, {@link Double}, {@link Float}
     * @throws CudaException when {@code cuLaunchKernel} fails
     */
    public void launch(LaunchConfig config, Object... args) {
        launch(config, CudaStream.DEFAULT, args);
    }

    /**
     * Launches the kernel on a stream.
     *
     * @param config grid and block dimensions
     * @param stream the stream
     * @param args the kernel's arguments, see {@link #launch(LaunchConfig, Object...)}
     * @throws CudaException when {@code cuLaunchKernel} fails
     */
    public void launch(LaunchConfig config, CudaStream stream, Object... args) {
        module.ensureOpen();
        try (Arena arena = Arena.ofConfined()) {
            Check.cu("cuLaunchKernel(" + name + ")", cuda_h.cuLaunchKernel(function,
                    config.gridX(), config.gridY(), config.gridZ(),
                    config.blockX(), config.blockY(), config.blockZ(),
                    config.sharedMemBytes(), stream.handle(), KernelArgs.pack(arena, args), MemorySegment.NULL));
        }
    }
}
