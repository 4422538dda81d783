"""Writes the small synthetic stand-in for IMDB that lstm.py is run on (the real data set is not
available here): examples/src/main/resources/org/theano4j/examples/data/synthetic-imdb.txt.

    python3 examples/scripts/synthetic_imdb.py

Each line is "SPLIT LABEL W1 W2 ..." (SPLIT train or test): a sequence of 5 to 40 word ids in
2 .. 129 drawn by numpy.random.RandomState(2024) (0 is the padding, 1 the unknown word); the label
is 1 when the sequence holds more "positive" words (ids 2 .. 11) than "negative" ones (12 .. 21).
300 training and 100 test sequences. The file's bytes are reproducible (numpy's legacy streams).
"""
import os

import numpy

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "resources", "org", "theano4j",
                   "examples", "data", "synthetic-imdb.txt")


def sequence(rng):
    words = rng.randint(2, 130, size=rng.randint(5, 41))
    positive = numpy.sum((words >= 2) & (words < 12))
    negative = numpy.sum((words >= 12) & (words < 22))
    return int(positive > negative), words


def main():
    rng = numpy.random.RandomState(2024)
    with open(OUT, "w") as out:
        for split, n in (("train", 300), ("test", 100)):
            for _ in range(n):
                label, words = sequence(rng)
                out.write("%s %d %s\n" % (split, label, " ".join(str(w) for w in words)))


if __name__ == "__main__":
    main()
