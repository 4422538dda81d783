"""Computes the reference values of the convolution, pooling, activation and batch-norm tests with
Theano 1.0.5 and writes them to tests/src/test/resources/nnet/ (CI never runs this):

    bash tests/scripts/theano-venv.sh /path/to/theano-checkout /tmp/pyt   # see the note on versions below
    THEANO_FLAGS='blas.ldflags=,device=cpu,floatX=float64' /tmp/pyt/bin/python \
        tests/scripts/nnet_reference.py tests/src/test/resources/nnet

Writes ``cases.txt`` (one case a line: ``family name dtype key=value ...``) and one ``.npz`` per
family (``conv``, ``pool``, ``act``, ``bn``) whose members are ``<case>.<array>``: the inputs
(``x``, ``w``, ...), the cotangents (``c``, ``d``, ``e``: the costs are ``sum(out * c)`` and, for
second derivatives, ``sum(grad * d)``) and Theano's results.

Theano runs with its reference ``perform`` implementations where no C code exists (the abstract
convolutions, through scipy.signal) and the C code of Pool/MaxPoolGrad/AveragePoolGrad/
DownsampleFactorMaxGradGrad (g++, no BLAS), with no graph rewrites (``optimizer=None``) so that
exactly these ops run. Versions: numpy 1.26.4 and scipy 1.11.1 (the offline index here has no
numpy 1.23.5); the shims below only restore names that newer numpy/scipy removed or moved.
"""
import os
import sys

import numpy as np

for _name, _value in (("bool", bool), ("int", int), ("float", float), ("complex", complex), ("object", object),
                      ("str", str)):
    if _name not in np.__dict__:
        setattr(np, _name, _value)
import scipy.signal._signaltools
import scipy.signal._sigtools

sys.modules["scipy.signal.signaltools"] = scipy.signal._signaltools
sys.modules["scipy.signal.sigtools"] = scipy.signal._sigtools

import theano  # noqa: E402
import theano.tensor as T  # noqa: E402
from theano.tensor.nnet import bn  # noqa: E402
from theano.tensor.signal import pool  # noqa: E402

MODE = theano.Mode(linker="c|py", optimizer=None)
LINES = []
ARRAYS = {"conv": {}, "pool": {}, "act": {}, "bn": {}}


def rng(seed, shape, dtype, low=-1.0, high=1.0):
    return np.random.RandomState(seed).uniform(low, high, size=shape).astype(dtype)


def store(family, name, dtype, params, arrays):
    LINES.append(" ".join([family, name, dtype] + ["%s=%s" % kv for kv in params]))
    for key, value in arrays.items():
        ARRAYS[family]["%s.%s" % (name, key)] = np.asarray(value)


def fmt(v):
    if isinstance(v, (tuple, list)):
        return ",".join(str(int(a)) for a in v)
    return str(v)


# ---- conv2d ----

CONV = [
    # name, x shape, w shape, border_mode, subsample, dilation, flip
    ("valid", (2, 3, 7, 6), (4, 3, 3, 2), "valid", (1, 1), (1, 1), True),
    ("valid_noflip", (2, 3, 7, 6), (4, 3, 3, 2), "valid", (1, 1), (1, 1), False),
    ("full", (1, 2, 5, 6), (3, 2, 3, 3), "full", (1, 1), (1, 1), True),
    ("half", (2, 2, 6, 7), (3, 2, 3, 5), "half", (1, 1), (1, 1), True),
    ("half_even", (1, 2, 6, 5), (2, 2, 4, 2), "half", (1, 1), (1, 1), False),
    ("int_pad", (2, 1, 5, 5), (2, 1, 3, 3), 1, (1, 1), (1, 1), True),
    ("tuple_pad_stride", (2, 3, 9, 8), (2, 3, 3, 2), (2, 1), (2, 3), (1, 1), True),
    ("stride_valid", (1, 2, 10, 9), (3, 2, 3, 3), "valid", (3, 2), (1, 1), False),
    ("dilation", (2, 2, 9, 10), (2, 2, 3, 2), "valid", (1, 1), (2, 3), True),
    ("dilation_half_stride", (1, 3, 8, 9), (2, 3, 3, 3), "half", (2, 2), (2, 1), True),
    ("full_stride_dilation", (1, 1, 6, 5), (2, 1, 2, 3), "full", (2, 1), (1, 2), False),
    ("lenet_like", (4, 1, 12, 12), (5, 1, 5, 5), "valid", (1, 1), (1, 1), True),
    ("filter_equals_input", (2, 2, 4, 3), (3, 2, 4, 3), "valid", (1, 1), (1, 1), True),
]


