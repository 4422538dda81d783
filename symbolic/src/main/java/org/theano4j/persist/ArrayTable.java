package org.theano4j.persist;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.theano4j.tensor.NDArray;

/** The arrays a file being written holds, each once, named {@code a0}, {@code a1}, ... in the order first written. */
final class ArrayTable {
    private final Map<NDArray, String> names = new IdentityHashMap<>();
    private final Map<String, NDArray> arrays = new LinkedHashMap<>();

    /** The member name of {@code a} (without {@code .npy}), adding it the first time. */
    String add(NDArray a) {
        return names.computeIfAbsent(a, k -> {
            String name = "a" + arrays.size();
            arrays.put(name, k);
            return name;
        });
    }

    /** Every array, by name, in order. */
    Map<String, NDArray> arrays() {
        return Collections.unmodifiableMap(arrays);
    }
}
