"""PyTensor has no MRG_RandomStreams (nor numpy's RandomState streams): this stand-in draws the same
shapes from PyTensor's RandomStream (numpy Generator), so the MRG tutorials (dA, SdA, rbm) run and
can be timed under PyTensor, but their random numbers differ from Theano's; their reference numbers
come from Theano 1.0.5."""
from pytensor.tensor.random.utils import RandomStream


class MRG_RandomStreams:
    def __init__(self, seed):
        self._rs = RandomStream(seed)

    def uniform(self, size, low=0.0, high=1.0, dtype=None, **kwargs):
        u = self._rs.uniform(low, high, size=size)
        return u if dtype is None else u.astype(dtype)

    def binomial(self, size=None, n=1, p=0.5, dtype="int64", **kwargs):
        return self._rs.binomial(n, p, size=size).astype(dtype)
