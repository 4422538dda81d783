"""Cross-checks numpy-reference/randomstreams_tensor.txt against Theano 1.0.5 itself: builds every
case of randomstreams_tensor_reference.py with theano.tensor.shared_randomstreams.RandomStreams,
runs it twice and compares each sample with the committed line; prints each sample's Theano type
(dtype and broadcastable pattern). Run from the
repository root in the Theano venv (tests/scripts/theano-venv.sh):
    THEANO_FLAGS='cxx=,blas.ldflags=,device=cpu,floatX=float64' /tmp/pyt/bin/python \
        rng/scripts/randomstreams_tensor_theano_check.py | tee /tmp/check.txt
    grep ^BCAST /tmp/check.txt > rng/src/test/resources/theano-reference/randomstreams_tensor_types.txt
The BCAST lines (``BCAST name dtype (flags)``) are the sample types of a few draws with
broadcastable sizes and parameters, which RandomStreamsTensorTypeTest compares with.
"""
import sys, numpy as np, theano, theano.tensor as T
sys.path.insert(0, "rng/scripts")
import randomstreams_tensor_reference as R
RS = T.shared_randomstreams.RandomStreams
def sym(v, name):
    v = np.asarray(v)
    return T.TensorType(v.dtype, (False,) * v.ndim)(name)
B = {
 "binomial_p_matrix_size_of_p": lambda s, i: [s.binomial(size=i["p"].shape, n=1, p=i["p"], dtype="float64")],
 "binomial_n_vector_p_matrix_no_size": lambda s, i: [s.binomial(n=i["n"], p=i["p"])],
 "binomial_size_mixed_int_and_scalar": lambda s, i: [s.binomial(size=(2, i["x"].shape[0]), n=7, p=0.3)],
 "binomial_btpe_p_vector": lambda s, i: [s.binomial(size=(4, 3), n=100, p=i["p"])],
 "uniform_bounds_no_size": lambda s, i: [s.uniform(low=i["low"], high=i["high"])],
 "uniform_size_of_x_scalar_low": lambda s, i: [s.uniform(size=i["x"].shape, low=i["low"], high=i["high"])],
 "uniform_float32": lambda s, i: [s.uniform(size=(3, 2), low=0.0, high=i["high"], dtype="float32")],
 "normal_params_constant_size": lambda s, i: [s.normal(size=(4, 2, 3), avg=i["avg"], std=i["std"])],
 "normal_odd_count": lambda s, i: [s.normal(size=(5,), avg=i["avg"], std=i["std"])],
 "random_integers_bounds": lambda s, i: [s.random_integers(size=(2, 3), low=i["low"], high=i["high"])],
 "multinomial_matrix_pvals": lambda s, i: [s.multinomial(n=10, pvals=i["pvals"])],
 "multinomial_n_vector": lambda s, i: [s.multinomial(n=i["n"], pvals=i["pvals"])],
 "multinomial_size_auto_axis": lambda s, i: [s.multinomial(size=(2, -1), n=6, pvals=i["pvals"])],
 "multinomial_nudged_rows": lambda s, i: [s.multinomial(n=50, pvals=i["pvals"])],
 "multinomial_constant_pvals_nudged": lambda s, i: [s.multinomial(size=(3,), n=50, pvals=[0.5, 0.5 + 2e-6, 0.0])],
 "two_draws_one_stream": lambda s, i: [s.binomial(size=i["p"].shape, n=3, p=i["p"]), s.normal(size=i["p"].shape, avg=i["p"], std=1.0)],
}
ref = {}
for l in open("rng/src/test/resources/numpy-reference/randomstreams_tensor.txt"):
    c, k, rest = l.rstrip("\n").split("|", 2)
    ref[(c, k)] = rest
bad = 0
for c, (seed, inputs, draws) in R.CASES.items():
    syms = {k: sym(v, k) for k, v in inputs.items()}
    outs = B[c](RS(seed), syms)
    print("TYPE", c, " ".join("%s%s" % (o.dtype, tuple(int(b) for b in o.broadcastable)) for o in outs))
    f = theano.function(list(syms.values()), outs)
    for call in (1, 2):
        got = f(*[np.asarray(v) for v in inputs.values()])
        for (key, _), g in zip(draws, got):
            if R.fmt(g) != ref[(c, "call%d.%s" % (call, key))]:
                bad += 1; print("DIFF", c, call, key, R.fmt(g)[:100], "|", ref[(c, "call%d.%s" % (call, key))][:100])
print("cases", len(R.CASES), "bad", bad)

# broadcastable patterns of the sample types (RandomStreamsTensorTypeTest)
s = RS(0)
row, col, m = T.row("r"), T.col("c"), T.matrix("m")
for name, o in [("uniform_size_1_3", s.uniform(size=(1, 3))),
                ("uniform_row_col_no_size", s.uniform(low=row, high=col)),
                ("normal_row_no_size", s.normal(avg=row)),
                ("binomial_size_1_3", s.binomial(size=(1, 3), p=0.5)),
                ("binomial_p_row_no_size", s.binomial(p=row)),
                ("random_integers_size_1_m0", s.random_integers(size=(1, m.shape[0]), high=3)),
                ("multinomial_size_1_auto", s.multinomial(size=(1, -1), pvals=m)),
                ("multinomial_row_pvals", s.multinomial(pvals=row)),
                ("multinomial_col_pvals_auto", s.multinomial(size=(-1,), pvals=col)),
                ("uniform_size_shape", s.uniform(size=m.shape))]:
    print("BCAST", name, o.dtype, tuple(int(b) for b in o.broadcastable))
