package dev.nnc.cli;

import dev.nnc.cli.io.TensorFileReader;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.TensorType;
import dev.nnc.sim.Frames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code nnc sim --input [NAME=]FILE}: reads each input's tensor and cuts it into frames
 * ({@link Frames#split}: the declared {@code [1, ...]} shape is one frame, {@code [N, ...]} is N),
 * then lines the inputs up into frames of all inputs, repeated to {@code --frames} when given.
 */
final class SimInputs {
    private SimInputs() {
    }

    static List<Map<String, Tensor>> frames(FuncOp f, List<String> specs, Integer count) {
        List<String> names = f.inputNames();
        Map<String, List<Tensor>> per = new LinkedHashMap<>();
        List<String> open = new ArrayList<>(names);
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            String name = eq > 0 ? spec.substring(0, eq) : null;
            Path file = Path.of(name != null ? spec.substring(eq + 1) : spec);
            if (name == null) {
                if (open.isEmpty()) {
                    throw new NncException("--input " + spec + ": no design input left for it (inputs: " + String.join(", ", names) + ")");
                }
                name = open.get(0);
            } else if (!names.contains(name)) {
                throw new NncException("--input " + spec + ": the design has no input '" + name + "' (its inputs: "
                        + String.join(", ", names) + ")");
            }
            if (per.containsKey(name)) {
                throw new NncException("--input " + spec + ": input '" + name + "' is given twice");
            }
            open.remove(name);
            TensorType declared = (TensorType) f.arguments().get(names.indexOf(name)).type();
            String what = file.toString();
            per.put(name, ModelLoader.withFile(file, () -> Frames.split(TensorFileReader.readOne(file), declared, what)));
        }
        if (!open.isEmpty()) {
            throw new NncException("missing --input for design input" + (open.size() > 1 ? "s " : " ") + String.join(", ", open));
        }
        int n = count != null ? count : per.values().stream().mapToInt(List::size).max().orElse(1);
        if (n < 1) {
            throw new NncException("--frames must be at least 1");
        }
        for (Map.Entry<String, List<Tensor>> e : per.entrySet()) {
            int have = e.getValue().size();
            if (count == null && have != 1 && have != n) {
                throw new NncException("input '" + e.getKey() + "' has " + have + " frames but another has " + n
                        + "; give the same number, or set --frames");
            }
            e.setValue(Frames.cycle(e.getValue(), n));
        }
        List<Map<String, Tensor>> frames = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Tensor> frame = new LinkedHashMap<>();
            for (String name : names) {
                frame.put(name, per.get(name).get(i));
            }
            frames.add(frame);
        }
        return frames;
    }
}
