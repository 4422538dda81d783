/** FFM bindings for the CUDA driver/runtime, NVRTC and cuBLAS (jextract layout), for the gpu module only. */
module org.theano4j.bindings {
    exports org.theano4j.bindings.cuda to org.theano4j.gpu;
}