def conv_cases():
    for i, (name, xs, ws, border, sub, dil, flip) in enumerate(CONV):
        for dtype in ("float64", "float32"):
            theano.config.floatX = dtype
            x, w = T.tensor4("x", dtype=dtype), T.tensor4("w", dtype=dtype)
            out = T.nnet.conv2d(x, w, border_mode=border, subsample=sub, filter_dilation=dil, filter_flip=flip)
            c, d, e = T.tensor4("c", dtype=dtype), T.tensor4("d", dtype=dtype), T.tensor4("e", dtype=dtype)
            cost = T.sum(out * c)
            gx, gw = T.grad(cost, [x, w])
            hxw = T.grad(T.sum(gx * d), w)   # through AbstractConv2d_gradInputs' gradient
            hwx = T.grad(T.sum(gw * e), x)   # through AbstractConv2d_gradWeights' gradient
            hxc = T.grad(T.sum(gx * d), c)   # w.r.t. the output gradient: the convolution again
            f = theano.function([x, w, c, d, e], [out, gx, gw, hxw, hwx, hxc], mode=MODE)
            xv, wv = rng(10 + i, xs, dtype), rng(50 + i, ws, dtype)
            outshape = theano.function([x, w], out, mode=MODE)(xv, wv).shape
            cv, dv, ev = rng(90 + i, outshape, dtype), rng(130 + i, xs, dtype), rng(170 + i, ws, dtype)
            r = f(xv, wv, cv, dv, ev)
            params = [("x", fmt(xs)), ("w", fmt(ws)), ("border", fmt(border)), ("subsample", fmt(sub)),
                      ("dilation", fmt(dil)), ("flip", int(flip))]
            store("conv", "%s_%s" % (name, dtype), dtype, params,
                  dict(x=xv, w=wv, c=cv, d=dv, e=ev, out=r[0], gx=r[1], gw=r[2], hxw=r[3], hwx=r[4], hxc=r[5]))


# ---- pool_2d ----

POOL = [
    # name, x shape, ws, ignore_border, stride, pad, ties
    ("2x2", (2, 3, 6, 6), (2, 2), True, None, (0, 0), False),
    ("2x2_odd_keep", (1, 2, 5, 7), (2, 2), False, None, (0, 0), False),
    ("2x2_odd_drop", (1, 2, 5, 7), (2, 2), True, None, (0, 0), False),
    ("3x2_stride1", (2, 1, 6, 5), (3, 2), True, (1, 1), (0, 0), False),
    ("3x3_stride2_keep", (1, 2, 7, 8), (3, 3), False, (2, 2), (0, 0), False),
    ("2x3_stride3_keep", (1, 1, 7, 8), (2, 3), False, (3, 3), (0, 0), False),
    ("pad", (2, 2, 5, 6), (3, 3), True, (2, 2), (1, 2), False),
    ("pad_stride1", (1, 2, 4, 5), (3, 2), True, (1, 1), (2, 1), False),
    ("ties", (2, 2, 6, 6), (2, 2), True, (1, 1), (0, 0), True),
    ("ties_keep", (1, 2, 5, 5), (3, 2), False, (2, 1), (0, 0), True),
    ("3d_input", (3, 5, 6), (2, 3), False, None, (0, 0), False),
]
MODES = ("max", "sum", "average_inc_pad", "average_exc_pad")


