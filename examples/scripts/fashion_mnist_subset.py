"""Writes the Fashion-MNIST subset bundled with the examples (standard library only).

    python3 examples/scripts/fashion_mnist_subset.py [SRC_DIR] [DEST_DIR]

SRC_DIR holds the package's idx files (default /usr/share/datasets/fashion-mnist; install them with
examples/scripts/install-fashion-mnist.sh). The subset scales the tutorials' mnist.pkl.gz split
(train 50k / valid 10k / test 10k) down by 100: its train file holds the first 500 training images
followed by the first 100 of the full validation part (training images 50000..50099), so that
"the last sixth of the train file is the validation set" holds for both; its test file holds the
first 100 test images. Files are idx (gzip, mtime 0, so the bytes are reproducible).
"""
import gzip
import os
import struct
import sys

SRC = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
DEST = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    os.path.dirname(__file__), "..", "src", "main", "resources", "org", "theano4j", "examples", "data",
    "fashion-mnist-subset")
TRAIN, VALID, TEST = 500, 100, 100
FULL_TRAIN = 50000


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    ndim = data[3]
    dims = struct.unpack(">%dI" % ndim, data[4:4 + 4 * ndim])
    return data[:4], dims, data[4 + 4 * ndim:]


def write_idx(path, magic, dims, rows, row_bytes):
    body = b"".join(rows)
    assert len(body) == dims[0] * row_bytes
    header = magic + struct.pack(">%dI" % len(dims), *dims)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
        f.write(header + body)


def subset(name, picks):
    magic, dims, body = read_idx(os.path.join(SRC, name))
    row = 1
    for d in dims[1:]:
        row *= d
    rows = [body[i * row:(i + 1) * row] for i in picks]
    write_idx(os.path.join(DEST, name), magic, (len(picks),) + tuple(dims[1:]), rows, row)


os.makedirs(DEST, exist_ok=True)
train_picks = list(range(TRAIN)) + list(range(FULL_TRAIN, FULL_TRAIN + VALID))
for kind in ("images-idx3-ubyte.gz", "labels-idx1-ubyte.gz"):
    subset("train-" + kind, train_picks)
    subset("t10k-" + kind, list(range(TEST)))
print("wrote", sorted(os.listdir(DEST)), "to", os.path.normpath(DEST))
