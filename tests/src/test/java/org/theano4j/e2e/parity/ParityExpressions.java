package org.theano4j.e2e.parity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.theano4j.Slice;
import org.theano4j.T;
import org.theano4j.Variable;
import org.theano4j.op.Indexing;

/**
 * Builds the prefix expressions of the parity table with {@link T}: the Java half of the
 * vocabulary that tests/scripts/grad_parity.py maps to theano.tensor (see cases.txt).
 */
public final class ParityExpressions {
    private ParityExpressions() {
    }

    private static final Pattern TOKEN = Pattern.compile("\\(|\\)|[^\\s()]+");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");

    private static final Map<String, Function<Object, Variable>> UNARY = Map.ofEntries(
            Map.entry("neg", T::neg), Map.entry("abs", T::abs), Map.entry("exp", T::exp), Map.entry("log", T::log),
            Map.entry("log1p", T::log1p), Map.entry("expm1", T::expm1), Map.entry("sqrt", T::sqrt),
            Map.entry("sqr", T::sqr), Map.entry("sin", T::sin), Map.entry("cos", T::cos), Map.entry("tan", T::tan),
            Map.entry("tanh", T::tanh), Map.entry("arctan", T::arctan), Map.entry("sinh", T::sinh),
            Map.entry("cosh", T::cosh), Map.entry("sigmoid", T::sigmoid), Map.entry("softplus", T::softplus),
            Map.entry("relu", T::relu), Map.entry("sign", T::sign), Map.entry("floor", T::floor),
            Map.entry("ceil", T::ceil), Map.entry("round", T::round), Map.entry("inv", T::inv),
            Map.entry("exp2", T::exp2), Map.entry("log2", T::log2), Map.entry("log10", T::log10),
            Map.entry("not", T::not), Map.entry("softmax", T::softmax), Map.entry("logsoftmax", T::logSoftmax),
            Map.entry("flatten", T::flatten));

    private static final Map<String, BiFunction<Object, Object, Variable>> BINARY = Map.ofEntries(
            Map.entry("add", T::add), Map.entry("sub", T::sub), Map.entry("mul", T::mul), Map.entry("div", T::div),
            Map.entry("intdiv", T::intDiv), Map.entry("mod", T::mod), Map.entry("pow", T::pow),
            Map.entry("maximum", T::maximum), Map.entry("minimum", T::minimum), Map.entry("gt", T::gt),
            Map.entry("ge", T::ge), Map.entry("lt", T::lt), Map.entry("le", T::le), Map.entry("eq", T::eq),
            Map.entry("neq", T::neq), Map.entry("and", T::and), Map.entry("or", T::or), Map.entry("dot", T::dot),
            Map.entry("outer", T::outer), Map.entry("binary_crossentropy", T::binaryCrossentropy),
            Map.entry("categorical_crossentropy", T::categoricalCrossentropy),
            Map.entry("take", (x, i) -> Indexing.take((Variable) x, (Variable) i, 0)));

    /** Parses one S-expression: a String atom or a List of them. */
    public static Object parse(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        int[] pos = {0};
        Object tree = parse(tokens, pos);
        if (pos[0] != tokens.size()) {
            throw new IllegalArgumentException("trailing tokens in " + text);
        }
        return tree;
    }

    private static Object parse(List<String> tokens, int[] pos) {
        String tok = tokens.get(pos[0]++);
        if (!tok.equals("(")) {
            return tok;
        }
        List<Object> items = new ArrayList<>();
        while (!tokens.get(pos[0]).equals(")")) {
            items.add(parse(tokens, pos));
        }
        pos[0]++;
        return items;
    }

    /** The input names an expression uses, in order of first appearance. */
    public static List<String> names(Object tree, Set<String> declared) {
        Set<String> out = new LinkedHashSet<>();
        collect(tree, declared, out);
        return List.copyOf(out);
    }

    private static void collect(Object tree, Set<String> declared, Set<String> out) {
        if (tree instanceof String s) {
            if (declared.contains(s)) {
                out.add(s);
            }
        } else {
            List<?> items = (List<?>) tree;
            items.subList(1, items.size()).forEach(i -> collect(i, declared, out));
        }
    }

