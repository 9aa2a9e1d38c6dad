package dev.nnc.passes;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.text.IrParser;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Passes and a module that exist only for the infrastructure tests. */
final class TestPasses {
    private TestPasses() {
    }

    record NoOptions() {
    }

    enum Mode { FAST, SLOW_AND_STEADY }

    record Every(boolean flag, int count, long big, double ratio, String name, Mode mode, List<String> names) {
    }

    record CountOptions(String statistic) {
    }

    static final Set<IrStage> ANY = EnumSet.allOf(IrStage.class);

    /** Counts ops into a statistic; changes nothing. */
    static final PassInfo<CountOptions> COUNT = new PassInfo<>("test-count-ops", "Counts ops.", CountOptions.class,
            new CountOptions("ops"), ANY, null, o -> pass("test-count-ops", o, (m, c) -> {
                m.op().walk(op -> c.count(o.statistic(), 1));
                return false;
            }));

    /** Replaces every onnx.Identity by its input (onnx stage only). */
    static final PassInfo<NoOptions> ERASE_IDENTITY = new PassInfo<>("test-erase-identity", "Removes identities.",
            NoOptions.class, new NoOptions(), Set.of(IrStage.ONNX), null, o -> pass("test-erase-identity", o, (m, c) -> {
                boolean changed = false;
                for (Operation op : List.copyOf(m.mainFunction().body().operations())) {
                    if (op.name().equals("onnx.Identity")) {
                        op.result(0).replaceAllUsesWith(op.operand(0));
                        op.parent().erase(op);
                        c.count("erased", 1);
                        changed = true;
                    }
                }
                return changed;
            }));

    /** Throws an unexpected exception (a crash). */
    static final PassInfo<NoOptions> THROW = new PassInfo<>("test-throw", "Crashes.", NoOptions.class,
            new NoOptions(), ANY, null, o -> pass("test-throw", o, (m, c) -> {
                throw new IllegalStateException("boom");
            }));

    /** Reports an error at the first op of main and returns normally. */
    static final PassInfo<NoOptions> ERROR = new PassInfo<>("test-error", "Reports an error.", NoOptions.class,
            new NoOptions(), ANY, null, o -> pass("test-error", o, (m, c) -> {
                c.error(m.mainFunction().body().operations().get(0), "cannot handle this op");
                return false;
            }));

    /** Leaves IR that does not verify (an Identity with two operands). */
    static final PassInfo<NoOptions> BREAK = new PassInfo<>("test-break", "Breaks the IR.", NoOptions.class,
            new NoOptions(), ANY, null, o -> pass("test-break", o, (m, c) -> {
                Operation first = m.mainFunction().body().operations().get(0);
                first.addOperand(first.operand(0));
                return true;
            }));

    /** Pretends to lower to the kernel stage. */
    static final PassInfo<NoOptions> LOWER = new PassInfo<>("test-lower", "Lowers to kernels.", NoOptions.class,
            new NoOptions(), Set.of(IrStage.ONNX, IrStage.Q), IrStage.KERNEL, o -> pass("test-lower", o, (m, c) -> false));

    /** Has one option of every supported type. */
    static final PassInfo<Every> OPTIONS = new PassInfo<>("test-options", "Has options.", Every.class,
            new Every(false, 1, 2L, 0.5, "x", Mode.FAST, List.of()), ANY, null, o -> pass("test-options", o, (m, c) -> false));

    record Limit(int limit) {
    }

    /** Checks its option when built, as a pass constructor may. */
    static final PassInfo<Limit> CHECKED = new PassInfo<>("test-checked", "Checks its options.", Limit.class,
            new Limit(1), ANY, null, o -> {
                if (o.limit() < 0) {
                    throw new IllegalArgumentException("limit must not be negative, got " + o.limit());
                }
                return pass("test-checked", o, (m, c) -> false);
            });

    static final List<PassInfo<?>> ALL = List.of(COUNT, ERASE_IDENTITY, THROW, ERROR, BREAK, LOWER, OPTIONS, CHECKED);

    static PassRegistry registry() {
        return PassRegistry.of(ALL);
    }

    interface Body {
        boolean run(ModuleOp module, PassContext context);
    }

    static Pass pass(String argument, Record options, Body body) {
        return new Pass() {
            @Override
            public PassInfo<?> info() {
                return registry().get(argument);
            }

            @Override
            public Record options() {
                return options;
            }

            @Override
            public boolean run(ModuleOp module, PassContext context) {
                return body.run(module, context);
            }
        };
    }

    static final String MODULE_TEXT = """
            "builtin.module"() <{opset = 17}> ({
              "func.func"() <{arg_names = ["x"], result_names = ["y"], sym_name = "main"}> ({
              ^bb0(%x: tensor<2xf32>):
                %a = "onnx.Identity"(%x) : (tensor<2xf32>) -> tensor<2xf32> loc("id1")
                %b = "onnx.Relu"(%a) : (tensor<2xf32>) -> tensor<2xf32> loc("relu")
                %y = "onnx.Identity"(%b) : (tensor<2xf32>) -> tensor<2xf32> loc("id2")
                "func.return"(%y) : (tensor<2xf32>) -> ()
              }) : () -> ()
            }) : () -> ()
            """;

    /** x → Identity → Relu → Identity → y. */
    static ModuleOp module() {
        return IrParser.parse(MODULE_TEXT, "test.nir");
    }

    static Map<String, Long> counts(ModuleOp m) {
        Map<String, Long> out = new java.util.TreeMap<>();
        m.op().walk(op -> out.merge(op.name(), 1L, Long::sum));
        return out;
    }
}
