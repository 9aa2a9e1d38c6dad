package dev.nnc.ir.onnx.kernels;

/**
 * Per-group mean and population variance in double, for the normalization ops. Groups are either
 * contiguous rows of a [rows, cols] view, or given per element by a group id.
 */
record Moments(double[] mean, double[] var) {

    /** Moments of each row of x viewed as [rows, cols]; {@code centered = false} gives E[x^2] as var. */
    static Moments ofRows(double[] x, int rows, int cols, boolean centered) {
        double[] mean = new double[rows];
        double[] var = new double[rows];
        for (int r = 0; r < rows; r++) {
            int off = r * cols;
            double s = 0;
            for (int c = 0; c < cols; c++) {
                s += x[off + c];
            }
            double m = centered ? s / cols : 0;
            double q = 0;
            for (int c = 0; c < cols; c++) {
                double dv = x[off + c] - m;
                q += dv * dv;
            }
            mean[r] = s / cols;
            var[r] = q / cols;
        }
        return new Moments(mean, var);
    }

    /** Moments of the elements sharing a group id. */
    static Moments ofGroups(double[] x, int[] group, int groups) {
        double[] mean = new double[groups];
        double[] var = new double[groups];
        int[] n = new int[groups];
        for (int i = 0; i < x.length; i++) {
            mean[group[i]] += x[i];
            n[group[i]]++;
        }
        for (int g = 0; g < groups; g++) {
            mean[g] /= n[g];
        }
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - mean[group[i]];
            var[group[i]] += d * d;
        }
        for (int g = 0; g < groups; g++) {
            var[g] /= n[g];
        }
        return new Moments(mean, var);
    }

    /**
     * For each element of a tensor of {@code shape}, the flat index of its group: its index with
     * the {@code reduced} axes dropped. The group count is the product of the kept dims.
     */
    static int[] groupIds(int[] shape, boolean[] reduced) {
        int[] kept = shape.clone();
        for (int d = 0; d < kept.length; d++) {
            if (reduced[d]) {
                kept[d] = 1;
            }
        }
        return dev.nnc.ir.tensor.Shapes.broadcastIndex(kept, shape);
    }
}
