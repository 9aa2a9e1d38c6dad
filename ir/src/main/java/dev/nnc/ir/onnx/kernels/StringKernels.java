package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/** String ops: {@code StringConcat}, {@code StringSplit}, {@code RegexFullMatch}, {@code StringNormalizer}. */
public final class StringKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/string.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("StringConcat", Infer::broadcast, StringKernels::concat);
        t.op("RegexFullMatch", ctx -> Collections.singletonList(withElement(ctx.operandType(0), BoolType.I1)),
                StringKernels::regexFullMatch);
        t.op("StringSplit", ctx -> Infer.unknown(2), StringKernels::split);
        t.op("StringNormalizer", ctx -> Infer.unknown(1), StringKernels::normalize);
    }

    private static Type withElement(Type t, dev.nnc.ir.type.ElementType e) {
        return t instanceof TensorType tt ? tt.withElementType(e) : null;
    }

    private static List<Tensor> concat(EvalContext ctx) {
        Tensor a = ctx.input(0);
        Tensor b = ctx.input(1);
        int[] shape = Shapes.broadcast(a.shape(), b.shape());
        if (shape == null) {
            throw ctx.error("shapes " + Arrays.toString(a.shape()) + " and " + Arrays.toString(b.shape()) + " do not broadcast");
        }
        int[] ia = Shapes.broadcastIndex(a.shape(), shape);
        int[] ib = Shapes.broadcastIndex(b.shape(), shape);
        String[] out = new String[ia.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.strings()[ia[i]] + b.strings()[ib[i]];
        }
        return List.of(Tensor.ofStrings(shape, out));
    }

    private static List<Tensor> regexFullMatch(EvalContext ctx) {
        String pattern = ctx.attrs().getString("pattern");
        Pattern p;
        try {
            p = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw ctx.error("invalid pattern '" + pattern + "': " + e.getDescription());
        }
        String[] in = ctx.input(0).strings();
        long[] out = new long[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = p.matcher(in[i]).matches() ? 1 : 0;
        }
        return List.of(Tensor.ofLongs(BoolType.I1, ctx.input(0).shape(), out));
    }

    private static List<Tensor> split(EvalContext ctx) {
        Tensor x = ctx.input(0);
        String delimiter = ctx.attrs().getString("delimiter", "");
        long maxsplit = ctx.attrs().getInt("maxsplit", -1);
        List<List<String>> parts = new ArrayList<>();
        int width = 0;
        for (String s : x.strings()) {
            List<String> p = delimiter.isEmpty() ? splitWhitespace(s, maxsplit) : splitOn(s, delimiter, maxsplit);
            parts.add(p);
            width = Math.max(width, p.size());
        }
        int[] shape = Arrays.copyOf(x.shape(), x.rank() + 1);
        shape[x.rank()] = width;
        String[] y = new String[parts.size() * width];
        long[] z = new long[parts.size()];
        Arrays.fill(y, "");
        for (int i = 0; i < parts.size(); i++) {
            List<String> p = parts.get(i);
            z[i] = p.size();
            for (int j = 0; j < p.size(); j++) {
                y[i * width + j] = p.get(j);
            }
        }
        return List.of(Tensor.ofStrings(shape, y), Tensor.ofLongs(IntegerType.I64, x.shape(), z));
    }

    /** Python's {@code str.split(sep, maxsplit)} with an explicit separator. */
    private static List<String> splitOn(String s, String sep, long maxsplit) {
        List<String> out = new ArrayList<>();
        int from = 0;
        while (maxsplit < 0 || out.size() < maxsplit) {
            int at = s.indexOf(sep, from);
            if (at < 0) {
                break;
            }
            out.add(s.substring(from, at));
            from = at + sep.length();
        }
        out.add(s.substring(from));
        return out;
    }

    /** Python's {@code str.split(None, maxsplit)}: runs of whitespace separate, ends are trimmed. */
    private static List<String> splitWhitespace(String s, long maxsplit) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (true) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            if (maxsplit >= 0 && out.size() == maxsplit) {
                out.add(s.substring(i).stripTrailing());
                break;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            out.add(s.substring(start, i));
        }
        return out;
    }

    private static List<Tensor> normalize(EvalContext ctx) {
        Tensor x = ctx.input(0);
        String action = ctx.attrs().getString("case_change_action", "NONE");
        boolean caseSensitive = ctx.attrs().getInt("is_case_sensitive", 0) != 0;
        List<String> stopwords = ctx.attrs().getStrings("stopwords", List.of());
        Locale locale = Locale.forLanguageTag(ctx.attrs().getString("locale", "en-US").replace('_', '-'));
        List<String> stopKeys = stopwords.stream().map(w -> caseSensitive ? w : w.toLowerCase(locale)).toList();
        List<String> kept = new ArrayList<>();
        for (String s : x.strings()) {
            if (!stopKeys.contains(caseSensitive ? s : s.toLowerCase(locale))) {
                kept.add(switch (action) {
                    case "LOWER" -> s.toLowerCase(locale);
                    case "UPPER" -> s.toUpperCase(locale);
                    case "NONE" -> s;
                    default -> throw ctx.error("case_change_action must be LOWER, UPPER or NONE, got " + action);
                });
            }
        }
        if (kept.isEmpty()) {
            kept.add("");
        }
        int[] shape = x.rank() == 2 ? new int[] {1, kept.size()} : new int[] {kept.size()};
        return List.of(Tensor.ofStrings(shape, kept.toArray(new String[0])));
    }
}
