/**
 * Property-based tests of compiled functions against an exact numpy oracle, and one regression
 * row per wrong result they found.
 *
 * <p>{@link org.theano4j.fuzz.ProgramFuzzTest} draws programs from a base seed. For each program,
 * {@link org.theano4j.fuzz.ProgramGenerator} builds a random DAG and its arguments,
 * {@link org.theano4j.fuzz.Oracle} evaluates it with numpy's semantics (exact
 * {@link java.math.BigInteger} integers with wrap-around, doubles rounded to the dtype, each
 * element carrying an error bound that is 0 wherever the result must match bit for bit),
 * {@link org.theano4j.fuzz.Checker} compiles and runs it through theano4j, and
 * {@link org.theano4j.fuzz.Shrinker} cuts a failing program down. Replay with
 * {@code -Dfuzz.seed=0x...} (comma-separated for several).
 */
package org.theano4j.fuzz;
