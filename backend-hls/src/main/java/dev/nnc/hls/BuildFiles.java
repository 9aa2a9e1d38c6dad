package dev.nnc.hls;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of a build folder, by relative path with {@code /} separators ({@code rtl/top.sv}),
 * held in memory until {@link BuildWriter} puts them on disk in one move. Sorted, so listing and
 * writing are deterministic.
 */
public final class BuildFiles {
    private final SortedMap<String, byte[]> files = new TreeMap<>();

    public void put(String path, byte[] content) {
        if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("not a relative build path: " + path);
        }
        if (files.put(path, content.clone()) != null) {
            throw new IllegalStateException("two build files named " + path);
        }
    }

    public void put(String path, String text) {
        put(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public SortedMap<String, byte[]> files() {
        return Collections.unmodifiableSortedMap(files);
    }

    /** The content of {@code path} as UTF-8 text, or null. */
    public String text(String path) {
        byte[] b = files.get(path);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    public boolean contains(String path) {
        return files.containsKey(path);
    }
}
