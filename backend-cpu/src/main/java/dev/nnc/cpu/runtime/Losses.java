package dev.nnc.cpu.runtime;

/**
 * ONNX {@code NegativeLogLikelihoodLoss} and {@code SoftmaxCrossEntropyLoss} (log-softmax over
 * axis 1, then the former) on an [n, c, d] view of the scores and an [n, d] target, in double as
 * the interpreter computes. A position's loss is {@code -w[t] * in[n, t, d]}, zero where the target
 * is the ignored class; {@code mean} divides the sum by the sum of the weights taking part.
 */
public final class Losses {
    private Losses() {
    }

    public static void negativeLogLikelihood(Object x, Object target, Object weight, Object loss, int n, int c, int d,
                                             boolean hasIgnore, long ignore, String reduction) {
        reduce(Elements.doubles(x), target, weight, loss, n, c, d, hasIgnore, ignore, reduction);
    }

    /** {@code logProb} may be null when the model does not use it. */
    public static void softmaxCrossEntropy(Object x, Object target, Object weight, Object loss, Object logProb, int n,
                                           int c, int d, boolean hasIgnore, long ignore, String reduction) {
        double[] v = Elements.doubles(x);
        double[] lp = dev.nnc.ir.onnx.kernels.Softmax.logSoftmax(v, n, c, d); // the interpreter's own rule
        reduce(lp, target, weight, loss, n, c, d, hasIgnore, ignore, reduction);
        if (logProb != null) {
            Elements.store(lp, logProb);
        }
    }

    private static void reduce(double[] in, Object target, Object weight, Object loss, int n, int c, int d,
                               boolean hasIgnore, long ignore, String reduction) {
        double[] w = weight == null ? null : Elements.doubles(weight);
        double[] each = new double[n * d];
        double weightSum = 0;
        double lossSum = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                long cls = Elements.longAt(target, i * d + k);
                if (hasIgnore && cls == ignore) {
                    continue;
                }
                if (cls < 0 || cls >= c) {
                    throw new ModelInputError("target class " + cls + " outside [0, " + c + ")");
                }
                double wt = w == null ? 1 : w[(int) cls];
                double l = -wt * in[(i * c + (int) cls) * d + k];
                each[i * d + k] = l;
                lossSum += l;
                weightSum += wt;
            }
        }
        switch (reduction) {
            case "none" -> Elements.store(each, loss);
            case "sum" -> Elements.store(new double[] {lossSum}, loss);
            default -> Elements.store(new double[] {lossSum / weightSum}, loss);
        }
    }
}
