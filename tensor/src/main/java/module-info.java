/**
 * Off-heap n-dimensional arrays ({@link org.theano4j.tensor.NDArray}), dtypes, memory scopes,
 * configuration flags, and numpy's {@code .npy}/{@code .npz} files.
 */
module org.theano4j.tensor {
    exports org.theano4j.tensor;
    exports org.theano4j.tensor.io;
}
