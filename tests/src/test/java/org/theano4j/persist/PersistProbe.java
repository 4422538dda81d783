package org.theano4j.persist;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.theano4j.Function;
import org.theano4j.Theano;
import org.theano4j.tensor.io.Npz;

/**
 * The child JVM of {@link CrossJvmPersistTest}: loads each named function file of a directory,
 * makes its saved calls and writes what {@link CrossJvmCases#run} records, plus its description.
 * Arguments: the directory, then {@code name} or {@code name=other} (use other's shared variables);
 * or the directory, {@code --refused} and one name: print why the load fails.
 */
public final class PersistProbe {
    private PersistProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        if (args[1].equals("--refused")) {
            try {
                Theano.load(dir.resolve(args[2] + ".t4j"));
                System.out.println("loaded");
            } catch (IllegalArgumentException e) {
                System.out.println("refused: " + e.getMessage());
            }
            return;
        }
        Map<String, Function> loaded = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] spec = args[i].split("=");
            Function f = Theano.load(dir.resolve(spec[0] + ".t4j"));
            if (spec.length > 1) {
                f = CrossJvmCases.sharing(f, loaded.get(spec[1]));
            }
            loaded.put(spec[0], f);
            Files.writeString(dir.resolve(spec[0] + ".describe.txt"), CrossJvmCases.describe(f), StandardCharsets.UTF_8);
            Npz.save(dir.resolve(spec[0] + ".out.npz"), CrossJvmCases.run(f, CrossJvmCases.loadCalls(dir.resolve(spec[0] + ".calls.npz"))));
        }
        System.out.println("probe done");
    }
}
