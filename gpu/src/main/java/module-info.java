/** The CUDA backend, found by the symbolic layer as a {@code Backend} service; unusable (with the reason) without a GPU. */
module org.theano4j.gpu {
    requires org.theano4j.symbolic;
    requires org.theano4j.bindings;

    provides org.theano4j.backend.Backend with org.theano4j.gpu.GpuBackend;
}
