/**
 * Property-based tests of compiled functions against an exact numpy oracle, and one regression
 * row per wrong result they found.
 *
 * <p>{@link org.fuzz.ProgramFuzzTest} draws programs from a base seed. For each program,
 * {@link org.fuzz.ProgramGenerator} builds a random DAG and its arguments,
 * {@link org.fuzz.Oracle} evaluates it with numpy's semantics (exact
 * {@link java.math.BigInteger} integers with wrap-around, doubles rounded to the dtype, each
 * element carrying an error bound that is 0 wherever the result must match bit for bit),
 * {@link org.fuzz.Checker} compiles and runs it through theano4j, and
 * {@link org.fuzz.Shrinker} cuts a failing program down. Replay with
 * {@code -Dfuzz.seed=0x...} (comma-separated for several).
 */
package org.theano4j.fuzz;
