"""Runs the Deep Learning Tutorials' programs (the unmodified files beside this one, from
lisa-lab/DeepLearningTutorials commit 11c4651, code/) on the Fashion-MNIST subset bundled with the
examples and writes the reference numbers the Java ports are tested against.

    python dltut_reference.py OUT [PROGRAM ...]      PROGRAM: logistic_sgd mlp dA SdA rbm convolutional_mlp lstm
    DLTUT_DATA=/usr/share/datasets/fashion-mnist DLTUT_EPOCHS=1 python dltut_reference.py OUT PROGRAM ...

DLTUT_DATA reads the full data set instead of the subset (the same split); DLTUT_EPOCHS then runs
the tutorials' default arguments with that many epochs (the README's timing table).

With Theano 1.0.5 (tests/scripts/theano-venv.sh; THEANO_FLAGS='cxx=,blas.ldflags=,device=cpu,floatX=float64',
or cxx=/usr/bin/g++ for Theano's C ops, which rbm's MRG draws need to finish in minutes) the files run as
they are. With DLTUT_PYTENSOR=1 (examples/scripts/pytensor-venv.sh) `import theano`
finds the shim in pytensor_shim/, which maps the names the tutorials use onto PyTensor.

What is adapted, from the outside, without editing the tutorials:
  - logistic_sgd.load_data is replaced (before the other tutorials import it) by one that reads the
    bundled subset's idx files: the train file's first five sixths are the training set, its last
    sixth the validation set, t10k the test set, pixels / 255.0 as float64, labels as float64 shared
    arrays cast to int32 (the original's shared_dataset);
  - the modules' `print` is captured (and echoed) with the time of each line: per-epoch numbers are
    parsed from the tutorials' own progress lines;
  - the model classes record their instances, so that the final parameters can be summed;
  - rbm's tile_raster_images records the sum and the sum of squares of what it tiles (the filters
    after each epoch, then the samples);
  - scipy >= 1.8's private signal modules are given the names Theano's Python conv code imports;
  - PIL is stubbed (the filter images are not needed) and plots go to a temporary directory;
  - each program is called with the subset's arguments below (fewer epochs; logistic_sgd's
    batch_size 100 since the subset has 500 training examples);
  - lstm (on the synthetic sequences of imdb.py, the stand-in beside this file): its namespace gets
    Python 2's list-returning zip (get_minibatches_idx's minibatches are iterated more than once, and
    pred_error(..., kf) inside the epoch's loop must not exhaust them), numpy.linalg.svd returns
    sign-normalised singular vectors while it runs (sign_svd.py: LAPACK's signs are arbitrary), and its
    init_tparams is recorded (the final parameters are summed as one model's).
Output lines: "PROGRAM KEY VALUE" (repr of a float64); KEY is an epoch line's name or
"param.<i>.<name>.sum|abssum|sqsum" of the final parameters in the model's params order.
"""
import gzip
import os
import re
import struct
import sys
import tempfile
import time
import types

HERE = os.path.dirname(os.path.abspath(__file__))
SUBSET = os.environ.get("DLTUT_DATA") or os.path.join(
    HERE, "..", "..", "src", "main", "resources", "org", "theano4j", "examples", "data", "fashion-mnist-subset")
if os.environ.get("DLTUT_PYTENSOR"):
    sys.path.insert(0, os.path.join(HERE, "pytensor_shim"))
sys.path.insert(0, HERE)

import numpy  # noqa: E402
from sign_svd import sign_normalised_svd  # noqa: E402

pil = types.ModuleType("PIL")
pil.Image = types.ModuleType("PIL.Image")
pil.Image.fromarray = lambda a: types.SimpleNamespace(save=lambda name: None)
sys.modules["PIL"] = pil
sys.modules["PIL.Image"] = pil.Image

if not os.environ.get("DLTUT_PYTENSOR"):
    # Theano 1.0.5's compiled scan loop (Cython of 2017) does not build for Python 3.11: make its
    # import fail so that scan runs its Python loop (Theano's own fallback); other ops keep their C code
    sys.modules["theano.scan_module.scan_perform_ext"] = None
    # Theano 1.0.5's Python conv code imports scipy.signal's private helpers from the module names
    # scipy had until 1.8 (signaltools, sigtools); later scipy keeps them in _signaltools, _sigtools
    try:
        import scipy.signal._signaltools
        import scipy.signal._sigtools
        sys.modules["scipy.signal.signaltools"] = scipy.signal._signaltools
        sys.modules["scipy.signal.sigtools"] = scipy.signal._sigtools
    except ImportError:
        pass
import theano  # noqa: E402
import theano.tensor as T  # noqa: E402

