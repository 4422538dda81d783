package org.theano4j.persist;

/**
 * How scalars are written, exactly: integers as JSON integers, finite floats as the shortest
 * decimal that reads back to the same bits ({@link Double#toString}), and non-finite floats as the
 * strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}, or {@code "NaN:<hex bits>"} for a
 * NaN other than the canonical one.
 */
final class Scalars {
    private static final long CANONICAL_NAN = Double.doubleToRawLongBits(Double.NaN);
    private static final int CANONICAL_NAN_F = Float.floatToRawIntBits(Float.NaN);

    private Scalars() {
    }

    /** The JSON form of a boxed scalar of class {@code c} (a box or String). */
    static Object write(Object v) {
        return switch (v) {
            case Double d -> real(d);
            case Float f -> real(f);
            case Byte b -> new Json.Num(b.toString());
            case Short s -> new Json.Num(s.toString());
            case Integer i -> new Json.Num(i.toString());
            case Long l -> new Json.Num(l.toString());
            default -> v;
        };
    }

    private static Object real(double d) {
        if (Double.isFinite(d)) {
            return new Json.Num(Double.toString(d));
        }
        if (Double.isNaN(d)) {
            long bits = Double.doubleToRawLongBits(d);
            return bits == CANONICAL_NAN ? "NaN" : "NaN:" + Long.toHexString(bits);
        }
        return d > 0 ? "Infinity" : "-Infinity";
    }

    private static Object real(float f) {
        if (Float.isFinite(f)) {
            return new Json.Num(Float.toString(f));
        }
        if (Float.isNaN(f)) {
            int bits = Float.floatToRawIntBits(f);
            return bits == CANONICAL_NAN_F ? "NaN" : "NaN:" + Integer.toHexString(bits);
        }
        return f > 0 ? "Infinity" : "-Infinity";
    }

    /** Whether {@code c} (boxed) is a scalar class this writes. */
    static boolean isScalar(Class<?> c) {
        return c == Boolean.class || c == String.class || Number.class.isAssignableFrom(c) && c.getName().startsWith("java.lang.");
    }

    /** The scalar of boxed class {@code c} that {@code json} holds; an {@link IllegalArgumentException} naming {@code where} otherwise. */
    static Object read(Object json, Class<?> c, String where) {
        if (c == Boolean.class || c == String.class) {
            if (!c.isInstance(json)) {
                throw mismatch(json, c, where);
            }
            return json;
        }
        if (c == Double.class) {
            return json instanceof String s ? special(s, where) : Double.parseDouble(number(json, c, where));
        }
        if (c == Float.class) {
            return json instanceof String s ? specialFloat(s, where) : Float.parseFloat(number(json, c, where));
        }
        long v;
        try {
            v = Long.parseLong(number(json, c, where));
        } catch (NumberFormatException e) {
            throw mismatch(json, c, where);
        }
        return switch (c.getSimpleName()) {
            case "Byte" -> (byte) checkRange(v, Byte.MIN_VALUE, Byte.MAX_VALUE, where);
            case "Short" -> (short) checkRange(v, Short.MIN_VALUE, Short.MAX_VALUE, where);
            case "Integer" -> (int) checkRange(v, Integer.MIN_VALUE, Integer.MAX_VALUE, where);
            case "Long" -> v;
            default -> throw new IllegalArgumentException(where + ": " + c.getName() + " is not a saved scalar type");
        };
    }

    private static String number(Object json, Class<?> c, String where) {
        if (json instanceof Json.Num n) {
            return n.text();
        }
        throw mismatch(json, c, where);
    }

    private static long checkRange(long v, long lo, long hi, String where) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(where + ": " + v + " is out of range [" + lo + ", " + hi + "]");
        }
        return v;
    }

    private static double special(String s, String where) {
        return switch (s) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.longBitsToDouble(nanBits(s, 16, where));
        };
    }

    private static float specialFloat(String s, String where) {
        return switch (s) {
            case "NaN" -> Float.NaN;
            case "Infinity" -> Float.POSITIVE_INFINITY;
            case "-Infinity" -> Float.NEGATIVE_INFINITY;
            default -> Float.intBitsToFloat((int) nanBits(s, 8, where));
        };
    }

    private static long nanBits(String s, int maxDigits, String where) {
        String hex = s.startsWith("NaN:") ? s.substring(4) : "";
        try {
            long bits = hex.isEmpty() || hex.length() > maxDigits ? 0 : Long.parseUnsignedLong(hex, 16);
            boolean nan = maxDigits == 16 ? Double.isNaN(Double.longBitsToDouble(bits)) : Float.isNaN(Float.intBitsToFloat((int) bits));
            if (nan) {
                return bits;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(where + ": expected a number, NaN, Infinity, -Infinity or NaN:<hex>, got \"" + s + "\"");
    }

    private static IllegalArgumentException mismatch(Object json, Class<?> c, String where) {
        return new IllegalArgumentException(where + ": expected " + c.getSimpleName().toLowerCase(java.util.Locale.ROOT)
                + ", the file holds " + Json.write(json).strip());
    }
}
