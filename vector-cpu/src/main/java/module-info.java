/** The CPU backend: Vector API kernels, found by the symbolic layer as a {@code Backend} service. */
module org.theano4j.cpu {
    requires org.theano4j.symbolic;
    requires jdk.incubator.vector;

    provides org.theano4j.backend.Backend with org.theano4j.cpu.VectorCpuBackend;
}
