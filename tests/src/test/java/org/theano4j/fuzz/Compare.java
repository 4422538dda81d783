package org.theano4j.fuzz;

import java.util.Arrays;

/**
 * Element comparison against the oracle: integers exactly; floats bit for bit where the oracle's
 * bound is 0 (NaN equals NaN; the sign of a zero counts unless the oracle left it open), within
 * the bound otherwise; unknown elements are skipped.
 */
final class Compare {
    private Compare() {
    }

    /** A description of the first element where {@code got} differs from {@code want}, or null. */
    static String firstMismatch(OTensor want, OTensor got) {
        int bad = 0;
        int first = -1;
        for (int i = 0; i < want.size; i++) {
            if (!matches(want, got, i)) {
                bad++;
                first = first < 0 ? i : first;
            }
        }
        if (bad == 0) {
            return null;
        }
        String tol = want.err[first] == 0 ? "exact" : "tolerance " + want.err[first];
        return bad + " of " + want.size + " elements differ; first at index "
                + Arrays.toString(OTensor.unravel(first, want.shape)) + " (flat " + first + "): got " + got.show(first)
                + ", expected " + want.show(first) + " (" + tol + ")";
    }

    static boolean matches(OTensor want, OTensor got, int i) {
        if (!want.known(i)) {
            return true;
        }
        if (!want.isFloat()) {
            return want.iv[i].equals(got.iv[i]);
        }
        double e = want.fv[i];
        double g = got.fv[i];
        double err = want.err[i];
        if (err > 0) {
            return !Double.isFinite(e) || Math.abs(g - e) <= err;
        }
        if (Double.isNaN(e) || Double.isNaN(g)) {
            return Double.isNaN(e) && Double.isNaN(g);
        }
        if (e == 0 && g == 0) {
            return want.loose[i] || Double.doubleToRawLongBits(e) == Double.doubleToRawLongBits(g);
        }
        return e == g;
    }
}
