"""Computes the reference values of the scan tests with Theano 1.0.5.

Each case below builds one loop with theano.scan (the tutorial pages loop.txt, scan.txt and
gradients.txt, and one case per scan feature: taps, updates, random draws, until, strict,
truncate_gradient, go_backwards, symbolic n_steps, shared non-sequences, gradients through all
of them), runs it on fixed inputs and writes inputs and results, full float64 repr, to the
reference file that tests/src/test/java/org/theano4j/e2e/ScanParityTest.java and the tutorial
tests read. CI never runs this; rerun it after editing the cases:

    bash tests/scripts/theano-venv.sh /path/to/theano-checkout /tmp/pyt
    THEANO_FLAGS='cxx=,blas.ldflags=,device=cpu,floatX=float64' /tmp/pyt/bin/python \
        tests/scripts/scan_reference.py tests/src/test/resources/scan/theano-1.0.5.txt

File format, one array per line: ``case name dtype shape values...`` where shape is the
comma-separated dimensions (``-`` for a scalar) and values are in C order. Names starting with
``in.`` are inputs; ``error`` lines hold the message of an expected exception instead.
"""
import sys

import numpy as np
import theano
import theano.tensor as T
from theano.sandbox.rng_mrg import MRG_RandomStreams

CASES = {}


def case(fn):
    CASES[fn.__name__] = fn
    return fn


def draws(seed, *shape):
    return np.random.RandomState(seed).uniform(-1, 1, size=shape)


# ---- loop.txt ----

@case
def loop_tanh_xw_b():
    X, W, b = T.matrix("X"), T.matrix("W"), T.vector("b_sym")
    results, _ = theano.scan(lambda v: T.tanh(T.dot(v, W) + b), sequences=X)
    x, w, bb = np.eye(2), np.ones((2, 2)), np.array([1., 2.])
    return {"out": theano.function([X, W, b], results)(x, w, bb)}


@case
def loop_recurrence_with_reversed_sequence():
    X, W, U, Y, V, P = T.vector("X"), T.matrix("W"), T.matrix("U"), T.matrix("Y"), T.matrix("V"), T.matrix("P")
    results, _ = theano.scan(lambda y, p, x_tm1: T.tanh(T.dot(x_tm1, W) + T.dot(y, U) + T.dot(p, V)),
                             sequences=[Y, P[::-1]], outputs_info=[X])
    x = np.zeros(2); x[1] = 1
    y = np.ones((5, 2)); y[0, :] = -3
    p = np.ones((5, 2)); p[0, :] = 3
    f = theano.function([X, W, Y, U, P, V], results)
    return {"out": f(x, np.ones((2, 2)), y, np.ones((2, 2)), p, np.ones((2, 2)))}


@case
def loop_norms_and_trace():
    X = T.matrix("X")
    rows, _ = theano.scan(lambda x_i: T.sqrt((x_i ** 2).sum()), sequences=[X])
    cols, _ = theano.scan(lambda x_i: T.sqrt((x_i ** 2).sum()), sequences=[X.T])
    x = np.diag(np.arange(1, 6, dtype="float64"), 1)
    tr, _ = theano.scan(lambda i, j, t_f: T.cast(X[i, j] + t_f, "float64"),
                        sequences=[T.arange(X.shape[0]), T.arange(X.shape[1])], outputs_info=np.asarray(0.))
    xt = np.eye(5); xt[0] = np.arange(5)
    return {"rows": theano.function([X], rows)(x), "cols": theano.function([X], cols)(x),
            "trace": theano.function([X], tr[-1])(xt)}


@case
def loop_two_taps():
    X, W, b, U, V, n = T.matrix("X"), T.matrix("W"), T.vector("b_sym"), T.matrix("U"), T.matrix("V"), T.iscalar("n_sym")
    results, _ = theano.scan(lambda x_tm2, x_tm1: T.dot(x_tm2, U) + T.dot(x_tm1, V) + T.tanh(T.dot(x_tm1, W) + b),
                             n_steps=n, outputs_info=[dict(initial=X, taps=[-2, -1])])
    f = theano.function([X, U, V, W, b, n], results)
    x = np.zeros((2, 2)); x[1, 1] = 1
    w = 0.5 * np.ones((2, 2)); u = 0.5 * (np.ones((2, 2)) - np.eye(2)); v = 0.5 * np.ones((2, 2))
    return {"out": f(x, u, v, w, np.ones(2), 10)}


