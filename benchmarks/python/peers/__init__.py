"""The peers of theano4j in benchmarks/compare.sh, one module each, all with the same interface.

A peer module defines
  NAME                                  the column name (numpy, jax, torch, pytensor)
  describe(out)                         out.info(key, value) lines: versions, BLAS, threads
  scalar_add()                          op computing x + y of two float64 scalars (call overhead)
  logistic(x)                           op computing 1 / (1 + exp(-x)) on a float64 vector
  matmul(a, b, transpose_a)             op computing a.T @ b or a @ b (a as stored)
  gemv(a, v, transposed)                op computing a.T @ v or a @ v
  to_numpy(result)                      what an op returned, as a numpy array
  LogReg(x, y, w0)                      the seed's train function: .step() -> (prediction, xent),
                                        updating w and b; .weights() -> {"w": ..., "b": ...}
  Mlp(x, labels, params)                one SGD step (lr common.LR) of the 784-500-10 MLP:
                                        .step() -> cost (float); .params() -> {"W1": ..., ...}
  compile_logreg(x, y, w0)              builds the seed's graph and compiles it once (None where
                                        the peer compiles nothing)
An op is a function of no arguments that computes its result completely (asynchronous peers wait
for it) and returns it. Inputs are numpy arrays from common.py; a peer converts them once, outside
of what is timed. workloads.py drives every peer through this interface, so the workloads, the
data and the step definitions are the same for all of them.
"""
