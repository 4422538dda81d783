package org.theano4j;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.io.Npz;

/**
 * Saving and loading the values of shared variables by name, as a numpy {@code .npz} archive
 * (one {@code name.npy} per variable, so {@code np.load} reads it too). Both take every
 * variable's lock in the global order first: a save sees one consistent state between updates,
 * and a load checks every value before it installs any, so a failed load changes nothing.
 */
final class SharedStore {
    private SharedStore() {
    }

    static void save(Path file, List<SharedVariable> vars) {
        List<SharedVariable> ordered = lockOrder(vars, "save");
        Map<String, NDArray> values = new LinkedHashMap<>();
        locked(ordered, () -> vars.forEach(v -> values.put(v.name(), v.getValue(false))));
        Npz.save(file, values);
    }

    static void load(Path file, List<SharedVariable> vars) {
        List<SharedVariable> ordered = lockOrder(vars, "load");
        Map<String, NDArray> values = Npz.load(file);
        List<String> missing = new ArrayList<>();
        for (SharedVariable v : vars) {
            if (!values.containsKey(v.name())) {
                missing.add(v.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("loadShared: " + file + " has no value for " + missing + " (it holds "
                    + values.keySet() + ")");
        }
        locked(ordered, () -> {
            for (SharedVariable v : vars) {
                v.checkValue(values.get(v.name()));
            }
            for (SharedVariable v : vars) {
                v.setValue(values.get(v.name()), true);
            }
        });
    }

    /** The variables sorted in lock order, after checking that each has a name of its own. */
    private static List<SharedVariable> lockOrder(List<SharedVariable> vars, String what) {
        Set<String> names = new HashSet<>();
        for (SharedVariable v : vars) {
            if (v.name() == null) {
                throw new IllegalArgumentException(what + "Shared: every shared variable needs a name (Theano.shared(value, name))");
            }
            if (!names.add(v.name())) {
                throw new IllegalArgumentException(what + "Shared: two shared variables are named '" + v.name() + "'");
            }
        }
        List<SharedVariable> ordered = new ArrayList<>(vars);
        ordered.sort(Comparator.comparingLong(SharedVariable::order));
        return ordered;
    }

    private static void locked(List<SharedVariable> ordered, Runnable body) {
        int taken = 0;
        try {
            for (SharedVariable v : ordered) {
                v.lock().lock();
                taken++;
            }
            body.run();
        } finally {
            for (int i = taken - 1; i >= 0; i--) {
                ordered.get(i).lock().unlock();
            }
        }
    }
}
