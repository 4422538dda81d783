package org.theano4j.gpu;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The architecture NVRTC compiles for: a real one ({@code sm_90}: a CUBIN that loads without JIT
 * compilation) or a virtual one ({@code compute_90}: PTX that the driver JIT-compiles when the
 * module loads). Chosen from the device's compute capability and the architectures the NVRTC at
 * hand supports, or set with the flag {@code gpu.arch}.
 *
 * @param capability compute capability as {@code 10 * major + minor}, e.g. 90 for an H100/H200
 * @param real true for {@code sm_XX} (CUBIN), false for {@code compute_XX} (PTX)
 */
public record GpuArch(int capability, boolean real) {

    private static final Pattern SPELLING = Pattern.compile("(sm|compute)_(\\d{2,3})[a-z]?");

    /** Checks the capability. */
    public GpuArch {
        if (capability < 10 || capability > 999) {
            throw new IllegalArgumentException("compute capability must be 10 * major + minor, e.g. 90, got " + capability);
        }
    }

    /**
     * Parses {@code sm_90} or {@code compute_90} (the spelling of {@code --gpu-architecture}).
     *
     * @param spelling the architecture's name
     * @return the architecture
     * @throws IllegalArgumentException for any other spelling
     */
    public static GpuArch parse(String spelling) {
        Matcher m = SPELLING.matcher(spelling == null ? "" : spelling.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("gpu.arch must look like sm_90 or compute_90, got '" + spelling + "'");
        }
        return new GpuArch(Integer.parseInt(m.group(2)), m.group(1).equals("sm"));
    }

    /**
     * The architecture for a device: its own as {@code sm_XX} when NVRTC supports it, else the newest
     * supported one below it as {@code compute_XX} (PTX, JIT-compiled by the driver).
     *
     * @param device the device's compute capability, e.g. 90
     * @param supported what NVRTC supports ({@link NvrtcProgram#supportedArchs()})
     * @param override the flag {@code gpu.arch}, or null
     * @return the architecture to compile for
     * @throws IllegalArgumentException when NVRTC supports nothing the device can run
     */
    public static GpuArch choose(int device, int[] supported, String override) {
        if (override != null) {
            return parse(override);
        }
        if (Arrays.stream(supported).anyMatch(a -> a == device)) {
            return new GpuArch(device, true);
        }
        int best = Arrays.stream(supported).filter(a -> a <= device).max().orElseThrow(() ->
                new IllegalArgumentException("this NVRTC supports " + Arrays.toString(supported)
                        + ", nothing a device of compute capability " + device / 10 + "." + device % 10 + " can run"));
        return new GpuArch(best, false);
    }

    /** @return the NVRTC option, e.g. {@code --gpu-architecture=sm_90} */
    public String option() {
        return "--gpu-architecture=" + this;
    }

    /** @return {@code sm_90} or {@code compute_90} */
    @Override
    public String toString() {
        return (real ? "sm_" : "compute_") + capability;
    }
}
