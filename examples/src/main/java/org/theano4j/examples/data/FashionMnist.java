package org.theano4j.examples.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Fashion-MNIST split like the Deep Learning Tutorials' {@code mnist.pkl.gz}: the train file's
 * first five sixths are the training set, its last sixth the validation set (50,000 / 10,000 for
 * the full set), the t10k file the test set. Images are float64 rows of 784 pixels scaled to
 * [0, 1] ({@code pixel / 255.0}), labels int32 class numbers 0-9.
 *
 * <p>{@link #load()} takes the full set from the directory in the system property
 * {@code dltut.fashionMnist} or the environment variable {@code THEANO4J_FASHION_MNIST}, else
 * from Debian's package {@code dataset-fashion-mnist} ({@value #DEBIAN_DIR}, installed by
 * {@code examples/scripts/install-fashion-mnist.sh}), else the bundled subset ({@link #subset()}).
 */
public final class FashionMnist {
    /** Where Debian's {@code dataset-fashion-mnist} puts its idx files. */
    public static final String DEBIAN_DIR = "/usr/share/datasets/fashion-mnist";
    private static final String SUBSET = "fashion-mnist-subset/";
    private static final String[] FILES = {
        "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
    };

    private FashionMnist() {
    }

    /**
     * Images and labels of one part of the data.
     *
     * @param x float64 images, one row of 784 pixels in [0, 1] per example
     * @param y int32 labels
     */
    public record Part(NDArray x, NDArray y) {
        /** The number of examples. */
        public int size() {
            return (int) y.size();
        }
    }

    /**
     * The three parts and where they came from.
     *
     * @param train the training set
     * @param valid the validation set
     * @param test the test set
     * @param source the directory or resource the files were read from
     */
    public record Splits(Part train, Part valid, Part test, String source) {
    }

    /** The full data set when it is installed (see the class comment), else the bundled subset. */
    public static Splits load() {
        String dir = System.getProperty("dltut.fashionMnist", System.getenv("THEANO4J_FASHION_MNIST"));
        Path path = Path.of(dir != null ? dir : DEBIAN_DIR);
        if (Files.isRegularFile(path.resolve(FILES[0]))) {
            return load(path);
        }
        if (dir != null) {
            throw new IllegalArgumentException("Fashion-MNIST: no " + FILES[0] + " in " + path);
        }
        return subset();
    }

    /** The idx files in {@code dir} (the names of Debian's package / Zalando's release, gzipped). */
    public static Splits load(Path dir) {
        try {
            Idx.Array[] a = new Idx.Array[FILES.length];
            for (int i = 0; i < FILES.length; i++) {
                a[i] = Idx.read(dir.resolve(FILES[i]));
            }
            return split(a, dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The subset bundled with the examples (made by {@code examples/scripts/fashion_mnist_subset.py}):
     * 500 training, 100 validation and 100 test examples, the first of each part of the full set.
     */
    public static Splits subset() {
        try {
            Idx.Array[] a = new Idx.Array[FILES.length];
            for (int i = 0; i < FILES.length; i++) {
                try (InputStream in = FashionMnist.class.getResourceAsStream(SUBSET + FILES[i])) {
                    if (in == null) {
                        throw new IOException("resource " + SUBSET + FILES[i] + " is missing");
                    }
                    a[i] = Idx.read(in, FILES[i]);
                }
            }
            return split(a, "bundled subset");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Splits split(Idx.Array[] a, String source) {
        int n = a[0].dim(0);
        int nTrain = n - n / 6;
        return new Splits(part(a[0], a[1], 0, nTrain), part(a[0], a[1], nTrain, n), part(a[2], a[3], 0, a[2].dim(0)), source);
    }

    private static Part part(Idx.Array images, Idx.Array labels, int from, int to) {
        if (images.dims().length != 3 || labels.dims().length != 1 || images.dim(0) != labels.dim(0)) {
            throw new IllegalArgumentException("Fashion-MNIST: images " + Arrays.toString(images.dims())
                    + " and labels " + Arrays.toString(labels.dims()) + " do not match");
        }
        int pixels = images.dim(1) * images.dim(2);
        NDArray x = NDArray.empty(DType.FLOAT64, to - from, pixels);
        MemorySegment xs = x.segment();
        double[] values = images.values();
        long first = (long) from * pixels;
        for (long i = 0, n = x.size(); i < n; i++) {
            xs.setAtIndex(ValueLayout.JAVA_DOUBLE, i, values[(int) (first + i)] / 255.0);
        }
        int[] y = new int[to - from];
        for (int i = 0; i < y.length; i++) {
            y[i] = (int) labels.values()[from + i];
        }
        return new Part(x, NDArray.of(y));
    }
}
