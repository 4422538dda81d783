package org.theano4j.gpu;

/**
 * Grid and block dimensions of a kernel launch, plus dynamic shared memory.
 *
 * @param gridX blocks in x
 * @param gridY blocks in y
 * @param gridZ blocks in z
 * @param blockX threads per block in x
 * @param blockY threads per block in y
 * @param blockZ threads per block in z
 * @param sharedMemBytes dynamic shared memory per block
 */
public record LaunchConfig(int gridX, int gridY, int gridZ, int blockX, int blockY, int blockZ, int sharedMemBytes) {

    /** Blocks beyond this add nothing to a grid-stride loop but launch cost. */
    static final int MAX_LINEAR_BLOCKS = 65_536;

    /** Checks every dimension is at least 1 and shared memory is not negative. */
    public LaunchConfig {
        if (gridX < 1 || gridY < 1 || gridZ < 1 || blockX < 1 || blockY < 1 || blockZ < 1 || sharedMemBytes < 0) {
            throw new IllegalArgumentException("launch dimensions must be >= 1: " + this);
        }
    }

    /**
     * A 1-D launch for a grid-stride loop over {@code n} elements: enough blocks to give
     * each thread about one element, capped at {@value #MAX_LINEAR_BLOCKS} blocks.
     *
     * @param n number of elements (0 gives one block)
     * @param blockSize threads per block, e.g. 256
     * @return the configuration
     */
    public static LaunchConfig linear(long n, int blockSize) {
        if (n < 0 || blockSize < 1) {
            throw new IllegalArgumentException("need n >= 0 and blockSize >= 1, got n=" + n + " blockSize=" + blockSize);
        }
        long blocks = Math.clamp((n + blockSize - 1) / blockSize, 1, MAX_LINEAR_BLOCKS);
        return new LaunchConfig((int) blocks, 1, 1, blockSize, 1, 1, 0);
    }
}
