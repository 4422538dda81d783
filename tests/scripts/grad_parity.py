"""Computes the reference values of the gradient parity table with Theano 1.0.5.

Reads the case file (inputs and prefix expressions, format described at its top), builds
each expression with theano.tensor, compiles value and gradients (with respect to every
float input the expression names) in Theano's default mode (FAST_RUN) and writes them
with full float64 repr. TheanoGradParityTest interprets the same case file with T and
compares. CI never runs this; rerun it after editing the cases:

    bash tests/scripts/theano-venv.sh /path/to/theano-checkout /tmp/pyt
    THEANO_FLAGS='cxx=,blas.ldflags=,device=cpu,floatX=float64' /tmp/pyt/bin/python \
        tests/scripts/grad_parity.py tests/src/test/resources/grad-parity/cases.txt \
        tests/src/test/resources/grad-parity/theano-1.0.5.txt

The reference holds FAST_RUN's results, and also FAST_COMPILE's (lines starting with
fast_compile) for each array where they differ: NaN or inf that only FAST_RUN's rewrites
remove (switch sinking in gradients, stabilization of forward values).
"""
import math
import re
import sys

import numpy as np
import theano
import theano.tensor as T

DTYPES = {"float64", "int64"}

np.seterr(all="ignore")
_composite_impl = theano.scalar.basic.Composite.impl


def _ieee_composite_impl(self, *inputs):
    """Fused elementwise graphs on numpy scalars instead of Python floats.

    Without a C compiler Theano evaluates a Composite node by node on the Python floats that
    numpy.frompyfunc hands it, where 0.0 ** -1 raises and (-0.5) ** 0.5 is complex; numpy
    scalars give what Theano's C code (and every other op here) gives: inf and nan.
    """
    return _composite_impl(self, *[np.asarray(i)[()] for i in inputs])


theano.scalar.basic.Composite.impl = _ieee_composite_impl


def tokenize(text):
    return re.findall(r"\(|\)|[^\s()]+", text)


def parse(tokens):
    """One S-expression from the token list (consumed): a str atom or a list."""
    tok = tokens.pop(0)
    if tok != "(":
        if tok == ")":
            raise ValueError("unexpected )")
        return tok
    items = []
    while tokens[0] != ")":
        items.append(parse(tokens))
    tokens.pop(0)
    return items


def parse_value(tok):
    return {"nan": math.nan, "inf": math.inf, "-inf": -math.inf}.get(tok) or float(tok)


def parse_input(line):
    """name = dtype[dims]: values; a dim written 1b is broadcastable."""
    m = re.fullmatch(r"(\w+)\s*=\s*(\w+)\[([^\]]*)\]\s*:(.*)", line)
    if not m:
        raise ValueError("bad input line: " + line)
    name, dtype, dims, values = m.groups()
    if dtype not in DTYPES:
        raise ValueError("dtype " + dtype)
    dims = [d.strip() for d in dims.split(",") if d.strip()]
    shape = tuple(int(d.rstrip("b")) for d in dims)
    bcast = tuple(d.endswith("b") for d in dims)
    vals = [parse_value(v) for v in values.split()]
    if len(vals) != int(np.prod(shape)):
        raise ValueError("%s: %d values for shape %s" % (name, len(vals), shape))
    return name, np.array(vals, dtype=dtype).reshape(shape), bcast


def read_cases(path):
    inputs, cases = {}, []
    for raw in open(path):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("("):
            if line in [c for c in cases]:
                raise ValueError("duplicate case " + line)
            cases.append(line)
        else:
            name, value, bcast = parse_input(line)
            if name in inputs:
                raise ValueError("input defined twice: " + name)
            inputs[name] = (value, bcast)
    return inputs, cases


def is_int(tok):
    return isinstance(tok, str) and re.fullmatch(r"-?\d+", tok) is not None


def index_entry(tok):
    if is_int(tok):
        return int(tok)
    parts = tok.split(":")
    if len(parts) not in (2, 3):
        raise ValueError("bad index " + tok)
    return slice(*[int(p) if p else None for p in parts])


UNARY = {
    "neg": T.neg, "abs": T.abs_, "exp": T.exp, "log": T.log, "log1p": T.log1p, "expm1": T.expm1,
    "sqrt": T.sqrt, "sqr": T.sqr, "sin": T.sin, "cos": T.cos, "tan": T.tan, "tanh": T.tanh,
    "arctan": T.arctan, "sinh": T.sinh, "cosh": T.cosh, "sigmoid": T.nnet.sigmoid,
    "softplus": T.nnet.softplus, "relu": T.nnet.relu, "sign": T.sgn, "floor": T.floor, "ceil": T.ceil,
    "round": lambda x: T.round(x, mode="half_to_even"), "inv": T.inv, "exp2": T.exp2, "log2": T.log2,
    "log10": T.log10, "not": T.invert, "softmax": T.nnet.softmax, "logsoftmax": T.nnet.logsoftmax,
    "flatten": T.flatten,
}
BINARY = {
    "add": T.add, "sub": T.sub, "mul": T.mul, "div": T.true_div, "intdiv": T.int_div, "mod": T.mod,
    "pow": T.pow, "maximum": T.maximum, "minimum": T.minimum, "gt": T.gt, "ge": T.ge, "lt": T.lt,
    "le": T.le, "eq": T.eq, "neq": T.neq, "and": T.and_, "or": T.or_, "dot": T.dot, "outer": T.outer,
    "binary_crossentropy": T.nnet.binary_crossentropy,
    "categorical_crossentropy": T.nnet.categorical_crossentropy,
    "take": lambda x, i: x[i],
}
TERNARY = {"switch": T.switch, "clip": T.clip}
REDUCTIONS = {"sum": T.sum, "mean": T.mean, "prod": T.prod, "max": T.max, "min": T.min,
              "std": T.std, "var": T.var, "argmax": T.argmax, "argmin": T.argmin}