def pool_cases():
    for i, (name, xs, ws, ib, st, pad, ties) in enumerate(POOL):
        for mode in MODES:
            if mode == "average_exc_pad" and max(pad) > 0:
                continue  # Theano's AveragePoolGrad refuses it
            for dtype in ("float64", "float32"):
                theano.config.floatX = dtype
                x = T.TensorType(dtype, (False,) * len(xs))("x")
                out = pool.pool_2d(x, ws=ws, ignore_border=ib, stride=st, pad=pad, mode=mode)
                c = T.TensorType(dtype, (False,) * len(xs))("c")
                d = T.TensorType(dtype, (False,) * len(xs))("d")
                gx = T.grad(T.sum(out * c), x)
                ggc = T.grad(T.sum(gx * d), c)  # MaxPoolGrad's / AveragePoolGrad's gradient
                f = theano.function([x, c, d], [out, gx, ggc], mode=MODE)
                if ties:
                    xv = np.random.RandomState(200 + i).randint(-2, 3, size=xs).astype(dtype)
                else:
                    xv = rng(200 + i, xs, dtype)
                outshape = theano.function([x], out, mode=MODE)(xv).shape
                cv, dv = rng(300 + i, outshape, dtype), rng(400 + i, xs, dtype)
                r = f(xv, cv, dv)
                params = [("x", fmt(xs)), ("ws", fmt(ws)), ("ignore_border", int(ib)),
                          ("stride", fmt(st if st is not None else ws)), ("pad", fmt(pad)), ("mode", mode)]
                store("pool", "%s_%s_%s" % (name, mode, dtype), dtype, params,
                      dict(x=xv, c=cv, d=dv, out=r[0], gx=r[1], ggc=r[2]))


# ---- activations ----

def act_cases():
    base = np.concatenate([np.array([-5.0, -3.0, -2.9, -1.7, -0.5, 0.0, 0.5, 1.0, 2.0, 3.4, 3.5, 6.0, 7.0]),
                           np.random.RandomState(7).uniform(-8, 8, size=40)])
    for dtype in ("float64", "float32"):
        theano.config.floatX = dtype
        x = T.vector("x", dtype=dtype)
        xv = base.astype(dtype)
        cv = rng(8, base.shape, dtype)
        c = T.vector("c", dtype=dtype)
        acts = [("relu", T.nnet.relu(x)), ("relu_alpha", T.nnet.relu(x, 0.1)), ("relu_neg_alpha", T.nnet.relu(x, -0.3)),
                ("elu", T.nnet.elu(x)), ("elu_alpha", T.nnet.elu(x, 0.7)), ("selu", T.nnet.selu(x)),
                ("hard_sigmoid", T.nnet.hard_sigmoid(x))]
        for name, y in acts:
            f = theano.function([x, c], [y, T.grad(T.sum(y * c), x)], mode=MODE)
            r = f(xv, cv)
            store("act", "%s_%s" % (name, dtype), dtype, [("fn", name)], dict(x=xv, c=cv, out=r[0], gx=r[1]))
        y = T.nnet.ultra_fast_sigmoid(x)  # Theano 1.0 defines no gradient for it
        store("act", "ultra_fast_sigmoid_%s" % dtype, dtype, [("fn", "ultra_fast_sigmoid")],
              dict(x=xv, out=theano.function([x], y, mode=MODE)(xv)))


# ---- batch normalization ----

BN = [
    # name, x shape, axes, params full ndim?
    ("per_activation_2d", (6, 4), "per-activation", False),
    ("per_activation_4d", (5, 3, 2, 3), "per-activation", False),
    ("spatial_4d", (4, 3, 3, 2), "spatial", False),
    ("spatial_4d_full_params", (4, 3, 3, 2), "spatial", True),
    ("axes_0_2", (3, 4, 5), (0, 2), False),
]


