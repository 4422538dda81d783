/**
 * theano4j's CUDA backend, {@link org.theano4j.gpu.GpuBackend} (device {@code cuda}: fused
 * elementwise kernels rendered by {@link org.theano4j.gpu.CudaExpressionRenderer} and compiled
 * with NVRTC, cuBLAS for dot), over its CUDA layer: thin {@link java.lang.AutoCloseable} wrappers over the driver
 * API, NVRTC and cuBLAS ({@link org.theano4j.gpu.CudaContext},
 * {@link org.theano4j.gpu.DeviceBuffer}, {@link org.theano4j.gpu.CublasHandle},
 * {@link org.theano4j.gpu.NvrtcProgram}, {@link org.theano4j.gpu.CudaModule}), with every
 * return code checked ({@link org.theano4j.gpu.CudaException}), fused elementwise kernel
 * sources ({@link org.theano4j.gpu.ElementwiseKernelSource}), and
 * {@link org.theano4j.gpu.GpuAvailability}, which says in one line why the GPU cannot be
 * used. Nothing here needs a GPU to load.
 */
package org.theano4j.gpu;
