/**
 * The symbolic layer: {@code T}, {@code Theano}, variables, compiled functions, gradients, scan
 * and ifelse (the API), and the backend SPI. Ops, rewrites and the compiled plan are internal:
 * ops are visible to the backend modules only, which run them.
 */
module org.theano4j.symbolic {
    requires transitive org.theano4j.tensor;

    exports org.theano4j;
    exports org.theano4j.backend;
    exports org.theano4j.graph;
    exports org.theano4j.control;
    exports org.theano4j.grad;
    exports org.theano4j.op to org.theano4j.cpu, org.theano4j.gpu, org.theano4j.rng;
    exports org.theano4j.op.nnet to org.theano4j.cpu, org.theano4j.gpu;
    exports org.theano4j.persist to org.theano4j.rng;
    exports org.theano4j.compile to org.theano4j.rng;

    uses org.theano4j.backend.Backend;
    uses org.theano4j.persist.CodecProvider;
}
