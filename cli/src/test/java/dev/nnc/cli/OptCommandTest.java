package dev.nnc.cli;

import static dev.nnc.cli.MainTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.text.IrParser;
import dev.nnc.passes.IrStage;
import dev.nnc.passes.Pass;
import dev.nnc.passes.PassContext;
import dev.nnc.passes.PassInfo;
import dev.nnc.passes.PassRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptCommandTest {
    record NoOptions() {
    }

    record LimitOptions(int limit, List<String> ops) {
    }

    static PassInfo<NoOptions> info(String name, EnumSet<IrStage> accepts, IrStage produces,
                                    BiPredicate<ModuleOp, PassContext> body) {
        return new PassInfo<>(name, "The " + name + " pass.", NoOptions.class, new NoOptions(), accepts, produces,
                o -> pass(name, o, body));
    }

    static Pass pass(String name, Record options, BiPredicate<ModuleOp, PassContext> body) {
        return new Pass() {
            @Override
            public PassInfo<?> info() {
                return REGISTRY.get(name);
            }

            @Override
            public Record options() {
                return options;
            }

            @Override
            public boolean run(ModuleOp module, PassContext context) {
                return body.test(module, context);
            }
        };
    }

    static final EnumSet<IrStage> ANY = EnumSet.allOf(IrStage.class);

    static final PassRegistry REGISTRY = PassRegistry.of(List.of(
            info("erase-identity", EnumSet.of(IrStage.ONNX), null, (m, c) -> {
                for (Operation op : List.copyOf(m.mainFunction().body().operations())) {
                    if (op.name().equals("onnx.Identity")) {
                        op.result(0).replaceAllUsesWith(op.operand(0));
                        op.parent().erase(op);
                        c.count("erased", 1);
                    }
                }
                return true;
            }),
            info("nothing", ANY, null, (m, c) -> false),
            info("explode", ANY, null, (m, c) -> {
                throw new IllegalStateException("boom");
            }),
            info("lower", EnumSet.of(IrStage.ONNX), IrStage.KERNEL, (m, c) -> false),
            info("complain", ANY, null, (m, c) -> {
                List<Operation> ops = m.mainFunction().body().operations();
                c.warning(ops.get(0), "looks odd");
                throw c.error(ops.get(1), "cannot handle this op");
            }),
            new PassInfo<>("limited", "Has options.", LimitOptions.class, new LimitOptions(10, List.of("a", "b")), ANY,
                    null, o -> pass("limited", o, (m, c) -> false))));

    @TempDir
    Path dir;
    Path model;

    static final String MODULE_TEXT = """
            "builtin.module"() <{opset = 17}> ({
              "func.func"() <{arg_names = ["x"], result_names = ["y"], sym_name = "main"}> ({
              ^bb0(%x: tensor<2xf32>):
                %a = "onnx.Identity"(%x) : (tensor<2xf32>) -> tensor<2xf32> loc("id1")
                %y = "onnx.Relu"(%a) : (tensor<2xf32>) -> tensor<2xf32> loc("relu")
                "func.return"(%y) : (tensor<2xf32>) -> ()
              }) : () -> ()
            }) : () -> ()
            """;

    @BeforeEach
    void writeModel() throws Exception {
        model = dir.resolve("m.nir");
        Files.writeString(model, MODULE_TEXT);
    }

    static CliRun opt(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "opt";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.with(List.of(new OptCommand(REGISTRY)), all);
    }

    @Test
    void runsThePipelineAndPrintsTheIr() throws Exception {
        CliRun r = opt(model.toString(), "--pass-pipeline=erase-identity,nothing");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        assertFalse(r.out().contains("onnx.Identity"), r.out());
        assertTrue(r.out().contains("onnx.Relu"), r.out());
        Path out = dir.resolve("out.nir");
        assertEquals(0, opt(model.toString(), "--pass-pipeline", "erase-identity", "-o", out.toString()).exitCode());
        IrParser.parse(Files.readString(out), out.toString());
    }

    @Test
    void listPassesShowsArgumentsSummariesAndOptions() {
        CliRun r = opt("--list-passes");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("  erase-identity  The erase-identity pass. [onnx]\n"), r.out());
        assertTrue(r.out().contains("  lower           The lower pass. [onnx -> kernel]\n"), r.out());
        assertTrue(r.out().contains("    limit=<int>  (default: 10)\n"), r.out());
        assertTrue(r.out().contains("    ops=<list<string>>  (default: a,b)\n"), r.out());
    }

    @Test
    void pipelineMistakesAreOneLineWithExitTwo() {
        String m = model.toString();
        assertOneLineError(opt(m, "--pass-pipeline=erase-identiy"), "nnc: error: pipeline: unknown pass 'erase-identiy' "
                + "(did you mean 'erase-identity'?) (see 'nnc opt --list-passes')");
        assertOneLineError(opt(m, "--pass-pipeline=limited{limt=3}"),
                "nnc: error: pipeline: 'limited' has no option 'limt' (did you mean 'limit'?) (options: limit, ops)");
        assertOneLineError(opt(m, "--pass-pipeline=limited{limit=many}"),
                "nnc: error: pipeline: option 'limit' of 'limited': 'many' is not an int");
        assertOneLineError(opt(m, "--pass-pipeline=lower,erase-identity"), "nnc: error: pipeline: 'erase-identity' "
                + "needs the onnx stage, but 'lower' before it leaves the module at kernel");
        assertOneLineError(opt(m, "-O7"), "nnc: error: -O7: no such optimization level (use -O0 to -O2)");
        assertOneLineError(opt(m, "--print-ir-after=nothin"), "nnc: error: --print-ir-after: unknown pass 'nothin' "
                + "(did you mean 'nothing'?) (see 'nnc opt --list-passes')");
        assertOneLineError(opt(), "nnc: error: Missing required parameter: 'MODEL' (see 'nnc opt --help')");
    }

    @Test
    void printIrAfterAllToADirectoryWritesOneParseableFilePerPass() throws Exception {
        Path dumps = dir.resolve("dumps");
        CliRun r = opt("--print-ir-after-all", dumps.toString(), model.toString(), "--pass-pipeline=nothing,erase-identity");
        assertEquals(0, r.exitCode(), r.err());
        List<Path> files;
        try (Stream<Path> s = Files.list(dumps)) {
            files = s.sorted().toList();
        }
        assertEquals(List.of("01-nothing.nir", "02-erase-identity.nir"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        for (Path f : files) {
            IrParser.parse(Files.readString(f), f.toString());
        }
    }

    @Test
    void printIrAfterAllWithoutDirectoryPrintsToStderr() {
        CliRun r = opt("--print-ir-after-all", model.toString(), "--pass-pipeline=nothing,erase-identity",
                "--print-ir-after-change");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("// -----// IR dump after erase-identity //----- //"),
                r.errLines().stream().filter(l -> l.startsWith("// -----//")).toList());
    }

    @Test
    void timingPrintsARowPerPass() {
        CliRun r = opt(model.toString(), "--pass-pipeline=nothing,erase-identity", "--timing");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.errLines();
        assertEquals(4, lines.size(), r.err());
        assertTrue(lines.get(2).matches("2  erase-identity +\\d+\\.\\d{3} +\\d+\\.\\d%  erased=1"), lines.get(2));
        assertTrue(lines.get(3).startsWith("   total "), lines.get(3));
    }

    @Test
    void aCrashingPassWritesAReproducerThatReplays() throws Exception {
        Path repro = dir.resolve("crash.nir");
        CliRun r = opt(model.toString(), "--pass-pipeline=erase-identity,explode,nothing", "--crash-reproducer", repro.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertEquals(List.of("nnc: internal error: pass 'explode' crashed: java.lang.IllegalStateException: boom; "
                + "reproducer: " + repro + " (replay: nnc opt --run-reproducer " + repro + ")"), r.errLines());
        assertTrue(Files.readString(repro).startsWith("// nnc-reproducer: pipeline=explode,nothing\n"));
        assertFalse(Files.readString(repro).contains("onnx.Identity"), "the IR is from before 'explode'");

        CliRun replay = opt("--run-reproducer", repro.toString());
        assertEquals(1, replay.exitCode(), replay.err());
        assertEquals(List.of("nnc: internal error: pass 'explode' crashed: java.lang.IllegalStateException: boom"),
                replay.errLines());
        assertOneLineError(opt("--run-reproducer", model.toString()), "nnc: error: " + model
                + ": not a crash reproducer (its first line must start with '// nnc-reproducer: pipeline=')");
    }

    @Test
    void verifyDiagnosticsComparesReportsWithExpectedComments() throws Exception {
        String annotated = MODULE_TEXT
                .replace("    %a = ", "    // expected-warning@+1 {{looks odd}}\n    %a = ")
                .replace("    %y = ", "    // expected-error@+1 {{cannot handle}}\n    %y = ");
        Path file = dir.resolve("expect.nir");
        Files.writeString(file, annotated);
        CliRun ok = opt(file.toString(), "--pass-pipeline=complain", "--verify-diagnostics");
        assertEquals(0, ok.exitCode(), ok.err());
        assertEquals("", ok.out() + ok.err());
        assertFalse(Files.exists(Path.of("nnc-crash-complain.nir")), "expected errors write no reproducer");

        CliRun wrong = opt(file.toString(), "--pass-pipeline=nothing", "--verify-diagnostics");
        assertEquals(2, wrong.exitCode(), wrong.err());
        assertEquals(2, wrong.errLines().size(), wrong.err());
        assertTrue(wrong.errLines().get(1).endsWith("expected error \"cannot handle\" was not produced "
                + "(expected by the comment on line 6)"), wrong.err());
        assertOneLineError(opt(dir.resolve("m.onnx").toString(), "--verify-diagnostics"),
                "nnc: error: " + dir.resolve("m.onnx") + ": --verify-diagnostics reads the expected diagnostics from an IR text file (.nir)");
    }
}