# lstm on the synthetic sequences (imdb.py's stand-in): small dimensions, three epochs, no saving
LSTM_ARGS = dict(dim_proj=16, max_epochs=3, dispFreq=5, decay_c=1e-4, n_words=100, validFreq=10, maxlen=30,
                 batch_size=16, valid_batch_size=32, saveto="")
ARGS = {
    "logistic_sgd": ("sgd_optimization_mnist", dict(n_epochs=2, batch_size=100)),
    "mlp": ("test_mlp", dict(n_epochs=2)),
    "dA": ("test_dA", dict(training_epochs=1)),
    "SdA": ("test_SdA", dict(pretraining_epochs=1, training_epochs=1)),
    "rbm": ("test_rbm", dict(training_epochs=1, n_samples=1)),
    "convolutional_mlp": ("evaluate_lenet5", dict(n_epochs=2, batch_size=50)),
    "lstm": ("train_lstm", LSTM_ARGS),
}
if os.environ.get("DLTUT_EPOCHS"):
    _n = int(os.environ["DLTUT_EPOCHS"])
    ARGS = {
        "logistic_sgd": ("sgd_optimization_mnist", dict(n_epochs=_n)),
        "mlp": ("test_mlp", dict(n_epochs=_n)),
        "dA": ("test_dA", dict(training_epochs=_n)),
        "SdA": ("test_SdA", dict(pretraining_epochs=_n, training_epochs=_n)),
        "rbm": ("test_rbm", dict(training_epochs=_n)),
        "convolutional_mlp": ("evaluate_lenet5", dict(n_epochs=_n)),
        "lstm": ("train_lstm", dict(LSTM_ARGS, max_epochs=_n)),
    }
MODELS = {"logistic_sgd": "LogisticRegression", "mlp": "MLP", "dA": "dA", "SdA": "SdA", "rbm": "RBM",
          # LeNet's params are its layers' (layer3 + layer2 + layer1 + layer0): each layer is a model here
          "convolutional_mlp": ("LeNetConvPoolLayer", "HiddenLayer", "LogisticRegression"),
          # lstm has no model class: its tparams (init_tparams' result) are recorded as one model
          "lstm": ()}


def read_idx(name):
    with gzip.open(os.path.join(SUBSET, name), "rb") as f:
        data = f.read()
    ndim = data[3]
    dims = struct.unpack(">%dI" % ndim, data[4:4 + 4 * ndim])
    return numpy.frombuffer(data[4 + 4 * ndim:], dtype=numpy.uint8).reshape(dims)


def load_data(dataset):
    print("... loading data (Fashion-MNIST from %s instead of %s)" % (SUBSET, dataset))
    images = read_idx("train-images-idx3-ubyte.gz").reshape(-1, 784)
    labels = read_idx("train-labels-idx1-ubyte.gz")
    n_train = len(labels) - len(labels) // 6
    test = (read_idx("t10k-images-idx3-ubyte.gz").reshape(-1, 784) / 255.0, read_idx("t10k-labels-idx1-ubyte.gz"))
    parts = [(images[:n_train] / 255.0, labels[:n_train]), (images[n_train:] / 255.0, labels[n_train:]), test]

    def shared_dataset(data_xy, borrow=True):
        data_x, data_y = data_xy
        shared_x = theano.shared(numpy.asarray(data_x, dtype=theano.config.floatX), borrow=borrow)
        shared_y = theano.shared(numpy.asarray(data_y, dtype=theano.config.floatX), borrow=borrow)
        return shared_x, T.cast(shared_y, 'int32')

    return [shared_dataset(p) for p in parts]


class Capture:
    """The tutorials' print, kept with the time of each line."""

    def __init__(self):
        self.lines = []

    def __call__(self, *args, **kwargs):
        if kwargs.get("file") is None:
            self.lines.append((time.perf_counter(), " ".join(str(a) for a in args)))
        print(*args, **kwargs)


def record(cls, instances):
    """Makes cls's constructor append each new instance to instances (the class stays picklable)."""
    init = cls.__init__

    def recorded(self, *a, **k):
        init(self, *a, **k)
        instances.append(self)
    cls.__init__ = recorded


