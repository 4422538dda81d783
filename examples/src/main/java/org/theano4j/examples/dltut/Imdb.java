package org.theano4j.examples.dltut;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.theano4j.rng.RandomState;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The tutorials' {@code imdb.py} as lstm.py uses it ({@code load_data}, {@code prepare_data}), on
 * the synthetic sequences bundled with the examples ({@code data/synthetic-imdb.txt}, written by
 * {@code examples/scripts/synthetic_imdb.py}; the reference run reads them through
 * {@code examples/scripts/dltut/imdb.py}) since the IMDB pickle is not available.
 */
public final class Imdb {
    private static final String RESOURCE = "/org/theano4j/examples/data/synthetic-imdb.txt";

    private Imdb() {
    }

    /** Sequences of word ids and their labels. */
    public record Set(List<long[]> x, List<Long> y) {
        /** Copies. */
        public Set {
            x = List.copyOf(x);
            y = List.copyOf(y);
        }

        /** How many sequences there are. */
        public int size() {
            return x.size();
        }
    }

    /** The training, validation and test sets. */
    public record Splits(Set train, Set valid, Set test) {
    }

    /** A padded minibatch: int64 word ids (time, samples), their floatX mask, the labels. */
    public record Batch(NDArray x, NDArray mask, long[] y) {
    }

    /**
     * {@code load_data(n_words, valid_portion, maxlen, sort_by_len=True)}: training sequences shorter
     * than {@code maxlen} (0: all), the last {@code validPortion} of {@code numpy.random.permutation}
     * (drawn from {@code numpyRandom}, the tutorial's global stream) as the validation set, ids
     * {@code >= nWords} as 1, each set sorted by length (stably).
     */
    public static Splits loadData(RandomState numpyRandom, int nWords, double validPortion, int maxlen) {
        Set[] read = read();
        Set all = read[0];
        Set train = maxlen <= 0 ? all
                : select(all, IntStream.range(0, all.size()).filter(i -> all.x().get(i).length < maxlen).toArray());
        long[] sidx = numpyRandom.permutation(train.size());
        int nTrain = (int) Math.rint(train.size() * (1. - validPortion));
        int[] validIdx = new int[sidx.length - nTrain];
        int[] trainIdx = new int[nTrain];
        for (int i = 0; i < sidx.length; i++) {
            if (i < nTrain) {
                trainIdx[i] = (int) sidx[i];
            } else {
                validIdx[i - nTrain] = (int) sidx[i];
            }
        }
        Set valid = select(train, validIdx);
        train = select(train, trainIdx);
        return new Splits(sorted(removeUnk(train, nWords)), sorted(removeUnk(valid, nWords)), sorted(removeUnk(read[1], nWords)));
    }

    /** The sets at {@code idx}, in that order. */
    static Set select(Set s, int[] idx) {
        List<long[]> x = new ArrayList<>();
        List<Long> y = new ArrayList<>();
        for (int i : idx) {
            x.add(s.x().get(i));
            y.add(s.y().get(i));
        }
        return new Set(x, y);
    }

    private static Set removeUnk(Set s, int nWords) {
        List<long[]> x = new ArrayList<>();
        for (long[] seq : s.x()) {
            long[] c = seq.clone();
            for (int i = 0; i < c.length; i++) {
                c[i] = c[i] >= nWords ? 1 : c[i];
            }
            x.add(c);
        }
        return new Set(x, s.y());
    }

    private static Set sorted(Set s) {
        int[] order = IntStream.range(0, s.size()).boxed()
                .sorted(Comparator.comparingInt(i -> s.x().get(i).length)).mapToInt(Integer::intValue).toArray();
        return select(s, order);
    }

    /**
     * {@code prepare_data(seqs, labels, maxlen)}: drops sequences not shorter than {@code maxlen}
     * (0: keeps all; null when none is left), pads the rest with zeros into (time, samples).
     */
    public static Batch prepareData(List<long[]> seqs, List<Long> labels, int maxlen) {
        List<long[]> kept = new ArrayList<>();
        List<Long> keptLabels = new ArrayList<>();
        for (int i = 0; i < seqs.size(); i++) {
            if (maxlen <= 0 || seqs.get(i).length < maxlen) {
                kept.add(seqs.get(i));
                keptLabels.add(labels.get(i));
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        int n = kept.size();
        int longest = kept.stream().mapToInt(s -> s.length).max().orElseThrow();
        NDArray x = NDArray.zeros(DType.INT64, longest, n);
        NDArray mask = NDArray.zeros(DType.FLOAT64, longest, n);
        for (int i = 0; i < n; i++) {
            long[] s = kept.get(i);
            for (int t = 0; t < s.length; t++) {
                x.writeLong((long) t * n + i, s[t]);
                mask.writeDouble((long) t * n + i, 1.);
            }
        }
        return new Batch(x, mask, keptLabels.stream().mapToLong(Long::longValue).toArray());
    }

    /** The bundled train and test sets, in file order. */
    static Set[] read() {
        List<List<long[]>> x = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<Long>> y = List.of(new ArrayList<>(), new ArrayList<>());
        for (String line : text().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split(" ");
            int split = f[0].equals("train") ? 0 : 1;
            long[] seq = new long[f.length - 2];
            for (int i = 0; i < seq.length; i++) {
                seq[i] = Long.parseLong(f[i + 2]);
            }
            x.get(split).add(seq);
            y.get(split).add(Long.parseLong(f[1]));
        }
        return new Set[] {new Set(x.get(0), y.get(0)), new Set(x.get(1), y.get(1))};
    }

    private static String text() {
        try (InputStream in = Imdb.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the synthetic IMDB stand-in " + RESOURCE + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