@case
def loop_jacobian():
    v, A = T.vector(), T.matrix()
    y = T.tanh(T.dot(v, A))
    results, _ = theano.scan(lambda i: T.grad(y[i], v), sequences=[T.arange(y.shape[0])])
    w = np.eye(5, 3); w[2] = np.ones(3)
    return {"out": theano.function([A, v], results)(w, np.eye(5)[0])}


@case
def loop_accumulator():
    k = theano.shared(0)
    n = T.iscalar("n_sym")
    _, updates = theano.scan(lambda: {k: (k + 1)}, n_steps=n)
    acc = theano.function([n], [], updates=updates)
    before = k.get_value()
    acc(5)
    after5 = k.get_value()
    acc(3)
    return {"before": np.asarray(before), "after5": np.asarray(after5), "after8": np.asarray(k.get_value())}


@case
def loop_binomial_noise():
    X, W, b = T.matrix("X"), T.matrix("W"), T.vector("b_sym")
    trng = T.shared_randomstreams.RandomStreams(1234)
    d = trng.binomial(size=W[1].shape)
    results, updates = theano.scan(lambda v: T.tanh(T.dot(v, W) + b) * d, sequences=X)
    f = theano.function([X, W, b], results, updates=updates)
    x, w, bb = np.eye(10, 2), np.ones((2, 2)), np.ones(2)
    first = f(x, w, bb)
    return {"call1": first, "call2": f(x, w, bb)}


@case
def loop_power_and_polynomial():
    k, A = T.iscalar("k"), T.vector("A")
    result, _ = theano.scan(lambda prior, B: prior * B, outputs_info=T.ones_like(A), non_sequences=A, n_steps=k)
    power = theano.function([A, k], result[-1])
    coefficients, x = T.vector("coefficients"), T.scalar("x")
    components, _ = theano.scan(lambda c, p, free: c * (free ** p), outputs_info=None,
                                sequences=[coefficients, T.arange(10000)], non_sequences=x)
    poly = theano.function([coefficients, x], components.sum())
    return {"pow2": power(np.arange(10.), 2), "pow4": power(np.arange(10.), 4), "poly": np.asarray(poly(np.array([1., 0., 2.]), 3.))}


# ---- scan.txt ----

@case
def scan_triangular_and_positions():
    up_to = T.iscalar("up_to")
    seq = T.arange(up_to)
    tri, _ = theano.scan(lambda a, s: s + a, outputs_info=T.as_tensor_variable(np.asarray(0, seq.dtype)), sequences=seq)
    location, values, model = T.imatrix("location"), T.vector("values"), T.matrix("output_model")

    def set_value_at_position(a_location, a_value, output_model):
        zeros = T.zeros_like(output_model)
        return T.set_subtensor(zeros[a_location[0], a_location[1]], a_value)

    res, _ = theano.scan(set_value_at_position, outputs_info=None, sequences=[location, values], non_sequences=model)
    f = theano.function([location, values, model], res)
    return {"tri": theano.function([up_to], tri)(15),
            "positions": f(np.array([[1, 1], [2, 3]], dtype="int32"), np.array([42., 50.]), np.zeros((5, 5)))}


@case
def scan_updates_dictionary():
    a = theano.shared(1)
    _, updates = theano.scan(lambda: {a: a + 1}, n_steps=10)
    b = a + 1
    c = updates[a] + 1
    f = theano.function([], [b, c], updates=updates)
    b1, c1 = f()
    a1 = a.get_value()
    b2, c2 = f()
    return {"b1": b1, "c1": c1, "a1": np.asarray(a1), "b2": b2, "c2": c2, "a2": np.asarray(a.get_value())}


@case
def scan_until_powers_of_two():
    def power_of_2(previous_power, max_value):
        return previous_power * 2, theano.scan_module.until(previous_power * 2 > max_value)

    max_value = T.scalar()
    values, _ = theano.scan(power_of_2, outputs_info=T.constant(1.), non_sequences=max_value, n_steps=1024)
    f = theano.function([max_value], values)
    return {"at45": f(45), "at1": f(1), "at5000": f(5000.)}


