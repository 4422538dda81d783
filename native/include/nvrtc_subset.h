/*
 * nvrtc_subset.h - the NVRTC prototypes theano4j binds, copied from the public
 * NVRTC API documentation. Used only where the toolkit's nvrtc.h is not
 * installed (it comes with the cuda-nvrtc-dev package or the Python
 * nvidia-cuda-nvrtc wheel's include/ folder). Layout-compatible with nvrtc.h.
 */
#ifndef THEANO4J_NVRTC_SUBSET_H
#define THEANO4J_NVRTC_SUBSET_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* An enum in nvrtc.h: an int on every supported ABI. 0 is NVRTC_SUCCESS. */
typedef int nvrtcResult;

typedef struct _nvrtcProgram *nvrtcProgram;

const char *nvrtcGetErrorString(nvrtcResult result);
nvrtcResult nvrtcVersion(int *major, int *minor);
nvrtcResult nvrtcCreateProgram(nvrtcProgram *prog, const char *src, const char *name,
                               int numHeaders, const char *const *headers,
                               const char *const *includeNames);
nvrtcResult nvrtcDestroyProgram(nvrtcProgram *prog);
nvrtcResult nvrtcCompileProgram(nvrtcProgram prog, int numOptions, const char *const *options);
nvrtcResult nvrtcGetPTXSize(nvrtcProgram prog, size_t *ptxSizeRet);
nvrtcResult nvrtcGetPTX(nvrtcProgram prog, char *ptx);
nvrtcResult nvrtcGetProgramLogSize(nvrtcProgram prog, size_t *logSizeRet);
nvrtcResult nvrtcGetProgramLog(nvrtcProgram prog, char *log);
nvrtcResult nvrtcGetCUBINSize(nvrtcProgram prog, size_t *cubinSizeRet);
nvrtcResult nvrtcGetCUBIN(nvrtcProgram prog, char *cubin);
nvrtcResult nvrtcGetNumSupportedArchs(int *numArchs);
nvrtcResult nvrtcGetSupportedArchs(int *supportedArchs);

#ifdef __cplusplus
}
#endif

#endif /* THEANO4J_NVRTC_SUBSET_H */
