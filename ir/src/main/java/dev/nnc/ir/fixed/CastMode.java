package dev.nnc.ir.fixed;

import java.util.Arrays;
import java.util.Locale;

/**
 * A rounding mode and an overflow mode: everything a cast to a narrower fixed type needs.
 *
 * <p><b>Project default: {@link #DEFAULT} = RND_CONV + SAT.</b> hls4ml emits {@code ap_fixed<16,6>}
 * with ap_fixed's own defaults (TRN, WRAP), which are the cheapest gates but the wrong numbers:
 * truncation biases every layer's output by −½ ulp on average, a bias that accumulates through a
 * deep network, and wrap turns a small overflow into a sign flip. nnc chooses integer bits from
 * observed ranges, so a rare out-of-range value must clamp (SAT), and it rounds half to even
 * (RND_CONV) because that is unbiased and is what numpy/ONNX {@code QuantizeLinear} do, so the
 * fixed interpreter matches float-side QDQ reference results. The hardware cost is one adder and
 * a comparator per output, small beside the multipliers. {@link #HLS4ML} (TRN + WRAP) stays one
 * property away for users who need hls4ml's bits exactly.
 */
public record CastMode(Rounding rounding, Overflow overflow) {
    /** The one project-wide default for every cast, quantize and requantize. */
    public static final CastMode DEFAULT = new CastMode(Rounding.RND_CONV, Overflow.SAT);

    /** ap_fixed's and hls4ml's default: truncate toward −∞ and wrap. */
    public static final CastMode HLS4ML = new CastMode(Rounding.TRN, Overflow.WRAP);

    public CastMode {
        if (rounding == null || overflow == null) {
            throw new IllegalArgumentException("cast mode needs a rounding and an overflow mode");
        }
    }

    /**
     * Modes by their names, case-insensitive, with or without ap_fixed's {@code AP_} prefix
     * ({@code "RND_CONV"}, {@code "AP_SAT"}); an unknown name is an IllegalArgumentException listing the valid ones.
     */
    public static CastMode parse(String rounding, String overflow) {
        return new CastMode(byName(Rounding.class, rounding), byName(Overflow.class, overflow));
    }

    private static <E extends Enum<E>> E byName(Class<E> kind, String name) {
        String n = name.toUpperCase(Locale.ROOT);
        n = n.startsWith("AP_") ? n.substring(3) : n;
        for (E e : kind.getEnumConstants()) {
            if (e.name().equals(n)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + kind.getSimpleName().toLowerCase(Locale.ROOT) + " mode '" + name
                + "' (one of " + Arrays.toString(kind.getEnumConstants()) + ")");
    }

    @Override
    public String toString() {
        return rounding + "," + overflow;
    }
}
