package dev.nnc.passes.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.text.IrPrinter;
import dev.nnc.ir.verify.Verifier;
import dev.nnc.passes.PassContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

class GreedyRewriteDriverTest {

    static RewritePattern pattern(String name, String root, BiPredicate<Operation, PatternRewriter> body) {
        return new RewritePattern() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String rootName() {
                return root;
            }

            @Override
            public boolean matchAndRewrite(Operation op, PatternRewriter rewriter) {
                return body.test(op, rewriter);
            }
        };
    }

    /** Identity(x) → x. */
    static final RewritePattern REMOVE_IDENTITY = pattern("remove-identity", "onnx.Identity", (op, r) -> {
        r.replaceOp(op, List.of(op.operand(0)));
        return true;
    });

    /** Abs(x) → Relu(Relu(x)) (silly, but it creates ops the driver must visit). */
    static final RewritePattern ABS_TO_RELUS = pattern("abs-to-relus", "onnx.Abs", (op, r) -> {
        Operation a = r.create("onnx.Relu", List.of(op.operand(0)), List.of(op.result(0).type()), Map.of(), op.location());
        Operation b = r.create("onnx.Relu", List.of(a.result(0)), List.of(op.result(0).type()), Map.of(), op.location());
        r.replaceOp(op, List.of(b.result(0)));
        return true;
    });

    /** Relu(Relu(x)) → Relu(x). */
    static final RewritePattern FOLD_RELU_PAIR = pattern("fold-relu-pair", "onnx.Relu", (op, r) -> {
        Operation inner = op.operand(0).definingOp();
        if (inner == null || !inner.name().equals("onnx.Relu")) {
            return false;
        }
        r.replaceOp(op, List.of(inner.result(0)));
        return true;
    });

    /** Erases any op without uses (not a terminator, no regions). */
    static final RewritePattern ERASE_DEAD = pattern("erase-dead", null, (op, r) -> {
        if (op.numResults() == 0 || !op.regions().isEmpty() || op.results().stream().anyMatch(v -> v.hasUses())) {
            return false;
        }
        r.eraseOp(op);
        return true;
    });

    static ModuleOp module(String... body) {
        StringBuilder sb = new StringBuilder("\"builtin.module\"() <{opset = 13}> ({\n"
                + "  \"func.func\"() <{arg_names = [\"x\"], result_names = [\"y\"], sym_name = \"main\"}> ({\n"
                + "  ^bb0(%x: tensor<2xf32>):\n");
        for (String line : body) {
            sb.append("    ").append(line.replace("T", "tensor<2xf32>")).append('\n');
        }
        sb.append("  }) : () -> ()\n}) : () -> ()\n");
        return IrParser.parse(sb.toString(), "t.nir");
    }

    static List<String> ops(ModuleOp m) {
        List<String> out = new ArrayList<>();
        m.mainFunction().body().operations().forEach(o -> out.add(o.opName()));
        return out;
    }

    static boolean apply(ModuleOp m, PassContext c, RewritePattern... patterns) {
        boolean changed = GreedyRewriteDriver.apply(m.op(), List.of(patterns), c);
        assertEquals(List.of(), Verifier.verify(m, DialectRegistry.standard()), IrPrinter.print(m));
        return changed;
    }

    @Test
    void rewritesToAFixpointAndCountsEachPattern() {
        ModuleOp m = module("%a = \"onnx.Identity\"(%x) : (T) -> T", "%b = \"onnx.Identity\"(%a) : (T) -> T",
                "%y = \"onnx.Identity\"(%b) : (T) -> T", "\"func.return\"(%y) : (T) -> ()");
        PassContext c = new PassContext();
        assertTrue(apply(m, c, REMOVE_IDENTITY));
        assertEquals(List.of("return"), ops(m));
        assertEquals(Map.of("remove-identity", 3L), c.statistics());
        assertFalse(apply(m, new PassContext(), REMOVE_IDENTITY), "nothing left to rewrite");
    }

    @Test
    void createdOpsAreVisitedToo() {
        ModuleOp m = module("%y = \"onnx.Abs\"(%x) : (T) -> T", "\"func.return\"(%y) : (T) -> ()");
        PassContext c = new PassContext();
        assertTrue(apply(m, c, ABS_TO_RELUS, FOLD_RELU_PAIR));
        assertEquals(List.of("Relu", "return"), ops(m));
        assertEquals(Map.of("abs-to-relus", 1L, "fold-relu-pair", 1L), c.statistics());
    }

    @Test
    void erasingAnOpRevisitsItsProducers() {
        // a dead chain: only the last op is dead at first; erasing it makes its producer dead
        ModuleOp m = module("%a = \"onnx.Relu\"(%x) : (T) -> T", "%b = \"onnx.Abs\"(%a) : (T) -> T",
                "%c = \"onnx.Relu\"(%b) : (T) -> T", "\"func.return\"(%x) : (T) -> ()");
        PassContext c = new PassContext();
        assertTrue(apply(m, c, ERASE_DEAD));
        assertEquals(List.of("return"), ops(m));
        assertEquals(Map.of("erase-dead", 3L), c.statistics());
    }

    @Test
    void theFirstMatchingPatternWinsAndRootNamesFilter() {
        List<String> seen = new ArrayList<>();
        RewritePattern spy = pattern("spy", "onnx.Relu", (op, r) -> {
            seen.add(op.name());
            return false;
        });
        RewritePattern alsoIdentity = pattern("also-identity", "onnx.Identity", (op, r) -> {
            r.replaceOp(op, List.of(op.operand(0)));
            return true;
        });
        ModuleOp m = module("%a = \"onnx.Identity\"(%x) : (T) -> T", "%y = \"onnx.Relu\"(%a) : (T) -> T",
                "\"func.return\"(%y) : (T) -> ()");
        PassContext c = new PassContext();
        apply(m, c, REMOVE_IDENTITY, spy, alsoIdentity);
        assertEquals(List.of("onnx.Relu"), seen, "the spy sees only its root op, once (the worklist has no repeats)");
        assertEquals(Map.of("remove-identity", 1L), c.statistics());
    }

    @Test
    void patternsThatUndoEachOtherAreStopped() {
        RewritePattern reluToAbs = pattern("relu-to-abs", "onnx.Relu", (op, r) -> {
            Operation a = r.create("onnx.Abs", List.of(op.operand(0)), List.of(op.result(0).type()), Map.of(), op.location());
            r.replaceOp(op, List.of(a.result(0)));
            return true;
        });
        RewritePattern absToRelu = pattern("abs-to-relu", "onnx.Abs", (op, r) -> {
            Operation a = r.create("onnx.Relu", List.of(op.operand(0)), List.of(op.result(0).type()), Map.of(), op.location());
            r.replaceOp(op, List.of(a.result(0)));
            return true;
        });
        ModuleOp m = module("%y = \"onnx.Relu\"(%x) : (T) -> T", "\"func.return\"(%y) : (T) -> ()");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GreedyRewriteDriver.apply(m.op(), List.of(reluToAbs, absToRelu), new PassContext(), 100));
        assertTrue(e.getMessage().startsWith("rewrite patterns did not converge after 100 rewrites"), e.getMessage());
    }
}
