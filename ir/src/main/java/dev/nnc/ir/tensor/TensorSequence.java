package dev.nnc.ir.tensor;

import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.SequenceType;
import dev.nnc.ir.type.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An ONNX sequence value: an immutable list of tensors that share {@code elementType} (shapes may
 * differ). The element type is kept explicitly so an empty sequence still knows it.
 */
public record TensorSequence(ElementType elementType, List<Tensor> tensors) implements RuntimeValue {
    public TensorSequence {
        Objects.requireNonNull(elementType, "elementType");
        tensors = List.copyOf(tensors);
        for (Tensor t : tensors) {
            if (!t.elementType().equals(elementType)) {
                throw new IllegalArgumentException("sequence of " + elementType.spelling() + " cannot hold a tensor of "
                        + t.elementType().spelling());
            }
        }
    }

    public static TensorSequence empty(ElementType elementType) {
        return new TensorSequence(elementType, List.of());
    }

    public int size() {
        return tensors.size();
    }

    public Tensor get(int i) {
        return tensors.get(i);
    }

    /** A copy with {@code t} inserted before position {@code at} (0..size). */
    public TensorSequence insert(int at, Tensor t) {
        List<Tensor> l = new ArrayList<>(tensors);
        l.add(at, t);
        return new TensorSequence(elementType, l);
    }

    /** A copy without position {@code at}. */
    public TensorSequence erase(int at) {
        List<Tensor> l = new ArrayList<>(tensors);
        l.remove(at);
        return new TensorSequence(elementType, l);
    }

    @Override
    public SequenceType valueType() {
        return new SequenceType(TensorType.unranked(elementType));
    }

    @Override
    public String kind() {
        return "a sequence";
    }

    @Override
    public String toString() {
        return "sequence<" + elementType.spelling() + ">" + tensors;
    }
}
