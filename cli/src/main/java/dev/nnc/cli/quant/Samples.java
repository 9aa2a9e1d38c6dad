package dev.nnc.cli.quant;

import dev.nnc.cli.io.Idx;
import dev.nnc.cli.io.TensorFileReader;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.TensorType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Input sets for calibration and evaluation, each a map from input name to tensor: from an
 * {@code .npz} (arrays named by input, with or without a leading sample dimension), a folder of
 * {@code .npy}/{@code .pb} files (one sample each, single-input models; {@code output_*.pb}
 * skipped), an IDX image file (pixels 0–255 as floats, single-input models) or N(0,1) noise.
 */
public final class Samples {
    private Samples() {
    }

    /** The samples of a {@code --calib} argument: FILE.npz, DIR, or IDX-IMAGES[:N]. */
    public static List<Map<String, Tensor>> load(String spec, FuncOp f) {
        Path p = Path.of(spec);
        int limit = Integer.MAX_VALUE;
        int colon = spec.lastIndexOf(':');
        if (!Files.exists(p) && colon > 0 && spec.substring(colon + 1).matches("\\d+")) {
            p = Path.of(spec.substring(0, colon));
            limit = Integer.parseInt(spec.substring(colon + 1));
        }
        if (!Files.exists(p)) {
            throw new NncException(p + ": no such file or folder");
        }
        List<Map<String, Tensor>> out;
        if (Files.isDirectory(p)) {
            out = folder(p, f);
        } else if (p.getFileName().toString().endsWith(".npz")) {
            out = npz(p, f);
        } else {
            out = idx(Idx.images(p), 0, Integer.MAX_VALUE, f);
        }
        if (out.isEmpty()) {
            throw new NncException(p + ": holds no samples");
        }
        return out.subList(0, Math.min(limit, out.size()));
    }

    /** IDX images [from, to) as the single input of {@code f}. */
    public static List<Map<String, Tensor>> idx(Idx.Images images, int from, int to, FuncOp f) {
        TensorType t = single(f, "an IDX image file");
        if (Arrays.stream(t.shape()).asLongStream().reduce(1, (a, b) -> a * b) != (long) images.rows() * images.cols()) {
            throw new NncException("input '" + f.inputNames().get(0) + "' is " + t + " but the IDX images are "
                    + images.rows() + "x" + images.cols());
        }
        List<Map<String, Tensor>> out = new ArrayList<>();
        for (int i = Math.max(0, from); i < Math.min(to, images.count()); i++) {
            out.add(Map.of(f.inputNames().get(0), Tensor.ofDoubles(t.elementType(), t.shape(), images.image(i))));
        }
        return out;
    }

    /** {@code n} input sets of N(0,1) values from {@code seed}. */
    public static List<Map<String, Tensor>> random(FuncOp f, int n, long seed) {
        Random r = new Random(seed);
        List<Map<String, Tensor>> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            Map<String, Tensor> m = new LinkedHashMap<>();
            for (int i = 0; i < f.arguments().size(); i++) {
                TensorType t = staticFloat(f, i);
                double[] v = new double[t.shape().length == 0 ? 1 : Arrays.stream(t.shape()).reduce(1, (a, b) -> a * b)];
                for (int k = 0; k < v.length; k++) {
                    v[k] = r.nextGaussian();
                }
                m.put(f.inputNames().get(i), Tensor.ofDoubles(t.elementType(), t.shape(), v));
            }
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, Tensor>> folder(Path dir, FuncOp f) {
        single(f, "a folder of tensors");
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).filter(x -> {
                String n = x.getFileName().toString();
                return (n.endsWith(".npy") || n.endsWith(".pb")) && !n.startsWith("output_");
            }).sorted().toList();
        } catch (IOException e) {
            throw new NncException(dir + ": cannot list: " + e.getMessage());
        }
        List<Map<String, Tensor>> out = new ArrayList<>();
        for (Path file : files) {
            out.add(Map.of(f.inputNames().get(0), checked(f, 0, TensorFileReader.readOne(file), file)));
        }
        return out;
    }

    private static List<Map<String, Tensor>> npz(Path file, FuncOp f) {
        Map<String, Tensor> arrays = TensorFileReader.readAll(file);
        List<Map<String, Tensor>> out = new ArrayList<>();
        for (int i = 0; i < f.arguments().size(); i++) {
            String name = f.inputNames().get(i);
            Tensor a = arrays.get(name);
            if (a == null && f.arguments().size() == 1 && arrays.size() == 1) {
                a = arrays.values().iterator().next();
            }
            if (a == null) {
                throw new NncException(file + ": no array named '" + name + "' (its arrays: " + String.join(", ", arrays.keySet()) + ")");
            }
            TensorType t = staticFloat(f, i);
            int size = Math.max(1, Arrays.stream(t.shape()).reduce(1, (x, y) -> x * y));
            if (a.size() % size != 0 || a.size() == 0) {
                throw new NncException(file + ": array '" + name + "' of shape " + Arrays.toString(a.shape())
                        + " is not a stack of " + t + " samples");
            }
            double[] v = a.toDoubles();
            for (int s = 0; s < a.size() / size; s++) {
                if (out.size() <= s) {
                    out.add(new LinkedHashMap<>());
                }
                out.get(s).put(name, Tensor.ofDoubles(t.elementType(), t.shape(), Arrays.copyOfRange(v, s * size, (s + 1) * size)));
            }
        }
        out.removeIf(m -> m.size() != f.arguments().size());
        return out;
    }

    private static Tensor checked(FuncOp f, int i, Tensor t, Path file) {
        TensorType want = staticFloat(f, i);
        if (!Arrays.equals(want.shape(), t.shape()) && t.size() != Arrays.stream(want.shape()).reduce(1, (a, b) -> a * b)) {
            throw new NncException(file + ": holds " + t.tensorType() + " but input '" + f.inputNames().get(i) + "' is " + want);
        }
        return Tensor.ofDoubles(want.elementType(), want.shape(), t.toDoubles());
    }

    private static TensorType single(FuncOp f, String what) {
        if (f.arguments().size() != 1) {
            throw new NncException("the model has " + f.arguments().size() + " inputs; " + what + " feeds one (use an .npz)");
        }
        return staticFloat(f, 0);
    }

    private static TensorType staticFloat(FuncOp f, int i) {
        Value a = f.arguments().get(i);
        if (a.type() instanceof TensorType t && t.isStatic() && t.elementType().isFloat()) {
            return t;
        }
        throw new NncException("input '" + f.inputNames().get(i) + "' is " + a.type()
                + "; quantize needs float inputs of static shape (fix it with --input-shape)");
    }
}
