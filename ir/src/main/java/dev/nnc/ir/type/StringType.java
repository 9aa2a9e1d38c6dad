package dev.nnc.ir.type;

/** The ONNX string element type, spelled {@code str}. */
public enum StringType implements ElementType {
    STR;

    @Override
    public String spelling() {
        return "str";
    }

    @Override
    public int byteSize() {
        return 0;
    }
}
