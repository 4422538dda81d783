"""Theano 1.0.5's MRG_RandomStreams with a symbolic size and a tensor p, the draws of the Deep
Learning Tutorials' dA (binomial(size=x.shape, n=1, p=1 - corruption)) and RBM
(binomial(size=mean.shape, n=1, p=mean)). Writes rng/src/test/resources/theano-reference/mrg_sized.txt:
one line per sample, "name shape-joined-by-x value value ..." (repr of float64).

    bash tests/scripts/theano-venv.sh THEANO_CHECKOUT /tmp/pyt
    THEANO_FLAGS='cxx=,blas.ldflags=,device=cpu,floatX=float64' /tmp/pyt/bin/python rng/scripts/mrg_sized_reference.py OUT
"""
import sys

import numpy
import theano
import theano.tensor as T
from theano.sandbox.rng_mrg import MRG_RandomStreams

out = open(sys.argv[1], "w")


def put(name, a):
    a = numpy.asarray(a, dtype="float64")
    out.write("%s %s %s\n" % (name, "x".join(str(d) for d in a.shape), " ".join(repr(float(v)) for v in a.ravel())))


srng = MRG_RandomStreams(1234)
x = T.dmatrix("x")
p = T.dmatrix("p")
u = srng.uniform(size=x.shape)
b = srng.binomial(size=p.shape, n=1, p=p, dtype="float64")
c = srng.binomial(size=x.shape, n=1, p=0.7, dtype="float64") * x
f = theano.function([x, p], [u, b, c])
xv = numpy.arange(1.0, 16.0).reshape(3, 5)
pv = numpy.random.RandomState(5).uniform(size=(4, 3))
for call in range(2):
    uu, bb, cc = f(xv, pv)
    put("uniform%d" % call, uu)
    put("binomial%d" % call, bb)
    put("corrupted%d" % call, cc)
put("p", pv)
t = T.dtensor3("t")
f3 = theano.function([t], srng.uniform(size=t.shape, low=-1.0, high=2.0))
put("uniform3d", f3(numpy.zeros((2, 3, 4))))
out.close()