@case
def scan_rnn_taps_strict():
    def one_step(u_tm4, u_t, x_tm3, x_tm1, y_tm1, W, W_in_1, W_in_2, W_feedback, W_out):
        x_t = T.tanh(theano.dot(x_tm1, W) + theano.dot(u_t, W_in_1) + theano.dot(u_tm4, W_in_2) + theano.dot(y_tm1, W_feedback))
        y_t = theano.dot(x_tm3, W_out)
        return [x_t, y_t]

    W, W_in_1, W_in_2, W_feedback, W_out = (T.matrix(n) for n in ["W", "W_in_1", "W_in_2", "W_feedback", "W_out"])
    u, x0, y0 = T.matrix("u"), T.matrix("x0"), T.vector("y0")
    (x_vals, y_vals), _ = theano.scan(one_step, sequences=dict(input=u, taps=[-4, -0]),
                                      outputs_info=[dict(initial=x0, taps=[-3, -1]), y0],
                                      non_sequences=[W, W_in_1, W_in_2, W_feedback, W_out], strict=True)
    ins = [W, W_in_1, W_in_2, W_feedback, W_out, u, x0, y0]
    cost = (x_vals ** 2).sum() + (y_vals * T.arange(y_vals.shape[0] * 2).reshape((y_vals.shape[0], 2))).sum()
    grads = T.grad(cost, ins)
    f = theano.function(ins, [x_vals, y_vals] + grads)
    vals = {"W": draws(1, 3, 3), "W_in_1": draws(2, 2, 3), "W_in_2": draws(3, 2, 3), "W_feedback": draws(4, 2, 3),
            "W_out": draws(5, 3, 2), "u": draws(6, 9, 2), "x0": draws(7, 3, 3), "y0": draws(8, 2)}
    out = f(*[vals[v.name] for v in ins])
    res = {"in." + k: v for k, v in vals.items()}
    res.update({"x": out[0], "y": out[1]})
    res.update({"grad." + v.name: g for v, g in zip(ins, out[2:])})
    return res


# ---- gradients.txt ----

@case
def gradients_jacobian_hessian():
    x = T.dvector("x")
    y = x ** 2
    J, _ = theano.scan(lambda i, y, x: T.grad(y[i], x), sequences=T.arange(y.shape[0]), non_sequences=[y, x])
    gy = T.grad(y.sum(), x)
    H, _ = theano.scan(lambda i, gy, x: T.grad(gy[i], x), sequences=T.arange(gy.shape[0]), non_sequences=[gy, x])
    return {"J": theano.function([x], J)([4, 4]), "H": theano.function([x], H)([4, 4]),
            "J3": theano.function([x], J)([1, -2, 3])}


# ---- one case per feature, with gradients ----

def with_grads(ins, outs, cost, vals):
    """Runs outs, cost and the gradients of cost with respect to every input on vals."""
    f = theano.function(ins, list(outs) + [cost] + T.grad(cost, ins))
    out = f(*[vals[v.name] for v in ins])
    res = {"in." + k: v for k, v in vals.items()}
    for i in range(len(outs)):
        res["out%d" % i] = out[i]
    res["cost"] = out[len(outs)]
    for v, g in zip(ins, out[len(outs) + 1:]):
        res["grad." + v.name] = g
    return res


def weights(n):
    return T.arange(n, dtype="float64") * 0.25 + 1


@case
def feature_sequence_taps_backwards():
    s, h0, w = T.vector("s"), T.scalar("h0"), T.scalar("w")
    h, _ = theano.scan(lambda a, b, c, h, w: T.tanh(a * w + b - c * 0.5 + h * 0.3), sequences=dict(input=s, taps=[-1, 0, 2]),
                       outputs_info=h0, non_sequences=w, go_backwards=True)
    cost = (h * weights(h.shape[0])).sum()
    return with_grads([s, h0, w], [h], cost, {"s": draws(11, 7), "h0": np.asarray(0.2), "w": np.asarray(0.7)})


@case
def feature_output_taps():
    u, x0, w = T.vector("u"), T.vector("x0"), T.scalar("w")
    h, _ = theano.scan(lambda u_t, a, b, w: T.tanh(a * w + b * 0.5 + u_t), sequences=u,
                       outputs_info=dict(initial=x0, taps=[-2, -1]), non_sequences=w)
    cost = (h * weights(h.shape[0])).sum()
    return with_grads([u, x0, w], [h], cost, {"u": draws(12, 5), "x0": np.array([0.5, -0.3, 7.0]), "w": np.asarray(0.9)})


