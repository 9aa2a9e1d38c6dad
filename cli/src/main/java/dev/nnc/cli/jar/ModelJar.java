package dev.nnc.cli.jar;

import dev.nnc.cli.io.Npy;
import dev.nnc.cpu.CpuBackend;
import dev.nnc.cpu.GeneratedSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;

/**
 * A compiled model as a runnable jar: the generated classes, the weights ({@code .npy} resources),
 * a description of the inputs and outputs, {@link JarMain}, and the nnc classes those reach
 * ({@link ClassClosure}: runtime kernels, tensors, npy I/O) copied from the class path. The bytes
 * depend only on the model and the options: entries sorted, fixed timestamps, no dates anywhere.
 */
public final class ModelJar {
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    /** Sources of the vector kernels, compiled when the jar's JVM has jdk.incubator.vector. */
    private static final java.util.List<String> VECTOR_SOURCES = java.util.List.of(
            "dev/nnc/cpu/runtime/VectorGemm.java.txt", "dev/nnc/cpu/runtime/VectorDepthwise.java.txt",
            "dev/nnc/cpu/runtime/VectorPackedKernel.java.txt");

    private ModelJar() {
    }

    /** The jar's bytes for generated source, run on {@code threads} threads unless the command line says otherwise. */
    public static byte[] build(GeneratedSource src, int threads) {
        Map<String, byte[]> entries = new TreeMap<>();
        Map<String, byte[]> roots = new TreeMap<>();
        CpuBackend.classFiles(src).forEach((name, bytes) -> roots.put(name.replace('.', '/'), bytes));
        ClassLoader loader = ModelJar.class.getClassLoader();
        roots.put(internal(JarMain.class), resource(loader, internal(JarMain.class) + ".class"));
        ClassClosure.of(roots, "dev/nnc/", loader).forEach((name, bytes) -> entries.put(name + ".class", bytes));
        VECTOR_SOURCES.forEach(s -> entries.put(s, resource(loader, s)));
        for (int i = 0; i < src.weights().size(); i++) {
            entries.put(JarLayout.weight(i), Npy.write(src.weights().get(i)));
        }
        entries.put(JarLayout.MODEL_PROPERTIES, properties(src, threads));
        return write(entries, JarMain.class.getName());
    }

    private static byte[] properties(GeneratedSource src, int threads) {
        Map<String, String> p = new TreeMap<>();
        p.put("class", src.qualifiedName());
        p.put("threads", Integer.toString(threads));
        p.put("weights", Integer.toString(src.weights().size()));
        p.put("inputs", Integer.toString(src.inputNames().size()));
        p.put("outputs", Integer.toString(src.outputNames().size()));
        for (int i = 0; i < src.inputNames().size(); i++) {
            p.put("input." + i + ".name", src.inputNames().get(i));
            p.put("input." + i + ".shape", shape(src.inputShapes().get(i)));
            p.put("input." + i + ".type", src.inputTypes().get(i).name());
        }
        for (int i = 0; i < src.outputNames().size(); i++) {
            p.put("output." + i + ".name", src.outputNames().get(i));
            p.put("output." + i + ".shape", shape(src.outputShapes().get(i)));
            p.put("output." + i + ".type", src.outputTypes().get(i).name());
        }
        StringBuilder text = new StringBuilder();
        p.forEach((k, v) -> {
            Properties one = new Properties();
            one.setProperty(k, v);
            StringWriter w = new StringWriter();
            try {
                one.store(w, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // store() escapes the entry correctly but starts with a date comment: drop comments
            w.toString().lines().filter(l -> !l.startsWith("#")).forEach(l -> text.append(l).append('\n'));
        });
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static String shape(int[] dims) {
        return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    private static byte[] write(Map<String, byte[]> entries, String mainClass) {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        mf.getMainAttributes().putValue("Created-By", "nnc");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(buf)) {
            ByteArrayOutputStream manifest = new ByteArrayOutputStream();
            mf.write(manifest);
            put(jar, "META-INF/", null);
            put(jar, "META-INF/MANIFEST.MF", manifest.toByteArray());
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                put(jar, e.getKey(), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.toByteArray();
    }

    private static void put(JarOutputStream jar, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(FIXED_TIME);
        jar.putNextEntry(e);
        if (data != null) {
            jar.write(data);
        }
        jar.closeEntry();
    }

    private static String internal(Class<?> c) {
        return c.getName().replace('.', '/');
    }

    private static byte[] resource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
