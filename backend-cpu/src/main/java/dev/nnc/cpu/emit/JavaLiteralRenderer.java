package dev.nnc.cpu.emit;

import java.util.Locale;
import org.stringtemplate.v4.AttributeRenderer;

/** Renders floats as Java {@code float} literals that read back to the same value (NaN and infinities by name). */
final class JavaLiteralRenderer implements AttributeRenderer<Float> {
    @Override
    public String toString(Float value, String formatString, Locale locale) {
        float v = value;
        if (Float.isNaN(v)) {
            return "Float.NaN";
        }
        if (Float.isInfinite(v)) {
            return v > 0 ? "Float.POSITIVE_INFINITY" : "Float.NEGATIVE_INFINITY";
        }
        return Float.toString(v) + "f";
    }
}
