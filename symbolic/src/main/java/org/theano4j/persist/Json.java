package org.theano4j.persist;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small JSON dialect of function files: objects ({@code Map<String, Object>}, key order kept),
 * arrays ({@code List<Object>}), strings, booleans, null and numbers. Numbers stay as their literal
 * text ({@link Num}) so that a long or a double reads back exactly as it was written.
 */
final class Json {
    /** Deepest nesting a file may have (deeper means a corrupt or hostile file, not a graph). */
    static final int MAX_DEPTH = 2000;
    /** Objects and arrays whose compact form fits this many characters are written on one line. */
    private static final int LINE = 100;

    private Json() {
    }

    /** A JSON number, kept as its literal text. */
    record Num(String text) {
    }

    // ---- writing ----

    /** The value as indented JSON text. */
    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, Object value, int indent) {
        if (!(value instanceof Map<?, ?> || value instanceof List<?>) || fits(value)) {
            compact(sb, value);
            return;
        }
        boolean object = value instanceof Map<?, ?>;
        sb.append(object ? '{' : '[');
        String sep = "\n";
        for (Object item : object ? ((Map<?, ?>) value).entrySet() : (List<?>) value) {
            sb.append(sep).append(" ".repeat(indent + 2));
            sep = ",\n";
            if (item instanceof Map.Entry<?, ?> e && object) {
                string(sb, (String) e.getKey());
                sb.append(": ");
                write(sb, e.getValue(), indent + 2);
            } else {
                write(sb, item, indent + 2);
            }
        }
        sb.append('\n').append(" ".repeat(indent)).append(object ? '}' : ']');
    }

    private static boolean fits(Object value) {
        StringBuilder sb = new StringBuilder();
        return compact(sb, value, LINE) && sb.length() <= LINE;
    }

    private static void compact(StringBuilder sb, Object value) {
        compact(sb, value, Integer.MAX_VALUE);
    }

    /** Writes {@code value} on one line; false (and stops early) once the text passes {@code limit}. */
    private static boolean compact(StringBuilder sb, Object value, int limit) {
        switch (value) {
            case null -> sb.append("null");
            case Boolean b -> sb.append(b);
            case Num n -> sb.append(n.text());
            case String s -> string(sb, s);
            case Map<?, ?> m -> {
                sb.append('{');
                String sep = "";
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    string(sb.append(sep), (String) e.getKey());
                    sb.append(": ");
                    sep = ", ";
                    if (!compact(sb, e.getValue(), limit)) {
                        return false;
                    }
                }
                sb.append('}');
            }
            case List<?> l -> {
                sb.append('[');
                String sep = "";
                for (Object item : l) {
                    sb.append(sep);
                    sep = ", ";
                    if (!compact(sb, item, limit)) {
                        return false;
                    }
                }
                sb.append(']');
            }
            default -> throw new IllegalStateException("not a JSON value: " + value.getClass().getName());
        }
        return sb.length() <= limit;
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    // ---- reading ----

    /** Parses {@code text}; an {@link IllegalArgumentException} naming {@code source} and the offset when it is not JSON. */
    static Object parse(String text, String source) {
        Parser p = new Parser(text, source);
        Object v = p.value(0);
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the value");
        }
        return v;
    }

    /** Recursive descent over one text. */
    private static final class Parser {
        private final String text;
        private final String source;
        private int pos;

        Parser(String text, String source) {
            this.text = text;
            this.source = source;
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("nesting deeper than " + MAX_DEPTH);
            }
            skipSpace();
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(pos);
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> word("true", Boolean.TRUE);
                case 'f' -> word("false", Boolean.FALSE);
                case 'n' -> word("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object(int depth) {
            Map<String, Object> m = new LinkedHashMap<>();
            pos++;
            skipSpace();
            if (peek() == '}') {
                pos++;
                return m;
            }
            do {
                skipSpace();
                if (peek() != '"') {
                    throw error("expected a member name");
                }
                String key = string();
                skipSpace();
                expect(':');
                if (m.put(key, value(depth + 1)) != null) {
                    throw error("member '" + key + "' given twice");
                }
                skipSpace();
            } while (consume(','));
            expect('}');
            return m;
        }

        private List<Object> array(int depth) {
            List<Object> l = new ArrayList<>();
            pos++;
            skipSpace();
            if (peek() == ']') {
                pos++;
                return Collections.unmodifiableList(l);
            }
            do {
                l.add(value(depth + 1));
                skipSpace();
            } while (consume(','));
            expect(']');
            return Collections.unmodifiableList(l);
        }

        private String string() {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (true) {
                if (pos >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                if (pos >= text.length()) {
                    throw error("unterminated string");
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> sb.append(unicode());
                    default -> throw error("bad escape \\" + e);
                }
            }
        }

        private char unicode() {
            if (pos + 4 > text.length()) {
                throw error("bad \\u escape");
            }
            try {
                char c = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
                pos += 4;
                return c;
            } catch (NumberFormatException e) {
                throw error("bad \\u escape");
            }
        }

        private Num number() {
            int start = pos;
            while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            String s = text.substring(start, pos);
            if (!s.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
                pos = start;
                throw error(s.isEmpty() ? "unexpected character '" + text.charAt(start) + "'" : "bad number '" + s + "'");
            }
            return new Num(s);
        }

        private Object word(String w, Object value) {
            if (!text.startsWith(w, pos)) {
                throw error("unexpected character '" + text.charAt(pos) + "'");
            }
            pos += w.length();
            return value;
        }

        void skipSpace() {
            while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private boolean consume(char c) {
            if (peek() == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!consume(c)) {
                throw error("expected '" + c + "'");
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException(source + " is not valid JSON: " + what + " at offset " + pos);
        }
    }
}
