package org.theano4j.rng;

/** Size arguments: the element count of a numpy-style {@code size} tuple. */
final class Shapes {
    private Shapes() {
    }

    /**
     * The number of elements of an array of shape {@code size}; an empty {@code size} means one.
     *
     * @throws IllegalArgumentException on a negative dimension or more than 2^31 - 9 elements
     */
    static int count(long... size) {
        long n = 1;
        for (long s : size) {
            if (s < 0) {
                throw new IllegalArgumentException("negative dimensions are not allowed");
            }
            n = Math.multiplyExact(n, s);
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("size too large for a Java array: " + n);
        }
        return (int) n;
    }
}
