package org.theano4j.examples.dltut;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.theano4j.SharedVariable;

/**
 * What a tutorial program reports: its per-epoch numbers under the keys the reference script
 * writes ({@code epoch1.valid_error_pct}, {@code epoch0.cost}, {@code pretrain0.epoch0.cost}, ...),
 * the seconds since the previous entry, and the final parameters of each model it trained.
 */
public final class TrainingLog {
    private final Map<String, Double> values = new LinkedHashMap<>();
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private final List<List<SharedVariable>> models = new ArrayList<>();
    private long last = System.nanoTime();

    /** Records {@code value} under {@code key} (a repeated key becomes {@code run2.key}, as the script does). */
    public void put(String key, double value) {
        String k = key;
        for (int run = 2; values.containsKey(k); run++) {
            k = "run" + run + "." + key;
        }
        long now = System.nanoTime();
        values.put(k, value);
        seconds.put(k, (now - last) / 1e9);
        last = now;
    }

    /** Restarts the clock of the next entry (after set-up that the tutorials do not time). */
    public void restartClock() {
        last = System.nanoTime();
    }

    /** Adds a trained model's parameters, in its {@code params} order. */
    public void addModel(List<SharedVariable> params) {
        models.add(List.copyOf(params));
    }

    /** The recorded numbers, in order. */
    public Map<String, Double> values() {
        return Collections.unmodifiableMap(values);
    }

    /** The seconds before each entry. */
    public Map<String, Double> seconds() {
        return Collections.unmodifiableMap(seconds);
    }

    /** The models' parameters, in the order the models were built. */
    public List<List<SharedVariable>> models() {
        return Collections.unmodifiableList(models);
    }
}
