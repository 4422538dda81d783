package org.theano4j.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.theano4j.Function;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.MemoryScope;
import org.theano4j.tensor.NDArray;

/**
 * Run by {@link SmallHeapTest} in a JVM with a small heap, a small direct-memory budget and
 * explicit GC disabled: calls that return 1 MiB arrays, first left to the collector, then
 * released by scopes and by close(). Prints the resident-memory growth of the scoped phase.
 */
public final class SmallHeapProbe {
    private SmallHeapProbe() {
    }

    /** Prints {@code unscoped ok}, {@code scoped rss growth MiB <n>} and {@code closed ok}. */
    public static void main(String[] args) throws Exception {
        Variable x = T.dvector("x");
        Function f = Theano.function(List.of(x), T.mul(x, 2));
        NDArray in = NDArray.zeros(DType.FLOAT64, 1 << 17); // 1 MiB
        for (int i = 0; i < 300; i++) {
            f.call(in);                                   // 300 MiB, far past the 16 MiB direct budget
        }
        System.out.println("unscoped ok");
        long before = rss();
        for (int batch = 0; batch < 200; batch++) {
            try (MemoryScope scope = MemoryScope.open()) {
                for (int i = 0; i < 10; i++) {
                    f.call(in);
                }
            }
        }
        System.out.println("scoped rss growth MiB " + (rss() - before) / (1 << 20));
        for (int i = 0; i < 500; i++) {
            f.call(in).close();
        }
        f.close();
        System.out.println("closed ok");
    }

    private static long rss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }
}