@case
def feature_truncate_gradient():
    res = {}
    u, h0, w, x0 = T.vector("u"), T.scalar("h0"), T.scalar("w"), T.vector("x0")
    vals = {"u": draws(13, 6), "h0": np.asarray(0.5), "w": np.asarray(0.9), "x0": np.array([0.5, -0.3, 7.0])}
    res.update({"in." + k: v for k, v in vals.items()})
    for tr in [1, 2, 4, 6, 10]:
        h, _ = theano.scan(lambda u_t, h, w: T.tanh(h * w + u_t), sequences=u, outputs_info=h0, non_sequences=w,
                           truncate_gradient=tr)
        cost = (h * weights(h.shape[0])).sum()
        g = theano.function([u, h0, w], T.grad(cost, [u, h0, w]))(vals["u"], vals["h0"], vals["w"])
        for name, a in zip(["u", "h0", "w"], g):
            res["sitsot%d.%s" % (tr, name)] = a
        h, _ = theano.scan(lambda u_t, a, b, w: T.tanh(a * w + b * 0.5 + u_t), sequences=u,
                           outputs_info=dict(initial=x0, taps=[-2, -1]), non_sequences=w, truncate_gradient=tr)
        cost = (h * weights(h.shape[0])).sum()
        g = theano.function([u, x0, w], T.grad(cost, [u, x0, w]))(vals["u"], vals["x0"], vals["w"])
        for name, a in zip(["u", "x0", "w"], g):
            res["mitsot%d.%s" % (tr, name)] = a
    return res


@case
def feature_shared_non_sequences():
    W = theano.shared(draws(14, 3, 3), name="W")
    b = theano.shared(draws(15, 3), name="b")
    x, h0 = T.matrix("x"), T.vector("h0")
    h, _ = theano.scan(lambda x_t, h, W, b: T.tanh(T.dot(h, W) + x_t + b), sequences=x, outputs_info=h0,
                       non_sequences=[W, b], strict=True)
    cost = (h * weights(h.shape[0] * 3).reshape((h.shape[0], 3))).sum()
    gW, gb, gx = T.grad(cost, [W, b, x])
    vals = {"x": draws(16, 4, 3), "h0": draws(17, 3)}
    out = theano.function([x, h0], [h, gW, gb, gx])(vals["x"], vals["h0"])
    res = {"in." + k: v for k, v in vals.items()}
    res.update({"in.W": W.get_value(), "in.b": b.get_value(), "out0": out[0], "grad.W": out[1], "grad.b": out[2], "grad.x": out[3]})
    return res


@case
def feature_symbolic_n_steps():
    s, h0, n = T.matrix("s"), T.vector("h0"), T.iscalar("n")
    r, _ = theano.scan(lambda s_t, h, p: [T.sin(h) + s_t, (h * s_t).sum()], sequences=s, outputs_info=[h0, None],
                       non_sequences=T.constant(2.0), n_steps=n)
    cost = (r[0] ** 2).sum() + (r[1] * 3).sum()
    gs, gh = T.grad(cost, [s, h0])
    f = theano.function([s, h0, n], [r[0], r[1], gs, gh])
    vals = {"s": draws(18, 6, 2), "h0": draws(19, 2)}
    res = {"in." + k: v for k, v in vals.items()}
    for steps in [3, 6]:
        out = f(vals["s"], vals["h0"], steps)
        res.update({"n%d.h" % steps: out[0], "n%d.dot" % steps: out[1], "n%d.grad.s" % steps: out[2], "n%d.grad.h0" % steps: out[3]})
    # n_steps=0 is left out: Theano 1.0.5 without a C compiler raises "We didn't implemented yet the
    # case where scan do 0 iteration" (its documentation promises outputs of 0 rows)
    return res


