"""Stand-in for the Deep Learning Tutorials' imdb.py (which lstm.py imports): the same two functions,
load_data and prepare_data, behaving as the tutorials' versions do, but reading the small synthetic
data set bundled with the examples (examples/scripts/synthetic_imdb.py writes it) instead of the
IMDB pickle, which is not available here. Written for theano4j (not the tutorials' file).

load_data(n_words, valid_portion, maxlen, sort_by_len): keeps the training sequences shorter than
maxlen, splits off the last valid_portion of numpy.random.permutation(n) (the global numpy stream,
as the original) as the validation set, maps word ids >= n_words to 1 (unknown) and sorts each set
by length (a stable sort, as Python's sorted).
prepare_data(seqs, labels, maxlen): drops sequences not shorter than maxlen (when given), pads the
rest with zeros into an int64 (time, samples) matrix and returns it with its floatX mask and the labels.
"""
import os

import numpy
import theano

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "main", "resources", "org",
                    "theano4j", "examples", "data", "synthetic-imdb.txt")


def prepare_data(seqs, labels, maxlen=None):
    lengths = [len(s) for s in seqs]
    if maxlen is not None:
        kept = [i for i, n in enumerate(lengths) if n < maxlen]
        seqs = [seqs[i] for i in kept]
        labels = [labels[i] for i in kept]
        lengths = [lengths[i] for i in kept]
        if not lengths:
            return None, None, None
    longest = numpy.max(lengths)
    x = numpy.zeros((longest, len(seqs))).astype("int64")
    x_mask = numpy.zeros((longest, len(seqs))).astype(theano.config.floatX)
    for i, s in enumerate(seqs):
        x[:lengths[i], i] = s
        x_mask[:lengths[i], i] = 1.
    return x, x_mask, labels


def read(path=DATA):
    sets = {"train": ([], []), "test": ([], [])}
    with open(path) as f:
        for line in f:
            fields = line.split()
            sets[fields[0]][0].append([int(w) for w in fields[2:]])
            sets[fields[0]][1].append(int(fields[1]))
    return sets["train"], sets["test"]


def load_data(path=DATA, n_words=100000, valid_portion=0.1, maxlen=None, sort_by_len=True):
    (train_x, train_y), (test_x, test_y) = read(path)
    if maxlen:
        kept = [i for i, s in enumerate(train_x) if len(s) < maxlen]
        train_x, train_y = [train_x[i] for i in kept], [train_y[i] for i in kept]
    sidx = numpy.random.permutation(len(train_x))
    n_train = int(numpy.round(len(train_x) * (1. - valid_portion)))
    valid_x, valid_y = [train_x[s] for s in sidx[n_train:]], [train_y[s] for s in sidx[n_train:]]
    train_x, train_y = [train_x[s] for s in sidx[:n_train]], [train_y[s] for s in sidx[:n_train]]

    def remove_unk(x):
        return [[1 if w >= n_words else w for w in s] for s in x]

    def by_length(x, y):
        order = sorted(range(len(x)), key=lambda i: len(x[i]))
        return [x[i] for i in order], [y[i] for i in order]

    sets = [(remove_unk(train_x), train_y), (remove_unk(valid_x), valid_y), (remove_unk(test_x), test_y)]
    if sort_by_len:
        sets = [by_length(x, y) for x, y in sets]
    return tuple(sets)
