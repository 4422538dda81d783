/*
 * cublas_subset.h - the cuBLAS v2 prototypes theano4j binds, written from the
 * public cuBLAS API documentation (cublas_api.h), since the cuBLAS headers are
 * not needed to build theano4j. Symbol names are the exported `_v2` ones that
 * cublas_v2.h maps cublasCreate, cublasDgemm, ... to.
 *
 * Matrices are column-major (Fortran order); see org.theano4j.gpu.CublasHandle
 * for how row-major arrays are handled.
 */
#ifndef THEANO4J_CUBLAS_SUBSET_H
#define THEANO4J_CUBLAS_SUBSET_H

#ifdef __cplusplus
extern "C" {
#endif

/* Enums in cublas_api.h, ints on every supported ABI. */
typedef int cublasStatus_t;       /* 0 = CUBLAS_STATUS_SUCCESS */
typedef int cublasOperation_t;    /* 0 = CUBLAS_OP_N, 1 = CUBLAS_OP_T, 2 = CUBLAS_OP_C */

typedef struct cublasContext *cublasHandle_t;
typedef struct CUstream_st *cudaStream_t;

cublasStatus_t cublasCreate_v2(cublasHandle_t *handle);
cublasStatus_t cublasDestroy_v2(cublasHandle_t handle);
cublasStatus_t cublasGetVersion_v2(cublasHandle_t handle, int *version);
cublasStatus_t cublasSetStream_v2(cublasHandle_t handle, cudaStream_t streamId);

cublasStatus_t cublasDgemm_v2(cublasHandle_t handle,
                              cublasOperation_t transa, cublasOperation_t transb,
                              int m, int n, int k,
                              const double *alpha, const double *A, int lda,
                              const double *B, int ldb,
                              const double *beta, double *C, int ldc);
cublasStatus_t cublasSgemm_v2(cublasHandle_t handle,
                              cublasOperation_t transa, cublasOperation_t transb,
                              int m, int n, int k,
                              const float *alpha, const float *A, int lda,
                              const float *B, int ldb,
                              const float *beta, float *C, int ldc);
cublasStatus_t cublasDgemv_v2(cublasHandle_t handle, cublasOperation_t trans,
                              int m, int n,
                              const double *alpha, const double *A, int lda,
                              const double *x, int incx,
                              const double *beta, double *y, int incy);
cublasStatus_t cublasSgemv_v2(cublasHandle_t handle, cublasOperation_t trans,
                              int m, int n,
                              const float *alpha, const float *A, int lda,
                              const float *x, int incx,
                              const float *beta, float *y, int incy);
cublasStatus_t cublasDdot_v2(cublasHandle_t handle, int n,
                             const double *x, int incx,
                             const double *y, int incy,
                             double *result);

#ifdef __cplusplus
}
#endif

#endif /* THEANO4J_CUBLAS_SUBSET_H */
