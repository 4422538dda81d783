/**
 * JMH benchmarks of theano4j through its public API: call overhead, the fused logistic, gemm,
 * gemv, the seed's logistic-regression train step and its compile time. Run them from the shaded
 * jar: {@code java -jar benchmarks/target/benchmarks.jar [regexp] [JMH options]}; each benchmark
 * forks a JVM with {@link org.theano4j.bench.jmh.JmhFlags#ADD_VECTOR} and
 * {@link org.theano4j.bench.jmh.JmhFlags#NATIVE_ACCESS}.
 */
package org.theano4j.bench.jmh;
