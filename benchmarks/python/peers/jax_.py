"""JAX: every step under jax.jit on the CPU, gradients by jax.grad, float64 enabled."""
import os

os.environ.setdefault("JAX_PLATFORMS", "cpu")

import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402

from common import LR  # noqa: E402

jax.config.update("jax_enable_x64", True)

NAME = "jax"


def describe(out):
    import jaxlib
    out.info("jax", f"{jax.__version__} (jaxlib {jaxlib.__version__}), devices {jax.devices()}")
    out.info("jax.threads", f"XLA_FLAGS={os.environ.get('XLA_FLAGS', '')} (XLA:CPU uses all cores unless told)")


def _device(a):
    return jax.device_put(a)


def _op(f, *args):
    return lambda: f(*args).block_until_ready()


def scalar_add():
    f = jax.jit(lambda x, y: x + y)
    return _op(f, _device(np.float64(1.5)), _device(np.float64(2.25)))


def logistic(x):
    return _op(jax.jit(lambda v: 1 / (1 + jnp.exp(-v))), _device(x))


def matmul(a, b, transpose_a):
    f = jax.jit((lambda p, q: p.T @ q) if transpose_a else (lambda p, q: p @ q))
    return _op(f, _device(a), _device(b))


def gemv(a, v, transposed):
    f = jax.jit((lambda p, q: p.T @ q) if transposed else (lambda p, q: p @ q))
    return _op(f, _device(a), _device(v))


def to_numpy(result):
    return np.asarray(result)


def _logreg_step():
    """The seed's train step as one jitted function of (w, b, x, y) -> (prediction, xent, w, b).

    xent is written with log_sigmoid, the form Theano's stabilize rewrites give the literal
    -y * log(p_1) - (1 - y) * log(1 - p_1): jax.grad of the literal formula is NaN here (the data
    drive p_1 to exactly 1.0, and log(1 - p_1) then has an infinite derivative times a zero one).
    """
    def parts(w, b, x, y):
        z = x @ w + b
        p_1 = jax.nn.sigmoid(z)
        xent = -y * jax.nn.log_sigmoid(z) - (1 - y) * jax.nn.log_sigmoid(-z)
        return xent.mean() + 0.01 * (w ** 2).sum(), (p_1 > 0.5, xent)

    def step(w, b, x, y):
        (gw, gb), (prediction, xent) = jax.grad(parts, argnums=(0, 1), has_aux=True)(w, b, x, y)
        return prediction, xent, w - 0.1 * gw, b - 0.1 * gb

    return step


class LogReg:
    def __init__(self, x, y, w0):
        self.x, self.y = _device(x), _device(y)
        self.w, self.b = _device(w0), _device(np.float64(0.0))
        self.train = jax.jit(_logreg_step(), donate_argnums=(0, 1))

    def step(self):
        prediction, xent, self.w, self.b = self.train(self.w, self.b, self.x, self.y)
        xent.block_until_ready()
        return prediction, xent

    def weights(self):
        return {"w": np.asarray(self.w), "b": np.asarray(self.b)}


def _mlp_step(x, labels, params):
    h = jnp.tanh(x @ params["W1"] + params["b1"])
    prob = jax.nn.softmax(h @ params["W2"] + params["b2"], axis=1)
    return -jnp.log(prob[jnp.arange(x.shape[0]), labels]).mean()


def _sgd(params, x, labels):
    cost, grads = jax.value_and_grad(_mlp_step, argnums=2)(x, labels, params)
    rate = x.dtype.type(LR)
    return cost, {k: params[k] - rate * grads[k] for k in params}


class Mlp:
    def __init__(self, x, labels, params):
        self.x, self.labels = _device(x), _device(labels)
        self.p = {k: _device(v) for k, v in params.items()}
        self.train = jax.jit(_sgd, donate_argnums=0)

    def step(self):
        cost, self.p = self.train(self.p, self.x, self.labels)
        return float(cost)

    def params(self):
        return {k: np.asarray(v) for k, v in self.p.items()}


def compile_logreg(x, y, w0):
    """Traces, lowers and compiles a fresh jit of the train step (a new function: no cache hit)."""
    jax.jit(_logreg_step()).lower(w0, np.float64(0.0), x, y).compile()
