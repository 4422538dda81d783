/**
 * FFM bindings for the CUDA driver API ({@link org.theano4j.bindings.cuda.cuda_h}),
 * NVRTC ({@link org.theano4j.bindings.cuda.nvrtc_h}) and cuBLAS
 * ({@link org.theano4j.bindings.cuda.cublas_h}), in jextract's generated layout, from
 * {@code native/include/theano4j_cuda.h} and {@code native/include/allowlist.txt}.
 * Libraries load lazily and never throw at class initialisation; see
 * {@link org.theano4j.bindings.cuda.CudaLibraries}. Only the {@code gpu} module uses
 * this package; it wraps it in an idiomatic, checked API.
 */
package org.theano4j.bindings.cuda;
