package dev.nnc.ir.spec;

/** How many operands or results an op takes: {@code min..max}, max = -1 for variadic. */
public record Arity(int min, int max) {
    public static Arity parse(String s) {
        int dots = s.indexOf("..");
        if (dots < 0) {
            int n = Integer.parseInt(s);
            return new Arity(n, n);
        }
        String hi = s.substring(dots + 2);
        return new Arity(Integer.parseInt(s.substring(0, dots)), hi.equals("*") ? -1 : Integer.parseInt(hi));
    }

    public boolean accepts(int n) {
        return n >= min && (max < 0 || n <= max);
    }

    @Override
    public String toString() {
        return min == max ? String.valueOf(min) : min + ".." + (max < 0 ? "*" : String.valueOf(max));
    }
}
