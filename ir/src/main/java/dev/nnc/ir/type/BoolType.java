package dev.nnc.ir.type;

/** The boolean element type {@code i1}; values held as 0 or 1. */
public enum BoolType implements ElementType {
    I1;

    @Override
    public String spelling() {
        return "i1";
    }

    @Override
    public int byteSize() {
        return 1;
    }
}
