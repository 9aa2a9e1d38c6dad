package dev.nnc.passes.quant;

import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.FixedFormats;
import dev.nnc.ir.type.FixedType;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one layer is quantised: either one fixed type for its output ({@code type}, hls4ml style)
 * or a width ({@code bits}) whose integer bits come from the observed range; the weight width
 * (0: the activation width); per-output-channel weights on or off; the cast mode of the layer's
 * output cast or requantisation.
 */
public record LayerSettings(FixedType type, int bits, int weightBits, boolean perChannel, CastMode mode) {
    private static final Pattern FIXED = Pattern.compile("(u?)fixed<(-?\\d+),(-?\\d+)>");

    /** The hls4ml default: {@code fixed<16,6>} everywhere, per-tensor weights, RND_CONV + SAT. */
    public static final LayerSettings DEFAULT = new LayerSettings(new FixedType(16, 6, true), 0, 0, false, CastMode.DEFAULT);

    public LayerSettings {
        if ((type == null) == (bits == 0)) {
            throw new IllegalArgumentException("give either a type or a bit width, not " + (type == null ? "neither" : "both"));
        }
        if (bits < 0 || bits > 32 || weightBits < 0 || weightBits > 32) {
            throw new IllegalArgumentException("bit widths must be 1..32");
        }
    }

    /** The activation width: the type's or {@code bits}. */
    public int width() {
        return type != null ? type.width() : bits;
    }

    /** The weight width: {@code weightBits}, else the activation width. */
    public int weightWidth() {
        return weightBits > 0 ? weightBits : width();
    }

    /**
     * The type of a value with observed range {@code r}: the fixed type if one is set, else the
     * fewest integer bits that hold r at {@code bits} (unsigned when r has no negative value).
     * Null when no range was observed and none is set.
     */
    public FixedType activation(Range r) {
        if (type != null) {
            return type;
        }
        if (r == null || r.isEmpty()) {
            return null;
        }
        return FixedFormats.forRange(r.lo(), r.hi(), bits, r.lo() < 0);
    }

    /** Parses {@code fixed<W,I>} or {@code ufixed<W,I>}; an IllegalArgumentException names the text. */
    public static FixedType parseType(String text) {
        Matcher m = FIXED.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a fixed-point type (write fixed<16,6> or ufixed<8,0>)");
        }
        int w = Integer.parseInt(m.group(2));
        if (w < 1 || w > 64) {
            throw new IllegalArgumentException("'" + text + "': the width must be 1..64");
        }
        return new FixedType(w, Integer.parseInt(m.group(3)), m.group(1).isEmpty());
    }
}
