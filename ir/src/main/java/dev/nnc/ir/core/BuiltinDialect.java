package dev.nnc.ir.core;

import dev.nnc.ir.spec.Arity;
import dev.nnc.ir.spec.AttrKind;
import dev.nnc.ir.spec.AttrSpec;
import dev.nnc.ir.spec.Dialect;
import dev.nnc.ir.spec.OpSpec;
import java.util.List;

/**
 * The structural ops every level shares: {@code builtin.module} (holds functions),
 * {@code func.func} (a graph: block arguments are its inputs) and {@code func.return}.
 */
public final class BuiltinDialect {
    public static final String MODULE = "builtin.module";
    public static final String FUNC = "func.func";
    public static final String RETURN = "func.return";

    private BuiltinDialect() {
    }

    public static List<Dialect> all() {
        Dialect builtin = new Dialect("builtin");
        builtin.register(new OpSpec(MODULE, List.of(1), new Arity(0, 0), new Arity(0, 0),
                List.of(new AttrSpec("opset", AttrKind.INT, null, false),
                        new AttrSpec(ModuleOp.OPSET_IMPORTS, AttrKind.STRINGS, null, false)), null, null, null));
        Dialect func = new Dialect("func");
        func.register(new OpSpec(FUNC, List.of(1), new Arity(0, 0), new Arity(0, 0), List.of(
                new AttrSpec("sym_name", AttrKind.STRING, null, true),
                new AttrSpec("arg_names", AttrKind.STRINGS, null, false),
                new AttrSpec("result_names", AttrKind.STRINGS, null, false)), null, null, null));
        func.register(new OpSpec(RETURN, List.of(1), new Arity(0, -1), new Arity(0, 0), List.of(), null, null, null));
        return List.of(builtin, func);
    }
}
