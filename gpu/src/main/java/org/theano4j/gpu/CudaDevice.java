package org.theano4j.gpu;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.theano4j.op.Reduce;
import org.theano4j.op.ScalarExpr;
import org.theano4j.tensor.DType;

/** The GPU as a {@link Device}: CUDA memory, NVRTC-compiled kernels and cuBLAS of one {@link GpuDevice}. */
final class CudaDevice implements Device {

    private static final int BLOCK = 256;

    private final GpuDevice gpu;

    /** @param gpu the probed device state */
    CudaDevice(GpuDevice gpu) {
        this.gpu = gpu;
    }

    /** Device memory: a {@link DeviceBuffer}. */
    private record Buffer(DeviceBuffer buffer) implements Memory {
        @Override
        public long byteSize() {
            return buffer.byteSize();
        }
    }

    private static DeviceBuffer buf(Memory m) {
        return ((Buffer) m).buffer();
    }

    @Override
    public void enter() {
        gpu.context().makeCurrent();
    }

    @Override
    public Memory allocate(long byteSize) {
        return new Buffer(DeviceBuffer.allocate(gpu.context(), byteSize));
    }

    @Override
    public void free(Memory memory) {
        buf(memory).close();
    }

    @Override
    public void upload(MemorySegment host, Memory device) {
        buf(device).copyFromHost(host);
    }

    @Override
    public void download(Memory device, MemorySegment host) {
        buf(device).copyToHost(host);
    }

    @Override
    public Program elementwise(ScalarExpr expr, List<DType> inputTypes) {
        Map<ElementwiseKernelSource.Indexing, CudaKernel> variants = new ConcurrentHashMap<>();
        return (layout, inputs, out) -> {
            CudaKernel kernel = variants.computeIfAbsent(layout.indexing(),
                    ix -> gpu.elementwiseKernel(CudaExpressionRenderer.kernelSource(expr, inputTypes, ix)));
            Object[] buffers = new Object[inputs.length];
            for (int k = 0; k < inputs.length; k++) {
                buffers[k] = buf(inputs[k]);
            }
            kernel.launch(LaunchConfig.linear(layout.n(), BLOCK), layout.launchArgs(buffers, buf(out)));
        };
    }

    @Override
    public ReduceProgram reduce(Reduce.Kind kind, DType input, ReduceGeometry.Pattern pattern) {
        ReduceKernelSource source = new ReduceKernelSource(ReduceKernelSource.KERNEL_NAME, kind, input, pattern);
        String text = source.render();
        CudaKernel block = gpu.kernel(text, source.blockKernel());
        CudaKernel thread = gpu.kernel(text, source.threadKernel());
        return (geometry, in, out) -> {
            boolean perBlock = ReduceKernelSource.blockPerOutput(geometry);
            long outputs = geometry.outputCount();
            LaunchConfig config = perBlock
                    ? new LaunchConfig((int) Math.min(outputs, LaunchConfig.MAX_LINEAR_BLOCKS), 1, 1,
                            ReduceKernelSource.BLOCK, 1, 1, 0)
                    : LaunchConfig.linear(outputs, ReduceKernelSource.BLOCK);
            Long[] shape = ReduceKernelSource.geometryArgs(geometry);
            Object[] args = new Object[4 + shape.length];
            args[0] = outputs;
            args[1] = geometry.reducedLength();
            args[2] = buf(in);
            args[3] = buf(out);
            System.arraycopy(shape, 0, args, 4, shape.length);
            (perBlock ? block : thread).launch(config, args);
        };
    }

    @Override
    public RowProgram rows(SoftmaxKernelSource.Kind kind, DType dtype) {
        SoftmaxKernelSource source = new SoftmaxKernelSource(SoftmaxKernelSource.KERNEL_NAME, dtype);
        CudaKernel kernel = gpu.kernel(source.render(), source.kernel(kind));
        return (rows, cols, inputs, out) -> {
            Object[] args = new Object[inputs.length + 3];
            args[0] = rows;
            args[1] = cols;
            for (int k = 0; k < inputs.length; k++) {
                args[k + 2] = buf(inputs[k]);
            }
            args[inputs.length + 2] = buf(out);
            int blocks = (int) Math.min(rows, LaunchConfig.MAX_LINEAR_BLOCKS);
            kernel.launch(new LaunchConfig(blocks, 1, 1, SoftmaxKernelSource.BLOCK, 1, 1, 0), args);
        };
    }

    @Override
    public void copy(Memory from, Memory to) {
        buf(to).copyFrom(buf(from));
    }

    @Override
    public void gemm(DType dtype, boolean transA, boolean transB, int m, int n, int k, double alpha, Memory a,
            long aOffset, int lda, Memory b, long bOffset, int ldb, double beta, Memory c, int ldc) {
        if (dtype == DType.FLOAT32) {
            gpu.cublas().sgemm(transA, transB, m, n, k, (float) alpha, buf(a), aOffset, lda, buf(b), bOffset, ldb,
                    (float) beta, buf(c), ldc);
        } else {
            gpu.cublas().dgemm(transA, transB, m, n, k, alpha, buf(a), aOffset, lda, buf(b), bOffset, ldb, beta, buf(c),
                    ldc);
        }
    }

    @Override
    public void gemv(DType dtype, boolean transA, int m, int n, double alpha, Memory a, long aOffset, int lda, Memory x,
            long xOffset, double beta, Memory y) {
        if (dtype == DType.FLOAT32) {
            gpu.cublas().sgemv(transA, m, n, (float) alpha, buf(a), aOffset, lda, buf(x), xOffset, (float) beta, buf(y));
        } else {
            gpu.cublas().dgemv(transA, m, n, alpha, buf(a), aOffset, lda, buf(x), xOffset, beta, buf(y));
        }
    }
}
