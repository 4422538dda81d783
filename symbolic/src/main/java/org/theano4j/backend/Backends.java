package org.theano4j.backend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Finds backends once with {@link ServiceLoader} and picks one per device. */
public final class Backends {
    private static final List<Backend> ALL = load();

    private Backends() {
    }

    private static List<Backend> load() {
        List<Backend> list = new ArrayList<>();
        for (Backend b : ServiceLoader.load(Backend.class, Backends.class.getClassLoader())) {
            list.add(b);
        }
        list.add(new ReferenceBackend());
        list.sort(Comparator.comparingInt(Backend::priority).reversed());
        return List.copyOf(list);
    }

    /** Every backend found, best first. */
    public static List<Backend> all() {
        return ALL;
    }

    /**
     * The best usable backend for {@code device} ({@code cpu} or {@code cuda}, or a backend's own
     * name such as {@code reference}); an {@link IllegalArgumentException} saying why when none is usable.
     */
    public static Backend forDevice(String device) {
        List<String> reasons = new ArrayList<>();
        for (Backend b : ALL) {
            if (b.device().equals(device) || b.name().equals(device)) {
                if (b.unavailableReason().isEmpty()) {
                    return b;
                }
                reasons.add(b.name() + ": " + b.unavailableReason().get());
            }
        }
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("device '" + device + "': no backend for it on the class path"
                    + (device.startsWith("cuda") ? " (add org.theano4j:theano4j-gpu)" : ""));
        }
        throw new IllegalArgumentException("device '" + device + "' is not usable here: " + String.join("; ", reasons));
    }
}
