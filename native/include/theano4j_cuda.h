/*
 * theano4j_cuda.h - the one header theano4j's CUDA bindings are generated from.
 *
 * It pulls in the CUDA driver API (cuda.h), NVRTC (nvrtc.h, or the prototype
 * subset below where the toolkit's NVRTC headers are not installed) and the
 * few cuBLAS v2 prototypes theano4j calls (cublas_subset.h: cuBLAS headers are
 * not needed to build theano4j). The functions actually bound are listed in
 * allowlist.txt; regen-bindings.sh feeds both to jextract.
 *
 * CUDA_API_PER_THREAD_DEFAULT_STREAM is deliberately left undefined, so
 * cuda.h maps cuMemAlloc, cuMemcpyHtoD, ... to their legacy-stream `_v2`
 * symbols, which are the names bound.
 */
#ifndef THEANO4J_CUDA_H
#define THEANO4J_CUDA_H

#include <cuda.h>

#if defined(__has_include)
#  if __has_include(<nvrtc.h>)
#    include <nvrtc.h>
#  else
#    include "nvrtc_subset.h"
#  endif
#else
#  include <nvrtc.h>
#endif

#include "cublas_subset.h"

#endif /* THEANO4J_CUDA_H */
