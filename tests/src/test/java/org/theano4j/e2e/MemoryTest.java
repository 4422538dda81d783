package org.theano4j.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** Calling a function many times keeps resident memory bounded (outputs are freed when unreachable). */
class MemoryTest {
    private static long rssBytes() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    @Test
    void rssStaysFlatOverManyCalls() throws Exception {
        Variable x = T.dvector("x");
        Function f = Theano.function(List.of(x), List.of(T.exp(x), x.mul(2)));
        NDArray in = NDArray.zeros(DType.FLOAT64, 65_536);   // 512 KiB in, 1 MiB out per call
        for (int i = 0; i < 200; i++) {
            f.callAll(in);
        }
        long before = rssBytes();
        for (int i = 0; i < 4_000; i++) {                   // 4 GiB of outputs in all
            f.callAll(in);
        }
        long after = rssBytes();
        assertTrue(before < 0 || after - before < 600L << 20, "RSS grew by " + ((after - before) >> 20) + " MiB");
    }
}
