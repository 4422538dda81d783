package org.theano4j.bench.jmh;

/** JVM flags every forked benchmark JVM needs (annotation values must be constants). */
public final class JmhFlags {
    /** Makes the Vector API visible to the vector-cpu backend. */
    public static final String ADD_VECTOR = "--add-modules=jdk.incubator.vector";
    /** Lets the FFM bindings (gpu, native kernels) make downcalls without warnings. */
    public static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    private JmhFlags() {
    }
}
