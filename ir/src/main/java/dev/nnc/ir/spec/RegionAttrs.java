package dev.nnc.ir.spec;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * Which ONNX graph attribute each region of an op came from. When every graph attribute of an
 * op is required, region i is the spec's i-th graph attribute. When some are optional
 * (FlexAttention's {@code score_mod}, {@code prob_mod}, ...) a missing one would shift the
 * others, so the importer records the names in property {@value #PROPERTY}, one per region.
 */
public final class RegionAttrs {
    /** Property listing, per region, the graph attribute it holds. */
    public static final String PROPERTY = "region_attrs";

    private RegionAttrs() {
    }

    /** The graph attributes of a spec, in spec order. */
    public static List<AttrSpec> graphs(OpSpec spec) {
        return spec.attributes().stream().filter(a -> a.kind() == AttrKind.GRAPH).toList();
    }

    /** True when the spec has an optional graph attribute, so the importer names the regions. */
    public static boolean needsNames(OpSpec spec) {
        return graphs(spec).stream().anyMatch(a -> !a.required());
    }

    /**
     * The attribute name of each region of {@code op}: from {@value #PROPERTY} when set, else
     * every graph attribute (when there are as many regions) or only the required ones.
     */
    public static List<String> names(Operation op, OpSpec spec) {
        if (op.property(PROPERTY) instanceof Attribute.ArrayAttr arr) {
            List<String> out = new ArrayList<>();
            for (Attribute a : arr.values()) {
                out.add(a instanceof Attribute.StringAttr s ? s.value() : String.valueOf(a));
            }
            return out;
        }
        List<AttrSpec> graphs = graphs(spec);
        List<String> all = graphs.stream().map(AttrSpec::name).toList();
        if (op.regions().size() >= all.size()) {
            return all;
        }
        List<String> required = graphs.stream().filter(AttrSpec::required).map(AttrSpec::name).toList();
        return op.regions().size() == required.size() ? required : all.subList(0, op.regions().size());
    }

    /** The index of the region holding graph attribute {@code name}, or -1 when it is absent. */
    public static int index(Operation op, OpSpec spec, String name) {
        return names(op, spec).indexOf(name);
    }
}
