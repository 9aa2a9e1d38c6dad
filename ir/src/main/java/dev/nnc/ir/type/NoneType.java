package dev.nnc.ir.type;

/** The type of an absent optional operand (ONNX's empty input name), spelled {@code none}. */
public enum NoneType implements Type {
    NONE;

    @Override
    public String toString() {
        return "none";
    }
}
