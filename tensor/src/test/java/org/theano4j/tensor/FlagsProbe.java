package org.theano4j.tensor;

/** Run in a child JVM by {@link FlagsEnvironmentTest}: reads a flag twice and prints what happened each time. */
public final class FlagsProbe {
    private FlagsProbe() {
    }

    /** Prints {@code value: ...} or {@code error: ...} per read of {@code args[0]}. */
    public static void main(String[] args) {
        for (int i = 0; i < 2; i++) {
            try {
                System.out.println("value: " + Flags.get(args[0]));
            } catch (IllegalArgumentException e) {
                System.out.println("error: " + e.getMessage());
            }
        }
    }
}