def bn_cases():
    for i, (name, xs, axes, full) in enumerate(BN):
        for dtype in ("float64", "float32"):
            theano.config.floatX = dtype
            nd = len(xs)
            ax = (0,) if axes == "per-activation" else ((0,) + tuple(range(2, nd)) if axes == "spatial" else axes)
            pshape = tuple(1 if k in ax else s for k, s in enumerate(xs)) if full else \
                tuple(s for k, s in enumerate(xs) if k not in ax)
            ptype = T.TensorType(dtype, tuple(s == 1 for s in pshape) if full else (False,) * len(pshape))
            x = T.TensorType(dtype, (False,) * nd)("x")
            gamma, beta, rm, rv = ptype("gamma"), ptype("beta"), ptype("rm"), ptype("rv")
            c = T.TensorType(dtype, (False,) * nd)("c")
            out, mean, invstd, nrm, nrv = bn.batch_normalization_train(
                x, gamma, beta, axes=axes, epsilon=2e-4, running_average_factor=0.3, running_mean=rm, running_var=rv)
            cost = T.sum(out * c)
            gx, gg, gb = T.grad(cost, [x, gamma, beta])
            test = bn.batch_normalization_test(x, gamma, beta, rm, rv, axes=axes, epsilon=2e-4)
            tcost = T.sum(test * c)
            tgx, tgg, tgb, tgm, tgv = T.grad(tcost, [x, gamma, beta, rm, rv])
            f = theano.function([x, gamma, beta, rm, rv, c],
                                [out, mean, invstd, nrm, nrv, gx, gg, gb, test, tgx, tgg, tgb, tgm, tgv], mode=MODE)
            xv = rng(500 + i, xs, dtype, -2, 3)
            gv, bv = rng(510 + i, pshape, dtype, 0.5, 1.5), rng(520 + i, pshape, dtype)
            rmv, rvv = rng(530 + i, pshape, dtype), rng(540 + i, pshape, dtype, 0.5, 2)
            cv = rng(550 + i, xs, dtype)
            r = f(xv, gv, bv, rmv, rvv, cv)
            keys = ["out", "mean", "invstd", "new_rm", "new_rv", "gx", "ggamma", "gbeta",
                    "test", "tgx", "tggamma", "tgbeta", "tgmean", "tgvar"]
            arrays = dict(x=xv, gamma=gv, beta=bv, rm=rmv, rv=rvv, c=cv)
            arrays.update(zip(keys, r))
            axes_s = axes if isinstance(axes, str) else fmt(axes)
            store("bn", "%s_%s" % (name, dtype), dtype, [("x", fmt(xs)), ("axes", axes_s), ("p", fmt(pshape)),
                                                       ("epsilon", 2e-4), ("factor", 0.3)], arrays)


# Each case runs with floatX set to its dtype, as a float32 user of Theano runs (with floatX=float64, Python
# numbers such as relu's alpha or batch norm's epsilon become float64 constants and upcast float32 graphs).

def main(out_dir):
    assert theano.__version__.startswith("1.0.5"), theano.__version__
    conv_cases()
    pool_cases()
    act_cases()
    bn_cases()
    os.makedirs(out_dir, exist_ok=True)
    for family, arrays in ARRAYS.items():
        np.savez_compressed(os.path.join(out_dir, family + ".npz"), **arrays)
    with open(os.path.join(out_dir, "cases.txt"), "w") as f:
        f.write("# written by tests/scripts/nnet_reference.py with Theano %s, numpy %s\n" % (theano.__version__,
                                                                                           np.__version__))
        f.write("\n".join(LINES) + "\n")
    print("%d cases" % len(LINES))


if __name__ == "__main__":
    main(sys.argv[1])