@case
def feature_until_with_gradient():
    x, w, h0 = T.vector("x"), T.scalar("w"), T.scalar("h0")

    def step(x_t, h, w):
        h_t = h * w + x_t
        return h_t, theano.scan_module.until(h_t > 2.0)

    h, _ = theano.scan(step, sequences=x, outputs_info=h0, non_sequences=w)
    cost = (h * h).sum()
    return with_grads([x, w, h0], [h], cost, {"x": np.array([0.5, 0.25, 0.75, 1.0, 0.5, 2.0, 0.1]), "w": np.asarray(1.1),
                                               "h0": np.asarray(0.3)})


@case
def feature_float_shared_updated_in_loop():
    acc = theano.shared(np.zeros(2), name="acc")
    x = T.matrix("x")
    out, updates = theano.scan(lambda x_t: [acc * 2 + x_t, {acc: acc + x_t * x_t}], sequences=x)
    g = T.grad(updates[acc].sum() + out.sum(), x)
    f = theano.function([x], [out, g], updates=updates)
    vals = {"x": draws(20, 4, 2)}
    first = f(vals["x"])
    acc1 = acc.get_value()
    second = f(vals["x"])
    return {"in.x": vals["x"], "out1": first[0], "grad1": first[1], "acc1": acc1, "out2": second[0], "grad2": second[1],
            "acc2": acc.get_value()}


@case
def feature_random_streams_in_step():
    srng = T.shared_randomstreams.RandomStreams(42)
    x, h0 = T.vector("x"), T.scalar("h0")
    h, updates = theano.scan(lambda x_t, h: h * 0.5 + x_t + srng.normal(size=()), sequences=x, outputs_info=h0)
    u, updates2 = theano.scan(lambda x_t: x_t * srng.uniform(size=(2,)), sequences=x)
    f = theano.function([x, h0], [h, u], updates=list(updates.items()) + list(updates2.items()))
    xv = np.array([1., 2., 3.])
    a = f(xv, 0.)
    b = f(xv, 0.)
    nf = theano.function([x, h0], h)
    c = nf(xv, 0.)
    d = nf(xv, 0.)
    return {"h1": a[0], "u1": a[1], "h2": b[0], "u2": b[1], "no_updates1": c, "no_updates2": d}


@case
def feature_mrg_in_step_with_gradient():
    srng = MRG_RandomStreams(seed=234)
    x, w = T.matrix("x"), T.vector("w")
    out, updates = theano.scan(lambda x_t, w: T.tanh(x_t * w) * srng.uniform(size=(3,)), sequences=x, non_sequences=w)
    g = T.grad(out.sum(), [x, w])
    f = theano.function([x, w], [out] + g, updates=updates)
    vals = {"x": draws(21, 4, 3), "w": draws(22, 3)}
    a = f(vals["x"], vals["w"])
    b = f(vals["x"], vals["w"])
    res = {"in." + k: v for k, v in vals.items()}
    res.update({"out1": a[0], "grad1.x": a[1], "grad1.w": a[2], "out2": b[0]})
    return res


@case
def feature_random_gradient_undefined():
    X, W, c = T.matrix("X"), T.matrix("W"), T.scalar("c")
    trng = T.shared_randomstreams.RandomStreams(1234)
    d = trng.binomial(size=(2,))
    results, updates = theano.scan(lambda v: T.tanh(T.dot(v, W)) + d * c, sequences=X)
    res = {}
    x, w = np.eye(3, 2), np.ones((2, 2))
    for wrt in [W, X]:
        g = theano.function([X, W, c], T.grad(results.sum(), wrt), updates=updates)(x, w, 2.0)
        res["grad." + wrt.name] = g
    try:
        T.grad(results.sum(), c)
        res["error.c"] = "no error"
    except theano.gradient.NullTypeGradError as e:
        res["error.c"] = type(e).__name__
    return res


@case
def feature_strict_missing_shared():
    W = theano.shared(np.ones((2, 2)), name="W")
    x = T.matrix("x")
    try:
        theano.scan(lambda x_t: T.dot(x_t, W), sequences=x, strict=True)
        return {"error": "no error"}
    except Exception as e:
        return {"error": type(e).__name__}


@case
def feature_map_without_outputs_info():
    x = T.matrix("x")
    outs, _ = theano.scan(lambda r: [r.sum(), r * 2], sequences=x, return_list=True)
    single, _ = theano.scan(lambda r: r.max(), sequences=x, return_list=True)
    f = theano.function([x], outs + single)
    a = f(np.array([[1., 2.], [3., -4.]]))
    return {"sum": a[0], "twice": a[1], "max": a[2], "n_outputs": np.asarray(len(outs) + 10 * len(single))}


