package org.theano4j.persist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.theano4j.Config;

/**
 * {@code manifest.json}, the first member of a function file: what the file is, the format
 * version it follows, who wrote it, the configuration its types depend on and the members that follow.
 *
 * @param formatVersion the version of the format (see docs/function-file-format.md)
 * @param library the theano4j version that wrote the file
 * @param floatX the writer's {@code floatX} (random draws and untyped constructors depend on it)
 * @param members the members after the manifest, in order
 */
record Manifest(int formatVersion, String library, String floatX, List<String> members) {
    /** The value of {@code "format"} in every function file. */
    static final String FORMAT = "theano4j-function";
    /** The format version this build writes, and the newest it reads. */
    static final int VERSION = 1;
    /** The theano4j version of this build. */
    static final String LIBRARY = libraryVersion();

    /** The manifest of a file this JVM writes. */
    static Manifest current(List<String> members) {
        return new Manifest(VERSION, LIBRARY, Config.floatX().numpyName(), List.copyOf(members));
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("formatVersion", GraphWriter.num(formatVersion));
        m.put("theano4j", library);
        m.put("java", Runtime.version().toString());
        m.put("floatX", floatX);
        m.put("members", new ArrayList<Object>(members));
        return m;
    }

    /** The manifest {@code text} holds, after checking that this build can read the file it heads. */
    static Manifest parse(String text, String source) {
        Object json = Json.parse(text, source + " manifest.json");
        Object format = json instanceof Map<?, ?> m ? m.get("format") : null;
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException(source + " is not a theano4j function file (its manifest's format is " + format
                    + ", expected \"" + FORMAT + "\")");
        }
        String library = ValueReader.text(ValueReader.member(json, "theano4j", "manifest"), "manifest.theano4j");
        int version = (Integer) Scalars.read(ValueReader.member(json, "formatVersion", "manifest"), Integer.class,
                "manifest.formatVersion");
        if (version > VERSION || version < 1) {
            throw new IllegalArgumentException(source + " has function file format version " + version + " (written by theano4j "
                    + library + "); this build (theano4j " + LIBRARY + ") reads versions 1 to " + VERSION
                    + (version > VERSION ? ": load it with a newer theano4j" : ""));
        }
        String floatX = ValueReader.text(ValueReader.member(json, "floatX", "manifest"), "manifest.floatX");
        List<String> members = new ArrayList<>();
        if (!(ValueReader.member(json, "members", "manifest") instanceof List<?> l)) {
            throw new IllegalArgumentException(source + ": manifest.members is not a list");
        }
        for (Object o : l) {
            members.add(ValueReader.text(o, "manifest.members"));
        }
        return new Manifest(version, library, floatX, List.copyOf(members));
    }

    /** What to add to a type mismatch: the floatX the file was saved with, when this JVM's differs. */
    String typeHint() {
        String here = Config.floatX().numpyName();
        return floatX.equals(here) ? "" : " (the file was saved with floatX=" + floatX + " and this JVM has floatX=" + here
                + "; load it with -Dtheano4j.floatX=" + floatX + ")";
    }

    private static String libraryVersion() {
        try (InputStream in = Manifest.class.getResourceAsStream("library.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
