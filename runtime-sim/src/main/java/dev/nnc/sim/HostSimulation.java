package dev.nnc.sim;

import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.tensor.RuntimeValue;
import dev.nnc.ir.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code nnc sim}'s host side of a {@link HwDesign}: per frame, runs the host ops before the
 * hardware ({@code q.quantize}) with the reference semantics, hands every frame's source tensors
 * to an engine at once (frames back to back), then binds the sinks' tensors and runs the host ops
 * after the hardware ({@code q.dequantize}).
 */
public final class HostSimulation {
    private final HwDesign design;
    private final DialectRegistry registry;

    /**
     * The outputs of one run.
     *
     * @param outputs      per frame, the function's outputs by name
     * @param fixedOutputs per frame, each output before its {@code q.dequantize} (the raw fixed
     *                     tensor the hardware produced), by output name
     * @param run          the engine's run
     */
    public record Outcome(List<Map<String, Tensor>> outputs, List<Map<String, Tensor>> fixedOutputs, HwRun run) {
    }

    public HostSimulation(HwDesign design, DialectRegistry registry) {
        this.design = design;
        this.registry = registry;
    }

    public HostSimulation(HwDesign design) {
        this(design, DialectRegistry.standard());
    }

    public HwDesign design() {
        return design;
    }

    /** Runs the frames (each a map input name → tensor) through the host ops and {@code engine}. */
    public Outcome run(HwEngine engine, List<Map<String, Tensor>> frames) {
        if (frames.isEmpty()) {
            throw new NncException("no frames to simulate");
        }
        FuncOp f = design.function();
        Block body = f.body();
        List<HostEvaluator> evaluators = new ArrayList<>();
        List<List<Tensor>> sourceFrames = new ArrayList<>();
        for (Operation ignored : design.sources()) {
            sourceFrames.add(new ArrayList<>());
        }
        for (Map<String, Tensor> frame : frames) {
            HostEvaluator ev = new HostEvaluator(registry, design.opsets(), op -> op.dialect().equals("hw"));
            bindInputs(f, ev, frame);
            ev.run(body);
            for (int i = 0; i < design.sources().size(); i++) {
                Operation src = design.sources().get(i);
                if (!ev.known(src.operand(0))) {
                    throw new NncException(src.location(), "the input of hw.source '" + design.sourceName(src)
                            + "' is not computed by host ops alone (hardware feeding hardware through the host is not supported)");
                }
                sourceFrames.get(i).add((Tensor) ev.value(src.operand(0)));
            }
            evaluators.add(ev);
        }
        HwRun run = engine.run(design, sourceFrames);
        List<Map<String, Tensor>> outputs = new ArrayList<>();
        List<Map<String, Tensor>> fixed = new ArrayList<>();
        for (int fr = 0; fr < frames.size(); fr++) {
            HostEvaluator ev = evaluators.get(fr);
            for (int s = 0; s < design.sinks().size(); s++) {
                List<Tensor> got = run.sinkFrames().get(s);
                if (fr >= got.size()) {
                    throw new NncException("sink '" + design.sinkName(design.sinks().get(s)) + "' gave " + got.size()
                            + " frames of " + frames.size());
                }
                ev.bind(design.sinks().get(s).result(0), got.get(fr));
            }
            ev.run(body);
            outputs.add(byName(f, ev.results(body)));
            fixed.add(fixedOutputs(f, ev));
        }
        return new Outcome(outputs, fixed, run);
    }

    /** Binds a frame's tensors to the function's inputs by name. */
    static void bindInputs(FuncOp f, HostEvaluator ev, Map<String, Tensor> frame) {
        List<String> names = f.inputNames();
        for (int i = 0; i < names.size(); i++) {
            Tensor t = frame.get(names.get(i));
            if (t == null) {
                throw new NncException("missing input '" + names.get(i) + "' (inputs: " + String.join(", ", names) + ")");
            }
            ev.bind(f.arguments().get(i), t);
        }
    }

    static Map<String, Tensor> byName(FuncOp f, List<RuntimeValue> values) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            out.put(f.outputNames().get(i), (Tensor) values.get(i));
        }
        return out;
    }

    /**
     * Each output as the fixed tensor before its {@code q.dequantize} (or the output itself when it
     * is not dequantized), by output name: what bit-exact comparisons look at.
     */
    public static Map<String, Tensor> fixedOutputs(FuncOp f, HostEvaluator ev) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        List<Value> rets = f.outputs();
        for (int i = 0; i < rets.size(); i++) {
            Value v = rets.get(i);
            Operation def = v.definingOp();
            if (def != null && def.name().equals("q.dequantize")) {
                v = def.operand(0);
            }
            out.put(f.outputNames().get(i), (Tensor) ev.value(v));
        }
        return out;
    }
}
