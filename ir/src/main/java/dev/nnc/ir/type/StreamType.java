package dev.nnc.ir.type;

import java.util.Objects;

/**
 * One point-to-point hardware stream with a valid/ready handshake: each beat carries {@code lanes}
 * elements of {@code element} side by side. Spelled {@code !hw.stream<4xfixed<8,3>>}; values of
 * this type only appear in the {@code hw} dialect, where each has exactly one user.
 */
public record StreamType(int lanes, ElementType element) implements Type {
    public StreamType {
        Objects.requireNonNull(element, "element");
        if (lanes < 1) {
            throw new IllegalArgumentException("a stream needs at least one lane, got " + lanes);
        }
    }

    /** Bits of one beat: lanes × element width (the packed {@code *_data} port). */
    public int beatBits() {
        return lanes * elementBits(element);
    }

    private static int elementBits(ElementType e) {
        if (e instanceof FixedType f) {
            return f.width();
        }
        if (e instanceof IntegerType i) {
            return i.width();
        }
        if (e == BoolType.I1) {
            return 1;
        }
        return e.byteSize() * 8;
    }

    public StreamType withLanes(int n) {
        return new StreamType(n, element);
    }

    @Override
    public String toString() {
        return TypeSpelling.of(this);
    }
}
