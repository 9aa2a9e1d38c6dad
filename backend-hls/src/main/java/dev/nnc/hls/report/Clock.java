package dev.nnc.hls.report;

import dev.nnc.ir.diag.NncException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A clock target, given as a frequency ({@code 200MHz}, {@code 0.25GHz}) or a period ({@code 5ns}). */
public record Clock(double mhz) {
    private static final Pattern SPEC = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)\\s*(ghz|mhz|khz|hz|ns|ps)?\\s*");

    public Clock {
        if (!(mhz > 0) || Double.isInfinite(mhz)) {
            throw new IllegalArgumentException("clock must be positive, got " + mhz + " MHz");
        }
    }

    /** {@code 200MHz}, {@code 200 MHz}, {@code 0.2GHz}, {@code 5ns}, or a bare number of MHz. */
    public static Clock parse(String text) {
        Matcher m = SPEC.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new NncException("--clock '" + text + "': expected a frequency like 200MHz or a period like 5ns");
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "mhz" : m.group(2);
        double mhz;
        switch (unit) {
            case "ghz":
                mhz = v * 1e3;
                break;
            case "khz":
                mhz = v * 1e-3;
                break;
            case "hz":
                mhz = v * 1e-6;
                break;
            case "ns":
                mhz = v == 0 ? 0 : 1e3 / v;
                break;
            case "ps":
                mhz = v == 0 ? 0 : 1e6 / v;
                break;
            default:
                mhz = v;
        }
        if (!(mhz > 0)) {
            throw new NncException("--clock '" + text + "': must be positive");
        }
        return new Clock(mhz);
    }

    /** The period in ns. */
    public double periodNs() {
        return 1e3 / mhz;
    }

    /** {@code cycles} in ns at this clock. */
    public double ns(long cycles) {
        return cycles * periodNs();
    }

    /** {@code 200 MHz}, {@code 166.667 MHz}. */
    public String describe() {
        return Numbers.decimal(mhz, 3) + " MHz";
    }
}