EPOCH_PATTERNS = [
    # logistic_sgd, mlp, SdA fine-tuning
    (re.compile(r"^epoch (\d+), minibatch \d+/\d+, validation error ([-\d.e]+) %"), "epoch{0}.valid_error_pct"),
    (re.compile(r"^ +epoch (\d+), minibatch \d+/\d+, test error of best model ([-\d.e]+) %"), "epoch{0}.test_error_pct"),
    # dA (two models, both print "Training epoch N, cost  C"), rbm ("cost is")
    (re.compile(r"^Training epoch (\d+), cost (?:is )? *([-\d.e+]+)"), "epoch{0}.cost"),
    # SdA pre-training
    (re.compile(r"^Pre-training layer (\d+), epoch (\d+), cost ([-\d.e+]+)"), "pretrain{0}.epoch{1}.cost"),
    # lstm: every dispFreq updates, every validFreq updates (and once at the end), after each epoch
    (re.compile(r"^Epoch  (\d+) Update  (\d+) Cost  ([-\d.e+]+)$"), "epoch{0}.update{1}.cost"),
    (re.compile(r"^Train  ([-\d.e+]+) Valid  "), "train_error"),
    (re.compile(r"^Train  \S+ Valid  ([-\d.e+]+) Test  "), "valid_error"),
    (re.compile(r"^Train  \S+ Valid  \S+ Test  ([-\d.e+]+)$"), "test_error"),
    (re.compile(r"^Seen (\d+) samples$"), "seen_samples"),
    # rbm: the arrays it tiles into images (filters after each epoch, then the samples)
    (re.compile(r"^tile (\d+) sum ([-\d.e+]+)"), "tile{0}.sum"),
    (re.compile(r"^tile (\d+) sqsum ([-\d.e+]+)"), "tile{0}.sqsum"),
]


def parse(lines):
    out, seen, start = [], {}, None
    for t, line in lines:
        if start is None:
            start = t
        for pattern, key in EPOCH_PATTERNS:
            m = pattern.match(line)
            if m:
                k = key.format(*m.groups()[:-1])
                seen[k] = seen.get(k, 0) + 1
                if seen[k] > 1:
                    k = "run%d.%s" % (seen[k], k)
                out.append((k, float(m.groups()[-1])))
                out.append((k + ".seconds", t - start))
                start = t
    return out


def adapt_lstm(module, instances):
    """lstm.py's adaptations: Python 2's zip (a list: get_minibatches_idx's result is iterated more
    than once, and pred_error(..., kf) inside the epoch's loop must not consume it), ortho_weight's
    SVD with normalised signs (LAPACK's signs are arbitrary), and its tparams recorded as the model."""
    module.zip = lambda *a: list(zip(*a))
    module.numpy.linalg.svd = sign_normalised_svd(numpy.linalg.svd)
    init_tparams = module.init_tparams

    def recorded(params):
        tparams = init_tparams(params)
        instances.append(types.SimpleNamespace(params=list(tparams.values())))
        return tparams
    module.init_tparams = recorded


def run(program, out):
    import logistic_sgd
    logistic_sgd.load_data = load_data
    module = __import__(program)
    capture = Capture()
    module.print = capture
    instances = []
    names = MODELS[program]
    for name in (names,) if isinstance(names, str) else names:
        record(getattr(module, name), instances)
    if program == "rbm":
        tile = module.tile_raster_images

        def recorded_tile(X, *a, **k):
            n = sum(1 for _, line in capture.lines if line.startswith("tile ") and " sum " in line)
            capture("tile %d sum %r" % (n, float(numpy.sum(X, dtype="float64"))))
            capture("tile %d sqsum %r" % (n, float(numpy.sum(numpy.square(X, dtype="float64")))))
            return tile(X, *a, **k)
        module.tile_raster_images = recorded_tile
    if program == "lstm":
        adapt_lstm(module, instances)
    fn, kwargs = ARGS[program]
    cwd, svd = os.getcwd(), numpy.linalg.svd
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        try:
            getattr(module, fn)(**kwargs)
        finally:
            os.chdir(cwd)
            numpy.linalg.svd = svd
    for key, value in parse(capture.lines):
        out.write("%s %s %r\n" % (program, key, value))
    for m, model in enumerate(instances):
        for i, p in enumerate(model.params):
            v = numpy.asarray(p.get_value(), dtype="float64")
            prefix = "%s model%d.param%d.%s" % (program, m, i, p.name)
            out.write("%s.sum %r\n%s.abssum %r\n%s.sqsum %r\n" % (prefix, float(v.sum()), prefix,
                      float(numpy.abs(v).sum()), prefix, float((v * v).sum())))
    out.flush()


def main():
    programs = sys.argv[2:] or list(ARGS)
    with open(sys.argv[1], "w") as out:
        out.write("# %s %s, floatX=%s; written by examples/scripts/dltut/dltut_reference.py\n"
                  % ("pytensor" if os.environ.get("DLTUT_PYTENSOR") else "theano", theano.__version__,
                     theano.config.floatX))
        for p in programs:
            run(p, out)


if __name__ == "__main__":
    main()