def build(e, env):
    if isinstance(e, str):
        if e in env:
            return env[e]
        return int(e) if is_int(e) else float(e)
    op, args = e[0], e[1:]
    if op in REDUCTIONS:
        axes = [int(a) for a in args[1:]]
        return REDUCTIONS[op](build(args[0], env), axis=None if not axes else axes[0] if op.startswith("arg") else axes)
    if op == "reshape":
        return T.reshape(build(args[0], env), tuple(int(a) for a in args[1:]))
    if op == "transpose":
        return T.transpose(build(args[0], env), [int(a) for a in args[1:]] or None)
    if op == "dimshuffle":
        return build(args[0], env).dimshuffle(*[a.strip("'") if a == "'x'" else int(a) for a in args[1:]])
    if op == "get":
        return build(args[0], env)[tuple(index_entry(a) for a in args[1:])]
    if op in ("inc", "set"):
        x, y = build(args[0], env), build(args[1], env)
        target = x[tuple(index_entry(a) for a in args[2:])]
        return T.inc_subtensor(target, y) if op == "inc" else T.set_subtensor(target, y)
    if op in ("join", "stack"):
        parts = [build(a, env) for a in args[1:]]
        return T.join(int(args[0]), *parts) if op == "join" else T.stack(parts, axis=int(args[0]))
    built = [build(a, env) for a in args]
    table = {1: UNARY, 2: BINARY, 3: TERNARY}.get(len(built), {})
    if op not in table:
        raise ValueError("unknown op %s with %d operands" % (op, len(built)))
    return table[op](*built)


def names_in(e):
    if isinstance(e, str):
        return [e]
    return [n for a in e[1:] for n in names_in(a)]


def fmt(a):
    a = np.asarray(a, dtype="float64")
    dims = ",".join(str(d) for d in a.shape)
    return "[%s]: %s" % (dims, " ".join(repr(float(v)) for v in a.ravel()))


def compute(expr_text, inputs, mode):
    tree = parse(tokenize(expr_text))
    used = []
    for n in names_in(tree):
        if n in inputs and n not in used:
            used.append(n)
    env = {n: T.TensorType(str(inputs[n][0].dtype), inputs[n][1])(n) for n in used}
    y = build(tree, env)
    if y.ndim != 0:
        raise ValueError("expression is not a scalar: " + expr_text)
    wrt = [n for n in used if inputs[n][0].dtype.kind == "f"]
    grads = T.grad(y, [env[n] for n in wrt]) if wrt else []
    f = theano.function([env[n] for n in used], [y] + list(grads), mode=mode, on_unused_input="ignore")
    out = f(*[inputs[n][0] for n in used])
    return out[0], list(zip(wrt, out[1:]))


def same(a, b):
    a, b = np.asarray(a, dtype="float64"), np.asarray(b, dtype="float64")
    return a.shape == b.shape and np.allclose(a, b, rtol=1e-12, atol=1e-14, equal_nan=True) \
        and np.array_equal(np.isnan(a), np.isnan(b)) and np.array_equal(np.isinf(a), np.isinf(b))


def main(cases_path, out_path):
    inputs, cases = read_cases(cases_path)
    with open(out_path, "w") as out:
        out.write("# Theano %s, numpy %s, mode FAST_RUN; generated by tests/scripts/grad_parity.py from %s\n"
                  % (theano.__version__, np.__version__, cases_path.split("/")[-1]))
        for text in cases:
            value, grads = compute(text, inputs, "FAST_RUN")
            fc_value, fc_grads = compute(text, inputs, "FAST_COMPILE")
            out.write("case %s\n" % text)
            out.write("value %s\n" % fmt(value))
            for n, g in grads:
                out.write("grad %s %s\n" % (n, fmt(g)))
            if not same(value, fc_value):
                out.write("fast_compile value %s\n" % fmt(fc_value))
            for (n, g), (_, h) in zip(grads, fc_grads):
                if not same(g, h):
                    out.write("fast_compile grad %s %s\n" % (n, fmt(h)))
    print("%d cases written to %s" % (len(cases), out_path))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
