package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.List;

/** Graph plumbing: {@code Constant}, {@code Identity} (of any value: tensor, sequence, optional) and {@code NoValue} (an absent optional input). */
public final class StructuralKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/structural.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("Constant", ctx -> java.util.Collections.singletonList(constantType(ctx.attrs())), ctx -> List.of(constant(ctx)));
        t.op("Identity", Infer::sameAsFirst, ctx -> List.of(ctx.value(0)));
        t.op("NoValue", ctx -> List.of(dev.nnc.ir.type.NoneType.NONE), ctx -> java.util.Collections.singletonList(null));
    }

    private static Type constantType(OpAttributes a) {
        Tensor v = a.getTensor("value");
        if (v != null) {
            return v.tensorType();
        }
        if (a.get("value_float") != null) {
            return TensorType.of(FloatType.F32);
        }
        if (a.get("value_floats") != null) {
            return TensorType.of(FloatType.F32, a.getFloats("value_floats", null).length);
        }
        if (a.get("value_int") != null) {
            return TensorType.of(IntegerType.I64);
        }
        if (a.get("value_ints") != null) {
            return TensorType.of(IntegerType.I64, a.getInts("value_ints", null).length);
        }
        if (a.get("value_string") != null) {
            return TensorType.of(dev.nnc.ir.type.StringType.STR);
        }
        if (a.get("value_strings") != null) {
            return TensorType.of(dev.nnc.ir.type.StringType.STR, a.getStrings("value_strings", null).size());
        }
        return null;
    }

    private static Tensor constant(EvalContext ctx) {
        OpAttributes a = ctx.attrs();
        Tensor v = a.getTensor("value");
        if (v != null) {
            return v;
        }
        if (a.get("value_float") != null) {
            return Tensor.scalar(FloatType.F32, a.getFloat("value_float"));
        }
        if (a.get("value_floats") != null) {
            double[] f = a.getFloats("value_floats", null);
            return Tensor.ofDoubles(FloatType.F32, new int[] {f.length}, f);
        }
        if (a.get("value_int") != null) {
            return Tensor.scalar(IntegerType.I64, a.getInt("value_int"));
        }
        if (a.get("value_ints") != null) {
            long[] l = a.getInts("value_ints", null);
            return Tensor.ofLongs(IntegerType.I64, new int[] {l.length}, l);
        }
        if (a.get("value_string") != null) {
            return Tensor.ofStrings(new int[0], new String[] {a.getString("value_string")});
        }
        if (a.get("value_strings") != null) {
            List<String> s = a.getStrings("value_strings", null);
            return Tensor.ofStrings(new int[] {s.size()}, s.toArray(new String[0]));
        }
        throw ctx.error("Constant has no value attribute");
    }
}
