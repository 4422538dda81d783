package org.theano4j.compile;

import org.theano4j.Variable;
import org.theano4j.tensor.NDArray;

/**
 * One explicit input of a compiled function.
 *
 * @param variable the graph input
 * @param keyword the keyword name (may be null)
 * @param defaultValue the converted default value, or null when the argument is required
 * @param label how errors name the input
 */
public record InputSpec(Variable variable, String keyword, NDArray defaultValue, String label) {
}
