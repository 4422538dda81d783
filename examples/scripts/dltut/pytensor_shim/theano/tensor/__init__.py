"""theano.tensor for the tutorials: every name of pytensor.tensor, plus theano.tensor.nnet's softmax
(row-wise, as Theano's) and sigmoid."""
import types

import pytensor.tensor as _pt
from pytensor.tensor.special import softmax as _softmax

nnet = types.SimpleNamespace(softmax=lambda x: _softmax(x, axis=-1), sigmoid=_pt.sigmoid)


def __getattr__(name):
    return getattr(_pt, name)
