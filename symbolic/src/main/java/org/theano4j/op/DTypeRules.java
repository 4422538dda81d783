package org.theano4j.op;

import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Constant;
import org.theano4j.tensor.DType;

/**
 * numpy's dtype promotion with Java numbers as weak scalars: arrays promote by numpy's table;
 * a weak scalar only matters when it is of a higher kind (bool &lt; integer &lt; float &lt; complex) or its
 * value does not fit ({@code fvector + 1.5} stays float32, {@code ivector + 1.5} is float64).
 */
public final class DTypeRules {
    private DTypeRules() {
    }

    /** The common dtype of the operands, skipping index {@code skip} (a switch condition), -1 for none. */
    public static DType common(List<Variable> operands, int skip) {
        DType strong = null;
        for (int i = 0; i < operands.size(); i++) {
            Variable v = operands.get(i);
            if (i != skip && !Operands.isWeak(v)) {
                strong = strong == null ? v.dtype() : DType.promote(strong, v.dtype());
            }
        }
        DType result = strong;
        for (int i = 0; i < operands.size(); i++) {
            Variable v = operands.get(i);
            if (i != skip && v instanceof Constant c && c.isWeak()) {
                result = result == null ? c.dtype() : withWeak(result, c);
            }
        }
        return result == null ? operands.get(skip == 0 ? 1 : 0).dtype() : result;
    }

    private static DType withWeak(DType strong, Constant weak) {
        DType w = weak.dtype();
        if (kindRank(w) > kindRank(strong)) {
            return kindRank(w) == 2 ? DType.promote(strong, DType.FLOAT64) : DType.promote(strong, DType.INT64);
        }
        double v = weak.value().getFlat(0);
        return strong.isFloat() || strong.isComplex() || Casting.fits(v, strong) ? strong : DType.promote(strong, w);
    }

    private static int kindRank(DType d) {
        return d.isBool() ? 0 : d.isComplex() ? 3 : d.isFloat() ? 2 : 1;
    }

    /** The float dtype a transcendental function of {@code d} computes in (numpy/Theano's upgrade_to_float). */
    public static DType upgradeToFloat(DType d) {
        return switch (d) {
            case FLOAT32, FLOAT64 -> d;
            case BOOL, INT8, UINT8, INT16, UINT16 -> DType.FLOAT32;
            default -> DType.FLOAT64;
        };
    }
}