@case
def feature_nested_scan():
    x, w = T.matrix("x"), T.scalar("w")

    def row(r, w):
        inner, _ = theano.scan(lambda v, acc, w: acc * w + v, sequences=r, outputs_info=T.constant(0.0, dtype="float64"),
                               non_sequences=w)
        return inner[-1]

    out, _ = theano.scan(row, sequences=x, non_sequences=w)
    cost = (out * out).sum()
    return with_grads([x, w], [out], cost, {"x": draws(23, 3, 4), "w": np.asarray(0.8)})


# ---- scan.txt, "Using shared variables - Gibbs sampling" ----

def gibbs_chain(seed, n_vis, n_hid, n_steps, samples, strict=False, scale=1.0):
    """The guide's gibbs10 on W, bvis, bhid drawn from RandomState(seed) (times scale, centred
    when scale != 1); one output per call."""
    vals = np.random.RandomState(seed)
    shift = 0.0 if scale == 1.0 else 0.5
    w_values, bvis_values, bhid_values = ((vals.random_sample(s) - shift) * scale
                                          for s in ((n_vis, n_hid), (n_vis,), (n_hid,)))
    W, bvis, bhid = theano.shared(w_values), theano.shared(bvis_values), theano.shared(bhid_values)
    trng = T.shared_randomstreams.RandomStreams(1234 + seed)

    def OneStep(vsample, *shared):
        hmean = T.nnet.sigmoid(theano.dot(vsample, W) + bhid)
        hsample = trng.binomial(size=hmean.shape, n=1, p=hmean)
        vmean = T.nnet.sigmoid(theano.dot(hsample, W.T) + bvis)
        return trng.binomial(size=vsample.shape, n=1, p=vmean, dtype=theano.config.floatX)

    sample = T.vector() if samples[0].ndim == 1 else T.matrix()
    values, updates = theano.scan(OneStep, outputs_info=sample, n_steps=n_steps,
                                  non_sequences=[W, bvis, bhid] if strict else [], strict=strict)
    gibbs = theano.function([sample], values[-1], updates=updates)
    out = {"in.W": w_values, "in.bvis": bvis_values, "in.bhid": bhid_values}
    for i, s in enumerate(samples):
        out["in.sample%d" % i] = s
        out["call%d" % i] = gibbs(s)
    return out


@case
def scan_gibbs10_vector():
    return gibbs_chain(0, 2, 2, 10, [np.array([1., 0.]), np.array([0., 1.]), np.array([1., 1.])])


@case
def scan_gibbs_batch():
    vals = np.random.RandomState(5)
    return gibbs_chain(7, 5, 3, 7, [(vals.random_sample((4, 5)) < 0.5).astype("float64") for _ in range(3)])


@case
def scan_gibbs_signed_weights():
    vals = np.random.RandomState(9)
    return gibbs_chain(11, 8, 6, 12, [(vals.random_sample((3, 8)) < 0.5).astype("float64") for _ in range(4)], scale=6.0)


@case
def scan_gibbs_strict_non_sequences():
    return gibbs_chain(3, 6, 4, 4, [np.array([1., 0., 1., 1., 0., 0.]), np.zeros(6)], strict=True)


def fmt(v):
    v = np.asarray(v)
    shape = ",".join(str(d) for d in v.shape) if v.ndim else "-"
    if v.dtype.kind == "f":
        vals = " ".join(repr(float(e)) for e in v.ravel())
    elif v.dtype.kind == "b":
        vals = " ".join(str(int(e)) for e in v.ravel())
    else:
        vals = " ".join(str(int(e)) for e in v.ravel())
    return "%s %s %s" % (v.dtype.name, shape, vals)


def main(path):
    lines = []
    for name, fn in CASES.items():
        for key, value in fn().items():
            if isinstance(value, str):
                lines.append("%s %s error %s" % (name, key, value))
            else:
                lines.append(("%s %s %s" % (name, key, fmt(value))).rstrip())
    with open(path, "w") as f:
        f.write("# scan reference values from Theano %s (tests/scripts/scan_reference.py)\n" % theano.__version__)
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
