"""`import theano` for the Deep Learning Tutorials under PyTensor: the names they use, mapped onto
PyTensor (dltut_reference.py puts this directory first on sys.path when DLTUT_PYTENSOR is set)."""
import pytensor
from pytensor import In, config, function, scan, shared  # noqa: F401

from . import tensor  # noqa: F401

__version__ = pytensor.__version__
