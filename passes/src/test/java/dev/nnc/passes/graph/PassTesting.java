package dev.nnc.passes.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.text.IrPrinter;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.verify.Verifier;
import dev.nnc.passes.Pass;
import dev.nnc.passes.PassContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Parsing small IR, running passes, counting ops and comparing interpreter outputs. */
final class PassTesting {
    private PassTesting() {
    }

    /**
     * A module whose main function has {@code args} (e.g. {@code %x: tensor<1x4xf32>}), {@code body}
     * and returns {@code results} written the same way ({@code %y: tensor<1x4xf32>, ...}).
     */
    static ModuleOp module(int opset, String args, String body, String results) {
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (String r : results.split(",(?![^<]*>)")) {
            String[] nt = r.split(":", 2);
            names.add(nt[0].strip());
            types.add(nt[1].strip());
        }
        String ret = String.join(", ", names) + ") : (" + String.join(", ", types);
        String text = "\"builtin.module\"() <{opset = " + opset + "}> ({\n"
                + "  \"func.func\"() <{sym_name = \"main\"}> ({\n"
                + "  ^bb0(" + args + "):\n" + body + "\n    \"func.return\"(" + ret + ") -> ()\n"
                + "  }) : () -> ()\n}) : () -> ()\n";
        return IrParser.parse(text, "test.nir");
    }

    static ModuleOp module(String args, String body, String results) {
        return module(17, args, body, results);
    }

    /** Runs the passes in order, verifying after each; returns the last context. */
    static PassContext run(ModuleOp m, Pass... passes) {
        PassContext ctx = null;
        for (Pass p : passes) {
            ctx = new PassContext();
            p.run(m, ctx);
            Verifier.verifyOrThrow(m.op(), DialectRegistry.standard());
        }
        return ctx;
    }

    static long count(ModuleOp m, String opName) {
        return m.mainFunction().body().operations().stream().filter(o -> o.name().equals(opName)).count();
    }

    static Operation first(ModuleOp m, String opName) {
        return m.mainFunction().body().operations().stream().filter(o -> o.name().equals(opName)).findFirst().orElse(null);
    }

    static String print(ModuleOp m) {
        return IrPrinter.print(m);
    }

    /** Random inputs for the module's arguments (static shapes, floats in [-2, 2)). */
    static List<Tensor> inputs(ModuleOp m, long seed) {
        Random r = new Random(seed);
        List<Tensor> out = new ArrayList<>();
        for (Value a : m.mainFunction().arguments()) {
            TensorType t = (TensorType) a.type();
            double[] v = new double[(int) t.elementCount()];
            for (int i = 0; i < v.length; i++) {
                v[i] = r.nextDouble() * 4 - 2;
            }
            out.add(Tensor.ofDoubles(t.elementType(), t.shape(), v));
        }
        return out;
    }

    static List<Tensor> eval(ModuleOp m, List<Tensor> inputs) {
        return new Interpreter().run(m.mainFunction(), inputs, m.opset());
    }

    /** Asserts {@code after} computes what {@code before} computes on random inputs (rtol 1e-5). */
    static void assertSameOutputs(ModuleOp before, ModuleOp after) {
        List<Tensor> in = inputs(before, 42);
        List<Tensor> e = eval(before, in);
        List<Tensor> a = eval(after, in);
        assertEquals(e.size(), a.size());
        for (int k = 0; k < e.size(); k++) {
            assertEquals(e.get(k).tensorType(), a.get(k).tensorType(), "output " + k + " type");
            double[] ev = e.get(k).toDoubles();
            double[] av = a.get(k).toDoubles();
            for (int i = 0; i < ev.length; i++) {
                assertTrue(Math.abs(ev[i] - av[i]) <= 1e-6 + 1e-5 * Math.abs(ev[i]),
                        "output " + k + " element " + i + ": " + av[i] + " vs " + ev[i]);
            }
        }
    }

    /** {@code n} pseudo-random floats in [lo, lo + 1) as a dense literal list {@code [a, b, ...]}. */
    static String values(int n, long seed, double lo) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ", ").append((float) (lo + r.nextDouble()));
        }
        return b.append(']').toString();
    }
}
