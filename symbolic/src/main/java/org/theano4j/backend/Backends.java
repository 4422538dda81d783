package org.theano4j.backend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Finds backends once with {@link ServiceLoader} and picks one per device. */
public final class Backends {
    private static final List<Backend> ALL = load();
    private static final System.Logger LOG = System.getLogger("org.theano4j.backend");
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

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
     * Passing over a better backend that is unusable here logs one warning per backend (see {@link #fallbackNote}).
     */
    public static Backend forDevice(String device) {
        List<String> reasons = new ArrayList<>();
        for (Backend b : ALL) {
            if (b.device().equals(device) || b.name().equals(device)) {
                if (b.unavailableReason().isEmpty()) {
                    warnOnce(b, reasons);
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

    /**
     * Why {@code chosen} runs instead of better backends of its device (empty when none was passed
     * over), e.g. {@code vector-cpu unavailable: the JVM lacks --add-modules=jdk.incubator.vector}.
     */
    public static Optional<String> fallbackNote(Backend chosen) {
        List<String> passed = new ArrayList<>();
        for (Backend b : ALL) {
            if (b == chosen) {
                break;
            }
            if (b.device().equals(chosen.device()) && b.unavailableReason().isPresent()) {
                passed.add(b.name() + " unavailable: " + b.unavailableReason().get());
            }
        }
        return passed.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", passed));
    }

    private static void warnOnce(Backend chosen, List<String> passedOver) {
        if (!passedOver.isEmpty() && WARNED.add(chosen.name())) {
            LOG.log(System.Logger.Level.WARNING, "theano4j: functions on device '" + chosen.device() + "' run on the "
                    + chosen.name() + " backend, which is much slower, because " + String.join("; ", passedOver)
                    + ". Start the JVM with --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
                    + " (README, 'JVM flags', shows where: Maven, Gradle, jshell, IDEs).");
        }
    }
}
