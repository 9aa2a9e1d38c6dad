package dev.nnc.ir.onnx.kernels;

import java.util.Locale;

/**
 * The element rule of QONNX's {@code Quant} and {@code BipolarQuant}, in one place: the
 * interpreter ({@link QonnxKernels}) and the CPU backend's generated loops both call it, so they
 * agree bit for bit. Every step is a float32 operation, as in QONNX's numpy reference
 * (fastmachinelearning/qonnx docs/qonnx-custom-ops/quant_op.md): q = x / scale + zeropt, clamped
 * to the integer range of {@code bitwidth} bits (signed or not, narrow or not) before it is
 * rounded, then (q - zeropt) * scale. Depends on nothing but {@code java.lang}, so a compiled
 * model jar that calls it carries this class alone.
 */
public final class QonnxQuant {
    /** QONNX's rounding modes, in the order {@link #rounding} numbers them; ROUND is half to even. */
    private static final String[] MODES = {"ROUND", "CEIL", "FLOOR", "UP", "DOWN", "HALF_UP", "HALF_DOWN"};

    private QonnxQuant() {
    }

    /** The number of a rounding mode (any case), or an IllegalArgumentException naming the valid ones. */
    public static int rounding(String mode) {
        String m = mode.toUpperCase(Locale.ROOT);
        for (int i = 0; i < MODES.length; i++) {
            if (MODES[i].equals(m)) {
                return i;
            }
        }
        throw new IllegalArgumentException("rounding_mode must be one of " + String.join(", ", MODES) + ", got '" + mode + "'");
    }

    /** Quant of one value; {@code rounding} from {@link #rounding}; a bit width that is not a whole number in [1, 63] is refused. */
    public static float quant(float x, float scale, float zeropt, double bitwidth, boolean signed, boolean narrow,
                              int rounding) {
        if (!(bitwidth >= 1 && bitwidth <= 63 && bitwidth == Math.rint(bitwidth))) {
            throw new IllegalArgumentException("bitwidth must be a positive whole number of bits (at most 63), got " + bitwidth);
        }
        long half = 1L << ((int) bitwidth - 1);
        float min = !signed ? 0f : narrow ? -half + 1 : -half;
        float max = !signed ? (narrow ? 2 * half - 2 : 2 * half - 1) : half - 1;
        float q = round(Math.min(Math.max(x / scale + zeropt, min), max), rounding);
        return (q - zeropt) * scale;
    }

    /** BipolarQuant of one value: +scale for x >= 0 (0 and -0 included), -scale below. */
    public static float bipolar(float x, float scale) {
        return (x >= 0 ? 1f : -1f) * scale;
    }

    private static float round(float v, int rounding) {
        return switch (rounding) {
            case 0 -> (float) Math.rint(v);
            case 1 -> (float) Math.ceil(v);
            case 2 -> (float) Math.floor(v);
            case 3 -> (float) (Math.signum(v) * Math.ceil(Math.abs(v)));
            case 4 -> (float) (Math.signum(v) * Math.floor(Math.abs(v)));
            case 5 -> (float) (Math.signum(v) * Math.floor(Math.abs(v) + 0.5));
            default -> (float) (Math.signum(v) * Math.ceil(Math.abs(v) - 0.5));
        };
    }
}
