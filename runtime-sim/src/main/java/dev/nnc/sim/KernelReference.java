package dev.nnc.sim;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.InternalException;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The fixed interpreter's answer recomputed from the design itself, when no kernel.nir is at
 * hand: each hw compute op carries its kernel op's properties (docs/hardware.md §3), so it runs
 * as that kernel op's reference semantics on stream-order tensors (reshaped to its
 * {@code in_shape}); {@code hw.source}/{@code hw.sink} run as {@code kernel.to_stream}/
 * {@code from_stream}; FIFOs, forks and width converters pass tensors through. This checks the
 * cycle models and the RTL against the kernel semantics, not lower-hw (kernel.nir checks that).
 */
public final class KernelReference {
    private KernelReference() {
    }

    /** Per frame, the fixed outputs (before {@code q.dequantize}) by output name. */
    public static List<Map<String, Tensor>> fixedOutputs(HwDesign design, List<Map<String, Tensor>> frames) {
        DialectRegistry registry = DialectRegistry.standard();
        FuncOp f = design.function();
        List<Map<String, Tensor>> out = new ArrayList<>();
        for (Map<String, Tensor> frame : frames) {
            HostEvaluator ev = new HostEvaluator(registry, design.opsets(), op -> op.dialect().equals("hw"));
            HostSimulation.bindInputs(f, ev, frame);
            ev.run(f.body());
            run(registry, design, op -> (Tensor) ev.value(op.operand(0)), (op, t) -> ev.bind(op.result(0), t));
            ev.run(f.body());
            out.add(HostSimulation.fixedOutputs(f, ev));
        }
        return out;
    }

    /**
     * One frame of the hardware part alone: {@code sources.get(i)} is what {@code
     * design.sources().get(i)} takes; returns per sink (design order) the tensor it gives. The
     * cycle simulator's values for frames it fast-forwarded over.
     */
    public static List<Tensor> hardware(HwDesign design, List<Tensor> sources) {
        Map<Operation, Tensor> in = new IdentityHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            in.put(design.sources().get(i), sources.get(i));
        }
        Map<Operation, Tensor> out = new IdentityHashMap<>();
        run(DialectRegistry.standard(), design, in::get, out::put);
        List<Tensor> result = new ArrayList<>();
        for (Operation sink : design.sinks()) {
            result.add(out.get(sink));
        }
        return result;
    }

    /** Runs every hw op of the design in order on its kernel semantics. */
    private static void run(DialectRegistry registry, HwDesign design, Function<Operation, Tensor> sourceValue,
                            BiConsumer<Operation, Tensor> sinkValue) {
        Map<Value, Tensor> streams = new IdentityHashMap<>();
        for (Operation op : design.function().body().operations()) {
            if (op.dialect().equals("hw")) {
                step(registry, op, sourceValue, sinkValue, streams);
            }
        }
    }

    private static void step(DialectRegistry registry, Operation op, Function<Operation, Tensor> sourceValue,
                             BiConsumer<Operation, Tensor> sinkValue, Map<Value, Tensor> streams) {
        switch (op.name()) {
            case "hw.source" -> {
                Tensor x = sourceValue.apply(op);
                int[] perm = HwDesign.perm(op);
                Tensor s = eval(registry, op, "kernel.to_stream", List.of(x), tensorOf(x.elementType(), streamShape(x.shape(), perm)));
                streams.put(op.result(0), s);
            }
            case "hw.sink" -> {
                Tensor s = streams.get(op.operand(0));
                int[] shape = HwDesign.staticShape(op.result(0).type(), op);
                int[] inverse = new int[shape.length];
                int[] perm = HwDesign.perm(op);
                for (int i = 0; i < perm.length; i++) {
                    inverse[perm[i]] = i;
                }
                Tensor in = s.reshape(streamShape(shape, inverse));
                sinkValue.accept(op, eval(registry, op, "kernel.from_stream", List.of(in), op.result(0).type()));
            }
            case "hw.fifo", "hw.dwc" -> streams.put(op.result(0), streams.get(op.operand(0)));
            case "hw.fork" -> {
                streams.put(op.result(0), streams.get(op.operand(0)));
                streams.put(op.result(1), streams.get(op.operand(0)));
            }
            default -> {
                int[] in = HwDesign.ints(op, "in_shape");
                List<Tensor> ins = new ArrayList<>();
                for (Value v : op.operands()) {
                    ins.add(streams.get(v).reshape(in));
                }
                ElementType et = HwDesign.stream(op.result(0), op).element();
                String kernelOp = "kernel." + op.opName();
                streams.put(op.result(0), eval(registry, op, kernelOp, ins, tensorOf(et, HwDesign.ints(op, "out_shape"))));
            }
        }
    }

    /** The tensor shape permuted by {@code perm} with its leading batch dim dropped. */
    private static int[] streamShape(int[] shape, int[] perm) {
        int[] s = new int[shape.length - 1];
        for (int i = 1; i < shape.length; i++) {
            s[i - 1] = shape[perm[i]];
        }
        return s;
    }

    private static Tensor eval(DialectRegistry registry, Operation hw, String kernelOp, List<Tensor> ins, Type result) {
        OpSpec spec = registry.lookup(kernelOp).orElseThrow(
                () -> new NncException(hw.location(), hw.name() + ": no kernel op " + kernelOp + " to check it against"));
        Map<String, Attribute> props = new TreeMap<>(hw.properties());
        props.remove("in_shape");
        props.remove("out_shape");
        // operands typed as the tensors given: some semantics read their operand's type (softmax's input format)
        Block scratch = new Block();
        List<Value> operands = new ArrayList<>();
        for (Tensor t : ins) {
            operands.add(scratch.addArgument(tensorOf(t.elementType(), t.shape()), "x"));
        }
        Operation k = Operation.create(kernelOp, operands, List.of(result), props, hw.location());
        try {
            return (Tensor) spec.semantics().evaluate(new EvalContext(k, spec, ins, 1)).get(0);
        } catch (NncException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InternalException(hw.location(), kernelOp + " (reference of " + hw.name() + ") failed", e);
        }
    }

    private static TensorType tensorOf(ElementType et, int[] shape) {
        List<Dim> dims = new ArrayList<>();
        for (int d : shape) {
            dims.add(new Dim.Known(d));
        }
        return new TensorType(et, dims);
    }
}
