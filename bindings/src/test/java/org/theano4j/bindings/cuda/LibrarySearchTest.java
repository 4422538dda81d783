package org.theano4j.bindings.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibrarySearchTest {

    @TempDir
    Path tmp;

    private Path touch(String relative) throws IOException {
        Path p = tmp.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.createFile(p);
    }

    @Test
    void matchesOnlyTheExactStem() {
        assertTrue(LibrarySearch.matches("cublas", "libcublas.so"));
        assertTrue(LibrarySearch.matches("cublas", "libcublas.so.13"));
        assertTrue(LibrarySearch.matches("cublas", "libcublas.so.13.0.2"));
        assertFalse(LibrarySearch.matches("cublas", "libcublasLt.so.13"));
        assertFalse(LibrarySearch.matches("nvrtc", "libnvrtc-builtins.so.13.0"));
        assertFalse(LibrarySearch.matches("nvrtc", "libnvrtc.so.13.alt"));
        assertFalse(LibrarySearch.matches("nvrtc", "libnvrtc_static.a"));
    }

    @Test
    void picksTheHighestVersionInTheFirstFolderThatHasOne() throws IOException {
        Path a = touch("a/libcublas.so.12").getParent();
        touch("a/libcublas.so.13");
        touch("a/libcublas.so.13.1.0");
        touch("a/libcublasLt.so.14");
        Path b = touch("b/libcublas.so.99").getParent();
        Path empty = Files.createDirectories(tmp.resolve("empty"));

        Optional<Path> found = LibrarySearch.find("cublas", List.of(empty, a, b));
        assertEquals(Optional.of(a.resolve("libcublas.so.13.1.0")), found);
        assertEquals(Optional.empty(), LibrarySearch.find("nvrtc", List.of(empty, a, b)));
    }

    @Test
    void sitePackagesFoldersAreSearchedThroughNvidiaStarLib() throws IOException {
        Path sitePackages = tmp.resolve("venv/lib/python3.12/site-packages");
        Path lib = touch("venv/lib/python3.12/site-packages/nvidia/cu13/lib/libnvrtc.so.13").getParent();
        Path other = touch("extra/libcublas.so.13").getParent();

        String libPath = sitePackages + File.pathSeparator + other;
        List<Path> folders = LibrarySearch.folders(key -> null, Map.of(LibrarySearch.PATH_ENV, libPath));
        assertTrue(folders.indexOf(lib) >= 0, folders::toString);
        assertTrue(folders.indexOf(sitePackages) < folders.indexOf(lib), "a folder comes before its nvidia/*/lib");
        assertEquals(Optional.of(lib.resolve("libnvrtc.so.13")), LibrarySearch.find("nvrtc", folders));
        assertEquals(Optional.of(other.resolve("libcublas.so.13")), LibrarySearch.find("cublas", folders));
    }

    @Test
    void virtualEnvAndPropertyAreSearched() throws IOException {
        Path lib = touch("env/lib/python3.11/site-packages/nvidia/cublas/lib/libcublas.so.12").getParent();
        Path prop = Files.createDirectories(tmp.resolve("prop"));
        List<Path> folders = LibrarySearch.folders(
                key -> key.equals(LibrarySearch.PATH_PROPERTY) ? prop.toString() : null,
                Map.of("VIRTUAL_ENV", tmp.resolve("env").toString()));
        assertEquals(prop, folders.getFirst());
        assertTrue(folders.contains(lib), folders::toString);
    }

    @Test
    void missingFoldersAreSkipped() {
        List<Path> folders = LibrarySearch.folders(key -> null,
                Map.of(LibrarySearch.PATH_ENV, tmp.resolve("nope").toString()));
        assertFalse(folders.contains(tmp.resolve("nope")));
    }
}
