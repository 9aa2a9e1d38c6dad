package dev.nnc.cli.jar;

import dev.nnc.cli.io.Npy;
import dev.nnc.cli.io.Npz;
import dev.nnc.cpu.CompiledModel;
import dev.nnc.cpu.CpuOptions;
import dev.nnc.cpu.Dtype;
import dev.nnc.cpu.GeneratedSource;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The entry point of a compiled model jar ({@code ModelJar}):
 * {@code java -jar model.jar --input x=in.npy [-o out.npz] [--threads N]}. Deliberately free of
 * picocli and of everything else outside the JDK and the copied nnc classes.
 */
public final class JarMain {
    private static final String USAGE = "usage: java -jar MODEL.jar --input [NAME=]FILE.npy|FILE.npz ... "
            + "[-o OUT.npz|OUT.npy] [--threads N]";

    private JarMain() {
    }

    public static void main(String[] args) {
        try {
            run(args, System.out);
        } catch (NncException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Parses the command line, runs the model once, prints or saves the outputs. */
    static void run(String[] args, PrintStream out) {
        Properties p = load();
        List<String> inputNames = names(p, "input");
        List<String> outputNames = names(p, "output");
        int threads = Integer.parseInt(p.getProperty("threads"));
        Path output = null;
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ((a.equals("--input") || a.equals("-i")) && i + 1 < args.length) {
                bind(args[++i], inputNames, inputs);
            } else if ((a.equals("--output") || a.equals("-o")) && i + 1 < args.length) {
                output = Path.of(args[++i]);
            } else if (a.equals("--threads") && i + 1 < args.length) {
                threads = Integer.parseInt(args[++i]);
            } else if (a.equals("--help") || a.equals("-h")) {
                out.println(USAGE);
                out.println("inputs: " + describe(p, "input") + "; outputs: " + describe(p, "output"));
                return;
            } else {
                throw new IllegalArgumentException("unexpected argument '" + a + "'\n" + USAGE);
            }
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        GeneratedSource src = new GeneratedSource(p.getProperty("class"), "", weights(p), inputNames,
                shapes(p, "input"), types(p, "input"), outputNames, shapes(p, "output"), types(p, "output"));
        Map<String, Tensor> result;
        try (CompiledModel model = CompiledModel.of(modelClass(src.qualifiedName()), src, new CpuOptions(threads))) {
            result = model.run(inputs);
        }
        if (output == null) {
            result.forEach((name, t) -> out.println(name + ": " + t.tensorType() + " " + preview(t)));
        } else if (output.toString().toLowerCase(Locale.ROOT).endsWith(".npy") && result.size() == 1) {
            Npy.write(output, result.values().iterator().next());
        } else {
            Npz.write(output, result);
        }
    }

    private static void bind(String arg, List<String> inputNames, Map<String, Tensor> inputs) {
        int eq = arg.indexOf('=');
        String given = eq > 0 ? arg.substring(0, eq) : null;
        Path file = Path.of(eq > 0 ? arg.substring(eq + 1) : arg);
        if (file.toString().toLowerCase(Locale.ROOT).endsWith(".npz")) {
            Npz.read(file).forEach((k, t) -> inputs.put(given != null ? given : k, t));
            return;
        }
        String name = given;
        if (name == null) {
            name = inputNames.stream().filter(n -> !inputs.containsKey(n)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("more inputs given than the model takes"));
        }
        inputs.put(name, Npy.read(file));
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = JarMain.class.getClassLoader().getResourceAsStream(JarLayout.MODEL_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("this jar has no " + JarLayout.MODEL_PROPERTIES);
            }
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }

    private static List<Tensor> weights(Properties p) {
        List<Tensor> out = new ArrayList<>();
        int n = Integer.parseInt(p.getProperty("weights"));
        for (int i = 0; i < n; i++) {
            String name = JarLayout.weight(i);
            try (InputStream in = JarMain.class.getClassLoader().getResourceAsStream(name)) {
                out.add(Npy.read(in.readAllBytes(), name));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static List<String> names(Properties p, String kind) {
        List<String> out = new ArrayList<>();
        int n = Integer.parseInt(p.getProperty(kind + "s"));
        for (int i = 0; i < n; i++) {
            out.add(p.getProperty(kind + "." + i + ".name"));
        }
        return out;
    }

    private static List<int[]> shapes(Properties p, String kind) {
        List<int[]> out = new ArrayList<>();
        int n = Integer.parseInt(p.getProperty(kind + "s"));
        for (int i = 0; i < n; i++) {
            String s = p.getProperty(kind + "." + i + ".shape");
            out.add(s.isEmpty() ? new int[0] : Arrays.stream(s.split(",")).mapToInt(Integer::parseInt).toArray());
        }
        return out;
    }

    private static List<Dtype> types(Properties p, String kind) {
        List<Dtype> out = new ArrayList<>();
        int n = Integer.parseInt(p.getProperty(kind + "s"));
        for (int i = 0; i < n; i++) {
            out.add(Dtype.valueOf(p.getProperty(kind + "." + i + ".type")));
        }
        return out;
    }

    private static String describe(Properties p, String kind) {
        List<String> parts = new ArrayList<>();
        List<String> names = names(p, kind);
        List<int[]> shapes = shapes(p, kind);
        for (int i = 0; i < names.size(); i++) {
            parts.add(names.get(i) + " " + types(p, kind).get(i).elementType() + Arrays.toString(shapes.get(i)));
        }
        return String.join(", ", parts);
    }

    private static Class<?> modelClass(String name) {
        try {
            return Class.forName(name, true, JarMain.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("this jar has no class " + name, e);
        }
    }

    private static String preview(Tensor t) {
        StringBuilder b = new StringBuilder("[");
        int n = Math.min(8, t.size());
        for (int i = 0; i < n; i++) {
            b.append(i > 0 ? ", " : "").append(t.isDoubles() ? Double.toString(t.doubles()[i]) : Long.toString(t.longs()[i]));
        }
        return b.append(t.size() > n ? ", ...]" : "]").toString();
    }
}
