package org.theano4j.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** The workloads' data are numpy's, so both sides of compare.sh compute on the same numbers. */
class ModelsTest {
    // rng = np.random.RandomState(1234); x = rng.randn(400, 784)
    // y = rng.randint(size=400, low=0, high=2); w = rng.randn(784)
    // x[0,0], x[399,783], y[:10], y.sum(), w[0], w[783]
    @Test
    void logRegDataMatchNumpy() {
        LogReg m = LogReg.create();
        assertEquals(0.47143516373249306, m.x.getDouble(0, 0));
        assertEquals(0.2937413359194674, m.x.getDouble(399, 783));
        double[] y = m.y.toDoubleArray();
        assertArrayEquals(new double[] {0, 0, 0, 1, 1, 1, 1, 0, 0, 0}, Arrays.copyOf(y, 10));
        assertEquals(196, Arrays.stream(y).sum());
        assertEquals(1.0538711790606365, m.w.getValue().getDouble(0));
        assertEquals(-0.5024880716572285, m.w.getValue().getDouble(783));
    }

    @Test
    void trainStepReturnsPredictionAndXentAndUpdatesW() {
        LogReg m = LogReg.create();
        NDArray before = m.w.getValue();
        List<NDArray> out = m.step();
        assertEquals(2, out.size());
        assertArrayEquals(new long[] {LogReg.N}, out.get(0).shape());
        assertEquals(DType.BOOL, out.get(0).dtype());
        assertArrayEquals(new long[] {LogReg.N}, out.get(1).shape());
        assertNotEquals(before, m.w.getValue());
    }

    // np.random.RandomState(1234).uniform(-1, 1, 6)
    @Test
    void randomInputsMatchNumpyUniform() {
        NDArray a = Kernels.random(DType.FLOAT64, 2, 3);
        assertArrayEquals(new long[] {2, 3}, a.shape());
        assertArrayEquals(new double[] {-0.6169610992422154, 0.24421754207966373, -0.12454452198577104,
            0.5707171674275384, 0.559951616237607, -0.45481478943471676}, a.toDoubleArray());
    }

    @Test
    void kernelFunctionsComputeWhatTheyName() {
        assertEquals(3.75, Kernels.scalarAdd().call(1.5, 2.25).item());
        assertEquals(0.5, Kernels.logistic().call(new double[] {0}).getDouble(0));
        NDArray a = NDArray.of(new double[][] {{1, 2}, {3, 4}});
        assertArrayEquals(new double[] {7, 10, 15, 22}, Kernels.matmul(DType.FLOAT64).call(a, a).toDoubleArray());
        NDArray v = NDArray.of(new double[] {1, 1});
        assertArrayEquals(new double[] {3, 7}, Kernels.gemv(false).call(a, v).toDoubleArray());
        assertArrayEquals(new double[] {4, 6}, Kernels.gemv(true).call(a, v).toDoubleArray());
    }

    @Test
    void modelsBuiltFromTheSameDataStartAlike() {
        LogReg.Data data = LogReg.Data.draw();
        assertEquals(LogReg.create(data).step().get(1), LogReg.create(data).step().get(1));
        Mlp.Data mlp = Mlp.Data.draw(DType.FLOAT64);
        assertEquals(Mlp.create(mlp).run(), Mlp.create(mlp).run());
        assertEquals(List.of("W1", "b1", "W2", "b2"), Mlp.create(mlp).params.stream().map(p -> p.name()).toList());
    }

    @Test
    void crossCheckWritesOneValueALineThatParsesBack(@TempDir Path dir) throws Exception {
        CrossCheck.write(dir.resolve("case"), "v", NDArray.of(new double[] {0.1, -2.5e-300, 1e21}));
        List<String> lines = Files.readAllLines(dir.resolve("case").resolve("v.txt"));
        assertEquals(List.of(0.1, -2.5e-300, 1e21), lines.stream().map(Double::parseDouble).toList());
    }

    @Test
    void mlpStepLowersTheCostOnItsBatch() {
        for (DType dtype : List.of(DType.FLOAT32, DType.FLOAT64)) {
            Mlp m = Mlp.create(dtype);
            double first = m.run();
            double second = m.run();
            assertTrue(second < first, dtype + ": " + first + " then " + second);
        }
    }
}
