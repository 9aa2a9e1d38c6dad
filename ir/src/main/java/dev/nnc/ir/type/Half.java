package dev.nnc.ir.type;

/** IEEE binary16 conversions (Java 17 has no Float.float16ToFloat). Round to nearest even. */
public final class Half {
    private Half() {
    }

    public static double toDouble(short h) {
        int bits = h & 0xFFFF;
        int sign = (bits >>> 15) != 0 ? -1 : 1;
        int exp = (bits >>> 10) & 0x1F;
        int mant = bits & 0x3FF;
        if (exp == 0) {
            return sign * (mant * 0x1p-24); // double product keeps the sign of -0.0
        }
        if (exp == 31) {
            return mant == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        }
        return sign * (1024 + mant) * Math.scalb(1.0, exp - 25);
    }

    public static short fromDouble(double v) {
        if (Double.isNaN(v)) {
            return (short) 0x7E00;
        }
        int sign = (Double.doubleToRawLongBits(v) < 0) ? 0x8000 : 0;
        double a = Math.abs(v);
        if (a >= 65520.0) {
            return (short) (sign | 0x7C00);
        }
        if (a < 0x1p-14) {
            // subnormal: units of 2^-24, rint rounds half to even
            return (short) (sign | (int) Math.rint(a * 0x1p24));
        }
        int e = Math.getExponent(a);
        double scaled = Math.scalb(a, 10 - e); // in [1024, 2048)
        long m = (long) Math.rint(scaled);
        if (m == 2048) {
            m = 1024;
            e++;
        }
        if (e > 15) {
            return (short) (sign | 0x7C00);
        }
        return (short) (sign | ((e + 15) << 10) | (int) (m - 1024));
    }
}
