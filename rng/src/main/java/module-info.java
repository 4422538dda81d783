/** Random numbers: numpy's {@code RandomState}, Theano's {@code RandomStreams} and {@code MRGRandomStreams}. */
module org.theano4j.rng {
    requires transitive org.theano4j.symbolic;

    exports org.theano4j.rng;

    provides org.theano4j.persist.CodecProvider with org.theano4j.rng.codec.RngCodecProvider;
}
