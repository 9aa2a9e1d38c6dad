package dev.nnc.cli.io;

import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * A numpy dtype string such as {@code <f4} or {@code |u1}, mapped to our element type and byte
 * order. Only the plain numeric and boolean dtypes have a meaning here; numpy has no bfloat16,
 * int4 or fixed-point dtype, so those tensors cannot be stored in {@code .npy}.
 */
public record NpyDtype(ElementType type, ByteOrder order) {
    private static final Map<String, ElementType> KINDS = Map.ofEntries(
            Map.entry("f2", FloatType.F16), Map.entry("f4", FloatType.F32), Map.entry("f8", FloatType.F64),
            Map.entry("i1", IntegerType.I8), Map.entry("i2", IntegerType.I16),
            Map.entry("i4", IntegerType.I32), Map.entry("i8", IntegerType.I64),
            Map.entry("u1", IntegerType.U8), Map.entry("u2", IntegerType.U16),
            Map.entry("u4", IntegerType.U32), Map.entry("u8", IntegerType.U64),
            Map.entry("b1", BoolType.I1));

    /** Parses a dtype descriptor; throws {@link IllegalArgumentException} with the reason. */
    public static NpyDtype parse(String descr) {
        if (descr.length() != 3) {
            throw new IllegalArgumentException("unsupported dtype '" + descr + "'");
        }
        ElementType t = KINDS.get(descr.substring(1));
        if (t == null) {
            throw new IllegalArgumentException("unsupported dtype '" + descr + "'");
        }
        ByteOrder order;
        switch (descr.charAt(0)) {
            case '<':
                order = ByteOrder.LITTLE_ENDIAN;
                break;
            case '>':
                order = ByteOrder.BIG_ENDIAN;
                break;
            case '=':
                order = ByteOrder.nativeOrder();
                break;
            case '|':
                if (t.byteSize() != 1) {
                    throw new IllegalArgumentException("dtype '" + descr + "' needs a byte order ('<' or '>')");
                }
                order = ByteOrder.LITTLE_ENDIAN;
                break;
            default:
                throw new IllegalArgumentException("unsupported dtype '" + descr + "'");
        }
        return new NpyDtype(t, order);
    }

    /** The little-endian dtype numpy uses for {@code type}; throws when numpy has none. */
    public static NpyDtype of(ElementType type) {
        for (Map.Entry<String, ElementType> e : KINDS.entrySet()) {
            if (e.getValue().equals(type)) {
                return new NpyDtype(type, ByteOrder.LITTLE_ENDIAN);
            }
        }
        throw new IllegalArgumentException("numpy has no dtype for " + type.spelling());
    }

    /** Bytes per element. */
    public int itemSize() {
        return type.byteSize();
    }

    /** The descriptor as numpy writes it: {@code |} for one-byte types, else {@code <} or {@code >}. */
    public String descr() {
        String kind = KINDS.entrySet().stream().filter(e -> e.getValue().equals(type))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        char o = itemSize() == 1 ? '|' : order == ByteOrder.BIG_ENDIAN ? '>' : '<';
        return o + kind;
    }
}