    /** Builds {@code tree} over the variables of {@code env}. */
    public static Object build(Object tree, Map<String, Variable> env) {
        if (tree instanceof String atom) {
            Variable v = env.get(atom);
            return v != null ? v : INTEGER.matcher(atom).matches() ? (Object) Integer.valueOf(atom) : Double.valueOf(atom);
        }
        List<?> items = (List<?>) tree;
        String op = (String) items.get(0);
        List<?> args = items.subList(1, items.size());
        Variable structural = structural(op, args, env);
        if (structural != null) {
            return structural;
        }
        List<Object> built = args.stream().map(a -> build(a, env)).toList();
        return switch (built.size()) {
            case 1 -> lookup(UNARY, op, 1).apply(built.get(0));
            case 2 -> lookup(BINARY, op, 2).apply(built.get(0), built.get(1));
            case 3 -> switch (op) {
                case "switch" -> T.switchOp(built.get(0), built.get(1), built.get(2));
                case "clip" -> T.clip(built.get(0), built.get(1), built.get(2));
                default -> throw unknown(op, 3);
            };
            default -> throw unknown(op, built.size());
        };
    }

    /** The ops whose trailing arguments are integers, index entries or an axis rather than operands. */
    private static Variable structural(String op, List<?> args, Map<String, Variable> env) {
        return switch (op) {
            case "sum", "mean", "prod", "max", "min", "std", "var", "argmax", "argmin" ->
                    reduce(op, operand(args.get(0), env), ints(args.subList(1, args.size())));
            case "reshape" -> T.reshape(operand(args.get(0), env),
                    Arrays.stream(ints(args.subList(1, args.size()))).asLongStream().toArray());
            case "transpose" -> T.transpose(operand(args.get(0), env), ints(args.subList(1, args.size())));
            case "dimshuffle" -> T.dimshuffle(operand(args.get(0), env), args.subList(1, args.size()).stream()
                    .map(a -> a.equals("'x'") ? (Object) "x" : Integer.valueOf((String) a)).toArray());
            case "get" -> T.subtensor(operand(args.get(0), env), index(args.subList(1, args.size())));
            case "inc", "set" -> {
                Variable x = operand(args.get(0), env);
                Object y = build(args.get(1), env);
                Object[] idx = index(args.subList(2, args.size()));
                yield op.equals("inc") ? Indexing.incSubtensor(x, y, idx) : Indexing.setSubtensor(x, y, idx);
            }
            case "join", "stack" -> {
                int axis = Integer.parseInt((String) args.get(0));
                List<Object> parts = args.subList(1, args.size()).stream().map(a -> build(a, env)).toList();
                yield op.equals("join") ? T.concatenate(parts, axis) : T.stack(parts, axis);
            }
            default -> null;
        };
    }

    /** A reduction over {@code axes} (none: all axes; argmax/argmin take at most one). */
    private static Variable reduce(String op, Variable x, int[] axes) {
        boolean all = axes.length == 0;
        return switch (op) {
            case "sum" -> all ? T.sum(x) : T.sum(x, axes);
            case "mean" -> all ? T.mean(x) : T.mean(x, axes);
            case "prod" -> all ? T.prod(x) : T.prod(x, axes);
            case "max" -> all ? T.max(x) : T.max(x, axes);
            case "min" -> all ? T.min(x) : T.min(x, axes);
            case "std" -> all ? T.std(x) : T.std(x, axes);
            case "var" -> all ? T.var(x) : T.var(x, axes);
            case "argmax" -> all ? T.argmax(x) : T.argmax(x, axes[0]);
            case "argmin" -> all ? T.argmin(x) : T.argmin(x, axes[0]);
            default -> throw unknown(op, 1);
        };
    }

    private static Variable operand(Object tree, Map<String, Variable> env) {
        return org.theano4j.op.Operands.of(build(tree, env));
    }

    private static int[] ints(List<?> atoms) {
        return atoms.stream().mapToInt(a -> Integer.parseInt((String) a)).toArray();
    }

    /** Index entries: an integer, or a slice {@code start:stop[:step]} with empty parts open. */
    private static Object[] index(List<?> atoms) {
        return atoms.stream().map(a -> {
            String s = (String) a;
            if (INTEGER.matcher(s).matches()) {
                return (Object) Integer.valueOf(s);
            }
            String[] parts = s.split(":", -1);
            Integer[] bounds = new Integer[3];
            for (int i = 0; i < parts.length; i++) {
                bounds[i] = parts[i].isEmpty() ? null : Integer.valueOf(parts[i]);
            }
            return Slice.of(bounds[0], bounds[1], bounds[2]);
        }).toArray();
    }

    private static <F> F lookup(Map<String, F> table, String op, int arity) {
        F f = table.get(op);
        if (f == null) {
            throw unknown(op, arity);
        }
        return f;
    }

    private static IllegalArgumentException unknown(String op, int arity) {
        return new IllegalArgumentException("unknown op " + op + " with " + arity + " operands");
    }
}
