package dev.nnc.cpu.compile;

import dev.nnc.cpu.runtime.GeneratedModel;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles one generated source file with {@code javax.tools} without touching the disk: the
 * source is a string, the class files land in memory and load through a {@link MemoryClassLoader}
 * whose parent sees the runtime library. The class path given to javac is the location of the
 * runtime library itself (a folder in a build, the nnc jar when installed), so it works the
 * same under Maven, in tests and from the shaded jar.
 */
public final class InMemoryCompiler {
    private InMemoryCompiler() {
    }

    /** Compiles {@code source} (a class named {@code qualifiedName}) and loads it. */
    public static Class<?> compile(String qualifiedName, String source) {
        return compile(qualifiedName, source, List.of());
    }

    /** Compiles with extra javac options (e.g. {@code --add-modules}). */
    public static Class<?> compile(String qualifiedName, String source, List<String> extraOptions) {
        Map<String, byte[]> bytes = compileToBytes(qualifiedName, source, extraOptions);
        try {
            return new MemoryClassLoader(bytes, GeneratedModel.class.getClassLoader()).loadClass(qualifiedName);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("javac produced no class " + qualifiedName, e);
        }
    }

    /** Compiles {@code source} to class files by binary name (nested classes included), without loading them. */
    public static Map<String, byte[]> compileToBytes(String qualifiedName, String source, List<String> extraOptions) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new dev.nnc.ir.diag.NncException("the CPU backend needs a JDK (javac), but this Java runtime has none");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, null, null);
        JavaFileManager files = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        classes.put(className, out);
                        return out;
                    }
                };
            }
        };
        List<String> options = new ArrayList<>(List.of("-classpath", runtimeLocation(), "-proc:none", "-Xlint:none", "-g"));
        options.addAll(extraOptions);
        JavaFileObject unit = new SimpleJavaFileObject(
                URI.create("string:///" + qualifiedName.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        boolean ok = javac.getTask(null, files, diagnostics, options, null, List.of(unit)).call();
        if (!ok) {
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add("line " + d.getLineNumber() + ": " + d.getMessage(null));
                }
            }
            throw new IllegalStateException("generated source of " + qualifiedName + " does not compile: "
                    + String.join("; ", errors.subList(0, Math.min(3, errors.size()))));
        }
        Map<String, byte[]> bytes = new HashMap<>();
        classes.forEach((k, v) -> bytes.put(k, v.toByteArray()));
        return bytes;
    }

    /** The folder or jar holding the runtime library, as a class path entry. */
    private static String runtimeLocation() {
        try {
            return Path.of(GeneratedModel.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString()
                    + File.pathSeparator + System.getProperty("java.class.path");
        } catch (URISyntaxException | NullPointerException e) {
            return System.getProperty("java.class.path");
        }
    }
}
