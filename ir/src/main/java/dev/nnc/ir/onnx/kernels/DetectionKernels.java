package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Object-detection ops: {@code NonMaxSuppression} (greedy per batch and class, highest score
 * first, equal scores by lower box index; a box is dropped when its IoU with a kept box exceeds
 * the threshold; with a score threshold only scores above it compete) and {@code RoiAlign}.
 */
public final class DetectionKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/detection.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("NonMaxSuppression", ctx -> List.of(new TensorType(IntegerType.I64, List.of(Dim.symbol(""), Dim.of(3)))),
                ctx -> List.of(nms(ctx)));
        t.op("RoiAlign", DetectionKernels::inferRoiAlign, ctx -> List.of(RoiAlign.run(ctx)));
    }

    private static Tensor nms(EvalContext ctx) {
        Tensor boxes = ctx.input(0);
        Tensor scores = ctx.input(1);
        if (boxes.rank() != 3 || boxes.dim(2) != 4 || scores.rank() != 3 || scores.dim(0) != boxes.dim(0)
                || scores.dim(2) != boxes.dim(1)) {
            throw ctx.error("boxes must be [batches, boxes, 4] and scores [batches, classes, boxes]");
        }
        long maxOut = ctx.hasInput(2) && ctx.input(2).size() > 0 ? Math.max(0, ctx.input(2).getLong(0)) : 0;
        double iou = ctx.hasInput(3) && ctx.input(3).size() > 0 ? ctx.input(3).getDouble(0) : 0;
        boolean hasScoreThreshold = ctx.hasInput(4) && ctx.input(4).size() > 0;
        double scoreThreshold = hasScoreThreshold ? ctx.input(4).getDouble(0) : 0;
        boolean center = ctx.attrs().getInt("center_point_box", 0) != 0;
        int batches = boxes.dim(0);
        int n = boxes.dim(1);
        int classes = scores.dim(1);
        double[] b = boxes.toDoubles();
        double[] s = scores.toDoubles();
        List<long[]> selected = new ArrayList<>();
        for (int bi = 0; bi < batches; bi++) {
            for (int c = 0; c < classes; c++) {
                int base = (bi * classes + c) * n;
                List<Integer> cand = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (!hasScoreThreshold || s[base + i] > scoreThreshold) {
                        cand.add(i);
                    }
                }
                cand.sort((p, q) -> {
                    int byScore = Double.compare(s[base + q], s[base + p]);
                    return byScore != 0 ? byScore : Integer.compare(p, q);
                });
                List<Integer> kept = new ArrayList<>();
                for (int i : cand) {
                    if (kept.size() >= maxOut) {
                        break;
                    }
                    boolean keep = true;
                    for (int k : kept) {
                        if (overlaps(b, (bi * n + i) * 4, (bi * n + k) * 4, center, iou)) {
                            keep = false;
                            break;
                        }
                    }
                    if (keep) {
                        kept.add(i);
                        selected.add(new long[] {bi, c, i});
                    }
                }
            }
        }
        long[] out = new long[selected.size() * 3];
        for (int i = 0; i < selected.size(); i++) {
            System.arraycopy(selected.get(i), 0, out, i * 3, 3);
        }
        return Tensor.ofLongs(IntegerType.I64, new int[] {selected.size(), 3}, out);
    }

    /** True when the IoU of boxes at offsets p and q exceeds the threshold. */
    private static boolean overlaps(double[] b, int p, int q, boolean center, double threshold) {
        double[] r1 = corners(b, p, center);
        double[] r2 = corners(b, q, center);
        double ix = Math.min(r1[2], r2[2]) - Math.max(r1[0], r2[0]);
        double iy = Math.min(r1[3], r2[3]) - Math.max(r1[1], r2[1]);
        if (ix <= 0 || iy <= 0) {
            return false;
        }
        double inter = ix * iy;
        double a1 = (r1[2] - r1[0]) * (r1[3] - r1[1]);
        double a2 = (r2[2] - r2[0]) * (r2[3] - r2[1]);
        double union = a1 + a2 - inter;
        if (a1 <= 0 || a2 <= 0 || union <= 0) {
            return false;
        }
        return inter / union > threshold;
    }

    /** [xmin, ymin, xmax, ymax] of a box given as [y1, x1, y2, x2] (any corner order) or [xc, yc, w, h]. */
    private static double[] corners(double[] b, int at, boolean center) {
        if (center) {
            return new double[] {b[at] - b[at + 2] / 2, b[at + 1] - b[at + 3] / 2, b[at] + b[at + 2] / 2, b[at + 1] + b[at + 3] / 2};
        }
        return new double[] {Math.min(b[at + 1], b[at + 3]), Math.min(b[at], b[at + 2]),
            Math.max(b[at + 1], b[at + 3]), Math.max(b[at], b[at + 2])};
    }

    private static List<Type> inferRoiAlign(InferContext ctx) {
        TensorType x = ConstOperands.ranked(ctx, 0);
        TensorType rois = ConstOperands.ranked(ctx, 1);
        if (x == null || x.rank() != 4 || rois == null || rois.rank() != 2) {
            return java.util.Collections.singletonList(null);
        }
        return List.of(new TensorType(x.elementType(), List.of(rois.dims().get(0), x.dims().get(1),
                Dim.of(ctx.attrs().getInt("output_height", 1)), Dim.of(ctx.attrs().getInt("output_width", 1)))));
    }
}
