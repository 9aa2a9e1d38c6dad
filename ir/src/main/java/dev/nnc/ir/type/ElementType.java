package dev.nnc.ir.type;

/**
 * The scalar element of a tensor. Floats, integers, booleans, strings and the fixed-point types
 * ({@code fixed<W,I>}, {@code ufixed<W,I>}) all share this one interface so later levels need no
 * change to the core.
 */
public sealed interface ElementType extends Type permits FloatType, IntegerType, BoolType, StringType, FixedType {

    /** The text spelling, e.g. {@code f32}, {@code u8}, {@code fixed<16,6>}. */
    String spelling();

    /** Storage size of one element in bytes as laid out in a resource blob. */
    int byteSize();

    /** True when values are held as doubles ({@link FloatType}); otherwise as longs or strings. */
    default boolean isFloat() {
        return this instanceof FloatType;
    }

    /** True for integer and boolean types (values held as longs). */
    default boolean isIntegral() {
        return this instanceof IntegerType || this instanceof BoolType;
    }
}
