package org.theano4j;

/** Theano's {@code theano.tensor.signal}, reached as {@link T#signal}: {@code T.signal.pool.pool2d(...)}. */
public final class Signal {
    /** {@code theano.tensor.signal.pool}. */
    public final SignalPool pool = new SignalPool();

    Signal() {
    }
}
