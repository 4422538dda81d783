"""Reference values for tests/.../e2e/SurfaceTest (issue 11: types, pp, flatten, broadcasting, int grads).

Run in the Theano 1.0.5 venv (tests/scripts/theano-venv.sh THEANO_CHECKOUT /tmp/pyt):
    THEANO_FLAGS='cxx=,blas.ldflags=,device=cpu,floatX=float64' /tmp/pyt/bin/python \
        tests/scripts/surface_reference.py tests/src/test/resources/surface/theano-1.0.5.txt
Each line is `key<TAB>value`; the Java test builds the same expressions and compares.
Dtypes of int16 expressions come from numpy (theano4j follows numpy's promotion, where a Python
float with an integer array gives float64; Theano's cast policy would give float32 there).
"""
import sys
import numpy as np
import theano
import theano.tensor as T

out = []


def put(key, value):
    out.append("%s\t%s" % (key, value))


def arr(a):
    return " ".join(repr(float(v)) for v in np.asarray(a, dtype=np.float64).ravel())


x = T.dmatrix("x")
v = T.dvector("v")
put("pp.add_broadcast", theano.pp(x + v))
put("pp.transpose_add", theano.pp(x.dimshuffle(1, 0) + v))
put("pp.new_axis_only", theano.pp(v.dimshuffle("x", 0)))
put("pp.trailing_axis", theano.pp(v.dimshuffle(0, "x")))
t3 = T.dtensor3("t")
put("pp.permute", theano.pp(t3.dimshuffle(1, 0, 2)))
put("pp.exp_times_add", theano.pp(T.exp(x) * v + x))

# int16 promotion (numpy's table, arrays of these dtypes)
w = np.zeros(2, np.int16)
for name, other in [("int8", np.int8), ("int16", np.int16), ("int32", np.int32), ("int64", np.int64),
                    ("uint8", np.uint8), ("float32", np.float32), ("float64", np.float64), ("bool", np.bool_)]:
    put("dtype.int16+" + name, (w + np.zeros(2, other)).dtype)
put("dtype.int16+1", (w + 1).dtype)
put("dtype.int16*1.5", (w * 1.5).dtype)
put("dtype.int16/int16", (w / w).dtype)
put("dtype.exp(int16)", np.exp(w).dtype)
wa = np.array([32767, -32768, 1200, -7], np.int16)
wb = np.array([1, -1, 30, 3], np.int16)
put("int16.add", " ".join(str(int(i)) for i in (wa + wb)))
put("int16.mul", " ".join(str(int(i)) for i in (wa * wb)))
put("int16.intdiv", " ".join(str(int(i)) for i in (wa // wb)))
put("int16.mod", " ".join(str(int(i)) for i in (wa % wb)))
ws = T.wvector("ws")
put("theano.int16.sum_dtype", T.sum(ws).dtype)

# flatten(outdim)
m = T.dtensor4("m")
data = np.arange(24.0).reshape(2, 3, 2, 2)
for nd in (1, 2, 3, 4):
    f = theano.function([m], m.flatten(nd))
    r = f(data)
    put("flatten.%d.shape" % nd, " ".join(str(d) for d in r.shape))
    put("flatten.%d.values" % nd, arr(r))
bt = T.TensorType("float64", (False, True, True))("bt")
put("flatten.bcast", bt.flatten(2).broadcastable)
put("flatten.bcast3", T.TensorType("float64", (True, False, True))("b3").flatten(2).broadcastable)

# run-time broadcasting: a length-1 axis that is not broadcastable
a = T.dmatrix("a")
b = T.dmatrix("b")
f = theano.function([a, b], a + b)
try:
    f(np.ones((1, 3)), np.ones((2, 3)))
    put("bcast.error", "none")
except ValueError as e:
    put("bcast.error", str(e).splitlines()[0])
r = T.drow("r")
put("bcast.row", arr(theano.function([r, b], r + b)(np.array([[1.0, 2.0, 3.0]]), np.arange(6.0).reshape(2, 3))))

# gradients with respect to integer inputs (Theano 1.0: real-valued, upcast dtype)
ic = T.iscalar("ic")
fc = T.dscalar("fc")
iv = T.ivector("iv")
fv = T.fvector("fv")
cases = [
    ("grad.int_times_float", ic * fc, ic, [3, 2.5]),
    ("grad.float_wrt_of_int_times_float", ic * fc, fc, [3, 2.5]),
    ("grad.cast_int", T.cast(ic, "float64") * fc * fc, ic, [3, 2.5]),
    ("grad.int_only_path", T.cast(ic * ic, "float64") * fc, ic, [3, 2.5]),
    ("grad.exp_int", T.exp(ic) * fc, ic, [1, 2.0]),
]
for key, cost, wrt, args in cases:
    g = T.grad(cost, wrt)
    val = theano.function([ic, fc], g, on_unused_input="ignore")(*args)
    put(key + ".dtype", g.dtype)
    put(key + ".value", arr(val))
g = T.grad(T.sum(iv * fv), iv)
put("grad.ivector_times_fvector.dtype", g.dtype)
put("grad.ivector_times_fvector.value",
    arr(theano.function([iv, fv], g)(np.array([1, 2, 3], np.int32), np.array([0.5, -1.25, 4], np.float32))))

with open(sys.argv[1], "w") as fh:
    fh.write("\n".join(out) + "\n")
